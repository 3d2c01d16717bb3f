"""Numbers written the way JavaScript's `String(number)` writes them (the reference is a Node tool)."""

from __future__ import annotations

import math

MAX_SAFE_INTEGER = 9007199254740991


def js_number(value: int | float) -> str:
    """Format a number like JavaScript: `1.0` → `1`, `1e21` → `1e+21`, `1e-7` → `1e-7`, `-0.0` → `0`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return str(value)
        value = float(value)  # JavaScript keeps only a double
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    # repr() gives the shortest round-tripping digits, as ECMAScript's Number::toString does;
    # only the layout (where the exponent starts) differs.
    digits, exponent = _shortest_digits(abs(value))
    sign = "-" if value < 0 else ""
    n = exponent + 1  # position of the decimal point relative to the digits, as in the spec's "n"
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    exp = n - 1
    exp_str = ("+" if exp >= 0 else "-") + str(abs(exp))
    if k == 1:
        return sign + digits + "e" + exp_str
    return sign + digits[0] + "." + digits[1:] + "e" + exp_str


def _shortest_digits(value: float) -> tuple[str, int]:
    """The shortest round-tripping decimal digits of a positive float, and the exponent of the first."""
    coeff, _, exp = repr(value).lower().partition("e")
    whole, _, frac = coeff.partition(".")
    raw = whole + frac.rstrip("0")
    digits = raw.lstrip("0")
    exponent = int(exp or 0) + len(whole) - 1 - (len(raw) - len(digits))
    return digits.rstrip("0") or "0", exponent
