"""jfft / ducc0 time ratios of single lengths, one thread, paired rounds.

    python benchmarks/codelet_ratios.py [--isa avx2] [--dtype complex64]
        [--kind c2c|r2c] [--rounds 7] [--lines L] N [N ...]

Each length runs as a batch of about 2^17 points, (lines, n); jfft through
``jax.jit(partial(jfft.fft, workers=1))``, ducc0 through ``ducc0.fft.c2c``
(``r2c`` for real input), both on the same array. Rounds alternate the two
libraries; the ratio is of each one's fastest round.
"""

import argparse
import time
from functools import partial

import ducc0
import jax
import numpy as np

import jfft
from jfft import _jfft_cpu

jax.config.update("jax_enable_x64", True)


def best_time(fn, reps):
    start = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - start) / reps


def ratio(n, dtype, kind, rounds, points, lines=0):
    lines = lines or max(1, round(points / n))
    rng = np.random.default_rng(n)
    real = np.dtype(dtype).type(0).real.dtype
    if kind == "c2c":
        x = rng.standard_normal((lines, n)) + 1j * rng.standard_normal((lines, n))
        x = x.astype(dtype)
        jfn = jax.jit(partial(jfft.fft, workers=1))

        def ducc():
            return ducc0.fft.c2c(x, axes=(1,), nthreads=1)
    else:
        x = rng.standard_normal((lines, n)).astype(real)
        jfn = jax.jit(partial(jfft.rfft, workers=1))

        def ducc():
            return ducc0.fft.r2c(x, axes=(1,), nthreads=1)

    xj = jax.device_put(x)

    def mine():
        return jfn(xj).block_until_ready()

    want = ducc()
    got = np.asarray(mine())
    err = np.abs(got - want).max() / np.abs(want).max()
    one = best_time(mine, 1)
    reps = max(1, int(0.05 / max(one, 1e-6)))
    mine_times, ducc_times = [], []
    for _ in range(rounds):
        mine_times.append(best_time(mine, reps))
        ducc_times.append(best_time(ducc, reps))
    # The fastest round of each: other processes on a shared machine only
    # ever add time.
    return lines, min(mine_times) / min(ducc_times), min(mine_times), err


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lengths", type=int, nargs="+")
    parser.add_argument("--isa", default="auto")
    parser.add_argument("--dtype", default="complex64")
    parser.add_argument("--kind", default="c2c", choices=["c2c", "r2c"])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--points", type=int, default=2**17)
    parser.add_argument("--lines", type=int, default=0, help="instead of --points")
    args = parser.parse_args()
    _jfft_cpu.set_isa(args.isa)
    ratios = []
    for n in args.lengths:
        lines, r, t, err = ratio(
            n, args.dtype, args.kind, args.rounds, args.points, args.lines
        )
        ratios.append(r)
        print(
            f"{n:8d} lines {lines:5d}  jfft/ducc0 {r:5.2f}  "
            f"jfft {t * 1e3:7.3f} ms  err {err:.1e}",
            flush=True,
        )
    print(f"geomean {np.exp(np.mean(np.log(ratios))):.3f}")


if __name__ == "__main__":
    main()
