"""json-schema-faker's value generators (per type, formats, `typecast`), with `random()` fixed at 0.15.

A port of jsf 0.5.0-rcv.34's `random` helpers, `typecast`, `generateFormat` and the `typeMap` functions;
`schema_tools.examples` drives them. Arithmetic is done on Python floats, which are IEEE doubles like
JavaScript numbers, and in the same order as in the original (`Math.floor(0.15 * ((max - min) + 1)) +
min`), so that e.g. `[-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER]` gives -6305039478318694 exactly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any, Final

from schema_tools import examples_js as js
from schema_tools.errors import ExampleError
from schema_tools.examples_js import UNDEFINED, get, truthy
from schema_tools.randexp import RANDOM, PatternError, randexp

Path = list[str | int]
Pointer = tuple[str, ...]

MIN_INTEGER: Final = -100000000.0
MAX_INTEGER: Final = 100000000.0
MIN_NUMBER: Final = -100.0
MAX_NUMBER: Final = 100.0

# The most items, characters or loop rounds this port builds; the reference would hang or run out of
# memory well before (a 10-million-item example is no example).
MAX_SIZE: Final = 10_000_000

# Formats with a fixed value. The first two are the reference's registrations; the reference takes
# `date`, `time` and `datetime` from the wall clock, which we replace by fixed values in the same spirit.
FIXED_FORMATS: Final[dict[str, str]] = {
    "uri-reference": "http://example.org",
    "date-time": "2021-01-01T00:00:00.000Z",
    "date": "2021-01-01",  # deviation: the reference uses the clock
    "time": "00:00:00.000Z",  # deviation: the reference uses the clock
    "datetime": "2021-01-01T00:00:00.000Z",  # deviation: the reference uses the clock
}

_FRAGMENT = "[a-zA-Z][a-zA-Z0-9+-.]*"
_URI = "https?://{hostname}(?:" + _FRAGMENT + ")+"
_PARAMS = "(?:\\?([a-z]{1,7}(=\\w{1,5})?&){0,3})?"
# jsf's `regexps` for its built-in formats, in its key order (the order matters for `_format_ref`).
_FORMAT_PATTERNS: Final[dict[str, str]] = {
    "email": "[a-zA-Z\\d][a-zA-Z\\d-]{1,13}[a-zA-Z\\d]@{hostname}",
    "hostname": "[a-zA-Z]{1,33}\\.[a-z]{2,4}",
    "ipv6": "[a-f\\d]{4}(:[a-f\\d]{4}){7}",
    "uri": _URI,
    "slug": "[a-zA-Z\\d_-]+",
    "uri-reference": _URI + _PARAMS,
    "uri-template": _URI.replace("(?:", "(?:/\\{[a-z][:a-zA-Z0-9-]*\\}|", 1),
    "json-pointer": "(/(?:" + _FRAGMENT.replace("]*", "/]*") + "|~[01]))+",
    "uuid": "^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$",
}
_FORMAT_PATTERNS["iri"] = _FORMAT_PATTERNS["uri-reference"]
_FORMAT_PATTERNS["iri-reference"] = _FORMAT_PATTERNS["uri-reference"]
_FORMAT_PATTERNS["idn-email"] = _FORMAT_PATTERNS["email"]
_FORMAT_PATTERNS["idn-hostname"] = _FORMAT_PATTERNS["hostname"]


# Compiled on first use (only a `format` whose pattern refers to another needs it), not at every start.
@cache
def _format_ref() -> re.Pattern[str]:
    return re.compile(r"\{(" + "|".join(re.escape(k) for k in _FORMAT_PATTERNS) + r")\}")


_LIPSUM_TEXT = (
    "Lorem ipsum dolor sit amet consectetur adipisicing elit sed do eiusmod tempor incididunt ut "
    "labore\net dolore magna aliqua Ut enim ad minim veniam quis nostrud exercitation ullamco laboris "
    "nisi ut aliquip ex ea\ncommodo consequat Duis aute irure dolor in reprehenderit in voluptate velit "
    "esse cillum dolore eu fugiat nulla\npariatur Excepteur sint occaecat cupidatat non proident sunt in "
    "culpa qui officia deserunt mollit anim id est\nlaborum"
)
_PADDING = [" ", "/", "_", "-", "+", "=", "@", "^"]
KEY_SUFFIX: Final = "_?[_a-f\\d]{1,3}"  # jsf's `hash()`, for the names of additional properties


def any_type() -> dict[str, Any]:
    """jsf's `anyType`, the schema of `additionalProperties: true` values."""
    return {"type": ["integer", "number", "string", "boolean"]}


