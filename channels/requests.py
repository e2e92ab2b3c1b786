"""Parsing and cleaning of chat requests, independent of Rasa and Sanic (easy to test).

Everything a client sends is untrusted: wrong JSON, wrong types, huge texts, control
characters, unknown metadata. This module turns a raw body into a `ChatRequest` or a
`BadRequest` with a kind Dutch message; nothing here raises on client input.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

MAX_BODY_BYTES = 64 * 1024
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
CHANNELS = ("web", "intake")
_GEMEENTE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_SENDER = re.compile(rf"^[\w.:@-]{{1,{MAX_SENDER_CHARS}}}$")

# Transport-level messages: shown when a request never reaches the assistant.
BAD_REQUEST_TEXT = (
    "Sorry, dat bericht kon ik niet lezen. Probeer het nog eens. "
    "Bij direct gevaar: bel 112. Voel je je niet veilig? Veilig Thuis: 0800-2000."
)
TOO_LARGE_TEXT = "Dat bericht is te lang. Kun je het korter zeggen?"
EMPTY_TEXT = "Ik zag geen bericht. Typ je vraag, of kies een van de knoppen."
RATE_LIMITED_TEXT = (
    "Je stuurt veel berichten snel na elkaar. Wacht even en probeer het dan opnieuw. "
    "Bij direct gevaar: bel 112."
)


@dataclass(frozen=True)
class ChatRequest:
    """A cleaned chat message."""

    sender: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    truncated: bool = False


@dataclass(frozen=True)
class BadRequest:
    """Why a request was refused, with the HTTP status and the text for the resident."""

    status: int
    text: str
    reason: str


def clean_text(text: str) -> str:
    """Removes control and format characters (keeps new lines) and trims white space."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\n\t" or category[0] != "C":
            kept.append(char)
    return "".join(kept).strip()


def clean_metadata(metadata: Any) -> dict[str, Any]:
    """Keeps only what the assistant uses: gemeente id and channel. Drops everything else."""
    if not isinstance(metadata, dict):
        return {}
    cleaned: dict[str, Any] = {}
    gemeente = metadata.get("gemeente")
    if isinstance(gemeente, str) and _GEMEENTE.match(gemeente.strip().lower()):
        cleaned["gemeente"] = gemeente.strip().lower()
    elif gemeente is not None:
        cleaned["gemeente"] = "onbekend"  # resolved to the default (and logged) by the actions
    if metadata.get("channel") in CHANNELS:
        cleaned["channel"] = metadata["channel"]
    return cleaned


def parse_chat_request(body: bytes) -> ChatRequest | BadRequest:
    """Parses a webhook body: JSON object with `sender`, `message` and optional `metadata`."""
    if len(body) > MAX_BODY_BYTES:
        return BadRequest(413, TOO_LARGE_TEXT, "body too large")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return BadRequest(400, BAD_REQUEST_TEXT, "malformed json")
    if not isinstance(payload, dict):
        return BadRequest(400, BAD_REQUEST_TEXT, "json is not an object")
    sender = payload.get("sender")
    if isinstance(sender, (int, float)) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not _SENDER.match(sender):
        return BadRequest(400, BAD_REQUEST_TEXT, "bad sender")
    message = payload.get("message")
    if message is None:
        message = ""
    if not isinstance(message, str):
        return BadRequest(400, BAD_REQUEST_TEXT, "message is not text")
    text = clean_text(message)
    truncated = len(text) > MAX_MESSAGE_CHARS
    if truncated:
        text = text[:MAX_MESSAGE_CHARS]
    return ChatRequest(
        sender=sender,
        text=text,
        metadata=clean_metadata(payload.get("metadata")),
        truncated=truncated,
    )
