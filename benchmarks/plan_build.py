"""Plan-building time per length, for complex64 / complex128 fft and float64
rfft, on one thread by default:

- build: the first transform after the plan cache is cleared minus the
  second (same input, same process): planning, and the fresh scratch pages
  of the first transform (clear_plan_cache empties the scratch pool too);
- plan: the engine's dry run (jfft.explain_plan's) after the cache is
  cleared: the plans alone;
- with --ducc0 (complex cases), ducc0's first c2c of the length in a fresh
  process minus a warm one, and the warm call: ducc0 keeps no plan of some
  lengths (a prime near 2^20 plans again on every call, first - warm ~ 0),
  whose call then holds the planning.

Times are the calling thread's CPU time (time.thread_time: with one worker
the transforms and the plans run on it, and other processes on a loaded
machine do not count), or wall time with --wall; the median of several
repeats.

    nice python -m benchmarks.plan_build [--repeats 5] [--lengths 1048573,...]
        [--workers 1] [--ducc0] [--wall]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

import numpy as np

import jfft
import jfft.numpy as jnp_fft
from jfft import _jfft_cpu


def _primes_near(n: int) -> int:
    def is_prime(m: int) -> bool:
        if m < 2:
            return False
        d = 2
        while d * d <= m:
            if m % d == 0:
                return False
            d += 1
        return True

    m = n - 1
    while not is_prime(m):
        m -= 1
    return m


DEFAULT_LENGTHS = [
    _primes_near(2**10),
    _primes_near(2**14),
    _primes_near(2**17),
    2**18 + 3,  # a prime whose padded length is just above 2^19
    2**19 + 1,  # 3 * 174763: padded just above 2^20
    999983,
    2 * 524287,  # 2 * a prime: the longest Bluestein line of an even length
    _primes_near(2**20),
    2**20,
    3**12,
    7**7,
    17775,
    19320,
    11**5,
    123457,
]

CASES = {
    "c64": (np.complex64, jnp_fft.fft, "fft"),
    "c128": (np.complex128, jnp_fft.fft, "fft"),
    "rfft64": (np.float64, jnp_fft.rfft, "rfft"),
}


def _input(n: int, dtype) -> np.ndarray:
    rng = np.random.default_rng(n)
    x = rng.standard_normal(n)
    if np.issubdtype(dtype, np.complexfloating):
        x = x + 1j * rng.standard_normal(n)
    return x.astype(dtype)


def build_ms(n, dtype, func, kind, repeats, workers, clock):
    """Medians of (build, plan, warm run) in ms."""
    x = _input(n, dtype)
    double = np.dtype(dtype) in (np.float64, np.complex128)
    describe_kind = "c2c" if kind == "fft" else "r2c"
    func(x, workers=workers)  # threads, page faults of the output: warm
    builds, plans, runs = [], [], []
    for _ in range(repeats):
        jfft.clear_plan_cache()
        t0 = clock()
        func(x, workers=workers)
        t1 = clock()
        func(x, workers=workers)
        t2 = clock()
        builds.append((t1 - t0) - (t2 - t1))
        runs.append(t2 - t1)
        jfft.clear_plan_cache()
        t0 = clock()
        _jfft_cpu.describe_plan(describe_kind, double, [n], [0], True, workers, 0)
        plans.append(clock() - t0)
    return tuple(1e3 * statistics.median(v) for v in (builds, plans, runs))


DUCC0_CHILD = """
import statistics, sys, time
import numpy as np
import ducc0
n, dtype, clock = int(sys.argv[1]), np.dtype(sys.argv[2]), sys.argv[3]
clock = time.thread_time if clock == "thread" else time.perf_counter
rng = np.random.default_rng(n)
x = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dtype)
out = np.zeros_like(x)
ducc0.fft.c2c(np.ones(64, dtype), nthreads=1)  # the module's own first call
t0 = clock(); ducc0.fft.c2c(x, out=out, nthreads=1); first = clock() - t0
warm = []
for _ in range(3):
    t0 = clock(); ducc0.fft.c2c(x, out=out, nthreads=1); warm.append(clock() - t0)
print(first - statistics.median(warm), statistics.median(warm))
"""


def ducc0_build_ms(n: int, dtype, repeats: int, wall: bool) -> tuple[float, float]:
    """ducc0's first call minus a warm one, each in a fresh process, and the
    warm call."""
    builds, calls = [], []
    for _ in range(repeats):
        result = subprocess.run(
            [sys.executable, "-c", DUCC0_CHILD, str(n), np.dtype(dtype).name]
            + ["wall" if wall else "thread"],
            capture_output=True,
            text=True,
            check=True,
        )
        build, call = map(float, result.stdout.split())
        builds.append(build)
        calls.append(call)
    return 1e3 * statistics.median(builds), 1e3 * statistics.median(calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--lengths", default="")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--ducc0", action="store_true")
    parser.add_argument("--wall", action="store_true")
    args = parser.parse_args()
    lengths = (
        [int(v) for v in args.lengths.split(",")] if args.lengths else DEFAULT_LENGTHS
    )
    cases = args.cases.split(",")
    clock = time.perf_counter if args.wall else time.thread_time
    heads = []
    for case in cases:
        heads.append(f"{case + ' build/plan/run ms':>28}")
        if args.ducc0 and CASES[case][2] == "fft":
            heads.append(f"{'ducc0 build/call':>18}")
    print(f"{'length':>9} " + " ".join(heads))
    for n in lengths:
        cells = []
        for case in cases:
            dtype, func, kind = CASES[case]
            build, plan, run = build_ms(
                n, dtype, func, kind, args.repeats, args.workers, clock
            )
            cells.append(f"{build:9.2f} /{plan:8.2f} /{run:8.2f}")
            if args.ducc0 and kind == "fft":
                ducc_build, ducc_call = ducc0_build_ms(
                    n, dtype, max(3, args.repeats // 2), args.wall
                )
                cells.append(f"{ducc_build:9.2f} /{ducc_call:7.2f}")
        print(f"{n:>9} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()