def pointer_text(pointer: Pointer) -> str:
    """A JSON Pointer (RFC 6901) from its reference tokens."""
    return "".join("/" + token.replace("~", "~0").replace("/", "~1") for token in pointer)


# ------------------------------------------------------------------------------------------- random


def pick(values: list[Any]) -> Any:
    """jsf's `random.pick`: the element at floor(0.15 · n), or undefined for an empty list."""
    index = math.floor(RANDOM * len(values))
    return values[index] if index < len(values) else UNDEFINED


def shuffle(values: list[Any]) -> list[Any]:
    """jsf's `random.shuffle` (a Fisher-Yates walk from the end, swapping with floor(0.15 · length))."""
    result = list(values)
    length = len(result)
    while length > 0:
        key = math.floor(RANDOM * length)
        length -= 1
        result[length], result[key] = result[key], result[length]
    return result


def random_integer(low: float, high: float) -> float:
    """jsf's `getRandomInteger`: `Math.floor(random() * ((max - min) + 1)) + min`, in doubles."""
    return js.floor(RANDOM * ((high - low) + 1)) + low


def number(
    low: Any,
    high: Any,
    default_low: float = MIN_NUMBER,
    default_high: float = MAX_NUMBER,
    precision: bool = False,
) -> float:
    """jsf's `random.number(min, max, defMin, defMax, hasPrecision)`."""
    lo = default_low if low is UNDEFINED else js.to_number(low)
    hi = default_high if high is UNDEFINED else js.to_number(high)
    if hi < lo:
        hi += lo
    if precision:
        return RANDOM * (hi - lo) + lo
    return random_integer(lo, hi)


def words(count: float) -> list[str]:
    """jsf's `wordsGenerator`: the first words of the shuffled lorem ipsum."""
    return js.slice_list(_shuffled_lipsum(), count)


@cache
def _shuffled_lipsum() -> list[str]:
    # The "random" numbers are a constant, so the shuffled words are always the same: shuffle them once.
    # (slice_list returns a new list, so this one is never handed out.)
    return shuffle(re.split(r"[^A-Za-z0-9_]", _LIPSUM_TEXT))


def randexp_at(pattern: Any, pointer: Pointer) -> str:
    """`random.randexp(pattern)`, with errors located."""
    if not isinstance(pattern, str):
        raise ExampleError("Expected a regexp or string", pointer=pointer_text((*pointer, "pattern")))
    try:
        return randexp(pattern)
    except PatternError as error:
        raise ExampleError(str(error), pointer=pointer_text(pointer)) from None


def js_max(*values: float) -> float:
    """`Math.max`: NaN if any argument is NaN."""
    return math.nan if any(v != v for v in values) else max(values)


def js_min(*values: float) -> float:
    """`Math.min`: NaN if any argument is NaN."""
    return math.nan if any(v != v for v in values) else min(values)


def _too_big(size: float, what: str, pointer: Pointer) -> None:
    if size > MAX_SIZE:
        raise ExampleError(
            f"{what} of {js.to_string(size)} (the reference would not finish)", pointer=pointer_text(pointer)
        )


# ----------------------------------------------------------------------------------------- typecast


