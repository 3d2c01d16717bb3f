"""Running the server: the shared state, the one-second clock, idle timeouts, signals and reloads.

`serve_forever` is what the CLI runs (SIGTERM/SIGINT stop it cleanly, SIGHUP re-reads the repositories
without dropping a request); `background` runs a server on a thread, for tests and for programs that
embed one. uvloop is used when it is installed, the standard event loop otherwise.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import formatdate
from typing import Any
from urllib.parse import quote

from schema_tools.serve.app import HttpProtocol
from schema_tools.serve.problems import problem
from schema_tools.serve.responses import Resource, prepare_tree
from schema_tools.serve.scan import ServeError
from schema_tools.serve.tree import Tree

# nginx's keepalive_timeout default; a client that sends nothing for this long is disconnected.
KEEP_ALIVE_SECONDS = 75.0
# A request whose headers are not complete after this long is answered 408 (slow-loris clients).
REQUEST_SECONDS = 10.0
_SAFE = "/:@!$&'()*+,;=~"


def new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's loop when it is installed (lower tail latency under load), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


class Prepared:
    """A tree with its pre-rendered responses; built off the event loop on reload, then swapped in."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.resources: dict[str, Resource] = prepare_tree(tree)
        # The raw request targets well-behaved clients send, for the dict-lookup fast path.
        self.fast = {quote(path, safe=_SAFE).encode("ascii"): r for path, r in self.resources.items()}


class SchemaServer:
    """State shared by every connection of one listening server."""

    def __init__(
        self,
        tree: Tree,
        *,
        access_log: bool = False,
        request_timeout: float = REQUEST_SECONDS,
        keep_alive_timeout: float = KEEP_ALIVE_SECONDS,
    ) -> None:
        self.request_timeout = request_timeout
        self.keep_alive_timeout = keep_alive_timeout
        self.connections: set[HttpProtocol] = set()
        self.now = 0.0
        self.date_line = b""
        self.stopping = False
        self.access_log: Callable[[HttpProtocol, int, int], None] | None = _log_access if access_log else None
        self.address: tuple[str, int] = ("", 0)
        self._decisions: dict[tuple[Callable[[str], bool], bytes], bool] = {}
        self._server: asyncio.AbstractServer | None = None
        self._tick_handle: asyncio.TimerHandle | None = None
        self.use(Prepared(tree))
        self._update_clock(0.0)

    def use(self, prepared: Prepared) -> None:
        """Serve another tree from now on (on the event loop's thread: no request sees a mix)."""
        self.tree, self.resources, self.fast = prepared.tree, prepared.resources, prepared.fast

    def cached(self, decide: Callable[[str], bool], value: bytes) -> bool:
        """decide(header value), remembered: clients send the same few Accept headers over and over."""
        key = (decide, value)
        result = self._decisions.get(key)
        if result is None:
            if len(self._decisions) >= 1024:  # bounded: arbitrary headers must not grow memory
                self._decisions.clear()
            result = self._decisions[key] = decide(value.decode("latin-1"))
        return result

    async def start(self, host: str, port: int) -> tuple[str, int]:
        """Listen; return the address actually bound (port 0 picks a free one).

        Raises:
            ServeError: the address cannot be bound.
        """
        loop = asyncio.get_running_loop()
        try:
            self._server = await loop.create_server(lambda: HttpProtocol(self), host, port, backlog=1024)
        except OSError as error:
            raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
        self._update_clock(loop.time())
        self._tick_handle = loop.call_later(1.0, self._tick)
        bound = self._server.sockets[0].getsockname()
        self.address = (bound[0], bound[1])
        return self.address

    def _update_clock(self, now: float) -> None:
        self.now = now
        self.date_line = b"Date: " + formatdate(usegmt=True).encode("ascii") + b"\r\n"

    def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        self._update_clock(loop.time())
        for connection in list(self.connections):
            if connection.in_request and self.now - connection.started > self.request_timeout:
                connection.fail(408, problem(408, "Request Timeout", "the request headers came too slowly"))
            elif not connection.in_request and self.now - connection.last_active > self.keep_alive_timeout:
                connection.close()
        self._tick_handle = loop.call_later(1.0, self._tick)

    async def stop(self, grace: float = 5.0) -> None:
        """Stop listening, close idle connections, give requests in progress `grace` seconds to finish."""
        self.stopping = True
        if self._server is not None:
            self._server.close()
        if self._tick_handle is not None:
            self._tick_handle.cancel()
        deadline = asyncio.get_running_loop().time() + grace
        while self.connections and asyncio.get_running_loop().time() < deadline:
            for connection in list(self.connections):
                if not connection.in_request:
                    connection.close()
            await asyncio.sleep(0.05)
        for connection in list(self.connections):
            connection.close()
        await asyncio.sleep(0)  # let the transports flush and report connection_lost


