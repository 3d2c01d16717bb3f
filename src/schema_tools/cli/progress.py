"""A progress bar on an interactive terminal for long runs; nothing at all when stderr is piped."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from schema_tools.cli.common import Console

# Below this many schemas a run takes well under a second: a bar would only flicker.
MIN_ITEMS_FOR_PROGRESS = 20


class Progress:
    """`with Progress(console, total=n) as p: p.step(label)`; rich is imported only when shown."""

    def __init__(self, console: Console, *, total: int) -> None:
        self.enabled = console.interactive and not console.quiet and total >= MIN_ITEMS_FOR_PROGRESS
        self.total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            try:
                from rich.console import Console as RichConsole
                from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
                from rich.progress import Progress as RichProgress
            except ImportError:  # rich is optional: without it, no bar
                self.enabled = False
                return self
            self._bar = RichProgress(
                TextColumn("materializing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                transient=True,
                console=RichConsole(stderr=True),
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("", total=self.total)
        return self

    def step(self, label: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=label)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, value, tb)
