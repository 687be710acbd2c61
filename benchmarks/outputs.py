"""Where the benchmarks write.

A run writes into a fresh folder, ``benchmarks/out/<date>-<time>/`` (ignored
by git), or into ``--out DIR``. The committed figures in ``benchmarks/``
(``RESULTS.md``, ``results.json``, ``results.png``, the sweep's
``sweep.json``/``sweep.png``, the numpy section's ``numpy.json`` and
``DISTRIBUTED.md``) are rewritten only with
``--update-results``. Every file written is printed.

``RESULTS.md`` holds the suite's report and, each between two marker lines,
the numpy section's and the length sweep's: each of the three rewrites only
its own part.
"""

from __future__ import annotations

import datetime
import os
import shutil

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
RUNS_DIR = os.path.join(PACKAGE_DIR, "out")

SWEEP_BEGIN = "<!-- length sweep: written by python -m benchmarks --sweep -->"
SWEEP_END = "<!-- end of the length sweep -->"
NUMPY_BEGIN = "<!-- numpy section: written by python -m benchmarks --numpy -->"
NUMPY_END = "<!-- end of the numpy section -->"
# RESULTS.md's sections, each written by its own command, in file order.
SECTIONS = {"numpy": (NUMPY_BEGIN, NUMPY_END), "sweep": (SWEEP_BEGIN, SWEEP_END)}


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


def split_section(text: str, name: str) -> tuple[str, str]:
    """(``text`` without section ``name``, the section with its markers; ""
    when there is none)."""
    begin_marker, end_marker = SECTIONS[name]
    begin = text.find(begin_marker)
    if begin < 0:
        return text, ""
    end = text.find(end_marker, begin)
    end = len(text) if end < 0 else end + len(end_marker)
    rest = (text[:begin].rstrip("\n") + "\n" + text[end:].lstrip("\n")).strip("\n")
    return rest + "\n", text[begin:end].strip("\n") + "\n"


def split_sweep_section(text: str) -> tuple[str, str]:
    return split_section(text, "sweep")


def _split_all(text: str) -> tuple[str, dict[str, str]]:
    sections = {}
    for name in SECTIONS:
        text, sections[name] = split_section(text, name)
    return text, sections


def wrap_section(name: str, body: str) -> str:
    begin, end = SECTIONS[name]
    return f"{begin}\n\n{body.strip()}\n\n{end}\n"


def wrap_sweep_section(body: str) -> str:
    return wrap_section("sweep", body)


def _read(path: str) -> str:
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return ""


def _write(path: str, rest: str, sections: dict[str, str]) -> None:
    parts = [rest.strip("\n")] if rest.strip() else []
    parts += [sections[name].strip("\n") for name in SECTIONS if sections[name]]
    with open(path, "w") as f:
        f.write("\n\n".join(parts) + "\n")


def write_suite_markdown(path: str, text: str) -> None:
    """Writes the suite's report to ``path``, keeping the sections (numpy,
    sweep) the file already holds."""
    _, sections = _split_all(_read(path))
    _write(path, text, sections)


def write_section(path: str, name: str, body: str) -> None:
    """Puts section ``name`` after the suite's report in ``path`` (sections
    in SECTIONS' order), in place of the one there, leaving the rest of the
    file as it is."""
    rest, sections = _split_all(_read(path))
    sections[name] = wrap_section(name, body)
    _write(path, rest, sections)


def write_sweep_section(path: str, body: str) -> None:
    write_section(path, "sweep", body)


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
