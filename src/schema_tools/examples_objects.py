"""json-schema-faker's `arrayType` and `objectType`, with `alwaysFakeOptionals` and `random()` = 0.15.

What they come to with these options:

* arrays: `maxItems` items if set, else floor(0.15 · (5 - min + 1)) + min with min = `minItems` (default 1),
  raised to `minItems` (so no bounds give one item, `minItems: 0` alone gives none); tuples give one
  value per schema; `uniqueItems` drops the duplicates (which, with a constant random, are all repeats);
* objects: every property (required first, in `required` order, then the optional ones in jsf's
  shuffled order), plus, when there is no `required` and `additionalProperties` is a schema (or `true`),
  the extra property `dolorb`; a map (no `properties`) gets one `dolorb` entry.

The object generator returns the map of chosen property schemas, which the traversal then turns into
values (that is also how jsf does it), so errors and clean-up happen in `schema_tools.examples`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from schema_tools import examples_js as js
from schema_tools.errors import ExampleError
from schema_tools.examples_js import UNDEFINED, get, keys, truthy
from schema_tools.examples_types import (
    KEY_SUFFIX,
    MAX_SIZE,
    Path,
    Pointer,
    any_type,
    js_max,
    number,
    pick,
    pointer_text,
    randexp_at,
    shuffle,
    words,
)


class Traverse(Protocol):
    """The traversal entry point that nested values go through (`traverseCallback` in jsf)."""

    def __call__(
        self,
        schema: Any,
        path: Path,
        pointer: Pointer,
        root_schema: Any = ...,
        child_pointers: dict[str, Pointer] | None = ...,
    ) -> Any: ...


Merge = Callable[[dict[str, Any], Any], Any]

# --------------------------------------------------------------------------------------------- arrays


def array_type(schema: dict[str, Any], path: Path, pointer: Pointer, traverse: Traverse) -> Any:
    """jsf's `arrayType`."""
    items, additional = get(schema, "items"), get(schema, "additionalItems")
    if not (truthy(items) or truthy(additional)):
        if any(get(schema, k) is not UNDEFINED for k in ("minItems", "maxItems", "uniqueItems")):
            raise ExampleError(f"missing items for {js.short(schema)}", pointer=pointer_text(pointer))
        return []
    if isinstance(items, list):
        return [traverse(item, [*path, "items", i], (*pointer, "items", str(i))) for i, item in enumerate(items)]

    min_items, max_items = get(schema, "minItems"), get(schema, "maxItems")
    length = number(min_items, max_items, 1.0, 5.0)
    # alwaysFakeOptionals: round((maxItems || length) * 1.0), at least minItems.
    length = js_max(
        js.js_round(js.to_number(max_items if truthy(max_items) else length)),
        js.to_number(min_items) if truthy(min_items) else 0.0,
    )
    if length > MAX_SIZE:
        raise ExampleError(
            f"an array of {js.to_string(length)} items (the reference would not finish)",
            pointer=pointer_text(pointer),
        )
    # `typeof additionalItems === 'object'` holds for null too.
    sample = additional if additional is None or js.is_object(additional) else {}
    source, where = (items, (*pointer, "items")) if truthy(items) else (sample, (*pointer, "additionalItems"))

    result = []
    current = 0
    while current < length:
        result.append(traverse(source, [*path, "items", current], where))
        current += 1
    if truthy(get(schema, "uniqueItems")):
        return _unique([*path, "items"], result, source, where, traverse)
    return result


def _unique(path: Path, items: list[Any], source: Any, pointer: Pointer, traverse: Traverse) -> list[Any]:
    """jsf's `unique`: keep distinct values (by JSON text), generating up to 100 failed replacements."""
    kept: list[Any] = []
    seen: set[str | None] = set()

    def walk(value: Any) -> bool:
        text = js.json_key(value)
        if text in seen:
            return False
        seen.add(text)
        kept.append(value)
        return True

    for value in items:
        walk(value)
    limit = 100
    while len(kept) != len(items):
        if not walk(traverse(source, path, pointer)):
            limit -= 1
        if not limit:
            break
    return kept


# -------------------------------------------------------------------------------------------- objects


