"""Page faults of jfft's jitted output buffers: why a single call costs more
than a call in a loop.

    python benchmarks/output_faults.py [N]

A batch of 2^17 complex64 points of length N (default 4): minor page faults
and time per call of jfft.fft under jax.jit in a loop, the same with a
numpy.fft call (which allocates and frees a 1 MiB output) between, numpy.fft
alone and jfft's engine into a preallocated output; then one jitted call
timed right after a numpy.fft call, as the length sweep times one call per
round after the other libraries.
"""

import resource
import sys
import time
from functools import partial

import jax
import numpy as np

import jfft
from jfft import _jfft_cpu

CALLS = 200


def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    x = (np.random.randn(2**17 // n, n) + 0j).astype(np.complex64)
    xj = jax.device_put(x)
    fft = jax.jit(partial(jfft.fft, workers=1))
    fft(xj).block_until_ready()
    out = np.empty_like(x)
    cases = {
        "jit loop": lambda: fft(xj).block_until_ready(),
        "jit + numpy.fft between": lambda: (
            fft(xj).block_until_ready(),
            np.fft.fft(x),
        ),
        "numpy.fft alone": lambda: np.fft.fft(x),
        "engine, preallocated": lambda: _jfft_cpu.numpy_c2c(x, out, (1,), True, 1, 1.0),
    }
    for label, fn in cases.items():
        before, start = faults(), time.perf_counter()
        for _ in range(CALLS):
            fn()
        seconds = (time.perf_counter() - start) / CALLS
        print(
            f"{label:26s} {seconds * 1e6:8.1f} us/call "
            f"{(faults() - before) / CALLS:7.1f} minor faults/call"
        )
    single = []
    for _ in range(20):
        np.fft.fft(x)
        start = time.perf_counter()
        fft(xj).block_until_ready()
        single.append(time.perf_counter() - start)
    print(
        f"one jit call after a numpy.fft: min {min(single) * 1e6:.1f} us, "
        f"median {np.median(single) * 1e6:.1f} us"
    )


if __name__ == "__main__":
    main()
