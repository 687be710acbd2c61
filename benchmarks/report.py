"""Tables (printed and Markdown), results.json and the chart."""

from __future__ import annotations

import datetime
import json
import math
import os
import platform
import shlex
import statistics
import sys
from typing import Any

from . import outputs
from .backends import JFFT, JNP
from .harness import CaseResult

SHORT = {
    "jfft": "jfft",
    "jax.numpy.fft": "jnp",
    "scipy.fft": "scipy",
    "ducc0": "ducc0",
    "pyFFTW": "pyFFTW",
    "mkl_fft": "mkl",
    "torch.fft": "torch",
}


def machine_info() -> dict[str, Any]:
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
            mem = f"{kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "memory": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def cores_busy(results: list[CaseResult]) -> dict[str, float]:
    """Per backend, the median over cases of its median CPU time / wall time
    (the cores it kept busy: about 1 for a single-threaded library)."""
    out = {}
    for lb in _labels(results):
        per_case = [statistics.median(r.busy[lb]) for r in results if r.busy.get(lb)]
        out[lb] = statistics.median(per_case) if per_case else math.nan
    return out


def geomean(values: list[float]) -> float:
    vals = [v for v in values if v > 0 and math.isfinite(v)]
    return math.exp(sum(map(math.log, vals)) / len(vals)) if vals else math.nan


def headline(results: list[CaseResult]) -> dict[str, float]:
    plain = [r for r in results if not r.case.is_grad]
    best = [r.ratio(JFFT, r.best_peer) for r in plain if r.best_peer]
    return {
        "geomean_jfft_over_jnp": geomean([r.ratio(JFFT, JNP) for r in plain]),
        "geomean_jfft_over_best_peer": geomean(best),
    }


# Formatting ------------------------------------------------------------------


def _ms(seconds: float) -> str:
    ms = seconds * 1e3
    if not math.isfinite(ms):
        return "-"
    if ms >= 100:
        return f"{ms:.0f}"
    if ms >= 10:
        return f"{ms:.1f}"
    if ms >= 1:
        return f"{ms:.2f}"
    return f"{ms:.3f}"


def _x(ratio: float) -> str:
    return f"{ratio:.2f}x" if math.isfinite(ratio) else "-"


def _g(value: float) -> str:
    return f"{value:.1f}" if math.isfinite(value) else "-"


def _e(value: float | None) -> str:
    return "-" if value is None else f"{value:.1e}"


def _mib(value: int | None) -> str:
    return "-" if value is None else f"{value / 2**20:.0f}"


def _labels(results: list[CaseResult]) -> list[str]:
    seen: list[str] = []
    for r in results:
        if not r.case.is_grad:
            seen += [lb for lb in r.times if lb not in seen]
    return sorted(seen, key=list(SHORT).index)


