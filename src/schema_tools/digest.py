"""Content hashes for the incremental cache: BLAKE2b, 160 bits, as hex."""

from __future__ import annotations

try:  # hashlib itself loads OpenSSL first (2-3 ms of start-up) even for BLAKE2, which CPython builds in
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def content_hash(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()
