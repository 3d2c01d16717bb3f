"""`$ref` dereferencing with the exact results of the reference (json-schema-ref-parser 7.1.4 driven by
jsonschema-tools' resolver), and errors that say what was tried and where.

What the reference does, and so what this does (see docs of `dereference` for the details):

* The in-memory root schema is the document `<cwd>/`. `#/…` and `./#/…` point into it.
* Other documents are named by the reference resolved against the referring document (`/fragment/a/1.0.0`
  stays that), and read from the first base URI that has them (see `retrieve`). Each is parsed once per
  run; every `dereference` call works on its own deep copies, because dereferencing rewrites them in place.
* The same target reached twice is the same Python object; a `$ref` with sibling keys gives a new object
  each time (its siblings, then the target's other keys). The YAML writer turns shared objects into
  anchors, so which objects are shared is part of the output.

Where the reference fails this does better: a document that no base URI has gives a RefError listing every
URI tried with its reason; a cycle gives a RefCycleError naming the chain of `$ref`s instead of an infinite
structure (or a stack overflow); every error names the document and the JSON Pointer of the `$ref`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from schema_tools.documents.collation import js_key_order
from schema_tools.documents.tree import CONTAINERS, copy_tree
from schema_tools.errors import DocumentError, RefCycleError, RefError
from schema_tools.pointer import (
    PointerSyntaxError,
    child_of,
    format_pointer,
    has_scheme,
    is_external_ref,
    is_ref,
    join_pointer,
    merge_extended,
    parse_pointer,
    pointer_of,
    strip_hash,
    url_resolve,
)
from schema_tools.retrieve import Document, Fetch, NotFound, Resolver, default_fetch

__all__ = ["Fetch", "Resolver", "default_fetch", "dereference"]

# Pointer walks that follow more `$ref`s than this in a row are stopped (a cycle the checks missed).
MAX_INDIRECTIONS = 256

# Where a value is, for messages: a location string (`doc#/pointer`), or (where its parent is, its key or
# index). The crawl meets tens of thousands of values and almost never reports one, so it pairs the
# parent's location with the key (cheap) and `_location` builds the string only for a message.
Where: TypeAlias = "str | tuple[Where, str | int]"


def _location(where: Where) -> str:
    """The location string (`doc#/a/b`) of a `Where`."""
    tokens: list[str] = []
    while not isinstance(where, str):
        where, token = where
        tokens.append(str(token))
    return join_pointer(where, reversed(tokens)) if tokens else where


def dereference(schema: dict[str, Any], resolver: Resolver, *, path: str) -> dict[str, Any]:
    """Return `schema` with every `$ref` replaced by its target, as ref-parser's `dereference` does.

    `schema` itself is not changed (it is deep-copied first). `path` is the file it came from, for errors.
    Raises RefError (a target cannot be found), RefCycleError, or DocumentError (a target does not parse).
    """
    root = copy_tree(schema)
    try:
        result = _Dereferencer(resolver, Document(resolver.root_key, path, root)).run()
    except RecursionError:
        raise DocumentError("nested too deeply to dereference", path=path) from None
    if not isinstance(result, dict):
        raise RefError("the root $ref does not point to an object", ref=str(schema.get("$ref")), path=path)
    return result


# _Frame and _Pointer are plain classes with slots rather than dataclasses: defining a dataclass costs a
# fraction of a millisecond at every start, and a frame is made for every `$ref` met.
class _Frame:
    """One `$ref` being followed: its text, where it is (`doc#pointer`), and what it resolved to."""

    __slots__ = ("at", "depth", "is_ref", "ref", "target")

    def __init__(self, ref: str, at: Where, target: str = "", depth: int = 0, *, is_ref: bool = True) -> None:
        self.ref = ref
        self.at = at
        self.target = target
        self.depth = depth  # how many objects were on the crawl path when it was met
        self.is_ref = is_ref  # False for a plain location (where recursive data closes on itself)

    @property
    def where(self) -> str:
        """The location of the `$ref` object (`doc#pointer`)."""
        return _location(self.at)

    @property
    def pointer(self) -> str:
        """The JSON Pointer of the `$ref` member itself, as an editor would locate it."""
        return pointer_of(self.where) + ("/$ref" if self.is_ref else "")


class _Pointer:
    """ref-parser's Pointer: a location being resolved (`path`), its value and where that value is (`at`)."""

    __slots__ = ("at", "circular", "path", "value")

    def __init__(self, path: str, value: Any, at: str) -> None:
        self.path = path
        self.value = value
        self.at = at
        self.circular = False


