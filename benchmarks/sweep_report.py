"""The length sweep's tables (printed and Markdown), JSON and chart."""

from __future__ import annotations

import json
import math
from typing import Any

from .report import SHORT, geomean, md_table, text_table
from .sweep import SHORT_MAX, Cell

# The goal: no length slower than this many times the fastest peer.
SLOW_FACTOR = 1.1
WORST_COUNT = 12
# Marker areas (points^2) of the chart: small where thousands of lengths crowd.
DOT_SMALL, DOT_LARGE, DOTS_CROWDED = 2, 9, 500
PEER_ORDER = ("ducc0", "pyFFTW", "scipy.fft", "mkl_fft", "torch.fft")


def range_name(n: int) -> str:
    return f"2..{SHORT_MAX}" if n <= SHORT_MAX else f"{SHORT_MAX + 1}..2^20"


def factors(n: int) -> str:
    """``n``'s prime factorisation, e.g. 19320 -> "2^3 3 5 7 23"."""
    parts, p = [], 2
    while p * p <= n:
        k = 0
        while n % p == 0:
            n //= p
            k += 1
        if k:
            parts.append(f"{p}^{k}" if k > 1 else str(p))
        p += 1 if p == 2 else 2
    if n > 1:
        parts.append(str(n))
    return " ".join(parts) or "1"


def peers_of(cells: list[Cell]) -> list[str]:
    seen = {p for c in cells for p in c.result.peers}
    return [p for p in PEER_ORDER if p in seen] + sorted(seen - set(PEER_ORDER))


def _x(v: float) -> str:
    return f"{v:.2f}x" if math.isfinite(v) else "-"


def _ms(seconds: float) -> str:
    ms = seconds * 1e3
    return f"{ms:.3g}" if math.isfinite(ms) else "-"


def groups(cells: list[Cell]) -> dict[tuple[str, int, str], list[Cell]]:
    """Cells by (dtype, threads, length range), in that order."""
    out: dict[tuple[str, int, str], list[Cell]] = {}
    for c in sorted(cells, key=lambda c: (c.dtype, c.threads, c.n > SHORT_MAX)):
        if c.result.times.get("jfft"):
            out.setdefault((c.dtype, c.threads, range_name(c.n)), []).append(c)
    return out


def summary(cells: list[Cell]) -> list[dict[str, Any]]:
    """Per group: geomeans of jfft / each peer and / the fastest peer, how
    many lengths are slower than SLOW_FACTOR x the fastest peer, the worst."""
    peers = peers_of(cells)
    rows = []
    for (dtype, threads, rng), members in groups(cells).items():
        best = [c for c in members if c.best_peer]
        worst = max(best, key=lambda c: c.ratio(c.best_peer), default=None)
        rows.append(
            {
                "dtype": dtype,
                "threads": threads,
                "range": rng,
                "lengths": len(members),
                "geomean_jfft_over": {
                    p: geomean([c.ratio(p) for c in members]) for p in peers
                },
                "geomean_jfft_over_best_peer": geomean(
                    [c.ratio(c.best_peer) for c in best]
                ),
                "slower_than_best_peer_by_1.1x": sum(
                    c.ratio(c.best_peer) > SLOW_FACTOR for c in best
                ),
                "worst_n": worst.n if worst else None,
                "worst_jfft_over_best_peer": (
                    worst.ratio(worst.best_peer) if worst else math.nan
                ),
            }
        )
    return rows


def accuracy(cells: list[Cell]) -> list[dict[str, Any]]:
    """Per dtype and range: jfft's error against ducc0's at each length (the
    larger of its thread counts' errors)."""
    by_key: dict[tuple[str, str], dict[int, tuple[float, float]]] = {}
    for c in cells:
        e = c.result.errors
        if "jfft" in e and "ducc0" in e:
            key = (c.dtype, range_name(c.n))
            old = by_key.setdefault(key, {}).get(c.n, (0.0, 0.0))
            by_key[key][c.n] = (max(old[0], e["jfft"]), max(old[1], e["ducc0"]))
    rows = []
    for (dtype, rng), errs in sorted(by_key.items()):
        ratios = {n: j / d for n, (j, d) in errs.items() if d > 0}
        worst = sorted(ratios, key=ratios.get, reverse=True)[:5]
        rows.append(
            {
                "dtype": dtype,
                "range": rng,
                "lengths": len(errs),
                "jfft_worse_than_ducc0": sum(j > d for j, d in errs.values()),
                "geomean_jfft_over_ducc0_error": geomean(list(ratios.values())),
                "max_jfft_error": max(j for j, _ in errs.values()),
                "max_ducc0_error": max(d for _, d in errs.values()),
                "worst": [
                    {"n": n, "jfft": errs[n][0], "ducc0": errs[n][1]} for n in worst
                ],
            }
        )
    return rows