class _ObjectPlan:
    """The state of one `objectType` call: the schema's parts and the `props` map being chosen."""

    def __init__(self, schema: dict[str, Any], pointer: Pointer) -> None:
        self.schema = schema
        self.pointer = pointer
        properties, patterns = get(schema, "properties"), get(schema, "patternProperties")
        # jsf only uses Object.keys and [] on these, so an array or a string acts as a map by index.
        self.properties = js.as_object(properties) if truthy(properties) else {}
        self.patterns = js.as_object(patterns) if truthy(patterns) else {}
        required = get(schema, "required")
        if isinstance(required, bool) or not truthy(required):
            self.required: list[Any] = []
        elif isinstance(required, list):
            self.required = list(required)
        else:
            raise ExampleError("`required` is not an array", pointer=pointer_text((*pointer, "required")))
        additional = get(schema, "additionalProperties")
        self.allows_additional = additional is not False
        # `additionalProperties: true` means jsf's `anyType` (one of integer, number, string, boolean).
        self.additional = any_type() if additional is True else additional
        self.property_keys = keys(self.properties)
        self.pattern_keys = keys(self.patterns)
        self.props: dict[str, Any] = {}
        self.pointers: dict[str, Pointer] = {}

    def put(self, name: str, subschema: Any, where: Pointer) -> None:
        self.props[name] = subschema
        self.pointers[name] = where

    def has(self, name: Any) -> bool:
        """`props[name]` is truthy."""
        return truthy(self.props.get(js.to_string(name), UNDEFINED))

    def take(self, source: list[Any]) -> Any:
        """jsf's `get(from)`: shift names off `source` until one is not chosen yet (or none are left)."""
        one: Any = UNDEFINED
        while source:
            one = source.pop(0)
            if not self.has(one):
                break
        return one

    def additional_pointer(self) -> Pointer:
        return (*self.pointer, "additionalProperties")


def object_type(schema: dict[str, Any], path: Path, pointer: Pointer, traverse: Traverse, merge: Merge) -> Any:
    """jsf's `objectType`: choose the property schemas, then traverse them as one map."""
    plan = _ObjectPlan(schema, pointer)
    optional = [k for k in plan.property_keys + plan.pattern_keys if js.index_of(plan.required, k) == -1]
    every = plan.required + optional
    if (
        not plan.allows_additional
        and not plan.property_keys
        and not plan.pattern_keys
        and any(get(schema, k) is not UNDEFINED for k in ("minProperties", "maxProperties", "dependencies", "required"))
    ):
        return None

    max_props = get(schema, "maxProperties")
    most = (
        js.to_number(max_props) if truthy(max_props) else len(every) + (number(1, 5) if plan.allows_additional else 0)
    )
    min_props = get(schema, "minProperties")
    least = js_max(js.to_number(min_props) if truthy(min_props) else 0.0, float(len(plan.required)))
    if len(every) == 1 and not plan.required:
        least = js_max(number(1, most), least)
    # alwaysFakeOptionals makes the probability 1 and "fixed": every optional property is wanted.
    needed = js.js_round((least - len(plan.required)) + 1.0 * (len(every) - least))
    wanted = js.slice_list(shuffle(optional), needed)
    extra = [k for k in optional if js.index_of(wanted, k) != -1]
    chosen = js.slice_list(plan.required + js.slice_list(shuffle(extra), most), most)

    dependencies = get(schema, "dependencies")
    if truthy(dependencies):
        definitions = _apply_dependencies(dependencies, chosen)
        if definitions:
            del schema["dependencies"]
            return traverse({"allOf": [*definitions, schema]}, [*path, "properties"], pointer, schema)

    for key in chosen:
        _choose(plan, key, merge)
    _fill(plan, least, most)
    return traverse(plan.props, [*path, "properties"], pointer, schema, plan.pointers)


def _apply_dependencies(dependencies: Any, chosen: list[Any]) -> list[Any]:
    """Add property dependencies to `chosen`; return the schema dependencies of chosen properties."""
    definitions = []
    for name in keys(dependencies):
        required = js.member(dependencies, name)
        if js.index_of(chosen, name) == -1:
            continue
        if isinstance(required, list):
            for sub in required:
                if js.index_of(chosen, sub) == -1:
                    chosen.append(sub)
        else:
            definitions.append(required)
    return definitions


