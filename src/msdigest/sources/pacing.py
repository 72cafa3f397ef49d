"""Pace requests to a remote service: a token bucket shared by every client in the process.

NCBI allows at most 3 E-utilities requests per second without an API key and 10 with one,
counted per key (or per address), not per client object. So the buckets live here at
module level, one per rate, and every `EutilsClient` in the process draws from the same
one; several threads may share it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["TokenBucket", "shared_bucket"]

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class TokenBucket:
    """Allow at most `rate` acquisitions per second, with bursts of at most `capacity`.

    Each `acquire()` reserves the next free slot under a lock and then sleeps (outside the
    lock) until that slot comes, so concurrent callers queue up in order instead of
    racing. With the default capacity of 1, any two requests are at least 1/rate seconds
    apart, which keeps every one-second window within the limit.

    `clock` and `sleep` are injectable so tests can run without real waiting.
    """

    def __init__(
        self,
        rate: float,
        *,
        capacity: int = 1,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.rate = rate
        self.capacity = capacity
        self._interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        # The time at which the bucket would be full again ("theoretical arrival time").
        self._full_at = float("-inf")

    def acquire(self) -> float:
        """Wait for a token and return how long this call waited, in seconds."""
        with self._lock:
            now = self._clock()
            burst = (self.capacity - 1) * self._interval
            start = max(now, self._full_at - burst)
            self._full_at = max(self._full_at, start) + self._interval
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return max(wait, 0.0)


_SHARED: dict[float, TokenBucket] = {}
_SHARED_LOCK = threading.Lock()


def shared_bucket(rate: float) -> TokenBucket:
    """Return the process-wide bucket for `rate` requests per second (created once)."""
    with _SHARED_LOCK:
        bucket = _SHARED.get(rate)
        if bucket is None:
            bucket = _SHARED[rate] = TokenBucket(rate)
        return bucket