def _external_refs(value: Any, key: str) -> list[tuple[str, str]]:
    """The external `$ref`s in the value of document `key`, in the order ref-parser's resolve-external
    walk meets them (JS key order, depth first, each object once): (the `$ref`, where its object is)."""
    found: list[tuple[str, str]] = []
    seen: set[int] = set()
    tokens: list[str] = []  # where the walk is; a location string is built only for a $ref found

    def walk(obj: Any) -> None:
        if is_external_ref(obj):
            found.append((obj["$ref"], join_pointer(key + "#", tokens)))
            return
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, dict):
            for name in js_key_order(obj):
                value = obj[name]
                if isinstance(value, CONTAINERS):  # scalars hold no $ref
                    tokens.append(name)
                    walk(value)
                    tokens.pop()
        else:
            for index, value in enumerate(obj):
                if isinstance(value, CONTAINERS):
                    tokens.append(str(index))
                    walk(value)
                    tokens.pop()

    if isinstance(value, CONTAINERS):
        walk(value)
    return found


class _Dereferencer:
    """One dereference: ref-parser's resolve-external crawl, then its dereference crawl, ported step by step.

    Paths are ref-parser's `document#pointer` strings and are used for resolving exactly as it does.
    Beside each, `where` says where the value really is, for messages: they differ only for the sibling
    keys of an extended `$ref`, which ref-parser crawls as if they were in the target's document.
    """

    def __init__(self, resolver: Resolver, root: Document) -> None:
        self.resolver = resolver
        self.root = root
        self.docs: dict[str, Document] = {root.key: root}
        self.originals: dict[str, Document] = {}  # the resolver's (shared) documents that `docs` copy
        self.parents: list[Any] = []  # the objects on the crawl path, compared by identity
        self.parent_index: dict[int, int] = {}  # id of each object in `parents` → its (first) index
        self.inlining: list[_Frame] = []  # the `$ref`s whose targets are being crawled
        self.following: list[_Frame] = []  # the `$ref`s followed while walking a pointer

    def run(self) -> Any:
        self._preload(_external_refs(self.root.value, self.root.key))
        return self._crawl(self.root.value, self.root.key, self.root.key + "#")

    # ---- documents -------------------------------------------------------------------------------

    def _preload(self, refs: list[tuple[str, str]]) -> None:
        """ref-parser's resolve-external: read every document reachable through external `$ref`s.

        This reads them all up front, as the reference does, so a broken `$ref` anywhere in a referenced
        document fails the run even where that part is not used. (Like the reference, it does not look
        inside the siblings of an external `$ref`; those documents are read when the crawl meets them.)
        `refs` are a document's external `$ref`s (see `_external_refs`); each new document they name is
        read and preloaded in its turn, before the next, as the reference's depth-first walk does.
        """
        for ref, path in refs:
            key = strip_hash(url_resolve(path, ref))
            if key not in self.docs:
                self._document(key, _Frame(ref, path))
                # The walk reads the shared document, not this dereference's copy (the same data): what it
                # finds is kept with the document, for the next dereference that reads it.
                shared = self.originals[key]
                if shared.external_refs is None or shared.key != key:
                    shared.external_refs = _external_refs(shared.value, key)
                self._preload(shared.external_refs)

    def _document(self, key: str, frame: _Frame) -> Document:
        """This dereference's own copy of document `key`, read (once per run) on first use."""
        document = self.docs.get(key)
        if document is None:
            try:
                shared = self.resolver.load(key)
            except NotFound as missing:
                raise self._error(self._not_found(frame.ref, key), frame, tried=missing.tried) from None
            except DocumentError as error:  # say which $ref made us read the broken document
                message = f"{error.message} (read for $ref {self._site(frame, with_document=True)})"
                raise DocumentError(message, path=error.path, line=error.line) from None
            document = Document(key, shared.location, copy_tree(shared.value))
            self.docs[key] = document
            self.originals[key] = shared
        return document

    def _not_found(self, ref: str, key: str) -> str:
        if not self.resolver.base_uris:
            return f"cannot resolve $ref {ref!r}: no base URIs are configured"
        message = f"cannot resolve $ref {ref!r}: no base URI has {key}"
        if not ref.startswith(("/", "#", "./#")) and not has_scheme(ref):
            message += (
                " (a relative $ref resolves against the working directory; write it from the "
                "schema base path, like '/fragment/…')"
            )
        return message

    # ---- the dereference crawl -------------------------------------------------------------------

    def _crawl(self, obj: Any, document: str, where: Where, moved: Mapping[str, Where] | None = None) -> Any:
        """ref-parser's `crawl`: replace the `$ref`s in `obj` (in place) and return it, or its target.

        `document` is the document `obj` is crawled in: ref-parser resolves a `$ref` against its path, of
        which only the document part counts (`url_resolve` drops the base's fragment). `where` is where
        `obj` really is, and `moved` gives the real location of keys that ref-parser crawls under another
        document's path.
        """
        if not isinstance(obj, CONTAINERS):
            return obj
        parents, parent_index = self.parents, self.parent_index
        parent_index.setdefault(id(obj), len(parents))
        parents.append(obj)
        try:
            if is_ref(obj):
                return self._inline(obj, document, where)
            # Keys in JS order; list indexes stay ints (`_location` writes them as tokens).
            keys: Iterable[Any] = js_key_order(obj) if isinstance(obj, dict) else range(len(obj))
            for key in keys:
                value = obj[key]
                if not isinstance(value, CONTAINERS):
                    continue  # a scalar: nothing to replace
                key_where = moved[key] if moved and key in moved else (where, key)
                # (The membership test first: most objects have no `$ref`, and it saves a call.)
                if isinstance(value, dict) and "$ref" in value and is_ref(value):
                    obj[key] = self._inline(value, document, key_where)
                elif id(value) in parent_index:
                    raise self._cycle_error(parent_index[id(value)], _Frame("", key_where, is_ref=False))
                else:
                    obj[key] = self._crawl(value, document, key_where)
            return obj
        finally:
            parents.pop()
            if parent_index.get(id(obj)) == len(parents):
                del parent_index[id(obj)]

    def _inline(self, ref_object: dict[str, Any], document: str, where: Where) -> Any:
        """ref-parser's `dereference$Ref`: the target of `ref_object`, crawled in its turn."""
        ref = ref_object["$ref"]
        frame = _Frame(ref, where, url_resolve(document, ref), len(self.parents))
        self.inlining.append(frame)
        try:
            pointer = self._resolve(frame.target, frame)
            if pointer.circular:
                raise self._error(f"$ref cycle: {self._site(frame)} points at itself", frame, cycle=True)
            index = self._on_path(pointer.value)
            if index is not None:
                raise self._cycle_error(index, None)
            value = merge_extended(ref_object, pointer.value)
            # The siblings of an extended $ref are crawled under the target's path, as ref-parser does
            # (so their relative $refs resolve against the target's document); `moved` keeps their place.
            moved: dict[str, Where] | None = None
            if value is not pointer.value:
                moved = {key: (where, key) for key in ref_object if key != "$ref"}
            return self._crawl(value, strip_hash(pointer.path), pointer.at, moved)
        finally:
            self.inlining.pop()

    def _on_path(self, value: Any) -> int | None:
        """The index of `value` among the objects on the crawl path (by identity), or None."""
        if isinstance(value, CONTAINERS):
            return self.parent_index.get(id(value))
        return None

    # ---- pointers --------------------------------------------------------------------------------

    def _resolve(self, path: str, frame: _Frame) -> _Pointer:
        """ref-parser's `$Refs._resolve`: the value at location `path`, following `$ref`s on the way."""
        absolute = url_resolve(self.root.key, path)
        document = self._document(strip_hash(absolute), frame)
        try:
            tokens = parse_pointer(absolute)
        except PointerSyntaxError as error:
            raise self._error(f"cannot resolve $ref {frame.ref!r}: {error}", frame) from None
        pointer = _Pointer(absolute, document.value, document.key + "#")
        for index, token in enumerate(tokens):
            if self._follow(pointer):
                pointer.path = join_pointer(pointer.path, tokens[index:])
            found, child = child_of(pointer.value, token)
            if not found:
                where = self.docs[strip_hash(pointer.at)].location
                message = (
                    f"cannot resolve $ref {frame.ref!r}: {format_pointer(tokens[: index + 1])} "
                    f"does not exist in {where}"
                )
                raise self._error(message, frame)
            pointer.value = child
            pointer.at = join_pointer(pointer.at, token)
        self._follow(pointer)
        return pointer

    def _follow(self, pointer: _Pointer) -> bool:
        """ref-parser's `resolveIf$Ref`: when the pointer sits on a `$ref`, move to its target.

        Returns True when the pointer moved to another location (an extended `$ref` only changes the value).
        """
        value = pointer.value
        if not is_ref(value):
            return False
        frame = _Frame(value["$ref"], pointer.at, url_resolve(pointer.path, value["$ref"]))
        if frame.target == pointer.path:
            pointer.circular = True  # a $ref to its own location; the caller reports it
            return False
        for index, active in enumerate(self.following):
            if active.target == frame.target:
                chain = [*self.following[index:], frame]
                raise self._error(f"$ref cycle: {self._chain(chain)}", frame, cycle=True)
        if len(self.following) >= MAX_INDIRECTIONS:
            raise self._error(f"cannot resolve $ref {frame.ref!r}: too many indirections", frame)
        self.following.append(frame)
        try:
            resolved = self._resolve(frame.target, frame)
        finally:
            self.following.pop()
        if len(value) > 1:  # an extended $ref: a new value, but the pointer stays where it is
            pointer.value = merge_extended(value, resolved.value)
            return False
        pointer.path, pointer.value, pointer.at = resolved.path, resolved.value, resolved.at
        return True

    # ---- errors ----------------------------------------------------------------------------------

    def _site(self, frame: _Frame, *, with_document: bool = False) -> str:
        """`'#/a' at /properties/x/$ref` (plus the document, when it is not the root)."""
        document = self.docs.get(strip_hash(frame.where))
        if document is self.root and not with_document:
            return f"{frame.ref!r} at {frame.pointer}"
        location = document.location if document else strip_hash(frame.where)
        return f"{frame.ref!r} at {frame.pointer} of {location}"

    def _chain(self, frames: Sequence[_Frame]) -> str:
        return " -> ".join(self._site(frame) for frame in frames)

    def _cycle_error(self, index: int, closing: _Frame | None) -> RefError:
        """The crawl met parents[index] again: the `$ref`s since it was entered lead back into it."""
        start = 0
        for position, frame in enumerate(self.inlining):
            if frame.depth <= index:
                start = position
        chain = self.inlining[start:]
        if not chain and closing is not None:  # no $ref involved: the data itself is recursive
            return self._error("the document contains itself (a recursive YAML alias)", closing, cycle=True)
        message = f"$ref cycle: {self._chain(chain)} leads back to an object that contains it"
        return self._error(message, chain[-1], cycle=True)

    def _error(
        self, message: str, frame: _Frame, *, tried: Sequence[str] = (), cycle: bool = False
    ) -> RefError:
        """A RefError (or RefCycleError) located at the `$ref` of `frame`, in its own document."""
        document = self.docs.get(strip_hash(frame.where))
        kind = RefCycleError if cycle else RefError
        return kind(
            message,
            ref=frame.ref,
            tried=tried,
            path=document.location if document else strip_hash(frame.where),
            pointer=frame.pointer,
        )
