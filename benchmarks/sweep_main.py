"""``python -m benchmarks --sweep``: loads the libraries, runs the sweep
(``sweep.py``) and writes its report (``sweep_report.py``)."""

from __future__ import annotations

import argparse
import os
import time

from . import outputs
from . import sweep as sweep_mod

PEER_CLASSES = ("Ducc0", "PyFFTW", "Scipy", "MklFft", "Torch")


def load_backends(
    threads: list[int], peers: list[str] | None, fftw_plan_limit: float
) -> tuple[dict[int, list], dict[str, str], list[str]]:
    """Per thread count, jfft (workers=) and each installed peer; the
    versions; notes on the peers skipped."""
    from . import backends as bmod

    classes = [bmod.JfftNumpyOut] + [getattr(bmod, name) for name in PEER_CLASSES]
    if peers is not None:
        known = {cls.name for cls in classes[1:]}
        unknown = sorted(set(peers) - known)
        if unknown:
            raise SystemExit(
                f"--peers: unknown {unknown}; the peers are {', '.join(sorted(known))}"
            )
        classes = [classes[0]] + [c for c in classes[1:] if c.name in peers]
    loaded: dict[int, list] = {t: [] for t in threads}
    versions, notes = {}, []
    for cls in classes:
        made = []
        try:
            for t in threads:
                backend = (
                    cls(t, planning_timelimit=fftw_plan_limit)
                    if cls is bmod.PyFFTW
                    else cls(t)
                )
                versions[cls.name] = backend.load()
                made.append((t, backend))
        except ImportError as err:
            if cls is bmod.JfftNumpyOut:
                raise
            notes.append(f"{cls.name} skipped: not installed ({err})")
            continue
        for t, backend in made:
            loaded[t].append(backend)
    return loaded, versions, notes


def main(args: argparse.Namespace) -> None:
    threads = sorted(set(args.threads or sweep_mod.THREADS))
    # Before MKL or torch are imported (they read these once).
    os.environ["MKL_NUM_THREADS"] = str(max(threads))
    os.environ["OMP_NUM_THREADS"] = str(max(threads))

    import jax
    import numpy as np

    jax.config.update("jax_enable_x64", True)  # complex128

    from . import report
    from . import sweep_report as srep

    lengths = getattr(args, "length_list", None) or (
        sweep_mod.quick_lengths()
        if args.quick
        else list(range(2, sweep_mod.SHORT_MAX + 1)) + sweep_mod.long_lengths()
    )
    dtypes = args.dtypes or list(sweep_mod.DTYPES)
    budget_s = args.sweep_budget or (
        sweep_mod.QUICK_BUDGET_S if args.quick else sweep_mod.FULL_BUDGET_S
    )
    max_rounds = args.repeats or sweep_mod.MAX_ROUNDS
    plan_limit = (
        args.fftw_plan_limit
        if args.fftw_plan_limit is not None
        else sweep_mod.FFTW_PLAN_LIMIT_S
    )
    load_before = report.load_average()
    start = time.perf_counter()
    backends, versions, run_notes = load_backends(threads, args.peers, plan_limit)
    import jfft._jfft_cpu as jfft_native

    jfft_native.set_isa(args.isa)
    versions["jfft kernels"] = jfft_native.isa()
    versions["numpy"] = np.__version__
    for line in run_notes:
        print(f"note: {line}")
    cells_total = len(lengths) * len(dtypes) * len(threads)
    print(
        f"length sweep: {len(lengths)} lengths x {len(dtypes)} dtypes x threads "
        f"{threads} = {cells_total} cells; backends: "
        f"{', '.join(b.name for b in backends[threads[0]])}"
    )
    print(
        f"time budget {budget_s:.0f} s: every cell gets at least "
        f"{min(sweep_mod.MIN_ROUNDS, max_rounds)} paired rounds, the time the "
        f"budget leaves over goes to extra rounds (at most {max_rounds}); "
        f"pyFFTW plans with FFTW_MEASURE under a {plan_limit} s limit",
        flush=True,
    )
    cells, budget_info = sweep_mod.run_sweep(
        lengths,
        dtypes,
        threads,
        backends,
        budget_s,
        max_rounds,
        progress=lambda line: print(line, flush=True),
    )
    runtime = time.perf_counter() - start
    info = report.run_info(
        load_before,
        threads=threads,
        dtypes=dtypes,
        lengths=lengths,
        versions=versions,
        run_notes=run_notes,
        runtime_s=runtime,
        budget=budget_info,
        fftw_plan_limit_s=plan_limit,
        batch_points=sweep_mod.BATCH_POINTS,
        accuracy_points=sweep_mod.ACCURACY_POINTS,
        long_lengths_seed=sweep_mod.LONG_SEED,
    )
    srep.print_report(cells, info)
    print()
    written = []
    out = outputs.resolve_out(args.out)
    chart = os.path.join(out, "sweep.png")
    has_chart = srep.write_chart(chart, cells)
    if has_chart:
        written.append(chart)
    else:
        print("note: matplotlib not installed: no chart")
    data = os.path.join(out, "sweep.json")
    srep.write_json(data, cells, info)
    section = os.path.join(out, "SWEEP.md")
    with open(section, "w") as f:
        f.write("# jfft length sweep\n\n")
        f.write(srep.markdown(cells, info, "sweep.png" if has_chart else None))
    written += [data, section]
    if args.update_results:
        committed = outputs.copy_into(written[:-1], outputs.PACKAGE_DIR)
        results_md = os.path.join(outputs.PACKAGE_DIR, "RESULTS.md")
        outputs.write_sweep_section(
            results_md, srep.markdown(cells, info, "sweep.png" if has_chart else None)
        )
        written += committed + [results_md]
    outputs.print_written(written)
    if not args.update_results:
        print("(the committed benchmarks/RESULTS.md is unchanged: --update-results)")
    print(f"{runtime:.0f} s in all")
