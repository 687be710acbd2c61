"""jfft's numpy path against scipy.fft on numpy arrays: paired rounds in one
process, printed as ratios of times (jfft / scipy.fft; below 1 is faster).

    python benchmarks/numpy_bench.py [--rounds 15] [--quick]

Sections:
- overhead: n = 64 and 1024, float32 and float64, ``rfft`` and ``fft`` through
  scipy.fft with jfft's backend and through jfft.numpy, against scipy.fft's
  own call (goal: <= 1.0);
- large: n >= 4096 1-D and 2-D, one thread each (goal: jfft.numpy <= 0.7);
- threads: 8 Python threads calling jfft.numpy get the single-threaded
  results; two threads doing a batch each against one thread doing both
  (goal: ~0.5 on two free cores, the GIL being released).

Each round times every contestant once, back to back, in an order that
rotates from round to round; a ratio is the median over rounds of the
per-round ratios, so that load from elsewhere on the machine, which changes
slowly, cancels.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

import numpy as np
import scipy.fft

import jfft.numpy as jnp_fft
import jfft.scipy_backend


class _NoContext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _batch_seconds(contestant, number: int) -> float:
    call, context = contestant if isinstance(contestant, tuple) else (contestant, None)
    with context() if context else _NoContext():
        start = time.perf_counter()
        for _ in range(number):
            call()
        return time.perf_counter() - start


def paired_ratios(contestants: dict, reference: str, rounds: int, number: int):
    """{name: median over rounds of time(name) / time(reference)}."""
    names = list(contestants)
    for contestant in contestants.values():  # warm: plans, first-call work
        _batch_seconds(contestant, 1)
    ratios = {name: [] for name in names if name != reference}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        times = {name: _batch_seconds(contestants[name], number) for name in order}
        for name, values in ratios.items():
            values.append(times[name] / times[reference])
    return {name: statistics.median(values) for name, values in ratios.items()}


def _signal(shape, dtype, rng, complex_input: bool) -> np.ndarray:
    x = rng.standard_normal(shape)
    if complex_input:
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(np.result_type(dtype, 1j) if complex_input else dtype)


def _contestants(func: str, x: np.ndarray, axes, workers: int | None):
    nd = axes is not None
    kw = {"axes": axes} if nd else {}
    name = func + ("n" if nd else "")
    scipy_func = getattr(scipy.fft, name)
    jfft_func = getattr(jnp_fft, name)
    threads = {} if workers is None else {"workers": workers}

    def backend():  # entered around a whole batch: its cost is not per call
        return scipy.fft.set_backend(jfft.scipy_backend, only=True)

    return {
        "scipy.fft": lambda: scipy_func(x, **kw, **threads),
        "scipy.fft+jfft backend": (lambda: scipy_func(x, **kw, **threads), backend),
        "jfft.numpy": lambda: jfft_func(x, **kw, **threads),
    }


def overhead(rounds: int) -> None:
    print("per-call overhead (time / scipy.fft's own call):")
    rng = np.random.default_rng(0)
    for dtype in (np.float32, np.float64):
        for n in (64, 1024):
            for func in ("rfft", "fft"):
                x = _signal(n, dtype, rng, func == "fft")
                ratios = paired_ratios(
                    _contestants(func, x, None, None), "scipy.fft", rounds, 2000
                )
                row = "  ".join(f"{k} {v:.2f}" for k, v in ratios.items())
                print(f"  {func:5} n={n:5} {np.dtype(dtype).name:8} {row}")


def large(rounds: int, quick: bool) -> None:
    print("large transforms, 1 thread (time / scipy.fft's):")
    rng = np.random.default_rng(1)
    cases = [((4096,), None), ((65536,), None), ((512, 512), (0, 1))]
    if not quick:
        cases += [((2**20,), None), ((64, 4096), (0, 1)), ((2048, 2048), (0, 1))]
    for dtype in (np.float32, np.float64):
        for shape, axes in cases:
            for func in ("rfft", "fft"):
                x = _signal(shape, dtype, rng, func == "fft")
                number = max(2, 2**21 // x.size)  # batches of ~5-20 ms
                ratios = paired_ratios(
                    _contestants(func, x, axes, 1), "scipy.fft", rounds, number
                )
                row = "  ".join(f"{k} {v:.2f}" for k, v in ratios.items())
                print(f"  {func:5} {shape!s:13} {np.dtype(dtype).name:8} {row}")


def threads(rounds: int) -> None:
    rng = np.random.default_rng(2)
    x = _signal((65536,), np.float64, rng, True)
    expected = jnp_fft.fft(x, workers=1)
    results = [None] * 8

    def worker(i):
        results[i] = jnp_fft.fft(x, workers=1)

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    same = all(np.array_equal(r, expected) for r in results)
    print(f"8 Python threads: results identical to one thread's: {same}")

    calls = 200

    def batch():
        for _ in range(calls):
            jnp_fft.fft(x, workers=1)

    def one_thread_both():
        batch()
        batch()

    def two_threads():
        pair = [threading.Thread(target=batch) for _ in range(2)]
        for t in pair:
            t.start()
        for t in pair:
            t.join()

    ratios = paired_ratios(
        {"one thread, both batches": one_thread_both, "two threads": two_threads},
        "one thread, both batches",
        rounds,
        1,
    )
    print(
        "two threads, a batch each / one thread doing both: "
        f"{ratios['two threads']:.2f} (0.5 = perfect on two free cores)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="fewer large cases")
    parser.add_argument(
        "--only", choices=("overhead", "large", "threads"), default=None
    )
    args = parser.parse_args()
    if args.only in (None, "overhead"):
        overhead(args.rounds)
    if args.only in (None, "large"):
        large(args.rounds, args.quick)
    if args.only in (None, "threads"):
        threads(args.rounds)


if __name__ == "__main__":
    main()
