"""JSON Pointers and `$ref` URL arithmetic, the way json-schema-ref-parser 7.1.4 does them.

ref-parser names every location as one string, `<document>#<pointer>`: the document part is a file path
or URL (without the `file://` the tool adds later), the part after the first `#` is a JSON Pointer whose
tokens are URI-encoded. These helpers work on such strings:

* `url_resolve` is Node's legacy `url.resolve` for the inputs a schema can hold (fragments, absolute and
  relative paths, URLs), including its quirks that matter here: an empty fragment (`…/2.0.0#`) is kept,
  `..` never climbs above `/`, and scheme and host of an absolute URL are lower-cased.
* `parse_pointer` and `join_pointer` are ref-parser's `Pointer.parse` and `Pointer.join`.
* `format_pointer` writes tokens as a plain RFC 6901 pointer, for error messages.
* `js_keys`, `container_items` and `child_of` look into parsed documents as JavaScript would.
* `is_ref`, `is_external_ref` and `merge_extended` are ref-parser's tests and merge of `$ref` objects.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, TypeGuard
from urllib.parse import quote, unquote

from schema_tools.documents.collation import js_key_order

# The characters of a scheme as Node's legacy URL parser sees one (it accepts a leading digit, unlike
# RFC 3986): what `[a-z0-9.+-]` matches case-insensitively, which includes four non-ASCII letters that
# case-fold to ASCII ones. Tested by hand rather than with that regex, whose compilation alone took
# most of this module's import time.
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-\u0130\u0131\u017f\u212a")
# The characters encodeURIComponent leaves alone (besides letters and digits).
_URI_COMPONENT_SAFE = "-_.!~*'()"


class PointerSyntaxError(ValueError):
    """A `#fragment` that is not a JSON Pointer (it must be empty or start with `/`)."""


def strip_hash(path: str) -> str:
    """`doc#/a/b` -> `doc`: the document part of a location."""
    return path.split("#", 1)[0]


def get_hash(path: str) -> str:
    """`doc#/a/b` -> `#/a/b`; a location without `#` has the empty pointer `#`."""
    index = path.find("#")
    return path[index:] if index >= 0 else "#"


def parse_pointer(path: str) -> list[str]:
    """The decoded tokens of the pointer in `path`'s fragment (`doc#/a~1b/c%20d` -> ['a/b', 'c d'])."""
    pointer = get_hash(path)[1:]
    if not pointer:
        return []
    # ref-parser's order: `~1` before `~0`, then percent-decoding.
    tokens = [unquote(part.replace("~1", "/").replace("~0", "~")) for part in pointer.split("/")]
    if tokens[0] != "":
        raise PointerSyntaxError(f"invalid JSON Pointer {pointer!r}: a pointer must start with '/'")
    return tokens[1:]


def escape_token(token: str) -> str:
    """RFC 6901 escaping of one token (`~` -> `~0`, `/` -> `~1`)."""
    return token.replace("~", "~0").replace("/", "~1")


@functools.lru_cache(maxsize=4096)
def _encoded_token(token: str) -> str:
    # The same few keys (`properties`, `type`, …) recur thousands of times in a run: encode each once.
    return quote(escape_token(token), safe=_URI_COMPONENT_SAFE)


def join_pointer(base: str, tokens: str | Iterable[str]) -> str:
    """Append tokens to the pointer of location `base` (adding `#` if it has none), URI-encoding each."""
    if "#" not in base:
        base += "#"
    for token in [tokens] if isinstance(tokens, str) else tokens:
        base += "/" + _encoded_token(token)
    return base


def format_pointer(tokens: Iterable[str]) -> str:
    """Tokens as a readable RFC 6901 pointer: `['properties', 'a/b']` -> `/properties/a~1b`."""
    return "".join("/" + escape_token(token) for token in tokens)


def pointer_of(path: str) -> str:
    """The readable RFC 6901 pointer of location `path` (`doc#/a%20b` -> `/a b`)."""
    try:
        return format_pointer(parse_pointer(path))
    except PointerSyntaxError:
        return get_hash(path)[1:]


def js_keys(obj: dict[str, Any]) -> list[str]:
    """The keys in JavaScript's order: integer-like keys first, ascending, then the others as inserted.

    ref-parser walks objects in this order, so it decides which of two `$ref`s to one target is crawled
    first, and so what ends up shared.
    """
    return js_key_order(obj)


def container_items(obj: dict[str, Any] | list[Any]) -> list[tuple[str, Any]]:
    """(token, key) pairs of a container in JavaScript's `Object.keys` order; arrays go by index."""
    if isinstance(obj, dict):
        return [(key, key) for key in js_keys(obj)]
    return [(str(index), index) for index in range(len(obj))]


