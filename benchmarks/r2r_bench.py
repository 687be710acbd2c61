"""DCT/DST timings under jit: jfft's native r2r primitive against its
FFT-based JAX algorithm (the measurement behind
``_realtransforms.NATIVE_R2R``). On numpy arrays, jfft's DCT against
scipy.fft, ducc0 and pyFFTW is the numpy section of the suite,
``python -m benchmarks --numpy --cases 'dct*'``.

Standalone: ``python benchmarks/r2r_bench.py [--rounds R] [--quick]``. Every
comparison runs in paired, interleaved rounds in this one process (each round
times every contender once, as the best of a few calls) and prints the median
over rounds of the ratio to the first contender, so that load on a shared
machine cancels out of the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import jax
import numpy as np

jax.config.update("jax_enable_x64", True)

import jfft
from jfft import _jfft_cpu, _realtransforms
from jfft._primitives import r2r_p


def best_of(fn: Callable[[], object], calls: int) -> float:
    best = float("inf")
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def paired(contenders: dict[str, Callable[[], object]], rounds: int, calls: int):
    """Median over rounds of each contender's time and of its ratio to the
    first one's."""
    for fn in contenders.values():  # warm up: compile, plan
        fn()
    times = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            times[name].append(best_of(fn, calls))
    first = next(iter(contenders))
    return {
        name: (
            statistics.median(ts),
            statistics.median(t / f for t, f in zip(ts, times[first])),
        )
        for name, ts in times.items()
    }


def report(title: str, results: dict) -> None:
    cells = ", ".join(
        f"{name} {t * 1e6:.0f} us ({ratio:.2f}x)"
        for name, (t, ratio) in results.items()
    )
    print(f"{title}: {cells}", flush=True)


CASES = [  # (shape, axes)
    ((64, 4096), (1,)),
    ((256, 1000), (1,)),
    ((4096, 64), (1,)),
    ((512, 512), (0, 1)),
    ((128, 128), (0, 1)),
]
TRANSFORMS = [("dct", 1), ("dct", 2), ("dct", 3), ("dct", 4), ("dst", 2), ("dst", 4)]


def jit_contenders(x, kind: str, type: int, axes: tuple[int, ...]) -> dict:
    params = {"kind": kind, "type": type, "axes": axes, "pre": 1.0, "post": 1.0}
    params.update(scale=1.0, workers=1, backend="native")
    native = jax.jit(lambda x: r2r_p.bind(x, **params))
    fft_based = jax.jit(lambda x: _realtransforms.fft_based_r2r(x, **params))
    return {
        "native": lambda: native(x).block_until_ready(),
        "fft-based": lambda: fft_based(x).block_until_ready(),
    }


def jit_section(rounds: int, calls: int, cases, transforms, dtypes) -> None:
    """Under jit: the native r2r primitive vs the FFT-based composition of
    jfft's FFT primitives (both the same map: unnormalised, no end factors)."""
    print("== under jit: native r2r vs FFT-based (ratio to native) ==")
    for dtype in dtypes:
        for shape, axes in cases:
            x = jax.device_put(np.random.default_rng(0).standard_normal(shape, dtype))
            for kind, type in transforms:
                results = paired(jit_contenders(x, kind, type, axes), rounds, calls)
                title = f"{np.dtype(dtype).name} {shape} axes={axes} {kind}-{type}"
                report(title, results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="fewer cases")
    args = parser.parse_args()
    dtypes = [np.float32, np.float64]
    cases, transforms = CASES, TRANSFORMS
    if args.quick:
        cases, transforms = CASES[:1] + CASES[3:4], TRANSFORMS[1:3]
    print(f"jfft {jfft.__file__}, kernels {_jfft_cpu.isa()}")
    jit_section(args.rounds, args.calls, cases, transforms, dtypes)


if __name__ == "__main__":
    main()