def tables(results: list[CaseResult]) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of every table."""
    out = []
    plain = [r for r in results if not r.case.is_grad]
    labels = _labels(results)
    if plain:
        header = ["case"] + [SHORT[lb] for lb in labels]
        header += ["jfft/jnp", "jfft/best peer", "rounds"]
        rows = []
        for r in plain:
            row = [r.case.name]
            row += [_ms(r.median(lb)) if lb in r.times else "-" for lb in labels]
            best = r.best_peer
            vs_best = f"{_x(r.ratio(JFFT, best))} ({SHORT[best]})" if best else "-"
            row += [_x(r.ratio(JFFT, JNP)), vs_best, str(r.rounds)]
            rows.append(row)
        out.append(("Median time per transform (ms)", header, rows))

        header = ["case", "what"] + [SHORT[lb] for lb in labels]
        rows = [
            [r.case.name, r.case.title]
            + [_g(r.gflops(lb)) if lb in r.times else "-" for lb in labels]
            for r in plain
        ]
        out.append(("GFLOP/s (5 B n log2 n / t; half for real)", header, rows))

        acc = [r for r in plain if r.errors]
        if acc:
            header = ["case"] + [SHORT[lb] for lb in labels]
            rows = [
                [r.case.name] + [_e(r.errors.get(lb)) for lb in labels] for r in acc
            ]
            out.append(("Relative RMS error vs the wide reference", header, rows))

    mem = [r for r in results if r.memory]
    if mem:
        header = ["case", "backend", "output MiB", "peak extra RSS MiB"]
        header += ["XLA temp MiB", "scratch kept MiB"]
        rows = []
        for r in mem:
            for lb, m in r.memory.items():
                if "error" in m:
                    rows.append([r.case.name, SHORT[lb], "-", m["error"], "-", "-"])
                    continue
                rows.append(
                    [
                        r.case.name,
                        SHORT[lb],
                        _mib(m.get("output_bytes"))
                        + (" (preallocated)" if m.get("preallocated_output") else ""),
                        _mib(m.get("peak_extra_rss_bytes")),
                        _mib(m.get("xla_temp_bytes")),
                        _mib(m.get("kept_scratch_bytes")),
                    ]
                )
        title = (
            "Peak memory of one transform (RSS above steady state, incl. the output "
            "unless preallocated; scratch kept: jfft's reuse pool after the call, "
            "part of the steady state)"
        )
        out.append((title, header, rows))

    grads = [r for r in results if r.case.is_grad and r.times]
    if grads:
        header = ["case", "jfft fwd ms", "jfft grad ms", "jnp fwd ms", "jnp grad ms"]
        header += ["jfft grad/fwd", "jnp grad/fwd", "grad jfft/jnp"]
        header += ["jfft grad re2+im2/fwd", "jnp grad re2+im2/fwd", "rounds"]
        rows = []
        for r in grads:
            row = [r.case.name]
            row += [
                _ms(r.median(lb)) if lb in r.times else "-"
                for lb in ("jfft fwd", "jfft grad", "jnp fwd", "jnp grad")
            ]
            row += [
                _x(r.ratio("jfft grad", "jfft fwd")),
                _x(r.ratio("jnp grad", "jnp fwd")),
                _x(r.ratio("jfft grad", "jnp grad")),
                _x(r.ratio("jfft grad re2+im2", "jfft fwd")),
                _x(r.ratio("jnp grad re2+im2", "jnp fwd")),
                str(r.rounds),
            ]
            rows.append(row)
        title = (
            "jax.grad of sum(|F(x)|^2) vs the forward F (grad: written with abs; "
            "grad re2+im2: as F.real**2 + F.imag**2, no complex abs/divide)"
        )
        out.append((title, header, rows))
    return out


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines)


def md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def notes(results: list[CaseResult]) -> list[str]:
    return [f"{r.case.name}: {n}" for r in results for n in r.notes]


def print_report(results: list[CaseResult], run_info: dict[str, Any]) -> None:
    for title, header, rows in tables(results):
        print(f"\n{title}\n")
        print(text_table(header, rows))
    h = headline(results)
    print(
        f"\ngeometric mean over {sum(not r.case.is_grad for r in results)} cases: "
        f"jfft/jnp {_x(h['geomean_jfft_over_jnp'])}, "
        f"jfft/best peer {_x(h['geomean_jfft_over_best_peer'])} "
        "(> 1: jfft slower)"
    )
    busy = ", ".join(f"{SHORT[k]} {v:.1f}" for k, v in cores_busy(results).items())
    print(f"cores kept busy (CPU time / wall time): {busy}")
    for line in run_info["run_notes"] + notes(results):
        print(f"note: {line}")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as a report writes them."""
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def run_info(load_before: str, **facts: Any) -> dict[str, Any]:
    """The facts every report of a run starts from (command, date, machine,
    load before and now), with the caller's own after them."""
    return {
        "command": shlex.join(["python", "-m", "benchmarks", *sys.argv[1:]]),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "load_before": load_before,
        "load_after": load_average(),
        **facts,
    }


def run_facts(info: dict[str, Any]) -> list[str]:
    """The command, date, machine and load lines that head a results section."""
    m = info["machine"]
    return [
        f"- Command: `{info['command']}`",
        f"- Date: {info['date']}",
        (
            f"- Machine: {m['cpu']}, {m['cores']} cores ({m['cores_usable']} usable), "
            f"{m['memory']} RAM; {m['platform']}"
        ),
        (
            f"- Load average before / after: {info['load_before']} / "
            f"{info['load_after']} (the machine is shared: expect noise)"
        ),
    ]