def typecast(type_: str | None, schema: Any, produce: Callable[[dict[str, float]], Any], pointer: Pointer) -> Any:
    """jsf's `utils.typecast`: prepare bounds, produce a value, then coerce it to the type."""
    kind = type_ if type_ else get(schema, "type")
    params: dict[str, float] = {}
    if kind in ("integer", "number"):
        _filter_numeric_enum(schema, pointer)
    elif kind == "string":
        params["minLength"] = 0.0
        params["maxLength"] = js.MAX_SAFE_INTEGER
        if get(schema, "minLength") is not UNDEFINED:
            params["minLength"] = js_max(0.0, js.to_number(schema["minLength"]))
        if get(schema, "maxLength") is not UNDEFINED:
            params["maxLength"] = js_min(js.MAX_SAFE_INTEGER, js.to_number(schema["maxLength"]))

    value = produce(params)
    if value is None or value is UNDEFINED:
        return None
    if kind == "number":
        return js.parse_float(value)
    if kind == "integer":
        return js.parse_int(value)
    if kind == "boolean":
        return truthy(value)
    if kind == "string":
        return _fit_string(js.to_string(value), schema, params, pointer)
    return value


def _filter_numeric_enum(schema: Any, pointer: Pointer) -> None:
    """Keep the enum values within [max(minimum, 0), maximum] (so negative values always go)."""
    enum = get(schema, "enum")
    if not truthy(enum):
        return
    minimum, maximum = get(schema, "minimum"), get(schema, "maximum")
    low = js_max(js.to_number(minimum) if truthy(minimum) else 0.0, 0.0)
    high = js_min(js.to_number(maximum) if truthy(maximum) else math.inf, math.inf)
    step = get(schema, "multipleOf")
    step_value = js.to_number(step) if truthy(step) else 1.0
    if truthy(get(schema, "exclusiveMinimum")) and js.strict_equal(low, minimum):
        low += step_value
    if truthy(get(schema, "exclusiveMaximum")) and js.strict_equal(high, maximum):
        high -= step_value
    if truthy(low) or high != math.inf:
        if not isinstance(enum, list):
            raise ExampleError(
                "`enum` is not an array (TypeError in the reference)", pointer=pointer_text((*pointer, "enum"))
            )
        schema["enum"] = [x for x in enum if js.compare_ge(x, low) and js.compare_le(x, high)]


def _fit_string(text: str, schema: Any, params: dict[str, float], pointer: Pointer) -> str:
    """Pad to minLength, cut to maxLength (0 means no limit here), then normalize date formats."""
    low = js_max(params["minLength"] if truthy(params["minLength"]) else 0.0, 0.0)
    high = js_min(params["maxLength"] if truthy(params["maxLength"]) else math.inf, math.inf)
    _too_big(low, "minLength", pointer)
    length = js.utf16_len(text)
    if length < low:
        if truthy(get(schema, "pattern")):
            # `value += randexp(pattern)` until long enough; the generated text is the same every time.
            addition = randexp_at(schema["pattern"], pointer)
            if addition:  # an empty one ends jsf's loop (`if (value === prev) break`)
                step = js.utf16_len(addition)
                text += addition * math.ceil((low - length) / step)
        else:
            while length < low:  # `value += pick(padding) + value`: doubles, so few rounds
                text += pick(_PADDING) + text
                length = 2 * length + 1
        length = js.utf16_len(text)
    if length > high:
        text = js.utf16_prefix(text, high)
    fmt = get(schema, "format")
    try:
        if fmt in ("date-time", "datetime"):
            text = re.sub(r"([0-9])0+Z$", r"\1Z", js.date_iso(text), count=1)
        elif fmt == "date":
            text = js.date_iso(text)[:10]
        elif fmt == "time":
            text = js.date_iso("1969-01-01 " + text)[11:]
    except js.DateParseError as error:
        raise ExampleError(f"format {fmt}: {error}", pointer=pointer_text(pointer)) from None
    return text


# ------------------------------------------------------------------------------------------- strings


