"""Signal-layer timings, paired rounds in one process, printed as ratios.

    python benchmarks/signal_bench.py [--rounds 7] [--quick]
    python benchmarks/signal_bench.py --memory

Each round times every candidate of a case once, in a rotating order; the
ratio reported is the median over rounds of (candidate / jfft) times. Two
threads: jfft's workers, torch's intra-op threads (XLA's own pool is left at
its default, the machine's cores).

Cases: jfft.stft of (16, 2**17) float32, n_fft 1024, hop 256, hann, jitted,
against torch.stft and jax.scipy.signal.stft, and jfft.istft of its result
against torch.istft and jax.scipy.signal.istft; the framing of that STFT with
strided slices against a gather (jfft._stft.MAX_FRAME_SLICES); jax.grad
of a multi-resolution STFT loss (n_fft 512/1024/2048, hop n_fft//4, hann;
mean L1 of magnitudes plus spectral convergence) of a (4, 2**16) float32 x,
jitted, on jfft.stft against the same loss on jax.scipy.signal.stft
(``--only stft-loss``); jfft.signal.fftconvolve / oaconvolve of 2**20 by
4097, 1024**2 by 31**2 and (64, 16384) by (1, 257) along the last axis,
float32, against scipy.signal (numpy) and jax.scipy.signal.fftconvolve
(``--only convolve``); direct against FFT
convolution of 2**14 float32 by a range of kernel lengths
(jfft.signal._convolve.DIRECT_OVER_FFT_COST).

``--memory``: the peak memory of one warmed-up call of that STFT and ISTFT
(jfft and torch), each in a fresh process, beyond its input and output, as
a fraction of the output (benchmarks/memprobe.py's method: VmHWM - VmRSS
around the call, glibc mmapping every block over 64 KiB).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np

try:
    import jfft
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jfft

from jfft import _stft

THREADS = 2


def _block(value):
    if isinstance(value, (tuple, list)):
        for v in value:
            _block(v)
    elif hasattr(value, "block_until_ready"):
        value.block_until_ready()
    return value


def paired(cases: dict, rounds: int) -> dict:
    """{name: [seconds per round]}, each candidate called once per round
    (after one warm-up call), the order rotating between rounds."""
    names = list(cases)
    for name in names:
        _block(cases[name]())
    times = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            start = time.perf_counter()
            _block(cases[name]())
            times[name].append(time.perf_counter() - start)
    return times


def report(title: str, times: dict, base: str) -> None:
    print(f"\n{title}")
    for name, values in times.items():
        ratios = [v / b for v, b in zip(values, times[base])]
        print(
            f"  {name:34s} median {statistics.median(values) * 1e3:9.2f} ms   "
            f"ratio to {base}: {statistics.median(ratios):6.3f}"
        )


def bench_stft(rounds: int) -> None:
    rng = np.random.default_rng(0)
    x_host = rng.standard_normal((16, 2**17)).astype(np.float32)
    x = jnp.asarray(x_host)
    n_fft, hop = 1024, 256
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)).astype(
        np.float32
    )
    w = jnp.asarray(window)
    ours = jax.jit(lambda x: jfft.stft(x, n_fft, hop, window=w))
    theirs_jax = jax.jit(
        lambda x: jax.scipy.signal.stft(
            x, nperseg=n_fft, noverlap=n_fft - hop, window=window
        )[2]
    )
    cases = {
        "jfft.stft": lambda: ours(x),
        "jax.scipy.signal.stft": lambda: theirs_jax(x),
    }
    try:
        import torch

        torch.set_num_threads(THREADS)
        xt, wt = torch.from_numpy(x_host), torch.from_numpy(window)
        cases["torch.stft"] = lambda: torch.stft(
            xt, n_fft, hop, window=wt, return_complex=True
        )
    except ImportError:
        print("torch not installed: no torch.stft")
    report("stft (16, 2**17) f32, n_fft 1024, hop 256, hann, jit", paired(cases, rounds),
           "jfft.stft")  # fmt: skip

    spectra = ours(x)
    spectra_host = np.asarray(spectra)
    ours_inverse = jax.jit(
        lambda X: jfft.istft(X, n_fft, hop, window=w, length=x.shape[-1])
    )
    theirs_jax_inverse = jax.jit(
        lambda X: jax.scipy.signal.istft(
            X, nperseg=n_fft, noverlap=n_fft - hop, window=window
        )[1]
    )
    inverse_cases = {
        "jfft.istft": lambda: ours_inverse(spectra),
        "jax.scipy.signal.istft": lambda: theirs_jax_inverse(spectra),
    }
    try:
        import torch

        spectra_torch = torch.from_numpy(spectra_host)
        inverse_cases["torch.istft"] = lambda: torch.istft(
            spectra_torch, n_fft, hop, window=wt, length=x.shape[-1]
        )
    except ImportError:
        pass
    report("istft of that STFT, length 2**17, jit", paired(inverse_cases, rounds),
           "jfft.istft")  # fmt: skip

    padded = jnp.pad(x, [(0, 0), (n_fft // 2, n_fft // 2)], mode="reflect")
    count = _stft.num_frames(padded.shape[-1], n_fft, hop)
    index = np.arange(count)[:, None] * hop + np.arange(n_fft)
    sliced = jax.jit(lambda p: _stft.frames(p, n_fft, hop, count) * w)
    gathered = jax.jit(lambda p: p[..., index] * w)
    framing = {"strided slices": lambda: sliced(padded),
               "gather": lambda: gathered(padded)}  # fmt: skip
    report("framing * window of that STFT", paired(framing, rounds), "strided slices")


STFT_LOSS_RESOLUTIONS = (512, 1024, 2048)


def _mr_stft_loss(spectrogram):
    """Multi-resolution STFT loss of (x, y): per resolution, the mean L1
    distance of the magnitudes plus their spectral convergence
    ||(|S(x)| - |S(y)|)||_F / ||S(y)||_F, summed over resolutions."""

    def magnitude(s):
        return jnp.sqrt(jnp.maximum(jnp.real(s) ** 2 + jnp.imag(s) ** 2, 1e-7))

    def loss(x, y):
        total = 0.0
        for n_fft in STFT_LOSS_RESOLUTIONS:
            mx = magnitude(spectrogram(x, n_fft))
            my = magnitude(spectrogram(y, n_fft))
            diff = mx - my
            total = total + jnp.mean(jnp.abs(diff))
            total = total + jnp.linalg.norm(diff) / jnp.linalg.norm(my)
        return total

    return loss


def bench_stft_loss(rounds: int) -> None:
    rng = np.random.default_rng(3)
    x = jnp.asarray(rng.standard_normal((4, 2**16)).astype(np.float32))
    y = jnp.asarray(rng.standard_normal((4, 2**16)).astype(np.float32))
    # Concrete (closed-over numpy) windows, so that jfft.stft's forward pass
    # takes its native CPU kernel.
    windows = {
        n: jfft.signal.get_window("hann", n).astype(np.float32)
        for n in STFT_LOSS_RESOLUTIONS
    }

    def ours(x, n_fft):
        return jfft.stft(x, n_fft, n_fft // 4, window=windows[n_fft])

    def theirs(x, n_fft):
        return jax.scipy.signal.stft(
            x, nperseg=n_fft, noverlap=n_fft - n_fft // 4, window=windows[n_fft]
        )[2]

    grad_ours = jax.jit(jax.grad(_mr_stft_loss(ours)))
    grad_theirs = jax.jit(jax.grad(_mr_stft_loss(theirs)))
    cases = {
        "jfft.stft": lambda: grad_ours(x, y),
        "jax.scipy.signal.stft": lambda: grad_theirs(x, y),
    }
    report("jax.grad of MR-STFT loss, x (4, 2**16) f32, n_fft 512/1024/2048, "
           "hop n_fft//4, hann, jit", paired(cases, rounds), "jfft.stft")  # fmt: skip


def bench_convolve(rounds: int) -> None:

    rng = np.random.default_rng(1)
    # (title, signal shape, kernel shape, axes)
    shapes = [
        ("fftconvolve 2**20 x 4097 f32", (2**20,), (4097,), None),
        ("fftconvolve 1024**2 x 31**2 f32", (1024, 1024), (31, 31), None),
        ("fftconvolve (64, 16384) x (1, 257) f32 along axis -1", (64, 16384),
         (1, 257), -1),
    ]  # fmt: skip
    for title, a_shape, b_shape, axes in shapes:
        a_host = rng.standard_normal(a_shape).astype(np.float32)
        b_host = rng.standard_normal(b_shape).astype(np.float32)
        report(title, paired(_convolve_cases(a_host, b_host, axes), rounds),
               "jfft.signal.fftconvolve")  # fmt: skip


def _convolve_cases(a_host: np.ndarray, b_host: np.ndarray, axes) -> dict:
    import scipy.signal

    a, b = jnp.asarray(a_host), jnp.asarray(b_host)
    ours = jax.jit(lambda a, b: jfft.signal.fftconvolve(a, b, axes=axes))
    ours_oa = jax.jit(lambda a, b: jfft.signal.oaconvolve(a, b, axes=axes))

    def theirs_jax_unjitted(a, b):
        if axes is None:
            return jax.scipy.signal.fftconvolve(a, b)
        # jax.scipy.signal.fftconvolve does not broadcast the other axes.
        b = jnp.broadcast_to(b, a.shape[:axes] + b.shape[axes:])
        return jax.scipy.signal.fftconvolve(a, b, axes=[axes])

    theirs_jax = jax.jit(theirs_jax_unjitted)
    cases = {
        "jfft.signal.fftconvolve": lambda: ours(a, b),
        "jfft.signal.oaconvolve": lambda: ours_oa(a, b),
        "scipy.signal.fftconvolve": lambda: scipy.signal.fftconvolve(
            a_host, b_host, axes=axes
        ),
        "scipy.signal.oaconvolve": lambda: scipy.signal.oaconvolve(
            a_host, b_host, axes=axes
        ),
        "jax.scipy.signal.fftconvolve": lambda: theirs_jax(a, b),
    }
    return cases


def bench_direct_crossover(rounds: int) -> None:
    rng = np.random.default_rng(2)
    a = jnp.asarray(rng.standard_normal(2**14).astype(np.float32))
    print("\ndirect / fft convolution time, 2**14 f32 (below 1: direct is faster)")
    for taps in (8, 16, 32, 64, 128, 256):
        k = jnp.asarray(rng.standard_normal(taps).astype(np.float32))
        direct = jax.jit(lambda a, k: jfft.signal.convolve(a, k, method="direct"))
        fft = jax.jit(lambda a, k: jfft.signal.convolve(a, k, method="fft"))
        candidates = {"direct": lambda f=direct, k=k: f(a, k),
                      "fft": lambda f=fft, k=k: f(a, k)}  # fmt: skip
        times = paired(candidates, rounds)
        ratio = statistics.median(d / f for d, f in zip(times["direct"], times["fft"]))
        full = 2**14 + taps - 1
        padded = jfft.next_fast_len(full)
        cost = full * taps / (3 * padded * np.log2(padded))
        print(f"  taps {taps:4d}: direct/fft {ratio:6.2f}   products / (3 n log2 n) "
              f"{cost:6.2f}")  # fmt: skip


MEMORY_CASES = ("jfft.stft", "torch.stft", "jfft.istft", "torch.istft")


def _rss_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        return int(re.search(rf"{field}:\s+(\d+) kB", f.read()).group(1))


def memory_probe(name: str) -> None:
    """One line of JSON: the peak of one call of ``name`` beyond its input
    and output (run in a fresh process)."""
    libc = ctypes.CDLL("libc.so.6")
    libc.mallopt(-3, 64 * 1024)  # M_MMAP_THRESHOLD
    libc.mallopt(-1, 128 * 1024)  # M_TRIM_THRESHOLD
    rng = np.random.default_rng(0)
    x_host = rng.standard_normal((16, 2**17)).astype(np.float32)
    n_fft, hop = 1024, 256
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)).astype(
        np.float32
    )
    w = jnp.asarray(window)
    spectra_host = np.asarray(jfft.stft(x_host, n_fft, hop, window=window))
    if name.startswith("torch"):
        import torch

        torch.set_num_threads(THREADS)
        wt = torch.from_numpy(window)
        if name == "torch.stft":
            arg = torch.from_numpy(x_host)
            run = lambda: torch.stft(arg, n_fft, hop, window=wt, return_complex=True)
        else:
            arg = torch.from_numpy(spectra_host.copy())
            run = lambda: torch.istft(arg, n_fft, hop, window=wt, length=2**17)
    else:
        if name == "jfft.stft":
            f = jax.jit(lambda x: jfft.stft(x, n_fft, hop, window=w))
            arg = jnp.asarray(x_host)
        else:
            f = jax.jit(lambda X: jfft.istft(X, n_fft, hop, window=w, length=2**17))
            arg = jnp.asarray(spectra_host)
        run = lambda: _block(f(arg))
    del spectra_host
    y = run()
    output = int(y.nbytes)
    del y
    gc.collect()
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    base = _rss_kib("VmRSS")
    y = run()
    peak = (_rss_kib("VmHWM") - base) * 1024
    del y
    print(json.dumps({"case": name, "output_bytes": output,
                      "beyond_output_bytes": peak - output,
                      "fraction_of_output": (peak - output) / output}))  # fmt: skip


def bench_memory() -> None:
    print("\npeak memory of one call beyond input and output, fraction of the output")
    for name in MEMORY_CASES:
        result = subprocess.run(
            [sys.executable, __file__, "--memory-probe", name],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        line = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"  {name:12s} {line['beyond_output_bytes'] / 2**20:8.2f} MiB   "
              f"{line['fraction_of_output']:6.3f} of the output")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 rounds")
    parser.add_argument(
        "--only", choices=["stft", "stft-loss", "convolve", "crossover"]
    )
    parser.add_argument("--memory", action="store_true", help="peak memory only")
    parser.add_argument("--memory-probe", choices=MEMORY_CASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    rounds = 3 if args.quick else args.rounds
    if args.memory_probe:
        with jfft.set_workers(THREADS):
            memory_probe(args.memory_probe)
        return
    if args.memory:
        bench_memory()
        return
    with jfft.set_workers(THREADS):
        if args.only in (None, "stft"):
            bench_stft(rounds)
        if args.only in (None, "stft-loss"):
            bench_stft_loss(rounds)
        if args.only in (None, "convolve"):
            bench_convolve(rounds)
        if args.only in (None, "crossover"):
            bench_direct_crossover(rounds)


if __name__ == "__main__":
    main()
