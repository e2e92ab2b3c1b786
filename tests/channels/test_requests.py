"""Parsing untrusted webhook bodies: every bad input gets a kind 4xx, nothing raises."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from channels.requests import (
    MAX_BODY_BYTES,
    MAX_MESSAGE_CHARS,
    BadRequest,
    ChatRequest,
    clean_metadata,
    parse_chat_request,
)


def body(payload) -> bytes:
    return json.dumps(payload).encode()


def test_a_normal_message():
    parsed = parse_chat_request(body({"sender": "abc-1", "message": " hoi ",
                                      "metadata": {"gemeente": "Zwolle", "channel": "intake"}}))
    assert parsed == ChatRequest("abc-1", "hoi", {"gemeente": "zwolle", "channel": "intake"})


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b"", b"[1, 2]", b'"text"', b"\xff\xfe", body({"message": "hoi"}),
     body({"sender": ["x"], "message": "hoi"}), body({"sender": "a b c", "message": "hoi"}),
     body({"sender": "abc", "message": {"text": "hoi"}}), body({"sender": "abc", "message": 12})],
)
def test_bad_requests_are_refused_with_400_and_a_kind_text(raw):
    parsed = parse_chat_request(raw)
    assert isinstance(parsed, BadRequest)
    assert parsed.status == 400
    assert "112" in parsed.text


def test_too_large_body_is_413():
    parsed = parse_chat_request(b" " * (MAX_BODY_BYTES + 1))
    assert isinstance(parsed, BadRequest) and parsed.status == 413


def test_long_message_is_cut_not_refused():
    parsed = parse_chat_request(body({"sender": "s", "message": "a" * 10_000}))
    assert isinstance(parsed, ChatRequest)
    assert parsed.truncated and len(parsed.text) == MAX_MESSAGE_CHARS


def test_control_characters_are_removed_but_newlines_kept():
    parsed = parse_chat_request(body({"sender": "s", "message": "hoi\x00\x1b[31m\ndaar\u200b"}))
    assert parsed.text == "hoi[31m\ndaar"


def test_metadata_keeps_only_what_the_assistant_uses():
    cleaned = clean_metadata({"gemeente": "zwolle", "channel": "web", "user_agent": "x", "ip": "1"})
    assert cleaned == {"gemeente": "zwolle", "channel": "web"}
    assert clean_metadata({"gemeente": "<script>", "channel": "tv"}) == {"gemeente": "onbekend"}
    assert clean_metadata("nope") == {}


@given(st.binary(max_size=2000))
def test_any_bytes_give_a_request_or_a_refusal(raw):
    assert isinstance(parse_chat_request(raw), (ChatRequest, BadRequest))


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=20))
def test_any_json_gives_a_request_or_a_refusal(value):
    parsed = parse_chat_request(json.dumps(value).encode())
    assert isinstance(parsed, (ChatRequest, BadRequest))
