"""``python -m benchmarks [--quick] [--cases NAME...] [--repeats R]
[--threads T] [--out DIR] [--update-results]``: the suite (see the package
docstring). ``python -m benchmarks --sweep [--quick] [--lengths SPEC]
[--dtypes D...] [--threads T...]``: the length sweep (``benchmarks/sweep.py``).
``python -m benchmarks --numpy [--quick] [--cases NAME...] [--threads T...]``:
the numpy section, jfft.numpy and jfft's scipy backend against the CPU
libraries on numpy arrays (``benchmarks/numpy_main.py``).

Each run writes into a fresh folder under ``benchmarks/out/`` (or ``--out``);
``--update-results`` also rewrites the committed figures in ``benchmarks/``.
"""

from __future__ import annotations

import argparse
import os
import time

from . import cases as cases_mod
from . import outputs


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    names = ", ".join(c.name for c in cases_mod.SUITE)
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Times jfft against jax.numpy.fft and CPU FFT libraries.",
        epilog=f"cases: {names}",
    )
    p.add_argument("--quick", action="store_true", help="a short smoke run")
    p.add_argument(
        "--sweep",
        action="store_true",
        help="the length sweep (every length 2..4096 and 200 random ones up to "
        "2^20) instead of the suite",
    )
    p.add_argument(
        "--numpy",
        action="store_true",
        help="the numpy section: jfft.numpy and scipy.fft with jfft's backend "
        "against scipy.fft, numpy.fft, ducc0, pyFFTW's interfaces and mkl_fft on "
        "numpy arrays, small sizes and large, c2c/r2c/c2r/DCT",
    )
    p.add_argument(
        "--cases",
        nargs="+",
        metavar="NAME",
        help="case names or shell globs (with --numpy: the numpy section's)",
    )
    p.add_argument(
        "--repeats",
        type=int,
        help="rounds per case (default 21; --quick 5; --numpy 15); with --sweep "
        "the most rounds per length (default 15)",
    )
    p.add_argument(
        "--threads",
        type=int,
        nargs="+",
        help="CPU library threads (default 2); with --sweep or --numpy one or "
        "more counts, each timed for jfft (workers=) and the peers (default 1 2)",
    )
    p.add_argument(
        "--budget",
        type=float,
        help="timed seconds per case before rounds are cut (default 20; "
        "--quick 2; --numpy 6 per case and thread count, --quick 1); never "
        "fewer than 3 rounds",
    )
    p.add_argument("--no-accuracy", action="store_true", help="skip error checks")
    sweep = p.add_argument_group("length sweep (with --sweep)")
    sweep.add_argument(
        "--lengths",
        metavar="SPEC",
        help="comma-separated lengths N, ranges A-B, 'short' (2..4096), 'long' "
        "(the 200 random lengths), 'quick' (the --quick subset); default "
        "short,long (--quick: quick)",
    )
    sweep.add_argument(
        "--dtypes",
        nargs="+",
        choices=["complex64", "complex128"],
        help="default both",
    )
    sweep.add_argument(
        "--peers",
        nargs="+",
        metavar="NAME",
        help="peer libraries to time (default: every one installed of ducc0, "
        "pyFFTW, scipy.fft, mkl_fft, torch.fft)",
    )
    sweep.add_argument(
        "--sweep-budget",
        type=float,
        metavar="SECONDS",
        help="time for all lengths, from which rounds per length are chosen "
        "(default 1320, 22 min; --quick 150)",
    )
    sweep.add_argument(
        "--fftw-plan-limit",
        type=float,
        metavar="SECONDS",
        help="pyFFTW's FFTW_MEASURE planning time limit per length (default 0.01)",
    )
    p.add_argument(
        "--isa",
        default="auto",
        choices=["auto", "avx512", "avx2", "baseline"],
        help="jfft's kernels (default: the best the CPU runs); the peers keep theirs",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        help="where this run's files go (default: a fresh benchmarks/out/<date>-"
        "<time>/, ignored by git)",
    )
    p.add_argument(
        "--update-results",
        action="store_true",
        help="also rewrite the committed benchmarks/RESULTS.md, results.json, "
        "results.png (with --sweep: sweep.json, sweep.png and the sweep's "
        "section of RESULTS.md; with --numpy: numpy.json and the numpy section "
        "of RESULTS.md)",
    )
    args = p.parse_args(argv)
    if args.threads and any(t < 1 for t in args.threads):
        p.error(f"--threads: expected positive counts, got {args.threads}")
    if args.repeats is not None and args.repeats < 1:
        p.error(f"--repeats: expected a positive count, got {args.repeats}")
    if args.sweep_budget is not None and not args.sweep_budget > 0:
        p.error(f"--sweep-budget: expected positive seconds, got {args.sweep_budget}")
    if args.fftw_plan_limit is not None and not args.fftw_plan_limit >= 0:
        p.error(f"--fftw-plan-limit: expected seconds >= 0, got {args.fftw_plan_limit}")
    if args.sweep and args.numpy:
        p.error("--numpy: not with --sweep")
    if args.budget is not None and not args.budget > 0:
        p.error(f"--budget: expected positive seconds, got {args.budget}")
    if not args.sweep:
        if args.threads and len(args.threads) > 1 and not args.numpy:
            p.error(f"--threads: the suite takes one count, got {args.threads}")
        for name in ("lengths", "dtypes", "peers", "sweep_budget", "fftw_plan_limit"):
            if getattr(args, name) is not None:
                flag = "--" + name.replace("_", "-")
                p.error(f"{flag}: only with --sweep")
        if args.numpy:
            from .numpy_cases import select

            try:
                select(args.cases, args.quick)
            except SystemExit as err:
                p.error(f"--cases: {err}")
    elif args.cases:
        p.error("--cases: not with --sweep (use --lengths)")
    if args.sweep and args.lengths is not None:
        from .sweep import parse_lengths

        try:
            args.length_list = parse_lengths(args.lengths)
        except ValueError as err:
            p.error(str(err))
    return args


