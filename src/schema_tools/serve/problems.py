"""Error bodies (RFC 9457 `application/problem+json`), identical from the app and from the nginx snippet.

An intake service logs the `detail` of a failed schema fetch (EventGate's log shows it), so a 404 says
which path was asked for and which versions that title does have. The path is shown only when it is
made of plain URL characters, so that the nginx snippet (which cannot escape JSON) writes the same
bytes as the app; a title's versions are listed only for titles made of such characters, for the same
reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

PROBLEM_TYPE = "application/problem+json"
# Characters that can be copied into a JSON string and an nginx config string as they are (no `"`, `\`, `$`).
SAFE_PATH = re.compile(r"^[A-Za-z0-9/._~%!&'()*+,;=:@-]*$")
SAFE_TITLE = re.compile(r"^[A-Za-z0-9/._~+,:=@-]*$")
HIDDEN_PATH = "this path"


def problem(status: int, title: str, detail: str, extra: str = "") -> bytes:
    """A problem document; `extra` is pre-serialized members (`,"versions":[…]`) appended as they are."""
    return (
        f'{{"type":"about:blank","title":"{title}","status":{status},"detail":{json.dumps(detail)}{extra}}}\n'
    ).encode()


def shown_path(path: str) -> str:
    """The path as a 404 names it (or `this path` when it has characters outside SAFE_PATH)."""
    return path if SAFE_PATH.match(path) else HIDDEN_PATH


def versions_hint(title: str, versions: Sequence[str]) -> tuple[str, str]:
    """The detail suffix and the extra members naming a title's versions."""
    if not versions:
        return f"; {title} has no published version yet", ',"versions":[]'
    listed = ",".join(f'"{v}"' for v in versions)
    return f"; {title} has versions {', '.join(versions)}", f',"versions":[{listed}]'


def not_found(path: str, near: tuple[str, Sequence[str]] | None) -> bytes:
    """The 404 body for a path; `near` is the title directory it would be in, with its versions."""
    suffix, extra = ("", "")
    if near is not None and SAFE_TITLE.match(near[0]):
        suffix, extra = versions_hint(*near)
    return problem(404, "Not Found", f"no schema at {shown_path(path)}{suffix}", extra)


METHOD_NOT_ALLOWED = problem(405, "Method Not Allowed", "only GET and HEAD are allowed")


def bad_request(reason: str) -> bytes:
    return problem(400, "Bad Request", reason)
