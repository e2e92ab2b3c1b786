"""Action server calls reuse one HTTP session and its connections (deploy/speedups/action_sessions.py)."""

from __future__ import annotations

import asyncio
import json

from aiohttp import web
from rasa.utils.endpoints import EndpointConfig

from deploy.speedups import json_text
from deploy.speedups.action_sessions import CLIENT_KEEPALIVE_S


async def _serve(connections: list[int], bodies: list[dict] | None = None) -> tuple[web.AppRunner, str]:
    async def webhook(request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername")
        connections.append(peer[1])  # the client's port: one per TCP connection
        if bodies is not None:
            bodies.append(json.loads(await request.text()))
        return web.json_response({"events": [], "responses": []})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}/webhook"


async def test_calls_share_one_connection_and_get_their_answers(rasa_speedups_installed):
    connections: list[int] = []
    runner, url = await _serve(connections)
    try:
        endpoint = EndpointConfig(url)
        answers = [await endpoint.request(json={"next_action": "x"}) for _ in range(5)]
        assert answers == [{"events": [], "responses": []}] * 5
        assert len(connections) == 5 and len(set(connections)) == 1
    finally:
        await runner.cleanup()


async def test_without_the_speedup_every_call_opens_a_connection():
    connections: list[int] = []
    runner, url = await _serve(connections)
    try:
        endpoint = EndpointConfig(url)
        for _ in range(3):
            await endpoint.request(json={})
        assert len(set(connections)) == 3
    finally:
        await runner.cleanup()


async def test_session_stays_open_is_configured_like_rasas_and_is_replaced_when_closed(
    rasa_speedups_installed,
):
    endpoint = EndpointConfig("http://127.0.0.1:1/webhook", headers={"X-Test": "1"},
                              basic_auth={"username": "u", "password": "p"})
    async with endpoint.session() as first:
        pass
    assert not first.closed
    assert first.headers["X-Test"] == "1" and first.auth.login == "u"
    assert first.connector._keepalive_timeout == CLIENT_KEEPALIVE_S < 5
    assert first._json_serialize is json_text.dumps  # what `request(json=...)` is written with
    async with endpoint.session() as again:
        assert again is first
    await first.close()
    async with endpoint.session() as fresh:
        assert fresh is not first and not fresh.closed
    await fresh.close()


def test_each_event_loop_gets_its_own_session(rasa_speedups_installed):
    endpoint = EndpointConfig("http://127.0.0.1:1/webhook")

    async def session_of_this_loop():
        async with endpoint.session() as session:
            return session

    loop_a, loop_b = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        a = loop_a.run_until_complete(session_of_this_loop())
        b = loop_b.run_until_complete(session_of_this_loop())
        assert a is not b
        assert loop_a.run_until_complete(session_of_this_loop()) is a
        loop_a.run_until_complete(a.close())
        loop_b.run_until_complete(b.close())
    finally:
        loop_a.close()
        loop_b.close()


async def test_the_action_server_receives_the_tracker_rasa_sends(rasa_speedups_installed):
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    received: list[dict] = []
    runner, url = await _serve([], received)
    try:
        domain = Domain.from_yaml("version: '3.1'\nslots:\n  gemeente:\n    type: any\n    mappings: []")
        tracker = DialogueStateTracker.from_events("s/1", [
            ActionExecuted("action_listen"),
            UserUttered("Hij slaat me 😢 </script>", {"name": "danger_violence", "confidence": 0.987654321},
                        parse_data={"text": "x", "intent_ranking": [{"name": "a", "confidence": 1e-7}]}),
            SlotSet("gemeente", {"naam": "'s-Hertogenbosch", "codes": [796, 2**40]}),
        ], domain.slots)
        action = RemoteAction("action_x", EndpointConfig(url))
        payload = action._action_call_format(tracker, domain)
        await action.action_endpoint.request(json=payload, method="post")
        assert received == [json.loads(json.dumps(payload))]
    finally:
        await runner.cleanup()
