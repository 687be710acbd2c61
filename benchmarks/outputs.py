"""Where the benchmarks write.

A run writes into a fresh folder, ``benchmarks/out/<date>-<time>/`` (ignored
by git), or into ``--out DIR``. The committed figures in ``benchmarks/``
(``RESULTS.md``, ``results.json``, ``results.png``, the sweep's
``sweep.json``/``sweep.png`` and ``DISTRIBUTED.md``) are rewritten only with
``--update-results``. Every file written is printed.

``RESULTS.md`` holds the suite's report and, between two marker lines, the
length sweep's section: each of the two rewrites only its own part.
"""

from __future__ import annotations

import datetime
import os
import shutil

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
RUNS_DIR = os.path.join(PACKAGE_DIR, "out")

SWEEP_BEGIN = "<!-- length sweep: written by python -m benchmarks --sweep -->"
SWEEP_END = "<!-- end of the length sweep -->"


def fresh_run_dir(parent: str = RUNS_DIR) -> str:
    """A new, empty folder named after the current local time."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    os.makedirs(parent, exist_ok=True)
    for suffix in ("", *(f"-{i}" for i in range(1, 1000))):
        path = os.path.join(parent, stamp + suffix)
        try:
            os.mkdir(path)
        except FileExistsError:
            continue
        return path
    raise RuntimeError(f"no free run folder name under {parent} for {stamp}")


def resolve_out(out: str | None) -> str:
    """``out`` (created when missing), or a fresh run folder."""
    if out is None:
        return fresh_run_dir()
    os.makedirs(out, exist_ok=True)
    return out


def split_sweep_section(text: str) -> tuple[str, str]:
    """(``text`` without the sweep's section, the section with its markers;
    "" when there is none)."""
    begin = text.find(SWEEP_BEGIN)
    if begin < 0:
        return text, ""
    end = text.find(SWEEP_END, begin)
    end = len(text) if end < 0 else end + len(SWEEP_END)
    rest = (text[:begin].rstrip("\n") + "\n" + text[end:].lstrip("\n")).strip("\n")
    return rest + "\n", text[begin:end].strip("\n") + "\n"


def wrap_sweep_section(body: str) -> str:
    return f"{SWEEP_BEGIN}\n\n{body.strip()}\n\n{SWEEP_END}\n"


def _read(path: str) -> str:
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return ""


def write_suite_markdown(path: str, text: str) -> None:
    """Writes the suite's report to ``path``, keeping the sweep section the
    file already holds."""
    _, section = split_sweep_section(_read(path))
    with open(path, "w") as f:
        f.write(text.rstrip("\n") + "\n")
        if section:
            f.write("\n" + section)


def write_sweep_section(path: str, body: str) -> None:
    """Puts the sweep's section at the end of ``path``, in place of the one
    there, leaving the rest of the file as it is."""
    rest, _ = split_sweep_section(_read(path))
    with open(path, "w") as f:
        if rest.strip():
            f.write(rest.rstrip("\n") + "\n\n")
        f.write(wrap_sweep_section(body))


def copy_into(files: list[str], dest: str) -> list[str]:
    """Copies ``files`` into folder ``dest``; returns the new paths."""
    os.makedirs(dest, exist_ok=True)
    copied = []
    for src in files:
        target = os.path.join(dest, os.path.basename(src))
        shutil.copyfile(src, target)
        copied.append(target)
    return copied


def print_written(paths: list[str]) -> None:
    for path in paths:
        shown = os.path.relpath(path)
        print(f"wrote {path if shown.startswith('..') else shown}")
