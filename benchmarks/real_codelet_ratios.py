"""jfft.numpy / pyFFTW and jfft.numpy / ducc0 time ratios of real transforms
of short lines in a big batch, one thread, paired rounds.

    python benchmarks/real_codelet_ratios.py N [N ...] [--lines 65536]
        [--rounds 7] [--axis -1] [--dtype float32 float64]

Each length runs as (lines, n) (``--axis 0``: (n, lines)): rfft of a real
array and irfft of its spectrum, through ``jfft.numpy`` (``workers=1``),
``pyfftw.interfaces.numpy_fft`` (``threads=1``, its plan cache on) and
``ducc0.fft.r2c`` / ``c2r`` (``nthreads=1``), all on the same array. Rounds
alternate the libraries; a ratio is of each one's fastest round (other
processes on a shared machine only ever add time).
"""

import argparse
import time

import ducc0
import numpy as np
import pyfftw
import pyfftw.interfaces.numpy_fft as pyfftw_fft

import jfft.numpy as jnp_fft


def best_time(fn, reps):
    start = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - start) / reps


def runners(kind, x, n, axis):
    if kind == "rfft":
        return {
            "jfft": lambda: jnp_fft.rfft(x, axis=axis, workers=1),
            "pyfftw": lambda: pyfftw_fft.rfft(x, axis=axis, threads=1),
            "ducc0": lambda: ducc0.fft.r2c(x, axes=(axis,), nthreads=1),
        }
    return {
        "jfft": lambda: jnp_fft.irfft(x, n=n, axis=axis, workers=1),
        "pyfftw": lambda: pyfftw_fft.irfft(x, n=n, axis=axis, threads=1),
        "ducc0": lambda: ducc0.fft.c2r(
            x, axes=(axis,), lastsize=n, forward=False, inorm=2, nthreads=1
        ),
    }


def ratios(kind, n, dtype, lines, axis, rounds):
    rng = np.random.default_rng(n)
    shape = (lines, n) if axis in (-1, 1) else (n, lines)
    x = rng.standard_normal(shape).astype(dtype)
    if kind == "irfft":
        x = np.fft.rfft(x, axis=axis).astype(np.result_type(dtype, np.complex64))
    fns = runners(kind, x, n, axis)
    want = np.asarray(fns["pyfftw"]())
    for name, fn in fns.items():
        got = np.asarray(fn())
        err = np.abs(got - want).max() / np.abs(want).max()
        assert err < 1e-3, (name, kind, n, err)
    one = min(best_time(fn, 1) for fn in fns.values())
    reps = max(1, int(0.05 / max(one, 1e-6)))
    times = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            times[name].append(best_time(fn, reps))
    best = {name: min(t) for name, t in times.items()}
    return best["jfft"] / best["pyfftw"], best["jfft"] / best["ducc0"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lengths", type=int, nargs="+")
    parser.add_argument("--lines", type=int, default=65536)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--axis", type=int, default=-1)
    parser.add_argument("--dtype", nargs="+", default=["float32", "float64"])
    args = parser.parse_args()
    pyfftw.interfaces.cache.enable()
    pyfftw.interfaces.cache.set_keepalive_time(60)
    for dtype in args.dtype:
        for kind in ("rfft", "irfft"):
            for n in args.lengths:
                vs_fftw, vs_ducc = ratios(
                    kind, n, dtype, args.lines, args.axis, args.rounds
                )
                print(
                    f"{dtype:8s} {kind:5s} n={n:3d} axis={args.axis:2d}  "
                    f"jfft/pyfftw {vs_fftw:5.2f}  jfft/ducc0 {vs_ducc:5.2f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