def native_module_stamp() -> float | None:
    """Modification time of jfft's native module (someone may rebuild it)."""
    import jfft._jfft_cpu as native

    try:
        return os.path.getmtime(native.__file__)
    except OSError:
        return None


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.sweep:
        from .sweep_main import main as sweep_main

        sweep_main(args)
        return
    if args.numpy:
        from .numpy_main import main as numpy_main

        numpy_main(args)
        return
    selected = cases_mod.select(args.cases, args.quick)
    args.threads = args.threads[0] if args.threads else 2
    # Before any library that reads them is imported.
    os.environ["MKL_NUM_THREADS"] = str(args.threads)
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import jax
    import numpy as np

    jax.config.update("jax_enable_x64", True)  # for the complex128 case

    from . import report
    from .backends import JFFT, JNP, load_all
    from .harness import Timing, memory_probe, run_case

    timing = Timing(
        rounds=args.repeats or (5 if args.quick else 21),
        budget=args.budget or (2.0 if args.quick else 20.0),
        min_time=0.01 if args.quick else 0.02,
    )
    start = time.perf_counter()
    load_before = report.load_average()
    backends, versions, run_notes = load_all(args.threads)
    native_before = native_module_stamp()
    import jfft._jfft_cpu as jfft_native

    jfft_native.set_isa(args.isa)
    versions["jfft kernels"] = jfft_native.isa()
    versions["numpy"] = np.__version__  # the accuracy reference
    for line in run_notes:
        print(f"note: {line}")
    print(
        f"{len(selected)} cases; backends: {', '.join(b.name for b in backends)}; "
        f"{args.threads} threads"
    )

    results = []
    for case in selected:
        print(f"[{case.name}] {case.title} ...", end=" ", flush=True)
        r = run_case(case, backends, timing, accuracy=not args.no_accuracy)
        if case.memory:
            for name in (JFFT, JNP, "ducc0"):
                if any(b.name == name for b in backends):
                    r.memory[name] = memory_probe(case, name, args.threads)
        results.append(r)
        if case.is_grad:
            summary = (
                f"jfft grad/fwd {r.ratio('jfft grad', 'jfft fwd'):.2f}, "
                f"jnp grad/fwd {r.ratio('jnp grad', 'jnp fwd'):.2f}; "
                f"re2+im2: jfft {r.ratio('jfft grad re2+im2', 'jfft fwd'):.2f}, "
                f"jnp {r.ratio('jnp grad re2+im2', 'jnp fwd'):.2f}"
            )
        else:
            summary = f"jfft/jnp {r.ratio(JFFT, JNP):.2f}"
        print(f"{r.rounds} rounds, {r.seconds:.1f} s; {summary}", flush=True)
        for note in r.notes:
            print(f"  note: {note}")

    runtime = time.perf_counter() - start
    if native_module_stamp() != native_before:
        run_notes.append(
            "jfft's native module was replaced during the run: the timings used "
            "the build loaded at start, later subprocesses (memory probes) may "
            "have used the new one"
        )
    info = report.run_info(
        load_before,
        threads=args.threads,
        env=", ".join(
            f"{k}={os.environ.get(k, '')}"
            for k in (
                "KMP_BLOCKTIME",
                "OMP_WAIT_POLICY",
                "MKL_NUM_THREADS",
                "OMP_NUM_THREADS",
                "XLA_FLAGS",
                "JFFT_BACKEND",
            )
            if os.environ.get(k)
        ),
        versions=versions,
        run_notes=run_notes,
        runtime_s=runtime,
        timing=vars(timing),
    )
    report.print_report(results, info)
    print()
    written = []
    folders = [outputs.resolve_out(args.out)]
    if args.update_results:
        folders.append(outputs.PACKAGE_DIR)
    for folder in folders:
        chart = os.path.join(folder, "results.png")
        if report.write_chart(chart, results):
            info["chart"] = "results.png"
            written.append(chart)
        else:
            print("note: matplotlib not installed: no chart")
        markdown = os.path.join(folder, "RESULTS.md")
        report.write_markdown(markdown, results, info)
        data = os.path.join(folder, "results.json")
        report.write_json(data, results, info)
        written += [markdown, data]
    outputs.print_written(written)
    if not args.update_results:
        print("(the committed benchmarks/RESULTS.md is unchanged: --update-results)")
    print(f"{runtime:.0f} s in all")


if __name__ == "__main__":
    main()
