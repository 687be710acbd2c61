"""Plan-building time per length: the first transform after the plan cache
is cleared minus the second (same input, same process), the median of
several repeats, for complex64 / complex128 fft and float64 rfft.

    nice python -m benchmarks.plan_build [--repeats 5] [--lengths 1048573,...]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

import jfft
import jfft.numpy as jnp_fft


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
    _primes_near(2**20),
    2**20,
    3**12,
    7**7,
    17775,
    19320,
    11**5,
    123457,
    999983,
]

CASES = {
    "c64": (np.complex64, jnp_fft.fft),
    "c128": (np.complex128, jnp_fft.fft),
    "rfft64": (np.float64, jnp_fft.rfft),
}


def build_ms(n: int, dtype, func, repeats: int) -> tuple[float, float]:
    rng = np.random.default_rng(n)
    x = rng.standard_normal(n)
    if np.issubdtype(dtype, np.complexfloating):
        x = x + 1j * rng.standard_normal(n)
    x = x.astype(dtype)
    func(x)  # scratch, threads, page faults of the output: warm
    builds, runs = [], []
    for _ in range(repeats):
        jfft.clear_plan_cache()
        t0 = time.perf_counter()
        func(x)
        t1 = time.perf_counter()
        func(x)
        t2 = time.perf_counter()
        builds.append((t1 - t0) - (t2 - t1))
        runs.append(t2 - t1)
    return 1e3 * statistics.median(builds), 1e3 * statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--lengths", default="")
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args()
    lengths = (
        [int(v) for v in args.lengths.split(",")] if args.lengths else DEFAULT_LENGTHS
    )
    cases = args.cases.split(",")
    print(f"{'length':>9} " + " ".join(f"{c + ' build/run ms':>24}" for c in cases))
    for n in lengths:
        cells = []
        for case in cases:
            dtype, func = CASES[case]
            build, run = build_ms(n, dtype, func, args.repeats)
            cells.append(f"{build:11.2f} /{run:9.2f}")
        print(f"{n:>9} " + " ".join(f"{c:>24}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
