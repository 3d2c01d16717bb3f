"""Key order of the reference tool: its fixed schema keys first, then JavaScript `localeCompare`.

The reference sorts every mapping with `schemaKeyCompare` (jsonschema-tools.js): the keys `title,
description, $id, $schema, type, additionalProperties, required, properties, allOf, examples` come first in
that order, every other key follows by `k1.localeCompare(k2)`. In Node 20 that is ICU's root/en collation
at tertiary strength with non-ignorable punctuation: whitespace < `_` < `-` < `,` < `;` < `:` < `!` < `?`
< `.` < quotes, brackets, `@ * / \\ & # %`, other symbols < `$` and currency < digits < letters;
letters compare case-insensitively and accent-insensitively first, then by accents, then lower before
upper case.

No ICU binding is available, so `locale_sort_key` is a small Unicode Collation Algorithm: each character
becomes collation elements (primary, secondary, tertiary) taken from `_collation_table`, a table measured
from Node itself (see that module), and strings compare level by level like ICU sort keys.

Checked against Node (the tests hold the results as literals): every key and key set of both real
corpora, the orders measured in the spec, and 30,000 random pairs of strings over ASCII, Latin, Greek,
Cyrillic, symbols, combining marks, ligatures and compatibility characters all agree. Covered by the
table: ASCII, Latin-1, Latin Extended-A/B/C/D/Additional, IPA, Greek, Cyrillic, general punctuation,
currency, arrows, mathematical operators, geometric shapes, miscellaneous symbols; precomposed letters
go through canonical decomposition. Approximated (about 0.2% of random pairs drawn from the whole BMP
disagree): other scripts order by code point after Cyrillic (Han last, as UCA implicit weights), other
symbols sit just before the currency signs, other digits take their ASCII digit's primary, compatibility
variants outside the table take their NFKD weights with a tertiary between lower and upper case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache

from schema_tools.documents import _collation_table as _table

# The keys `schemaKeyCompare` puts first, in this order.
SCHEMA_KEY_ORDER: tuple[str, ...] = (
    "title",
    "description",
    "$id",
    "$schema",
    "type",
    "additionalProperties",
    "required",
    "properties",
    "allOf",
    "examples",
)
_FIXED_RANK = {key: rank for rank, key in enumerate(SCHEMA_KEY_ORDER)}

# `schemaKeySortOrder` is a plain JS object, so `key in schemaKeySortOrder` is also true for the members of
# Object.prototype; subtracting their (function) values gives NaN, which Array.prototype.sort reads as 0.
JS_PROTOTYPE_KEYS = frozenset(
    {
        "constructor",
        "__defineGetter__",
        "__defineSetter__",
        "hasOwnProperty",
        "__lookupGetter__",
        "__lookupSetter__",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toString",
        "valueOf",
        "__proto__",
        "toLocaleString",
    }
)

CollationElement = tuple[float, float, float]
SortKey = tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]

_COMMON = 1.0  # secondary weight of a base character, tertiary weight of a mark
_UPPER_BUMP = 1.0  # tertiary of an upper-case letter found by case mapping, over its lower case
_VARIANT_BUMP = 0.5  # tertiary of a compatibility variant: after its lower case, before its upper case


def _build_table() -> dict[str, CollationElement]:
    """Primary, extra secondary and tertiary weight of every measured character."""
    table: dict[str, CollationElement] = {}
    for primary, group in enumerate(_table.PRIMARY_GROUPS.split("\x00"), start=1):
        tertiary = 0
        secondary = -1.0
        for char in group:
            extra = _table.EXTRA_SECONDARY.get(char, 0.0)
            if extra != secondary:  # a new secondary sub-group restarts the tertiary count
                secondary, tertiary = extra, 0
            if char not in _table.TERTIARY_TIES:
                tertiary += 1
            table[char] = (float(primary), extra, float(tertiary))
    return table


_TABLE = _build_table()
_MARK_WEIGHT = {
    mark: float(weight) for weight, marks in enumerate(_table.COMBINING_MARKS, start=2) for mark in marks
}
_LAST_MARK_WEIGHT = float(len(_table.COMBINING_MARKS) + 1)
_PRIMARY_CURRENCY = _TABLE["$"][0]  # unknown punctuation and symbols go just before the currency signs
_PRIMARY_DIGITS = _TABLE["0"][0]  # unknown currency signs go just before the digits
_PRIMARY_IMPLICIT = 100_000.0  # unknown letters: after every measured character, by code point
_PRIMARY_HAN = 10_000_000.0  # Han ideographs come after the letters of every other script


def _in_ranges(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def _is_ignorable(char: str) -> bool:
    """True for characters ICU skips entirely (controls, format characters, some marks)."""
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cf") and code not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85):
        return True
    return _in_ranges(code, _table.IGNORABLE_RANGES)


def _with_tertiary(elements: list[CollationElement], bump: float) -> list[CollationElement]:
    return [(p, s, t + bump) if p else (p, s, t) for p, s, t in elements]


@lru_cache(maxsize=4096)
def _char_elements(char: str) -> tuple[CollationElement, ...]:
    """Collation elements of one character of a string in NFD."""
    known = _TABLE.get(char)
    if known is not None:
        primary, extra, tertiary = known
        if extra:  # e.g. "ø": the primary of "o", then a secondary difference
            return ((primary, _COMMON, tertiary), (0.0, extra, _COMMON))
        return ((primary, _COMMON, tertiary),)
    if _is_ignorable(char):
        return ()
    category = unicodedata.category(char)
    if category.startswith("M") and not _in_ranges(ord(char), _table.PRIMARY_MARK_RANGES):
        weight = _MARK_WEIGHT.get(char, _LAST_MARK_WEIGHT + 1 + ord(char) / 0x110000)
        return ((0.0, weight, _COMMON),)
    if char in _table.EXPANSIONS:
        expansion, secondary_differs = _table.EXPANSIONS[char]
        elements = _with_tertiary(_string_elements(expansion), _VARIANT_BUMP)
        if secondary_differs:  # "æ" is "ae" with a secondary difference after its first letter
            elements.insert(1, (0.0, _LAST_MARK_WEIGHT + 1, _COMMON))
        return tuple(elements)
    compat = unicodedata.normalize("NFKD", char)
    if compat != char:
        return tuple(_with_tertiary(_string_elements(compat), _VARIANT_BUMP))
    lower = char.lower()
    if len(lower) == 1 and lower != char:
        return tuple(_with_tertiary(list(_char_elements(lower)), _UPPER_BUMP))
    return (_fallback_element(char, category),)


def _fallback_element(char: str, category: str) -> CollationElement:
    """An approximate element for a character outside the measured blocks."""
    fraction = ord(char) / 0x110000  # keeps unknown characters apart, in code point order
    if category == "Nd":
        digit = _TABLE[str(unicodedata.digit(char))]
        return (digit[0], _COMMON, digit[2] + _VARIANT_BUMP)
    if category == "Sc":
        return (_PRIMARY_DIGITS - 1 + fraction, _COMMON, 1.0)
    if category[0] in "PSZ":
        return (_PRIMARY_CURRENCY - 1 + fraction, _COMMON, 1.0)
    code = ord(char)
    # UCA implicit weights: Han after every other script, the core blocks before the extensions.
    if 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
        return (_PRIMARY_HAN + code, _COMMON, 1.0)
    if 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x323AF:
        return (_PRIMARY_HAN * 2 + code, _COMMON, 1.0)
    return (_PRIMARY_IMPLICIT + code, _COMMON, 1.0)


def _string_elements(text: str) -> list[CollationElement]:
    elements: list[CollationElement] = []
    for char in text:
        elements.extend(_char_elements(char))
    return elements


@lru_cache(maxsize=65536)
def locale_sort_key(text: str) -> SortKey:
    """A sort key that orders strings like JavaScript `a.localeCompare(b)` in Node 20 (ICU, en).

    Equal keys mean `localeCompare` returns 0 (for example for strings that differ only by ignorable
    characters or by Unicode normalization), so a stable sort keeps their original order, as V8 does.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFD", text)
    elements = _string_elements(text)
    return (
        tuple(p for p, _, _ in elements if p),
        tuple(s for _, s, _ in elements if s),
        tuple(t for _, _, t in elements if t),
    )


