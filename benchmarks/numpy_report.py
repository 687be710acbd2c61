"""The numpy section's tables (printed and Markdown) and JSON."""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass
from typing import Any

from .harness import CaseResult
from .numpy_backends import JFFT_NAMES, JFFT_NUMPY, JFFT_SCIPY, NUMPY, SCIPY
from .numpy_cases import GROUPS
from .report import geomean, md_table, run_facts, text_table

SHORT = {
    JFFT_NUMPY: "jfft.numpy",
    JFFT_SCIPY: "scipy+jfft",
    SCIPY: "scipy",
    NUMPY: "numpy",
    "ducc0": "ducc0",
    "pyFFTW interfaces": "pyfftw",
    "mkl_fft": "mkl",
}
GROUP_TITLES = {
    "small": "Small sizes: per-call overhead",
    "large": "Large transforms",
    "dct": "DCT",
}


@dataclass
class NumpyResult:
    result: CaseResult
    threads: int

    @property
    def peers(self) -> list[str]:
        return [lb for lb in self.result.times if lb not in JFFT_NAMES]

    @property
    def best_peer(self) -> str | None:
        return min(self.peers, key=self.result.median, default=None)

    def ratio(self, num: str, den: str | None) -> float:
        return self.result.ratio(num, den) if den else math.nan

    def to_json(self) -> dict[str, Any]:
        r, c = self.result, self.result.case
        return {
            "name": c.name,
            "title": c.title,
            "group": c.group,
            "kind": c.kind,
            "shape": c.shape,
            "axes": c.axes,
            "dtype": c.dtype,
            "dct_type": c.dct_type if c.kind == "dct" else None,
            "threads": self.threads,
            "rounds": r.rounds,
            "inner": r.inner,
            "times_s": r.times,
            "median_s": {lb: r.median(lb) for lb in r.times},
            "cores_busy": {lb: statistics.median(v) for lb, v in r.busy.items()},
            "errors": r.errors,
            "notes": r.notes,
            "jfft_numpy_over_scipy": self.ratio(JFFT_NUMPY, SCIPY),
            "scipy_jfft_over_scipy": self.ratio(JFFT_SCIPY, SCIPY),
            "best_peer": self.best_peer,
            "jfft_numpy_over_best_peer": self.ratio(JFFT_NUMPY, self.best_peer),
        }


def summary(r: CaseResult) -> str:
    """A progress line's ratios."""
    return ", ".join(
        f"{SHORT[lb]}/{SHORT[SCIPY]} {r.ratio(lb, SCIPY):.2f}"
        for lb in JFFT_NAMES
        if lb in r.times
    )


def _us(seconds: float) -> str:
    us = seconds * 1e6
    if not math.isfinite(us):
        return "-"
    return f"{us:.0f}" if us >= 100 else f"{us:.1f}"


def _x(ratio: float) -> str:
    return f"{ratio:.2f}x" if math.isfinite(ratio) else "-"


def _labels(results: list[NumpyResult]) -> list[str]:
    seen = {lb for n in results for lb in n.result.times}
    return [lb for lb in SHORT if lb in seen]


def tables(results: list[NumpyResult]) -> list[tuple[str, list[str], list[list[str]]]]:
    """Per group: (title, header, rows), a row per case and thread count."""
    out = []
    labels = _labels(results)
    for group in GROUPS:
        members = [n for n in results if n.result.case.group == group]
        if not members:
            continue
        header = ["case", "threads"] + [SHORT[lb] for lb in labels]
        header += ["jfft.numpy/scipy", "scipy+jfft/scipy", "jfft.numpy/numpy"]
        header += ["jfft.numpy/best peer", "rounds"]
        rows = []
        for n in members:
            r = n.result
            row = [r.case.name, str(n.threads)]
            row += [_us(r.median(lb)) if lb in r.times else "-" for lb in labels]
            best = n.best_peer
            row += [
                _x(n.ratio(JFFT_NUMPY, SCIPY)),
                _x(n.ratio(JFFT_SCIPY, SCIPY)),
                _x(n.ratio(JFFT_NUMPY, NUMPY)),
                f"{_x(n.ratio(JFFT_NUMPY, best))} ({SHORT[best]})" if best else "-",
                str(r.rounds),
            ]
            rows.append(row)
        title = f"{GROUP_TITLES[group]}: median time per call (us) and ratios"
        out.append((title, header, rows))
    return out