def tables(cells: list[Cell]) -> list[tuple[str, list[str], list[list[str]]]]:
    peers = peers_of(cells)
    out = []
    header = ["dtype", "threads", "range", "lengths"]
    header += [f"jfft/{SHORT[p]}" for p in peers]
    header += ["jfft/fastest", f"> {SLOW_FACTOR}x fastest", "worst (n: jfft/fastest)"]
    rows = []
    for s in summary(cells):
        row = [s["dtype"], str(s["threads"]), s["range"], str(s["lengths"])]
        row += [_x(s["geomean_jfft_over"][p]) for p in peers]
        row += [
            _x(s["geomean_jfft_over_best_peer"]),
            str(s["slower_than_best_peer_by_1.1x"]),
            f"{s['worst_n']}: {_x(s['worst_jfft_over_best_peer'])}",
        ]
        rows.append(row)
    out.append(("Geometric means of jfft's time over each peer's", header, rows))

    for dtype in sorted({c.dtype for c in cells}):
        for threads in sorted({c.threads for c in cells}):
            members = [
                c
                for c in cells
                if c.dtype == dtype
                and c.threads == threads
                and c.best_peer
                and c.result.times.get("jfft")
            ]
            if not members:
                continue
            members.sort(key=lambda c: c.ratio(c.best_peer), reverse=True)
            header = ["n", "factors", "lines", "jfft ms", "fastest peer"]
            header += ["jfft/fastest", "jfft/ducc0", "rounds"]
            rows = [
                [
                    str(c.n),
                    factors(c.n),
                    str(c.lines),
                    _ms(c.result.median("jfft")),
                    SHORT[c.best_peer],
                    _x(c.ratio(c.best_peer)),
                    _x(c.ratio("ducc0")),
                    str(c.result.rounds),
                ]
                for c in members[:WORST_COUNT]
            ]
            title = f"Worst lengths, {dtype}, {threads} thread" + "s" * (threads > 1)
            out.append((title, header, rows))

    acc = accuracy(cells)
    if acc:
        header = ["dtype", "range", "lengths", "jfft error > ducc0's"]
        header += ["geomean jfft/ducc0"]
        header += ["max jfft", "max ducc0", "worst (n: jfft / ducc0)"]
        rows = [
            [
                a["dtype"],
                a["range"],
                str(a["lengths"]),
                str(a["jfft_worse_than_ducc0"]),
                f"{a['geomean_jfft_over_ducc0_error']:.2f}",
                f"{a['max_jfft_error']:.1e}",
                f"{a['max_ducc0_error']:.1e}",
                ", ".join(
                    f"{w['n']}: {w['jfft']:.1e} / {w['ducc0']:.1e}"
                    for w in a["worst"][:3]
                ),
            ]
            for a in acc
        ]
        out.append(("Relative RMS error, jfft vs ducc0", header, rows))
    return out


def notes(cells: list[Cell]) -> list[str]:
    return [
        f"n={c.n} {c.dtype} {c.threads}t: {n}" for c in cells for n in c.result.notes
    ]


def method_lines(info: dict[str, Any]) -> list[str]:
    b = info["budget"]
    return [
        f"Command: `{info['command']}`",
        (
            f"Date: {info['date']}; load average before / after: "
            f"{info['load_before']} / {info['load_after']}"
        ),
        f"Machine: {info['machine']['cpu']}, {info['machine']['cores']} cores",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()),
        (
            f"Time budget {b['budget_s']:.0f} s for {b['cells']} length x dtype x "
            f"thread cells, {b['sweep_s']:.0f} s used: each cell got at least "
            f"{b['min_rounds']} paired rounds and extra rounds from the budget left "
            f"over, up to {b['max_rounds']} (rounds per cell: min {b['rounds_min']}, "
            f"median {b['rounds_median']:.0f}, max {b['rounds_max']})"
            + (
                f"; behind the budget after {b['min_rounds_lowered_after']} cells, "
                f"the rest got at least {b['lowest_min_rounds']} rounds"
                if b.get("min_rounds_lowered_after")
                else ""
            )
        ),
        (
            f"Batches of max(1, 2^17 // n) lines; pyFFTW planned with FFTW_MEASURE "
            f"under a {info['fftw_plan_limit_s']} s planning limit; errors over the "
            "first 2^14 points' lines against numpy in complex128 (complex64) or "
            "clongdouble (complex128)"
        ),
    ]


