"""``json``: one JSON array of rows, one row a line, streamed (memory does not grow)."""

from __future__ import annotations

from iroparse.outputs.base import Stream
from iroparse.outputs.rows import Row, json_text

__all__ = ["JsonArraySink"]


class JsonArraySink:
    """Writes rows as the items of one JSON array, ``[`` before the first and ``]`` at the end."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self.count = 0

    def write(self, row: Row) -> None:
        """Write one row as the next item and flush."""
        self.stream.write(("[\n" if self.count == 0 else ",\n") + json_text(row))
        self.count += 1
        self.stream.flush()

    def finish(self) -> None:
        """Close the array (an empty one when no row came)."""
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()
