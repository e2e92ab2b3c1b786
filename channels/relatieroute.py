"""The Relatieroute REST channel: Rasa's REST webhook, made safe for residents in distress.

`POST /webhooks/relatieroute/webhook` with `{"sender", "message", "metadata": {"gemeente",
"channel"}}`. On top of Rasa's `RestInput` it
- answers malformed JSON, wrong types and oversized bodies with 4xx and a kind Dutch text;
- answers an empty message itself and cuts very long ones (the assistant reads the first part);
- passes on only the metadata the assistant uses (gemeente id, channel) — no user agent, no IP;
- limits the rate per sender and per client address (429 with a kind text);
- lets a few messages into the assistant at a time, first come first served, so that under a
  peak every resident waits about as long (channels/admission.py);
- still answers with the emergency numbers and the wijkteam contact when the assistant fails
  (action server down or slow, nothing to say), so nobody is left without a way to get help.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import time
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.admission import FifoGate
from channels.ratelimit import RateLimiter
from channels.requests import (
    EMPTY_TEXT,
    RATE_LIMITED_TEXT,
    BadRequest,
    parse_chat_request,
)

logger = logging.getLogger(__name__)

DEFAULT_SENDER_PER_MINUTE = 30.0
DEFAULT_ADDRESS_PER_MINUTE = 600.0
DEFAULT_TIMEOUT_SECONDS = 20.0
# Messages in the assistant at once, per server process; more wait at the door, first come first
# served (channels/admission.py). Three keep the CPU busy while one or two await the action
# server; with all of them in at once (0), the first message of a conversation waited longest
# under a peak (issue 7, docs/benchmarks.md).
DEFAULT_MAX_CONCURRENT = 3
# How long a "the action server is reachable" check is trusted, and how long it may take.
ACTIONS_CHECK_TTL_SECONDS = 5.0
ACTIONS_CHECK_TIMEOUT_SECONDS = 2.0


@lru_cache(maxsize=64)
def assistant_unavailable_text(gemeente: str | None) -> str:
    """What we say when the assistant itself failed: safety numbers plus the wijkteam."""
    lines = [
        "Het lukt me nu niet om je vraag te beantwoorden. Sorry.",
        "Bij direct gevaar: bel 112. Voel je je niet veilig? Bel Veilig Thuis: 0800-2000 "
        "(gratis, dag en nacht). Denk je aan zelfdoding? Bel 113 of 0800-0113.",
    ]
    try:
        from routes import DEFAULT_GEMEENTE, load_catalogues

        catalogues = load_catalogues()
        catalogue = catalogues.get(gemeente or "") or catalogues[DEFAULT_GEMEENTE]
        team = catalogue.wijkteam
        lines.append(f"Wil je een mens spreken? {team.name}: {team.phone} ({team.hours}).")
    except Exception:  # the numbers above must be shown even if the catalogue is unreadable
        logger.exception("Could not read the wijkteam contact for the fallback message")
    return " ".join(lines)


def _whole_number(from_env: str | None, env: str, from_credentials: Any) -> int:
    """A count of 0 or more from the environment variable `env`, else from credentials.yml."""
    source, raw = (env, from_env) if from_env is not None else ("credentials.yml", from_credentials)
    try:
        value = int(str(raw).strip())
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError(f"{source}: expected a whole number of 0 or more, not {raw!r} ({env})")
    return value


def _json_messages(sender: str | None, text: str, status: int = 200) -> HTTPResponse:
    return response.json([{"recipient_id": sender, "text": text}], status=status)


class RelatierouteInput(InputChannel):
    """REST input channel with validation, rate limits and a safe fallback answer."""

    @classmethod
    def name(cls) -> str:
        return "relatieroute"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}

        def setting(key: str, env: str, default: float) -> float:
            return float(os.environ.get(env) or credentials.get(key) or default)

        return cls(
            sender_per_minute=setting(
                "sender_per_minute", "RELATIEROUTE_RATE_SENDER", DEFAULT_SENDER_PER_MINUTE
            ),
            address_per_minute=setting(
                "address_per_minute", "RELATIEROUTE_RATE_ADDRESS", DEFAULT_ADDRESS_PER_MINUTE
            ),
            timeout_seconds=setting("timeout_seconds", "RELATIEROUTE_TIMEOUT", DEFAULT_TIMEOUT_SECONDS),
            max_concurrent=_whole_number(
                os.environ.get("RELATIEROUTE_MAX_CONCURRENT") or None, "RELATIEROUTE_MAX_CONCURRENT",
                credentials.get("max_concurrent_messages", DEFAULT_MAX_CONCURRENT),
            ),
        )

    def __init__(
        self,
        sender_per_minute: float = DEFAULT_SENDER_PER_MINUTE,
        address_per_minute: float = DEFAULT_ADDRESS_PER_MINUTE,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        max_concurrent: int = DEFAULT_MAX_CONCURRENT,
    ) -> None:
        from privacy.logging import install as install_log_privacy

        # Rasa has configured logging by the time it creates its channels: from here on nothing
        # a resident typed reaches a log at INFO or above, and DEBUG lines are scrubbed.
        install_log_privacy(at_info="redact")
        # Bursts: a resident clicking quickly through buttons must never hit the limit.
        self.sender_limit = RateLimiter(sender_per_minute, burst=max(10.0, sender_per_minute / 3))
        self.address_limit = RateLimiter(address_per_minute, burst=max(30.0, address_per_minute / 3))
        self.timeout_seconds = timeout_seconds
        self.gate = FifoGate(max_concurrent)
        self._actions_checked_at = float("-inf")
        self._actions_reachable = True

    async def actions_reachable(self, request: Request) -> bool:
        """Whether the action server accepts connections (checked at most every few seconds).

        Without it the assistant can still say the responses of its rules (the safety help),
        but not triage; then the reply gets the emergency numbers and the wijkteam added.
        """
        now = time.monotonic()
        if now - self._actions_checked_at < ACTIONS_CHECK_TTL_SECONDS:
            return self._actions_reachable
        self._actions_checked_at = now
        agent = getattr(request.app.ctx, "agent", None)
        endpoint = getattr(agent, "action_endpoint", None)
        url = getattr(endpoint, "url", None)
        if not url:
            self._actions_reachable = True  # no action server configured: nothing to miss
            return True
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(parts.hostname, port), ACTIONS_CHECK_TIMEOUT_SECONDS
            )
            writer.close()
            self._actions_reachable = True
        except asyncio.TimeoutError:
            # Busy, not down: a slow action server is handled by the message timeout instead.
            self._actions_reachable = True
        except OSError:
            self._actions_reachable = False
            logger.error("The action server at %s:%s is not reachable", parts.hostname, port)
        return self._actions_reachable

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The webhook routes."""
        module = inspect.getmodule(self)
        webhook = Blueprint(
            f"custom_webhook_{type(self).__name__}", module.__name__ if module else None
        )

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message)

        return webhook

    async def _handle(
        self, message: UserMessage, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        async with self.gate.place():
            await on_new_message(message)

    async def _receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        parsed = parse_chat_request(request.body or b"")
        if isinstance(parsed, BadRequest):
            logger.info("Refused a chat request: %s", parsed.reason)
            return _json_messages(None, parsed.text, status=parsed.status)
        address = request.remote_addr or request.ip or "unknown"
        if not self.address_limit.allow(address) or not self.sender_limit.allow(parsed.sender):
            logger.info("Rate limit reached for a chat sender")
            return _json_messages(parsed.sender, RATE_LIMITED_TEXT, status=429)
        if not parsed.text:
            return _json_messages(parsed.sender, EMPTY_TEXT)
        collector = CollectingOutputChannel()
        message = UserMessage(
            parsed.text,
            collector,
            parsed.sender,
            input_channel=self.name(),
            metadata=parsed.metadata,
        )
        try:
            await asyncio.wait_for(self._handle(message, on_new_message), timeout=self.timeout_seconds)
        except asyncio.TimeoutError:
            logger.error("The assistant did not answer within %.0f s", self.timeout_seconds)
        except Exception:
            # No message text in the log: only that it failed and where.
            logger.exception("The assistant failed to handle a chat message")
        messages = list(collector.messages)
        if not messages or not await self.actions_reachable(request):
            text = assistant_unavailable_text(parsed.metadata.get("gemeente"))
            messages.append({"recipient_id": parsed.sender, "text": text})
        return response.json(messages)
