"""channels/relatieroute.py with its admission gate: at most `max_concurrent_messages` messages
in the assistant at once, in order of arrival; a message that cannot get in before the timeout
still gets the emergency numbers and the wijkteam; the setting comes from credentials.yml or
the environment."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from rasa.core.channels.channel import UserMessage

from channels.relatieroute import DEFAULT_MAX_CONCURRENT, RelatierouteInput

ROOT = Path(__file__).resolve().parents[2]


def _request(sender: str, text: str) -> SimpleNamespace:
    """What `_receive` reads of a Sanic request (no action server configured)."""
    body = json.dumps({"sender": sender, "message": text, "metadata": {"gemeente": "zwolle"}})
    return SimpleNamespace(
        body=body.encode(), remote_addr="127.0.0.1", ip="127.0.0.1",
        app=SimpleNamespace(ctx=SimpleNamespace(agent=None)),
    )


class Assistant:
    """Stands in for Rasa behind the channel: answers after `seconds`, noting who is inside."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.inside = 0
        self.most_inside = 0
        self.started: list[str] = []

    async def __call__(self, message: UserMessage) -> None:
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        self.started.append(message.sender_id)
        try:
            await asyncio.sleep(self.seconds)
            await message.output_channel.send_text_message(message.sender_id, f"antwoord op {message.text}")
        finally:
            self.inside -= 1


def _texts(response) -> list[str]:
    return [item["text"] for item in json.loads(response.body)]


async def test_at_most_the_limit_in_the_assistant_and_first_come_first_served():
    channel = RelatierouteInput(sender_per_minute=1000, address_per_minute=1000, max_concurrent=2)
    assistant = Assistant(0.02)
    tasks = []
    for index in range(8):
        request = _request(f"s{index}", f"bericht {index}")
        tasks.append(asyncio.create_task(channel._receive(request, assistant)))
        await asyncio.sleep(0)
    responses = await asyncio.gather(*tasks)
    assert assistant.most_inside == 2
    assert assistant.started == [f"s{index}" for index in range(8)]
    assert [_texts(r) for r in responses] == [[f"antwoord op bericht {i}"] for i in range(8)]
    assert channel.gate.inside == 0 and channel.gate.waiting == 0


async def test_without_a_limit_all_messages_are_in_at_once():
    channel = RelatierouteInput(sender_per_minute=1000, address_per_minute=1000, max_concurrent=0)
    assistant = Assistant(0.02)
    await asyncio.gather(*(channel._receive(_request(f"s{i}", "hoi"), assistant) for i in range(6)))
    assert assistant.most_inside == 6


async def test_a_message_timed_out_at_the_door_gets_the_safety_numbers_and_loses_no_place():
    channel = RelatierouteInput(
        sender_per_minute=1000, address_per_minute=1000, timeout_seconds=0.1, max_concurrent=1
    )
    assistant = Assistant(0.0)
    await channel.gate.acquire()  # a message that takes longer than the timeout is inside
    waiting = await channel._receive(_request("b", "tweede"), assistant)
    (text,) = _texts(waiting)
    assert "112" in text and "0800-2000" in text and "wijkteam" in text.lower()
    assert assistant.started == []  # it never reached the assistant
    assert channel.gate.waiting == 0  # and left the queue
    channel.gate.release()
    answered = await channel._receive(_request("c", "derde"), assistant)
    assert _texts(answered) == ["antwoord op derde"]
    assert channel.gate.inside == 0 and channel.gate.waiting == 0


def test_the_limit_comes_from_credentials_or_the_environment(monkeypatch):
    monkeypatch.delenv("RELATIEROUTE_MAX_CONCURRENT", raising=False)
    assert RelatierouteInput.from_credentials(None).gate.limit == DEFAULT_MAX_CONCURRENT
    assert RelatierouteInput.from_credentials({"max_concurrent_messages": 3}).gate.limit == 3
    assert RelatierouteInput.from_credentials({"max_concurrent_messages": 0}).gate.limit == 0
    monkeypatch.setenv("RELATIEROUTE_MAX_CONCURRENT", "5")
    assert RelatierouteInput.from_credentials({"max_concurrent_messages": 3}).gate.limit == 5


def test_credentials_yml_sets_the_shipped_limit(monkeypatch):
    monkeypatch.delenv("RELATIEROUTE_MAX_CONCURRENT", raising=False)
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text())
    settings = credentials["channels.relatieroute.RelatierouteInput"]
    channel = RelatierouteInput.from_credentials(settings)
    assert channel.gate.limit == settings["max_concurrent_messages"] >= 1


@pytest.mark.parametrize("bad", ["-1", "veel", "2.5"])
def test_a_wrong_limit_in_the_environment_is_refused_clearly(monkeypatch, bad):
    monkeypatch.setenv("RELATIEROUTE_MAX_CONCURRENT", bad)
    with pytest.raises(ValueError, match="RELATIEROUTE_MAX_CONCURRENT"):
        RelatierouteInput.from_credentials({})


async def test_one_address_with_many_senders_is_limited_and_another_address_is_not():
    """The per-address limit (the shared live test stack lifts it: every test is 127.0.0.1)."""
    channel = RelatierouteInput(sender_per_minute=1000, address_per_minute=60, max_concurrent=0)
    assistant = Assistant(0.0)
    statuses = [(await channel._receive(_request(f"s{i}", "hoi"), assistant)).status
                for i in range(40)]
    assert statuses[0] == 200 and statuses[-1] == 429  # burst of 30, then refused
    other = _request("someone-else", "hoi")
    other.remote_addr = other.ip = "192.0.2.7"
    assert (await channel._receive(other, assistant)).status == 200
