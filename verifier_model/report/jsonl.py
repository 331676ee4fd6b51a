"""JSON lines (one object per program) and a JSON array, from report rows."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from . import public


def dumps(row: dict[str, Any]) -> str:
    """One row as one line of JSON (no newline)."""
    return json.dumps(public(row), default=str)


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(dumps(row) + "\n")


def write_json(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    json.dump([public(r) for r in rows], out, indent=2, default=str)
    out.write("\n")


def read_jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


__all__ = ["dumps", "read_jsonl", "write_json", "write_jsonl"]