def _log_access(connection: HttpProtocol, status: int, size: int) -> None:
    peer = connection.transport.get_extra_info("peername") if connection.transport else None
    host = peer[0] if peer else "-"
    method = connection.method.decode("latin-1")
    target = connection.target.decode("latin-1")
    print(f'{host} "{method} {target}" {status} {size}', file=sys.stderr, flush=False)


def serve_forever(
    tree: Tree,
    host: str,
    port: int,
    *,
    announce: Callable[[tuple[str, int]], None],
    reload: Callable[[], Tree] | None = None,
    report: Callable[[str], None] = lambda message: print(message, file=sys.stderr),
    access_log: bool = False,
) -> None:
    """Serve until SIGTERM or SIGINT; on SIGHUP rebuild the tree with `reload` (kept as is if it fails).

    Raises:
        ServeError: the address cannot be bound.
    """
    loop = new_event_loop()
    server = SchemaServer(tree, access_log=access_log)
    try:
        address = loop.run_until_complete(server.start(host, port))
        stopped = asyncio.Event()

        async def reread() -> None:
            assert reload is not None
            try:
                prepared = await loop.run_in_executor(None, lambda: Prepared(reload()))
            except Exception as error:  # a broken checkout must not take the running server down
                report(f"reload failed, still serving the previous tree: {error}")
                return
            server.use(prepared)
            gc.freeze()
            report(f"reloaded: {len(prepared.tree.entries)} documents")

        try:
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(signum, stopped.set)
            if reload is not None:
                loop.add_signal_handler(signal.SIGHUP, lambda: loop.create_task(reread()))
        except (NotImplementedError, AttributeError):  # Windows: Ctrl-C still interrupts
            pass
        # The tree lives as long as the process: keep the garbage collector from walking it again and
        # again (its pauses would show in the tail latency).
        gc.collect()
        gc.freeze()
        announce(address)
        loop.run_until_complete(stopped.wait())
        loop.run_until_complete(server.stop())
    finally:
        loop.close()


@contextmanager
def background(tree: Tree, host: str = "127.0.0.1", port: int = 0, **options: Any) -> Iterator[SchemaServer]:
    """A server running on a daemon thread for the duration of a `with` block (`server.address`).

    `options` are SchemaServer's (access_log, request_timeout, keep_alive_timeout).

    Raises:
        ServeError: the address cannot be bound.
    """
    loop = new_event_loop()
    server = SchemaServer(tree, **options)
    ready = threading.Event()
    failure: list[BaseException] = []
    stopped: asyncio.Event | None = None

    def run() -> None:
        nonlocal stopped
        asyncio.set_event_loop(loop)
        try:
            stopped = asyncio.Event()
            loop.run_until_complete(server.start(host, port))
        except BaseException as error:
            failure.append(error)
            ready.set()
            loop.close()
            return
        ready.set()
        loop.run_until_complete(stopped.wait())
        loop.run_until_complete(server.stop(grace=1.0))
        loop.close()

    thread = threading.Thread(target=run, name="schema-tools-serve", daemon=True)
    thread.start()
    ready.wait(30)
    if failure:
        raise failure[0]
    try:
        yield server
    finally:
        assert stopped is not None
        loop.call_soon_threadsafe(stopped.set)
        thread.join(10)