def print_report(cells: list[Cell], info: dict[str, Any]) -> None:
    for title, header, rows in tables(cells):
        print(f"\n{title}\n")
        print(text_table(header, rows))
    print()
    for line in method_lines(info):
        print(line)
    for line in info["run_notes"] + notes(cells)[:50]:
        print(f"note: {line}")


def markdown(cells: list[Cell], info: dict[str, Any], chart: str | None) -> str:
    lines = [
        "## Length sweep",
        "",
        "Written by `python -m benchmarks --sweep`; the methodology is in the",
        "docstring of `benchmarks/sweep.py`. Ratios are jfft's time over the",
        "peer's at the same thread count (> 1: jfft slower), medians of paired",
        'per-round ratios; "fastest" is the peer with the lowest median time on',
        "the length.",
        "",
    ]
    lines += [f"- {line}" for line in method_lines(info)]
    lines.append("")
    for title, header, rows in tables(cells):
        lines += [f"### {title}", "", md_table(header, rows), ""]
    all_notes = info["run_notes"] + notes(cells)
    if all_notes:
        lines += ["### Notes", ""]
        lines += [f"- {n}" for n in all_notes[:100]]
        if len(all_notes) > 100:
            lines.append(f"- ... and {len(all_notes) - 100} more (in the JSON)")
        lines.append("")
    if chart:
        lines += [f"![jfft / fastest peer against the length]({chart})", ""]
    return "\n".join(lines)


def _compact(value: Any) -> Any:
    """Floats to 4 significant digits (NaN and infinities to null), so that
    17000 cells stay a few MB of valid JSON."""
    if isinstance(value, float):
        return float(f"{value:.4g}") if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_compact(v) for v in value]
    return value


def write_json(path: str, cells: list[Cell], info: dict[str, Any]) -> None:
    """The run's description and summaries, then one line per cell."""
    head = _compact(dict(info, summary=summary(cells), accuracy=accuracy(cells)))
    text = json.dumps(head, indent=1)
    rows = ",\n".join(
        json.dumps(_compact(c.to_json()), separators=(",", ":")) for c in cells
    )
    with open(path, "w") as f:
        f.write(text[: text.rindex("}")].rstrip() + ',\n "cells": [\n')
        f.write(rows + "\n ]\n}\n")


def write_chart(path: str, cells: list[Cell]) -> bool:
    """jfft / fastest peer and jfft / ducc0 against n (log-log), one panel
    per dtype and thread count."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    timed = [c for c in cells if c.best_peer and c.result.times.get("jfft")]
    if not timed:
        return False
    dtypes = sorted({c.dtype for c in timed})
    threads = sorted({c.threads for c in timed})
    fig, axes = plt.subplots(
        len(dtypes),
        len(threads),
        figsize=(6.5 * len(threads), 3.6 * len(dtypes)),
        squeeze=False,
        sharex=True,
        sharey=True,
    )
    for i, dtype in enumerate(dtypes):
        for j, t in enumerate(threads):
            ax = axes[i][j]
            members = [c for c in timed if c.dtype == dtype and c.threads == t]
            ns = [c.n for c in members]
            dot = DOT_SMALL if len(members) > DOTS_CROWDED else DOT_LARGE
            if any(c.result.times.get("ducc0") for c in members):
                ax.scatter(
                    ns, [c.ratio("ducc0") for c in members], s=dot, color="tab:gray",
                    alpha=0.4, label="jfft / ducc0", linewidths=0,
                )  # fmt: skip
            ax.scatter(
                ns, [c.ratio(c.best_peer) for c in members], s=dot, color="tab:blue",
                label="jfft / fastest peer", linewidths=0,
            )  # fmt: skip
            ax.axhline(1.0, color="black", linewidth=0.6)
            ax.axhline(SLOW_FACTOR, color="tab:red", linewidth=0.6, linestyle="--")
            ax.axvline(SHORT_MAX, color="black", linewidth=0.4, linestyle=":")
            ax.set_xscale("log", base=2)
            ax.set_yscale("log")
            ax.set_title(f"{dtype}, {t} thread" + "s" * (t > 1), fontsize="medium")
            ax.grid(which="both", alpha=0.25)
            if j == 0:
                ax.set_ylabel("jfft time / peer time")
            if i == len(dtypes) - 1:
                ax.set_xlabel("length n (batch of max(1, 2^17 // n) lines)")
    axes[0][0].legend(loc="upper left", fontsize="small", markerscale=4)
    fig.suptitle("jfft over the CPU FFT libraries by length (lower is better)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True