def child_of(value: Any, token: str) -> tuple[bool, Any]:
    """The value under `token`, or (False, None) when there is none."""
    if isinstance(value, dict):
        return (True, value[token]) if token in value else (False, None)
    if isinstance(value, list) and token.isdigit() and (token == "0" or token[0] != "0"):
        index = int(token)
        return (True, value[index]) if index < len(value) else (False, None)
    return False, None


def _scheme_length(url: str) -> int:
    """The length of `url`'s scheme with its colon (`http:`), or 0 when it has none."""
    index = 0
    while index < len(url) and url[index] in _SCHEME_CHARS:
        index += 1
    return index + 1 if index and url[index : index + 1] == ":" else 0


def has_scheme(url: str) -> bool:
    """True when `url` starts with a scheme (`http:`, `file:`…), as Node's URL parser decides it."""
    return _scheme_length(url) > 0


def _authority_length(url: str) -> int:
    """The length of `url`'s `scheme://authority` or `//authority` part, or 0 when it has none."""
    start = _scheme_length(url)
    if not url.startswith("//", start):
        return 0
    index = start + 2
    while index < len(url) and url[index] not in "/?#":
        index += 1
    return index


def url_resolve(base: str, ref: str) -> str:
    """Node's legacy `url.resolve(base, ref)`, for the locations ref-parser builds."""
    ref_main, sep, ref_hash = ref.partition("#")
    fragment = sep + ref_hash  # kept even when empty, as Node does: `/a/1.0.0#` stays `/a/1.0.0#`
    base_main = strip_hash(base)
    if has_scheme(ref_main):
        return _lower_scheme_and_host(ref_main) + fragment
    if not ref_main:
        return base_main + fragment
    authority = base_main[: _authority_length(base_main)]
    base_path = base_main[len(authority) :]
    if ref_main.startswith("//"):
        return base_main[: _scheme_length(base_main)] + ref_main + fragment
    if ref_main.startswith("?"):
        return authority + base_path.split("?", 1)[0] + ref_main + fragment
    ref_path, qmark, query = ref_main.partition("?")
    if ref_path.startswith("/"):
        merged = ref_path
    else:
        directory = base_path.split("?", 1)[0]
        merged = directory[: directory.rfind("/") + 1] + ref_path
        if authority and not merged.startswith("/"):
            merged = "/" + merged
    return authority + remove_dot_segments(merged) + qmark + query + fragment


def remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4 on an absolute path: `.` and `..` go, and `..` at the top stays at `/`."""
    absolute = path.startswith("/")
    segments = path.split("/")
    output: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > (1 if absolute else 0):
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    if absolute and not result.startswith("/"):
        result = "/" + result
    return result


def _lower_scheme_and_host(url: str) -> str:
    """`HTTP://Example.COM/Path` -> `http://example.com/Path`, as Node's URL parser normalises it."""
    match = re.match(r"^([a-z0-9.+-]+:)(//[^/?#@]*@?[^/?#]*)?", url, re.IGNORECASE)
    if not match:
        return url
    scheme, authority = match.group(1), match.group(2) or ""
    if "@" in authority:  # keep user info as written; only the host is case-insensitive
        user, host = authority.rsplit("@", 1)
        authority = user + "@" + host.lower()
    else:
        authority = authority.lower()
    return scheme.lower() + authority + url[match.end() :]


def is_ref(value: Any) -> TypeGuard[dict[str, Any]]:
    """ref-parser's `$Ref.isAllowed$Ref`: a `$ref` string that is a pointer (`#`, `#/…`) or not a fragment."""
    if not isinstance(value, dict):
        return False
    ref = value.get("$ref")
    return isinstance(ref, str) and ref != "" and (ref == "#" or ref.startswith("#/") or ref[0] != "#")


def is_external_ref(value: Any) -> bool:
    """ref-parser's `$Ref.isExternal$Ref`: a `$ref` not starting with `#` (so `./#/…` counts)."""
    return is_ref(value) and not value["$ref"].startswith("#")


def merge_extended(ref_object: dict[str, Any], target: Any) -> Any:
    """ref-parser's `$Ref.dereference`: a `$ref` with siblings gives a NEW object, siblings first."""
    if not isinstance(target, dict | list) or len(ref_object) <= 1:
        return target  # the target itself: reaching it twice gives the same object
    merged = {key: ref_object[key] for key in js_keys(ref_object) if key != "$ref"}
    for token, key in container_items(target):
        if token not in merged:
            merged[token] = target[key]  # shallow: the target's children are shared, not copied
    return {key: merged[key] for key in js_keys(merged)}