def schema_key_compare(k1: str, k2: str) -> int:
    """`schemaKeyCompare` of the reference, including its quirk for Object.prototype member names."""
    special1 = k1 in _FIXED_RANK or k1 in JS_PROTOTYPE_KEYS
    special2 = k2 in _FIXED_RANK or k2 in JS_PROTOTYPE_KEYS
    if special1 and special2:
        if k1 in _FIXED_RANK and k2 in _FIXED_RANK:
            return _FIXED_RANK[k1] - _FIXED_RANK[k2]
        return 0  # NaN in JS, which the sort treats as "equal"
    if special1:
        return -1
    if special2:
        return 1
    key1, key2 = locale_sort_key(k1), locale_sort_key(k2)
    return (key1 > key2) - (key1 < key2)


def schema_sorted_keys(keys: Iterable[str]) -> list[str]:
    """The keys in the order `Object.keys(o).sort(schemaKeyCompare)` gives them.

    `keys` must already be in JS `Object.keys` order (see `js_key_order`), which decides ties.
    """
    # A document's mappings share a few key sets ({type, description}, …): each is sorted once.
    return list(_schema_sorted_tuple(tuple(keys)))


def schema_key_order(mapping: dict[str, object]) -> tuple[str, ...]:
    """The keys of `mapping` in the order the reference writes them (`Object.keys(o).sort(schemaKeyCompare)`)."""
    return _schema_sorted_mapping_keys(tuple(mapping))