def headline(results: list[NumpyResult]) -> list[dict[str, Any]]:
    """Per group and thread count, geometric means of the jfft ratios, and
    for the small sizes the worst jfft.numpy/scipy and scipy+jfft/scipy."""
    rows = []
    for group in GROUPS:
        for t in sorted({n.threads for n in results}):
            members = [
                n for n in results if n.result.case.group == group and n.threads == t
            ]
            if not members:
                continue
            row: dict[str, Any] = {"group": group, "threads": t, "cases": len(members)}
            for key, num, den in (
                ("jfft_numpy_over_scipy", JFFT_NUMPY, SCIPY),
                ("scipy_jfft_over_scipy", JFFT_SCIPY, SCIPY),
                ("jfft_numpy_over_numpy", JFFT_NUMPY, NUMPY),
            ):
                ratios = [n.ratio(num, den) for n in members]
                row[key] = geomean(ratios)
                finite = [v for v in ratios if math.isfinite(v)]
                row[key + "_max"] = max(finite, default=math.nan)
            row["jfft_numpy_over_best_peer"] = geomean(
                [n.ratio(JFFT_NUMPY, n.best_peer) for n in members]
            )
            rows.append(row)
    return rows


def _headline_table(results: list[NumpyResult]) -> tuple[list[str], list[list[str]]]:
    header = ["cases", "threads", "jfft.numpy/scipy", "scipy+jfft/scipy"]
    header += ["jfft.numpy/numpy", "jfft.numpy/best peer"]
    rows = [
        [
            f"{h['group']} ({h['cases']})",
            str(h["threads"]),
            f"{_x(h['jfft_numpy_over_scipy'])} (max {_x(h['jfft_numpy_over_scipy_max'])})",
            f"{_x(h['scipy_jfft_over_scipy'])} (max {_x(h['scipy_jfft_over_scipy_max'])})",
            f"{_x(h['jfft_numpy_over_numpy'])} (max {_x(h['jfft_numpy_over_numpy_max'])})",
            _x(h["jfft_numpy_over_best_peer"]),
        ]
        for h in headline(results)
    ]
    return header, rows


def notes(results: list[NumpyResult]) -> list[str]:
    return [
        f"{n.result.case.name} threads={n.threads}: {note}"
        for n in results
        for note in n.result.notes
    ]


def print_report(results: list[NumpyResult], info: dict[str, Any]) -> None:
    for title, header, rows in tables(results):
        print(f"\n{title}\n")
        print(text_table(header, rows))
    header, rows = _headline_table(results)
    print("\ngeometric means (max) of the paired ratios (> 1: jfft slower)\n")
    print(text_table(header, rows))
    for line in info["run_notes"] + notes(results):
        print(f"note: {line}")


def markdown(results: list[NumpyResult], info: dict[str, Any]) -> str:
    m = info["machine"]
    header, rows = _headline_table(results)
    lines = [
        "## numpy arrays: jfft.numpy and the scipy backend",
        "",
        "Written by `python -m benchmarks --numpy`; the contestants are described",
        "in `benchmarks/numpy_backends.py`, the timing is the suite's (paired,",
        "interleaved rounds in one process). Each library is called on the same",
        "numpy array as user code calls it, a new result array per call, with the",
        "thread count given (numpy.fft: single-threaded; mkl_fft: MKL's count).",
        "Ratios are jfft's time over the other's (> 1: jfft is slower), medians",
        "over rounds of per-round ratios; times are medians, in microseconds.",
        '"best peer": the fastest library other than jfft on the case.',
        "",
        *run_facts(info),
        f"- Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in info["versions"].items()),
        f"- Run time: {info['runtime_s']:.0f} s",
        "",
        "### Geometric means (max) of the paired ratios",
        "",
        md_table(header, rows),
        "",
    ]
    for title, header, rows in tables(results):
        lines += [f"### {title}", "", md_table(header, rows), ""]
    all_notes = info["run_notes"] + notes(results)
    if all_notes:
        lines += ["### Notes", ""] + [f"- {n}" for n in all_notes] + [""]
    return "\n".join(lines)


def write_json(path: str, results: list[NumpyResult], info: dict[str, Any]) -> None:
    data = dict(info, headline=headline(results), cases=[n.to_json() for n in results])
    with open(path, "w") as f:
        json.dump(data, f, indent=1, default=list)
