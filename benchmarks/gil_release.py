"""Whether releasing the GIL pays for a transform of n points on the numpy
path: ``python benchmarks/gil_release.py N...`` (the measurement behind
``kGilReleaseMinElements`` in ``xla_kernels/numpy_bindings.cc``).

For each n, jfft.numpy.rfft of a float64 signal (workers=1) with the GIL
released around the engine call against held, in paired rounds on the
suite's harness: one Python thread calling it, and two Python threads
calling it side by side. Printed: release / hold (below 1: releasing pays).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import jfft.numpy as jfft_numpy
from benchmarks.harness import CaseResult, Timing, WithContext, time_runners
from jfft import _jfft_cpu

NEVER = 1 << 62
POINTS_PER_THREAD_BATCH = 200_000


@contextlib.contextmanager
def release_from(elements: int):
    previous = _jfft_cpu._set_gil_release_min_elements(elements)
    try:
        yield
    finally:
        _jfft_cpu._set_gil_release_min_elements(previous)


def measure(n: int, rounds: int) -> CaseResult:
    x = np.random.default_rng(0).standard_normal(n)

    def call():
        jfft_numpy.rfft(x, workers=1)

    def two_threads():
        calls = max(1, POINTS_PER_THREAD_BATCH // n)

        def work():
            for _ in range(calls):
                call()

        pair = [threading.Thread(target=work) for _ in range(2)]
        for t in pair:
            t.start()
        for t in pair:
            t.join()

    runners = {
        "release": WithContext(call, lambda: release_from(0)),
        "hold": WithContext(call, lambda: release_from(NEVER)),
        "2 threads release": WithContext(two_threads, lambda: release_from(0)),
        "2 threads hold": WithContext(two_threads, lambda: release_from(NEVER)),
    }
    result = CaseResult(None)
    time_runners(runners, Timing(rounds=rounds, budget=20.0, min_time=0.02), result)
    return result


def main() -> None:
    lengths = [int(v) for v in sys.argv[1:]] or [64, 1024, 4096, 65536]
    for n in lengths:
        r = measure(n, rounds=25)
        print(
            f"n={n:7}: release / hold, one thread "
            f"{r.ratio('release', 'hold'):.3f}, two Python threads "
            f"{r.ratio('2 threads release', '2 threads hold'):.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
