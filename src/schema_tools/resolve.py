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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from schema_tools.documents.tree import copy_tree
from schema_tools.errors import DocumentError, RefCycleError, RefError
from schema_tools.pointer import (
    PointerSyntaxError,
    child_of,
    container_items,
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


@dataclass
class _Frame:
    """One `$ref` being followed: its text, where it is (`doc#pointer`), and what it resolved to."""

    ref: str
    where: str
    target: str = ""
    depth: int = 0  # how many objects were on the crawl path when it was met
    is_ref: bool = True  # False for a plain location (where recursive data closes on itself)

    @property
    def pointer(self) -> str:
        """The JSON Pointer of the `$ref` member itself, as an editor would locate it."""
        return pointer_of(self.where) + ("/$ref" if self.is_ref else "")


@dataclass
class _Pointer:
    """ref-parser's Pointer: a location being resolved (`path`), its value and where that value is (`at`)."""

    path: str
    value: Any
    at: str
    circular: bool = False


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
        self.parents: list[Any] = []  # the objects on the crawl path, compared by identity
        self.inlining: list[_Frame] = []  # the `$ref`s whose targets are being crawled
        self.following: list[_Frame] = []  # the `$ref`s followed while walking a pointer

    def run(self) -> Any:
        self._preload(self.root.value, self.root.key + "#", set())
        return self._crawl(self.root.value, self.root.key, self.root.key + "#")

    # ---- documents -------------------------------------------------------------------------------

    def _preload(self, obj: Any, path: str, seen: set[int]) -> None:
        """ref-parser's resolve-external: read every document reachable through external `$ref`s.

        This reads them all up front, as the reference does, so a broken `$ref` anywhere in a referenced
        document fails the run even where that part is not used. (Like the reference, it does not look
        inside the siblings of an external `$ref`; those documents are read when the crawl meets them.)
        """
        if is_external_ref(obj):
            self._preload_ref(obj, path, seen)
            return
        if not isinstance(obj, dict | list) or id(obj) in seen:
            return
        seen.add(id(obj))
        for token, key in container_items(obj):
            self._preload(obj[key], join_pointer(path, token), seen)

    def _preload_ref(self, ref_object: dict[str, Any], path: str, seen: set[int]) -> None:
        key = strip_hash(url_resolve(path, ref_object["$ref"]))
        if key not in self.docs:
            document = self._document(key, _Frame(ref_object["$ref"], path))
            self._preload(document.value, key + "#", seen)

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

    def _crawl(self, obj: Any, path: str, where: str, moved: Mapping[str, str] | None = None) -> Any:
        """ref-parser's `crawl`: replace the `$ref`s in `obj` (in place) and return it, or its target.

        `moved` gives the real location of keys that ref-parser crawls under another document's path.
        """
        if not isinstance(obj, dict | list):
            return obj
        self.parents.append(obj)
        try:
            if is_ref(obj):
                return self._inline(obj, path, where)
            # Usually the real location is the resolution path itself: then build the string once.
            same = where == path or where == path + "#"
            for token, key in container_items(obj):
                value = obj[key]
                key_path = join_pointer(path, token)
                if moved and token in moved:
                    key_where = moved[token]
                else:
                    key_where = key_path if same else join_pointer(where, token)
                if is_ref(value):
                    obj[key] = self._inline(value, key_path, key_where)
                elif (index := self._on_path(value)) is not None:
                    raise self._cycle_error(index, _Frame("", key_where, is_ref=False))
                else:
                    obj[key] = self._crawl(value, key_path, key_where)
            return obj
        finally:
            self.parents.pop()

    def _inline(self, ref_object: dict[str, Any], path: str, where: str) -> Any:
        """ref-parser's `dereference$Ref`: the target of `ref_object`, crawled in its turn."""
        ref = ref_object["$ref"]
        frame = _Frame(ref, where, url_resolve(path, ref), len(self.parents))
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
            moved = None
            if value is not pointer.value:
                moved = {key: join_pointer(where, key) for key in ref_object if key != "$ref"}
            return self._crawl(value, pointer.path, pointer.at, moved)
        finally:
            self.inlining.pop()

    def _on_path(self, value: Any) -> int | None:
        """The index of `value` among the objects on the crawl path (by identity), or None."""
        if isinstance(value, dict | list):
            for index, parent in enumerate(self.parents):
                if parent is value:
                    return index
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
