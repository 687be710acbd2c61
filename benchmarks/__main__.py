"""``python -m benchmarks [--quick] [--cases NAME...] [--repeats R]
[--threads T] [--out DIR]``: see the package docstring."""

from __future__ import annotations

import argparse
import datetime
import os
import shlex
import sys
import time

from . import cases as cases_mod


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    names = ", ".join(c.name for c in cases_mod.SUITE)
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Times jfft against jax.numpy.fft and CPU FFT libraries.",
        epilog=f"cases: {names}",
    )
    p.add_argument("--quick", action="store_true", help="a short smoke run")
    p.add_argument(
        "--cases", nargs="+", metavar="NAME", help="case names or shell globs"
    )
    p.add_argument(
        "--repeats", type=int, help="rounds per case (default 21; --quick 5)"
    )
    p.add_argument("--threads", type=int, default=2, help="CPU library threads")
    p.add_argument(
        "--budget",
        type=float,
        help="timed seconds per case before rounds are cut (default 20; "
        "--quick 2); never fewer than 3 rounds",
    )
    p.add_argument("--no-accuracy", action="store_true", help="skip error checks")
    p.add_argument(
        "--isa",
        default="auto",
        choices=["auto", "avx512", "avx2", "baseline"],
        help="jfft's kernels (default: the best the CPU runs); the peers keep theirs",
    )
    p.add_argument(
        "--out",
        default=os.path.dirname(os.path.abspath(__file__)),
        help="where RESULTS.md, results.json, results.png go (default benchmarks/)",
    )
    return p.parse_args(argv)


def native_module_stamp() -> float | None:
    """Modification time of jfft's native module (someone may rebuild it)."""
    import jfft._jfft_cpu as native

    try:
        return os.path.getmtime(native.__file__)
    except OSError:
        return None


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    selected = cases_mod.select(args.cases, args.quick)
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
    load_before = " ".join(f"{v:.2f}" for v in os.getloadavg())
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
    info = {
        "command": shlex.join(["python", "-m", "benchmarks", *sys.argv[1:]]),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": report.machine_info(),
        "load_before": load_before,
        "load_after": " ".join(f"{v:.2f}" for v in os.getloadavg()),
        "threads": args.threads,
        "env": ", ".join(
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
        "versions": versions,
        "run_notes": run_notes,
        "runtime_s": runtime,
        "timing": vars(timing),
    }
    report.print_report(results, info)
    os.makedirs(args.out, exist_ok=True)
    if report.write_chart(os.path.join(args.out, "results.png"), results):
        info["chart"] = "results.png"
    else:
        print("note: matplotlib not installed: no chart")
    report.write_markdown(os.path.join(args.out, "RESULTS.md"), results, info)
    report.write_json(os.path.join(args.out, "results.json"), results, info)
    print(f"\nwrote {args.out}/RESULTS.md, results.json; {runtime:.0f} s in all")


if __name__ == "__main__":
    main()
