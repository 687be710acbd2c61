"""``python -m benchmarks --numpy``: jfft's numpy path (``jfft.numpy`` and
scipy.fft with jfft's backend) against scipy.fft, numpy.fft, ducc0,
pyFFTW's interfaces and mkl_fft on numpy arrays (``numpy_backends.py``),
over the cases of ``numpy_cases.py``, at each ``--threads`` count (default
1 and 2). The timing is the suite's (``harness.run_case``: one process,
warm-up, interleaved paired rounds, accuracy against a wider reference);
the report is ``numpy_report.py``."""

from __future__ import annotations

import argparse
import os
import time

from . import outputs
from .numpy_cases import select

THREADS = (1, 2)
ROUNDS, QUICK_ROUNDS = 15, 5
BUDGET_S, QUICK_BUDGET_S = 6.0, 1.0  # timed seconds per case and thread count


def main(args: argparse.Namespace) -> None:
    cases = select(args.cases, args.quick)
    threads = sorted(set(args.threads or THREADS))
    # Before MKL is imported (it reads them once); activate() sets each count.
    os.environ["MKL_NUM_THREADS"] = str(max(threads))
    os.environ["OMP_NUM_THREADS"] = str(max(threads))

    import numpy as np

    from . import numpy_report as nrep
    from . import report
    from .harness import Timing, run_case
    from .numpy_backends import load_all

    timing = Timing(
        rounds=args.repeats or (QUICK_ROUNDS if args.quick else ROUNDS),
        budget=args.budget or (QUICK_BUDGET_S if args.quick else BUDGET_S),
        min_time=0.01 if args.quick else 0.02,
    )
    start = time.perf_counter()
    load_before = report.load_average()
    backends, versions, run_notes = load_all(threads)
    import jfft._jfft_cpu as jfft_native

    jfft_native.set_isa(args.isa)
    versions["jfft kernels"] = jfft_native.isa()
    versions["numpy"] = np.__version__
    for line in run_notes:
        print(f"note: {line}")
    names = ", ".join(b.name for b in backends[threads[0]])
    print(f"numpy section: {len(cases)} cases x threads {threads}; {names}")

    results = []
    for case in cases:
        for t in threads:
            chosen = [b for b in backends[t] if b.supports(case)]
            for b in chosen:
                b.activate()
            print(f"[{case.name} threads={t}] ...", end=" ", flush=True)
            r = run_case(case, chosen, timing, accuracy=not args.no_accuracy)
            results.append(nrep.NumpyResult(r, t))
            print(
                f"{r.rounds} rounds, {r.seconds:.1f} s; {nrep.summary(r)}", flush=True
            )
            for note in r.notes:
                print(f"  note: {note}")

    runtime = time.perf_counter() - start
    info = report.run_info(
        load_before,
        threads=threads,
        versions=versions,
        run_notes=run_notes,
        runtime_s=runtime,
        timing=vars(timing),
    )
    nrep.print_report(results, info)
    print()
    out = outputs.resolve_out(args.out)
    data = os.path.join(out, "numpy.json")
    nrep.write_json(data, results, info)
    section = os.path.join(out, "NUMPY.md")
    with open(section, "w") as f:
        f.write("# jfft numpy path\n\n" + nrep.markdown(results, info))
    written = [data, section]
    if args.update_results:
        committed = outputs.copy_into([data], outputs.PACKAGE_DIR)
        results_md = os.path.join(outputs.PACKAGE_DIR, "RESULTS.md")
        outputs.write_section(results_md, "numpy", nrep.markdown(results, info))
        written += committed + [results_md]
    outputs.print_written(written)
    if not args.update_results:
        print("(the committed benchmarks/RESULTS.md is unchanged: --update-results)")
    print(f"{runtime:.0f} s in all")
