"""The reference's structural compatibility check (`schema-version-compatibility`, jsonschema-tools 1.3.0).

`reference_violations(old, new)` gives the verdict of the reference's `assertCompatible(new, old)`: the
pair is compatible exactly when the list is empty. Where the reference stops at the first problem, this
lists every one, each with the JSON Pointer (into the *new* schema's structure) and a message.

The rules, as 1.3.0 has them (lib/tests/compatibility.js):

* Only the old schema's keys are walked, so anything *added* is allowed (properties, keywords, a
  `required` list where there was none).
* Keys named `$id`, `description`, `examples` or `maxLength` are skipped at any depth — a *property*
  named `description` too.
* `required` (at any depth): removing the list fails; otherwise the lists must hold the same names, in
  any order (no additions, no removals).
* `enum`: must still exist, and keep every old value (order free; objects never match, as JavaScript's
  `includes` compares them by identity).
* Any other old key missing from the new schema fails; values must keep their JavaScript kind (object,
  array, string, number, boolean); primitive values must be strictly equal; arrays are compared index by
  index, so lists may grow at the end but not shrink or reorder.

Quirks kept for verdict parity, each with a message that says so: a `null` in the old schema, a
*property* named `required` or `enum`, and a non-list `required`/`enum` made the reference's check throw,
which failed the test.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from schema_tools.pointer import format_pointer, js_keys
from schema_tools.rules.jsvalues import describe, js_deep_equal, js_equal, js_kind, js_string, js_truthy

Violation = tuple[str, str]

# Keys whose values may change (or disappear) between versions; 1.3.0 added maxLength.
ALLOWED_TO_CHANGE = frozenset({"$id", "description", "examples", "maxLength"})
_THROWS = "the reference's check fails here: it cannot compare"


def reference_violations(old: Any, new: Any) -> list[Violation]:
    """Every reason the reference 1.3.0 would call `new` incompatible with `old` (empty: compatible)."""
    found: list[Violation] = []
    _compare(old, new, [], found)
    return found


def _describe(value: Any) -> str:
    return "a list" if isinstance(value, list) else describe(value)


def _compare(old: Any, new: Any, tokens: list[str], found: list[Violation]) -> None:
    here = format_pointer(tokens)
    if js_kind(old) != js_kind(new):
        found.append((here, f"changed from {_describe(old)} to {_describe(new)}"))
        return
    if isinstance(old, dict | list) or old is None:
        if old is None:
            found.append((here, f"{_THROWS} null"))
            return
        _compare_container(old, new, tokens, found)
    elif not js_equal(old, new):
        found.append((here, f"changed from {_describe(old)} to {_describe(new)}"))


def _compare_container(
    old: dict[str, Any] | list[Any], new: Any, tokens: list[str], found: list[Violation]
) -> None:
    here = format_pointer(tokens)
    keys = js_keys(old) if isinstance(old, dict) else [str(i) for i in range(len(old))]
    for key in keys:
        if key in ALLOWED_TO_CHANGE:
            continue
        if new is None:  # `newSchema.x` / `key in null` throw in JavaScript
            found.append((here, f"{_THROWS} null with the old value"))
            return
        old_value = old[key] if isinstance(old, dict) else old[int(key)]
        if isinstance(old, dict) and key == "required":
            found.extend(_required(old_value, new.get("required"), [*tokens, key]))
        elif isinstance(old, dict) and key == "enum":
            found.extend(_enum(old_value, new.get("enum"), [*tokens, key]))
        elif isinstance(new, dict) and key in new:
            _compare(old_value, new[key], [*tokens, key], found)
        elif isinstance(new, list) and int(key) < len(new):
            _compare(old_value, new[int(key)], [*tokens, key], found)
        else:
            what = f"item {key}" if isinstance(old, list) else f"`{key}`"
            found.append((format_pointer([*tokens, key]), f"{what} was removed"))


def _required(old: Any, new: Any, tokens: list[str]) -> list[Violation]:
    here = format_pointer(tokens)
    if js_truthy(old) and not js_truthy(new):
        return [(here, "the `required` list was removed")]
    if not isinstance(new, list) or not isinstance(old, list):
        kind = "a property named `required`" if isinstance(old, dict) else "a `required` that is not a list"
        return [(here, f"{_THROWS} {kind}")]
    if _same_members(old, new):
        return []
    added = [n for n in new if n not in old]
    removed = [n for n in old if n not in new]
    parts = []
    if added:
        parts.append("now required: " + ", ".join(_describe(n) for n in added))
    if removed:
        parts.append("no longer required: " + ", ".join(_describe(n) for n in removed))
    detail = "; ".join(parts) or "the lists differ"
    return [(here, f"required properties changed ({detail}); requiredness cannot change")]


def _same_members(old: list[Any], new: list[Any]) -> bool:
    """`_.isEqual(new.sort(), old.sort())`: the same members, whatever the order."""
    if all(isinstance(n, str) for n in [*old, *new]):
        return Counter(old) == Counter(new)
    if len(old) != len(new):
        return False
    # JavaScript's default sort compares String(x); it is stable, so equal strings keep their order.
    ordered_old = sorted(old, key=js_string)
    ordered_new = sorted(new, key=js_string)
    return all(js_deep_equal(a, b) for a, b in zip(ordered_old, ordered_new, strict=True))


def _enum(old: Any, new: Any, tokens: list[str]) -> list[Violation]:
    here = format_pointer(tokens)
    if js_truthy(old) and not js_truthy(new):
        return [(here, "`enum` was removed")]
    if not isinstance(old, list):
        kind = "a property named `enum`" if isinstance(old, dict) else "an `enum` that is not a list"
        return [(here, f"{_THROWS} {kind}")]
    if not old:
        return []
    if isinstance(new, str):  # String.prototype.includes, a substring test
        missing = [v for v in old if js_string(v) not in new]
    elif isinstance(new, list):
        missing = [v for v in old if not any(_same_value_zero(v, n) for n in new)]
    else:
        return [(here, f"{_THROWS} an `enum` that is not a list")]
    if not missing:
        return []
    return [(here, "enum values removed: " + ", ".join(_describe(v) for v in missing))]


def _same_value_zero(a: Any, b: Any) -> bool:
    """`Array.prototype.includes`: objects and arrays only by identity, NaN equals NaN."""
    if isinstance(a, dict | list) or isinstance(b, dict | list):
        return a is b
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return js_equal(a, b)
