"""Failed logins are rate-limited per account and per address.

After :data:`MAX_FAILURES` failures within :data:`WINDOW_S` seconds for the same account,
or for the same address, further attempts are refused until the oldest failure leaves the
window; a successful login clears the account's failures.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from typing import Final

__all__ = ["LoginThrottle"]

MAX_FAILURES: Final = 5
WINDOW_S: Final = 15 * 60


class LoginThrottle:
    """Counts failed logins by ``account:<name>`` and ``address:<ip>``."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_S):
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _keys(self, name: str, address: str) -> tuple[str, str]:
        return f"account:{name.lower()}", f"address:{address}"

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def wait_seconds(self, name: str, address: str, now: float | None = None) -> int:
        """Seconds before ``name`` from ``address`` may try again (0: now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            waits = [
                self.window - (now - times[0])
                for key in self._keys(name, address)
                if len(times := self._recent(key, now)) >= self.max_failures
            ]
        return int(max(waits)) + 1 if waits else 0

    def failed(self, name: str, address: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            for key in self._keys(name, address):
                self._recent(key, now).append(now)

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop(self._keys(name, address)[0], None)
