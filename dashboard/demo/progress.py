"""A progress line for a long build: one updating line on a terminal, one line per step otherwise."""

import time
from typing import TextIO

from dashboard.metrics.formatting import format_count


def clock(seconds: float) -> str:
    """Return a duration as m:ss or h:mm:ss: 205 -> "3:25", 3723 -> "1:02:03"."""
    minutes, second = divmod(int(round(seconds)), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute}:{second:02d}"


class BuildProgress:
    """Tells how many provinces and cases are written, the time spent and the time left; silent without a stream."""

    def __init__(self, stream: TextIO | None, provinces: int, work: float, now=time.monotonic):
        self.stream = stream
        self.tty = stream is not None and stream.isatty()
        self.provinces, self.work = provinces, work
        self.now = now
        self.started = now()
        self.done_provinces, self.done_work, self.cases = 0, 0.0, 0
        self.width = 0

    def elapsed(self) -> float:
        """Return the seconds since the build started."""
        return self.now() - self.started

    def province_done(self, name: str, cases: int, work: float) -> None:
        """Count a province written with its cases; work is its share of the whole, in the unit of the total."""
        self.done_provinces += 1
        self.done_work += work
        self.cases += cases
        elapsed = self.elapsed()
        left = elapsed * (self.work - self.done_work) / self.done_work if self.done_work else None
        line = (f"{self.done_provinces}/{self.provinces} tỉnh, {format_count(self.cases)} việc, "
                f"đã chạy {clock(elapsed)}, còn khoảng {clock(left) if left is not None else '?'}")
        if self.tty:
            self._write(f"\r{line.ljust(self.width)}")
            self.width = len(line)
        else:
            self._write(f"Xong {name}: {line}\n")

    def phase(self, message: str) -> None:
        """Print a step that follows the provinces (indexes, statistics) on its own line."""
        self._end_line()
        self._write(f"[{clock(self.elapsed())}] {message}\n")

    def finish(self, message: str) -> None:
        """Print the closing line."""
        self._end_line()
        self._write(f"{message} ({clock(self.elapsed())})\n")

    def _end_line(self) -> None:
        if self.tty and self.width:
            self._write("\n")
            self.width = 0

    def _write(self, text: str) -> None:
        if self.stream is not None:
            self.stream.write(text)
            self.stream.flush()
