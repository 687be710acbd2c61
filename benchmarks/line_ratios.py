"""Lines of one length in a batch: jfft against every CPU peer, paired rounds.

    python benchmarks/line_ratios.py [--isa avx2] [--dtype complex64]
        [--kind c2c|r2c] [--threads 1] [--rounds 5]
        [--points 131072 | --lines L] N [N ...]

Each length runs as a batch of about ``--points`` points (2^17), or of
``--lines`` lines, (lines, n), the same array for every library: jfft through ``jax.jit`` (``workers=``) and through
its engine alone (``numpy_c2c`` / ``numpy_r2c`` into a preallocated output,
no JAX dispatch or allocation), pyFFTW's planned ``execute`` (FFTW_MEASURE),
mkl_fft and ducc0 (into a preallocated output), and a jitted ``x * 2`` of
the same array as the floor of one JAX call over it. Rounds take each
library in turn; the figures are each one's fastest round, the ratios of
jfft and of its engine to the faster of pyFFTW and mkl_fft and of jfft to
ducc0 (with their geometric means over the lengths), and jfft's largest
error relative to ducc0's result.
"""

import argparse
import time
from functools import partial

import ducc0
import jax
import mkl
import mkl_fft
import numpy as np
import pyfftw

import jfft
from jfft import _jfft_cpu

jax.config.update("jax_enable_x64", True)


def mean_time(fn, reps):
    start = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - start) / reps


def runners(n, dtype, kind, threads, lines):
    rng = np.random.default_rng(n)
    real = np.dtype(dtype).type(0).real.dtype
    if kind == "c2c":
        x = rng.standard_normal((lines, n)) + 1j * rng.standard_normal((lines, n))
        x = x.astype(dtype)
        out = np.empty_like(x)
        jitted = jax.jit(partial(jfft.fft, workers=threads))

        def engine():
            _jfft_cpu.numpy_c2c(x, out, (1,), True, threads, 1.0)

        def ducc():
            ducc0.fft.c2c(x, axes=(1,), out=out, nthreads=threads)

        def mkl_run():
            mkl_fft.fft(x, axis=1)

    else:
        x = rng.standard_normal((lines, n)).astype(real)
        out = np.empty((lines, n // 2 + 1), dtype)
        jitted = jax.jit(partial(jfft.rfft, workers=threads))

        def engine():
            _jfft_cpu.numpy_r2c(x, out, (1,), threads, 1.0)

        def ducc():
            ducc0.fft.r2c(x, axes=(1,), out=out, nthreads=threads)

        def mkl_run():
            mkl_fft.rfft(x, axis=1)

    fftw_in = pyfftw.empty_aligned(x.shape, x.dtype)
    fftw_out = pyfftw.empty_aligned(out.shape, out.dtype)
    plan = pyfftw.FFTW(
        fftw_in, fftw_out, axes=(1,), flags=("FFTW_MEASURE",), threads=threads
    )
    fftw_in[...] = x  # after planning: FFTW_MEASURE scribbles on the arrays
    xj = jax.device_put(x)
    double = jax.jit(lambda v: v * 2)
    return (
        out,
        {
            "jfft": lambda: jitted(xj).block_until_ready(),
            "engine": engine,
            "pyFFTW": plan.execute,
            "mkl_fft": mkl_run,
            "ducc0": ducc,
            "jax x*2": lambda: double(xj).block_until_ready(),
        },
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lengths", type=int, nargs="+")
    parser.add_argument("--isa", default="auto")
    parser.add_argument("--dtype", default="complex64")
    parser.add_argument("--kind", default="c2c", choices=["c2c", "r2c"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--points", type=int, default=2**17)
    parser.add_argument("--lines", type=int, default=0, help="instead of --points")
    args = parser.parse_args()
    _jfft_cpu.set_isa(args.isa)
    mkl.set_num_threads(args.threads)
    ratios = {"jfft/peer": [], "engine/peer": [], "jfft/ducc0": []}
    for n in args.lengths:
        lines = args.lines or max(1, round(args.points / n))
        out, fns = runners(n, args.dtype, args.kind, args.threads, lines)
        for fn in fns.values():
            fn()
        fns["ducc0"]()
        want = out.copy()
        got = np.asarray(fns["jfft"]())
        err = np.abs(got - want).max() / np.abs(want).max()
        reps = max(1, int(0.02 / max(mean_time(fns["jfft"], 3), 1e-6)))
        times = {name: [] for name in fns}
        for _ in range(args.rounds):
            for name, fn in fns.items():
                times[name].append(mean_time(fn, reps))
        # The fastest round of each: other processes only ever add time.
        best = {name: min(t) for name, t in times.items()}
        peer = min(best["pyFFTW"], best["mkl_fft"])
        now = {
            "jfft/peer": best["jfft"] / peer,
            "engine/peer": best["engine"] / peer,
            "jfft/ducc0": best["jfft"] / best["ducc0"],
        }
        for name, r in now.items():
            ratios[name].append(r)
        cells = "  ".join(f"{k} {v * 1e6:6.1f}" for k, v in best.items())
        shown = " ".join(f"{k} {v:4.2f}" for k, v in now.items())
        print(
            f"{args.kind} {args.dtype} {args.threads}t n={n:3d} lines {lines:5d}  "
            f"{cells} us | {shown} | err {err:.1e}",
            flush=True,
        )
    print(
        "geomean "
        + " ".join(f"{k} {np.exp(np.mean(np.log(v))):.3f}" for k, v in ratios.items())
    )


if __name__ == "__main__":
    main()