@lru_cache(maxsize=4096)
def _schema_sorted_mapping_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    # Keyed by the keys in insertion order, from which both the JS order and the sort follow.
    return _schema_sorted_tuple(tuple(js_key_order(keys)))


@lru_cache(maxsize=4096)
def _schema_sorted_tuple(keys: tuple[str, ...]) -> tuple[str, ...]:
    if not JS_PROTOTYPE_KEYS.isdisjoint(keys):
        # The comparator is inconsistent for these names, so only V8's own algorithm gives its result.
        return tuple(v8_sort(keys, schema_key_compare))
    fixed = sorted((k for k in keys if k in _FIXED_RANK), key=_FIXED_RANK.__getitem__)
    others = sorted((k for k in keys if k not in _FIXED_RANK), key=locale_sort_key)
    return (*fixed, *others)


def is_js_array_index(key: str) -> bool:
    """True for the keys JS lists first in an object: canonical integers from 0 to 2**32 - 2."""
    # The first-character test is cheap and almost always false: schema keys rarely start with a digit.
    if not key[:1].isdigit():
        return False
    return key.isdigit() and key.isascii() and (key == "0" or key[0] != "0") and int(key) < 2**32 - 1


# Keys known not to be array indexes. A run meets the same few hundred keys in tens of thousands of
# objects, so `js_key_order` mostly answers with one subset test (in C) instead of a call per key. The
# limit only matters to a long-lived server that sees arbitrary keys.
_PLAIN_KEYS: set[str] = set()
_PLAIN_KEYS_LIMIT = 65536


def has_js_array_index(keys: Collection[str]) -> bool:
    """True when some key is an array index (`keys`: a dict or a collection that can be iterated twice)."""
    if _PLAIN_KEYS.issuperset(keys):
        return False
    if len(_PLAIN_KEYS) > _PLAIN_KEYS_LIMIT:
        _PLAIN_KEYS.clear()
    found = False
    for key in keys:
        if is_js_array_index(key):
            found = True
        else:
            _PLAIN_KEYS.add(key)
    return found


def js_key_order(keys: Collection[str]) -> list[str]:
    """Keys in JS `Object.keys` order: array-index keys ascending first, then the others as inserted.

    `keys` is a dict (its keys are taken) or a collection that can be iterated twice.
    """
    if not has_js_array_index(keys):
        return list(keys)
    indexes = [k for k in keys if is_js_array_index(k)]
    rest = [k for k in keys if not is_js_array_index(k)]
    return sorted(indexes, key=int) + rest


def v8_sort(items: Sequence[str], compare: Callable[[str, str], int]) -> list[str]:
    """Array.prototype.sort as V8 runs it (TimSort), for comparators that are not consistent.

    For fewer than 64 elements V8 finds the first run, then binary-inserts the rest: ported exactly.
    Longer arrays are merged from such runs in V8; here they are binary-inserted as one run, which gives
    the same result whenever the comparator is consistent (approximation for the inconsistent case).
    """
    work = list(items)
    if len(work) < 2:
        return work
    run = _count_and_make_run(work, compare)
    _binary_insertion_sort(work, run, compare)
    return work


def _count_and_make_run(work: list[str], compare: Callable[[str, str], int]) -> int:
    """V8 CountAndMakeRun from index 0: length of the leading run, reversed if strictly descending."""
    if len(work) == 1:
        return 1
    descending = compare(work[1], work[0]) < 0
    length = 2
    for index in range(2, len(work)):
        order = compare(work[index], work[index - 1])
        if (descending and order >= 0) or (not descending and order < 0):
            break
        length += 1
    if descending:
        work[:length] = work[:length][::-1]
    return length


def _binary_insertion_sort(work: list[str], start: int, compare: Callable[[str, str], int]) -> None:
    """V8 BinaryInsertionSort of work[start:] into the sorted prefix work[:start]."""
    for index in range(max(start, 1), len(work)):
        pivot = work[index]
        left, right = 0, index
        while left < right:
            middle = left + ((right - left) >> 1)
            if compare(pivot, work[middle]) < 0:
                right = middle
            else:
                left = middle + 1
        work[left + 1 : index + 1] = work[left:index]
        work[left] = pivot