def write_markdown(path: str, results: list[CaseResult], info: dict[str, Any]):
    m = info["machine"]
    h = headline(results)
    lines = [
        "# jfft benchmark results",
        "",
        "Written by `python -m benchmarks`; the methodology is in the docstring of",
        "`benchmarks/__init__.py`. Ratios are jfft's time over the other's (> 1:",
        "jfft is slower), the median over rounds of per-round paired ratios; times",
        'are medians over rounds. "best peer" is the fastest CPU library on the',
        "case (jax.numpy.fft excluded).",
        "",
        *run_facts(info),
        (
            f"- Threads for the CPU libraries: {info['threads']} (jfft and "
            "jax.numpy.fft are given no thread count: they run as built)"
        ),
        (
            "- Cores kept busy (CPU time / wall time, median over cases): "
            + ", ".join(f"{SHORT[k]} {v:.1f}" for k, v in cores_busy(results).items())
        ),
        f"- Environment: {info['env']}",
        f"- Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in info["versions"].items()),
        f"- Run time: {info['runtime_s']:.0f} s",
        "",
        "## Headline",
        "",
        (
            f"- Geometric mean of jfft / jax.numpy.fft: "
            f"**{_x(h['geomean_jfft_over_jnp'])}**"
        ),
        (
            f"- Geometric mean of jfft / best peer library: "
            f"**{_x(h['geomean_jfft_over_best_peer'])}**"
        ),
        "",
    ]
    for title, header, rows in tables(results):
        lines += [f"## {title}", "", md_table(header, rows), ""]
    cases = [r for r in results if not r.case.is_grad]
    if cases:
        lines += ["## Cases", ""]
        lines += [
            f"- `{r.case.name}`: {r.case.title}; shape {r.case.shape}, axes "
            f"{r.case.axes}, {r.case.dtype}"
            for r in results
        ]
        lines.append("")
    all_notes = info["run_notes"] + notes(results)
    if all_notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in all_notes] + [""]
    if info.get("chart"):
        lines += [
            "## Chart",
            "",
            f"![time relative to the fastest]({info['chart']})",
            "",
        ]
    # Keeps the length sweep's section of the file (its own command writes it).
    outputs.write_suite_markdown(path, "\n".join(lines))


def write_json(path: str, results: list[CaseResult], info: dict[str, Any]):
    data = dict(info, headline=headline(results), cases=[r.to_json() for r in results])
    with open(path, "w") as f:
        json.dump(data, f, indent=1, default=list)


def write_chart(path: str, results: list[CaseResult]) -> bool:
    """Grouped bars of each backend's time over the fastest, log scale."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    plain = [r for r in results if not r.case.is_grad and r.times]
    if not plain:
        return False
    labels = _labels(plain)
    width = 0.8 / len(labels)
    fig, ax = plt.subplots(figsize=(max(8.0, 0.75 * len(plain) + 2), 5))
    for i, lb in enumerate(labels):
        xs, ys = [], []
        for j, r in enumerate(plain):
            if lb in r.times:
                fastest = min(r.median(o) for o in r.times)
                xs.append(j - 0.4 + (i + 0.5) * width)
                ys.append(r.median(lb) / fastest)
        ax.bar(xs, ys, width, label=SHORT[lb], bottom=0)
    ax.set_yscale("log")
    ax.set_ylim(bottom=0.8)
    ax.set_xticks(range(len(plain)))
    ax.set_xticklabels([r.case.name for r in plain], rotation=45, ha="right")
    ax.set_ylabel("time / fastest on the case (log)")
    ax.set_title("jfft vs jax.numpy.fft and CPU FFT libraries (lower is better)")
    ax.axhline(1.0, color="black", linewidth=0.5)
    ax.legend(ncol=len(labels), fontsize="small", loc="upper left")
    ax.grid(axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return True
