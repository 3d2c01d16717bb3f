"""Fetching referenced documents: candidate URLs for each base URI, and file:// and http(s) reads.

The reference (jsonschema-tools' `resolveUri` and `createSchemaResolver`) builds one URL per base URI by
plain string concatenation, `base + document`, unless the document already has a `scheme://`; a result
without a scheme becomes `file://` + the path resolved against the working directory. The candidates are
tried in order and the first that can be read wins; a document that is read but does not parse is an
error, not a reason to try the next base.

What this module adds: every failed candidate is remembered with its reason, a base-URI prefix can be
mapped to a local directory (`uri_map`), and an HTTP read is bounded in time as a whole.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import unquote

from schema_tools.documents.load import load_text
from schema_tools.errors import DocumentError, SchemaToolsError

if TYPE_CHECKING:
    import urllib.request

# jsonschema-tools' own test for "has a protocol" (stricter than a URL parser's: it wants `://`).
_HAS_PROTOCOL = re.compile(r"^[a-zA-Z0-9+.-]+://")
# Percent-escapes of reserved characters, which Node's decodeURI leaves encoded in a file path.
_KEPT_ESCAPES = re.compile(r"%(2[fF]|3[fFaAbBdD]|2[bB])")
MAX_REDIRECTS = 5  # as ref-parser's http resolver
# Extra time a hung HTTP read gets beyond its timeout before it is abandoned (DNS cannot be interrupted).
_DEADLINE_GRACE = 0.5


class Fetch(Protocol):
    """Reads one URL (`file://…` or `http(s)://…`) and returns its text; raises on any failure."""

    def __call__(self, url: str, timeout: float) -> str: ...


class FetchError(Exception):
    """A candidate URL could not be read; the message is the short reason (`not found`, `HTTP 404`)."""


# Candidate and Document are plain classes rather than dataclasses: defining a dataclass costs a fraction
# of a millisecond at every start.
class Candidate:
    """One place a document may be read from (equal to another with the same URLs)."""

    __slots__ = ("original", "url")

    def __init__(self, url: str, original: str) -> None:
        self.url = url  # what is fetched
        self.original = original  # the URL built from the base URI, before `uri_map`

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and self.url == other.url and self.original == other.original

    def __hash__(self) -> int:
        return hash((self.url, self.original))

    def __repr__(self) -> str:
        return f"Candidate(url={self.url!r}, original={self.original!r})"

    @property
    def shown(self) -> str:
        """The candidate for messages: the built URL, and where it was mapped to if it was."""
        if self.original == self.url:
            return self.url
        return f"{self.original} (mapped to {location_of(self.url)})"


def has_protocol(uri: str) -> bool:
    """True when `uri` starts with `scheme://` (jsonschema-tools' `uriHasProtocol`)."""
    return _HAS_PROTOCOL.match(uri) is not None


def build_candidates(
    document: str, base_uris: Sequence[str], *, cwd: str, uri_map: Mapping[str, str]
) -> list[Candidate]:
    """The URLs to try for `document` (a path like `/fragment/a/1.0.0` or a URL), in base-URI order.

    Duplicates are dropped: a document that has its own scheme gives the same URL for every base, and
    the reference would read (or time out on) it once per base.
    """
    candidates: list[Candidate] = []
    for base in base_uris:
        original = _file_url(base + document if base and not has_protocol(document) else document, cwd)
        url = _file_url(_apply_map(original, uri_map), cwd)
        candidate = Candidate(url=url, original=original)
        if candidate not in candidates:
            candidates.append(candidate)
    return candidates


def _file_url(uri: str, cwd: str) -> str:
    """A URI without a scheme becomes `file://` + its absolute, normalised path (Node's `path.resolve`)."""
    if has_protocol(uri):
        return uri
    path = posixpath.normpath(posixpath.join(cwd, uri))
    if path.startswith("//"):  # POSIX normpath keeps a leading `//`; path.resolve does not
        path = "/" + path.lstrip("/")
    return "file://" + path


def _apply_map(url: str, uri_map: Mapping[str, str]) -> str:
    """Replace the longest matching `uri_map` prefix of `url` by its local directory (or other URL)."""
    for prefix in sorted(uri_map, key=len, reverse=True):
        if prefix and url.startswith(prefix):
            return uri_map[prefix] + url[len(prefix) :]
    return url


def location_of(url: str) -> str:
    """A candidate as a reader knows it: the file path of a `file://` URL, else the URL itself."""
    if url.startswith("file://"):
        # Like ref-parser's toFileSystemPath: decode escapes, except those of reserved characters.
        return unquote(_KEPT_ESCAPES.sub(lambda m: "%25" + m.group(1), url[len("file://") :]))
    return url


def default_fetch(url: str, timeout: float) -> str:
    """Read a `file://` or `http(s)://` URL as UTF-8 text. Raises FetchError with a short reason."""
    scheme = url.split("://", 1)[0].lower() if has_protocol(url) else ""
    if scheme == "file":
        return _read_file(location_of(url))
    if scheme in ("http", "https"):
        return _read_http(url, timeout)
    raise FetchError(f"unsupported URI scheme {scheme + ':' if scheme else url!r}")


def _read_file(path: str) -> str:
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        raise FetchError("not found") from None
    except NotADirectoryError:
        raise FetchError("not found (a parent is not a directory)") from None
    except IsADirectoryError:
        raise FetchError("is a directory") from None
    except OSError as error:
        raise FetchError((error.strerror or str(error)).lower()) from None
    return _decode(data, path)


def _decode(data: bytes, location: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        # Read but unusable: an error in the document, not a reason to try the next base URI.
        raise DocumentError(f"not UTF-8 text ({error.reason} at byte {error.start})", path=location) from None


def _read_http(url: str, timeout: float) -> str:
    """GET with the timeout on every socket operation, and the whole read abandoned past the deadline.

    The socket timeout alone does not bound a server that trickles bytes, nor a slow DNS look-up, so the
    request runs in a daemon thread that is waited for at most `timeout` (plus a little).
    """
    import threading

    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["data"] = _http_get(url, timeout)
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=run, name=f"fetch {url}", daemon=True)
    worker.start()
    worker.join(timeout + _DEADLINE_GRACE)
    if worker.is_alive():
        raise FetchError(f"timed out after {timeout:g} s")
    error = outcome.get("error")
    if isinstance(error, Exception):
        raise _http_failure(error, timeout)
    if error is not None:
        raise error  # type: ignore[misc]  # KeyboardInterrupt and the like: not a failed candidate
    return _decode(outcome["data"], url)  # type: ignore[arg-type]


def _http_get(url: str, timeout: float) -> bytes:
    import urllib.error
    import urllib.request

    class _Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

    # No proxy from the environment: the reference's Node http client uses none either.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _Redirects)
    try:
        with opener.open(_http_request(url), timeout=timeout) as response:
            return response.read()  # type: ignore[no-any-return]
    except urllib.error.HTTPError as error:
        error.close()  # it holds the response (and its socket) open
        raise


def _http_request(url: str) -> urllib.request.Request:
    import urllib.request
    from urllib.parse import quote

    # Node escapes spaces and the like when it parses a URL; urllib refuses them.
    return urllib.request.Request(quote(url, safe=":/?#[]@!$&'()*+,;=%~"), headers={"Accept": "*/*"})


def _http_failure(error: BaseException, timeout: float) -> BaseException:
    """A short reason for a failed HTTP read (`HTTP 404`, `timed out after 5 s`, `connection refused`)."""
    import socket
    import urllib.error

    if isinstance(error, urllib.error.HTTPError):
        return FetchError(f"HTTP {error.code}" + (" (too many redirects)" if 300 <= error.code < 400 else ""))
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        return FetchError(f"timed out after {timeout:g} s")
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("connection refused")
    if isinstance(reason, socket.gaierror):
        return FetchError(f"host not found ({reason.strerror})")
    if isinstance(reason, OSError) and reason.strerror:
        return FetchError(reason.strerror.lower())
    return FetchError(str(reason) or type(reason).__name__)


def describe_failure(error: Exception) -> str:
    """The reason an injected or default fetch gave for failing, in a few words."""
    if isinstance(error, FetchError):
        return str(error)
    if isinstance(error, FileNotFoundError):
        return "not found"
    if isinstance(error, TimeoutError):
        return "timed out"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def absolute_cwd(cwd: os.PathLike[str] | str) -> str:
    """The working directory as an absolute POSIX path string."""
    return os.path.abspath(os.fspath(cwd))


class Document:
    """A document as ref-parser names it (`key`: path or URL, no fragment) and where it was read."""

    __slots__ = ("absent", "external_refs", "key", "location", "text_hash", "value")

    def __init__(
        self, key: str, location: str, value: Any, *, absent: Sequence[str] = (), text_hash: str | None = None
    ) -> None:
        self.key = key
        self.location = location  # a file path or URL, for messages
        self.value = value
        self.absent = tuple(absent)  # the locations tried before `location` and found missing
        self.text_hash = text_hash  # of the text as read, for the incremental cache
        # The external `$ref`s in `value` as resolve.py's preload meets them, found on first use: a shared
        # document is not changed, so they are the same for every dereference that reads it.
        self.external_refs: list[tuple[str, str]] | None = None


class NotFound(Exception):
    """No candidate URL of a document could be read; `tried` holds `url: reason` for each."""

    def __init__(self, tried: list[str]) -> None:
        super().__init__(", ".join(tried))
        self.tried = tried


class Resolver:
    """Reads referenced documents from the base URIs, in order. One per run: it keeps what it parsed.

    base_uris: tried in order for every document (`./jsonschema/`, `/abs/dir`, `https://host/path/`).
    cwd: the working directory: relative base URIs resolve against it, and the root schema is named
        after it (so `#/…` and `./#/…` refer to the root).
    uri_map: base-URI prefix -> local directory (or other URL), applied to each candidate URL.
    timeout: seconds allowed for each HTTP candidate as a whole.
    fetch: reads one URL; default `default_fetch` (file:// and http(s)://).
    """

    def __init__(
        self,
        base_uris: Sequence[str],
        *,
        cwd: Path | str,
        uri_map: Mapping[str, str] | None = None,
        timeout: float = 5.0,
        fetch: Fetch | None = None,
    ) -> None:
        self.base_uris = list(base_uris)
        self.cwd = absolute_cwd(cwd)
        # ref-parser names the in-memory root after the working directory, with a trailing slash.
        self.root_key = self.cwd if self.cwd.endswith("/") else self.cwd + "/"
        self.uri_map = dict(uri_map or {})
        self.timeout = timeout
        self._fetch: Fetch = fetch or default_fetch
        self._cache: dict[str, Document] = {}
        # Where every document handed out was read from, in order (cached ones too): a run reads the
        # slice for each schema to know what the schema depends on (the incremental cache needs it).
        self.read_log: list[str] = []
        # The locations tried before each of those and found missing (or unreadable): a file appearing
        # there later would be read instead, so the incremental cache depends on their absence too.
        self.absent_log: list[str] = []
        # The content hash of each location as it was read (a file changed during the run is then seen).
        self.read_hashes: dict[str, str] = {}

    def candidates(self, key: str) -> list[Candidate]:
        """The URLs tried for document `key`, in base-URI order."""
        return build_candidates(key, self.base_uris, cwd=self.cwd, uri_map=self.uri_map)

    def load(self, key: str) -> Document:
        """The parsed document `key` (shared, not to be changed). Raises NotFound or DocumentError."""
        cached = self._cache.get(key)
        if cached is not None:
            self.read_log.append(cached.location)
            self.absent_log.extend(cached.absent)  # every reader depends on them, not only the first
            return cached
        tried: list[str] = []
        absent: list[str] = []
        for candidate in self.candidates(key):
            try:
                text = self._fetch(candidate.url, self.timeout)
            except SchemaToolsError:
                raise  # read but unusable (e.g. not UTF-8): the reference does not try further either
            except Exception as error:
                tried.append(f"{candidate.shown}: {describe_failure(error)}")
                absent.append(location_of(candidate.url))
                continue
            from schema_tools.digest import content_hash

            location = location_of(candidate.url)
            digest = content_hash(text.encode("utf-8", "surrogateescape"))
            document = Document(key, location, load_text(text, location), absent=absent, text_hash=digest)
            self._cache[key] = document
            self.read_log.append(location)
            self.absent_log.extend(absent)
            self.read_hashes[location] = digest
            return document
        raise NotFound(tried)