def _choose(plan: _ObjectPlan, key: Any, merge: Merge) -> None:
    """Put the schema for one chosen property name into `props` (jsf's `_props.forEach` body)."""
    name = js.to_string(key)
    subschema = plan.properties.get(name, UNDEFINED)
    where = (*plan.pointer, "properties", name)
    if plan.additional is False and js.index_of(plan.required, key) != -1:
        plan.put(name, subschema, where)  # possibly undefined: a required name without a schema
    if truthy(subschema):
        plan.put(name, subschema, where)
    found = False
    for pattern in plan.pattern_keys:
        if _js_search(pattern, name, plan.pointer):
            found = True
            if plan.has(name) and isinstance(plan.props[name], dict):
                merge(plan.props[name], plan.patterns[pattern])
            else:
                # jsf generates from the *name* here, not from the pattern.
                plan.put(
                    randexp_at(name, plan.pointer),
                    plan.patterns[pattern],
                    (*plan.pointer, "patternProperties", pattern),
                )
    if found:
        return
    own_pattern = plan.patterns.get(name, UNDEFINED)
    fallback = own_pattern if truthy(own_pattern) else plan.additional
    if truthy(fallback) and plan.additional is not False:
        target = randexp_at(name, plan.pointer) if truthy(own_pattern) else name
        source = subschema if truthy(subschema) else fallback
        plan.put(target, source, where if truthy(subschema) else plan.additional_pointer())


def _fill(plan: _ObjectPlan, least: float, most: float) -> None:
    """Add generated names until there are enough properties (jsf's `while (fillProps)` loop)."""
    current = len(plan.props)
    min_props = least
    if plan.allows_additional and not plan.required:
        min_props = js_max(number(1, most) if truthy(plan.additional) else 0.0, least)
    while plan.pattern_keys or plan.allows_additional:
        if current >= min_props:
            break
        before = (current, len(plan.required))
        if plan.allows_additional:
            if plan.pattern_keys and not truthy(plan.additional):
                pattern = pick(plan.pattern_keys)
                word = randexp_at(pattern, plan.pointer)
                if not plan.has(word):
                    plan.put(word, plan.patterns[pattern], (*plan.pointer, "patternProperties", pattern))
                    current += 1
            else:
                taken = plan.take(plan.required)
                word = (
                    js.to_string(taken)
                    if truthy(taken)
                    else (js.to_string(words(1)) + randexp_at(KEY_SUFFIX, plan.pointer))
                )
                if not plan.has(word):
                    plan.put(
                        word,
                        plan.additional if truthy(plan.additional) else any_type(),
                        plan.additional_pointer(),
                    )
                    current += 1
        index = 0
        while current < least and index < len(plan.pattern_keys):
            pattern = plan.pattern_keys[index]
            word = randexp_at(pattern, plan.pointer)
            if not plan.has(word):
                plan.put(word, plan.patterns[pattern], (*plan.pointer, "patternProperties", pattern))
                current += 1
            index += 1
        if (current, len(plan.required)) == before:
            raise ExampleError(
                "the reference loops forever adding properties (the generated name exists)",
                pointer=pointer_text(plan.pointer),
            )

    if not plan.required and not plan.allows_additional:
        maximum = number(least, most)
        names = list(plan.property_keys)
        # jsf counts on up to `maximum` even when no names are left; nothing changes from then on.
        while current < maximum and names:
            word = plan.take(names)
            if truthy(word):
                plan.put(word, plan.properties.get(word, UNDEFINED), (*plan.pointer, "properties", word))
            current += 1


def _js_search(pattern: str, text: str, pointer: Pointer) -> bool:
    """`text.match(new RegExp(pattern))` for a patternProperties key, through Python's re."""
    translated = re.sub(r"\(\?<(?![=!])", "(?P<", pattern)
    try:
        return re.search(translated, text) is not None
    except re.error as error:
        raise ExampleError(
            f"invalid patternProperties regex {pattern!r}: {error}",
            pointer=pointer_text((*pointer, "patternProperties", pattern)),
        ) from None
