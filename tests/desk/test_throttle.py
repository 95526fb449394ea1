"""Failed logins: limited per account and per address, cleared by a success, forgotten after the window."""

from __future__ import annotations

from umt_reports.desk.throttle import LoginThrottle


def test_five_failures_for_one_account_hold_it_back_from_any_address() -> None:
    throttle = LoginThrottle(max_failures=5, window=900)
    for second in range(5):
        assert throttle.wait_seconds("thuky", f"10.0.0.{second}", now=100 + second) == 0
        throttle.failed("thuky", f"10.0.0.{second}", now=100 + second)
    assert throttle.wait_seconds("thuky", "10.0.0.9", now=105) == 896
    assert throttle.wait_seconds("luutru", "10.0.0.9", now=105) == 0


def test_five_failures_from_one_address_hold_back_every_account_there() -> None:
    throttle = LoginThrottle(max_failures=5, window=900)
    for index in range(5):
        throttle.failed(f"name{index}", "10.0.0.7", now=0)
    assert throttle.wait_seconds("luutru", "10.0.0.7", now=1) > 0
    assert throttle.wait_seconds("luutru", "10.0.0.8", now=1) == 0


def test_failures_leave_the_window_and_a_success_clears_the_account() -> None:
    throttle = LoginThrottle(max_failures=2, window=60)
    throttle.failed("a", "x", now=0)
    throttle.failed("a", "x", now=1)
    assert throttle.wait_seconds("a", "y", now=2) > 0
    assert throttle.wait_seconds("a", "y", now=62) == 0
    throttle.failed("a", "x", now=100)
    throttle.succeeded("a", "x")
    throttle.failed("a", "z", now=101)
    assert throttle.wait_seconds("a", "w", now=102) == 0
