"""The token bucket: bursts allowed, sustained floods refused, memory bounded."""

from channels.ratelimit import RateLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refused_then_refilled():
    clock = FakeClock()
    limiter = RateLimiter(per_minute=60, burst=5, clock=clock)
    assert all(limiter.allow("a") for _ in range(5))
    assert not limiter.allow("a")
    clock.now += 1.0  # one token per second
    assert limiter.allow("a")
    assert not limiter.allow("a")


def test_keys_are_independent():
    limiter = RateLimiter(per_minute=60, burst=1, clock=FakeClock())
    assert limiter.allow("a") and limiter.allow("b")
    assert not limiter.allow("a")


def test_memory_is_bounded_by_max_keys():
    limiter = RateLimiter(per_minute=60, burst=1, max_keys=100, clock=FakeClock())
    for i in range(10_000):
        limiter.allow(f"sender-{i}")
    assert len(limiter) == 100
