"""A tiny client for the Relatieroute REST webhook used by the live tests."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from typing import Any


def post(url: str, data: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    """POSTs raw bytes; returns (status, parsed JSON body or None)."""
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw or b"null")
        except json.JSONDecodeError:
            return error.code, None


class Conversation:
    """One resident talking to the assistant."""

    def __init__(self, webhook_url: str, gemeente: str | None = None, channel: str = "web"):
        self.url = webhook_url
        self.sender = uuid.uuid4().hex
        self.metadata = {"channel": channel}
        if gemeente:
            self.metadata["gemeente"] = gemeente
        self.outcome: dict[str, Any] | None = None

    def say(self, text: str) -> list[dict[str, Any]]:
        """Sends a message; returns the bot messages (and keeps the last outcome payload)."""
        payload = {"sender": self.sender, "message": text, "metadata": self.metadata}
        status, messages = post(self.url, json.dumps(payload).encode())
        assert status == 200, (status, messages)
        for message in messages:
            custom = message.get("custom")
            if isinstance(custom, dict) and custom.get("relatieroute") == "outcome":
                self.outcome = custom
        return messages

    @staticmethod
    def texts(messages: list[dict[str, Any]]) -> str:
        return "\n".join(m.get("text") or "" for m in messages)

    def say_text(self, text: str) -> str:
        return self.texts(self.say(text))