def _lorem(min_length: float, max_length: float, pointer: Pointer) -> str:
    """jsf's `thunkGenerator`: lorem ipsum words up to at least min, cut at a length between min and max."""
    low = js_max(0.0, min_length)
    high = number(low, max_length)
    word = " ".join(words(number(1, 5)))  # always "dolor": the words and their count are fixed
    text = word
    if word and len(word) < low:
        _too_big(low, "minLength", pointer)
        text = word * math.ceil(low / len(word))  # `while (result.length < _min) result += produce()`
    if js.utf16_len(text) > high:
        text = js.utf16_prefix(text, high)
    return text


def _format(schema: dict[str, Any], pointer: Pointer) -> str:
    """jsf's `generateFormat` with the reference's registrations (and our fixed dates)."""
    fmt = schema["format"]
    if isinstance(fmt, str):
        if fmt in FIXED_FORMATS:
            return FIXED_FORMATS[fmt]
        if fmt == "ipv4":
            return ".".join(js.to_string(number(0, 255)) for _ in range(4))
        if fmt == "regex":
            return ".+?"
        if fmt in _FORMAT_PATTERNS:
            first = randexp(_FORMAT_PATTERNS[fmt])
            return _format_ref().sub(lambda m: randexp(_FORMAT_PATTERNS[m.group(1)]), first, count=1)
    raise ExampleError(f"unknown registry key {js.short(fmt)}", pointer=pointer_text((*pointer, "format")))


def string_type(schema: dict[str, Any], pointer: Pointer) -> Any:
    """jsf's `stringType`: a format, else the pattern, else lorem ipsum; then `typecast`."""

    def produce(params: dict[str, float]) -> Any:
        if truthy(get(schema, "format")):
            return _format(schema, pointer)
        if truthy(get(schema, "pattern")):
            return randexp_at(schema["pattern"], pointer)
        return _lorem(params["minLength"], params["maxLength"], pointer)

    return typecast("string", schema, produce, pointer)


# ------------------------------------------------------------------------------------------- numbers


def number_type(schema: dict[str, Any], pointer: Pointer) -> float:
    """jsf's `numberType` (also `integerType`, which adds `multipleOf: 1`)."""
    minimum, maximum = get(schema, "minimum"), get(schema, "maximum")
    low = MIN_INTEGER if minimum is UNDEFINED else js.to_number(minimum)
    high = MAX_INTEGER if maximum is UNDEFINED else js.to_number(maximum)
    step_raw = get(schema, "multipleOf")
    step = js.to_number(step_raw) if truthy(step_raw) else math.nan
    if truthy(step_raw):
        high = js.floor(js.divide(high, step)) * step
        low = js.ceil(js.divide(low, step)) * step
    if truthy(get(schema, "exclusiveMinimum")) and js.strict_equal(low, minimum):
        low += step if truthy(step_raw) else 1.0
    if truthy(get(schema, "exclusiveMaximum")) and js.strict_equal(high, maximum):
        high -= step if truthy(step_raw) else 1.0
    if low > high:
        return math.nan
    if not truthy(step_raw):
        return number(low, high, precision=True)
    if "." not in js.to_string(step_raw):
        base = number(js.floor(js.divide(low, step)), js.floor(js.divide(high, step))) * step
        rounds = 0
        while base < low:
            rounds += 1
            if not step > 0 or rounds > MAX_SIZE:
                raise ExampleError(
                    "multipleOf never reaches the minimum: the reference loops forever",
                    pointer=pointer_text(pointer),
                )
            base += step
        return base
    chosen = number(0, js.divide(high - low, step)) * step
    ratio = js.divide(chosen, step)
    fraction = math.fmod(ratio, 1) if math.isfinite(ratio) else math.nan
    if fraction != 0:
        raise ExampleError(
            f"no multiple of {js.to_string(step_raw)} found: the reference loops forever",
            pointer=pointer_text(pointer),
        )
    return low + chosen
