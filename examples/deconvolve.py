"""Learn deconvolution filters by gradient descent through jfft.

This example trains a differentiable signal model whose every Fourier
transform goes through ``jfft`` (a drop-in for ``jax.numpy.fft``):

1. **Sanity check.**  jfft is compared against ``numpy.fft`` on the data
   (complex, real, Hermitian, 1-D, 2-D and N-D transforms, ``n``/``s`` padding
   and cropping, ``norm`` modes, frequency helpers) and the max relative error
   is printed.  ``jax.grad`` of both training losses is also compared against
   the same losses written with ``jax.numpy.fft``.

2. **1-D deconvolution.**  A batch of piecewise-smooth signals is blurred by an
   *unknown*, asymmetric kernel (circular convolution computed with
   ``jfft.rfft``/``jfft.irfft``) and corrupted by noise.  The model is a complex
   filter on the ``rfft`` frequency grid, stored as two real parameter vectors
   (real and imaginary parts) and initialised to the identity.  It is applied to
   every signal with ``jax.vmap`` over a per-signal ``rfft -> multiply ->
   irfft`` function and trained with ``jax.value_and_grad`` and a hand-written
   Adam optimiser; the training loop is a ``jax.lax.scan`` inside ``jax.jit``.

3. **2-D deconvolution.**  The same recipe on small images blurred by a
   rotated anisotropic blur (transfer function built with ``jfft.fftfreq`` /
   ``jfft.rfftfreq``, applied with ``jfft.rfftn``/``jfft.irfftn``) plus noise;
   the model filter is applied with ``jfft.fft2``/``jfft.ifft2``
   (``norm="ortho"``) under ``jax.vmap``.

At the end the held-out reconstruction error (normalised MSE) of the learned
filters is compared with the error of the blurred input itself and with the
closed-form least-squares (empirical Wiener) filter computed in float64 with
``numpy.fft``: the learned filter should be far better than the blurred input
and close to the Wiener optimum.  The script exits with a non-zero status if the
sanity checks fail or if the learned filters are not clearly better than the
baseline, so it doubles as a smoke test.  If matplotlib is available a summary
plot is saved next to this file as ``deconvolve.png``.

Usage::

    python examples/deconvolve.py [--steps 300] [--seed 0] [--plot FILE]

Training runs in jitted chunks of ``--log-every`` steps; each line prints the
time of its chunk (the first also compiles), and training stops early once a
chunk changes the loss by less than ``--rtol``.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np

try:
    import jfft
except ImportError:  # running from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jfft

# Problem sizes: moderate, so the whole script runs in well under a minute on a
# small CPU.
N_TRAIN_1D, N_TEST_1D, LENGTH = 256, 256, 512
N_TRAIN_2D, N_TEST_2D, SIDE = 256, 64, 32
NOISE_1D, NOISE_2D = 0.02, 0.01

# Thresholds used to decide pass/fail.
FFT_RTOL = 1e-4  # float32 transforms vs float64 numpy, relative to max |ref|
GRAD_RTOL = 1e-3  # jfft gradients vs jax.numpy.fft gradients
MAX_ERROR_RATIO = 0.5  # learned NMSE must be < this fraction of blurred NMSE
# Training stops once one logging chunk changes the loss by less than this
# (relative). Measured on the defaults (seed 0, chunks of 50 steps): the 1-D
# loss changes by 1.6e-2 over steps 50-100 and 1e-4 over 100-150; the 2-D loss
# by 3.1e-3 over steps 100-150 and 3.1e-4 over 150-200 (then 0 to 5 digits).
CONVERGED_RTOL = 1e-3


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


def make_signals_1d(rng: np.random.Generator, count: int, length: int):
    """Periodic piecewise-smooth signals: Gaussian bumps plus a few boxes."""
    t = np.arange(length)
    x = np.zeros((count, length))
    for i in range(count):
        for _ in range(rng.integers(3, 7)):
            centre, width = rng.uniform(0, length), rng.uniform(2.0, 16.0)
            dist = (t - centre + length / 2) % length - length / 2
            x[i] += rng.normal() * np.exp(-0.5 * (dist / width) ** 2)
        for _ in range(rng.integers(1, 3)):
            start, width = rng.integers(0, length), rng.integers(8, length // 4)
            x[i] += rng.normal(scale=0.5) * (((t - start) % length) < width)
    return x.astype(np.float32)


def blur_kernel_1d(length: int) -> jax.Array:
    """An asymmetric (so not zero-phase) blur kernel with its origin at index 0.

    The kernel is written centred in the array and moved to index 0 with
    ``jfft.ifftshift`` so the circular convolution does not shift the signal.
    """
    d = np.arange(length) - length // 2
    k = np.where(d >= 0, np.exp(-d / 5.0), np.exp(d / 1.5)) * (np.abs(d) <= 24)
    return jfft.ifftshift(jnp.asarray(k / k.sum(), jnp.float32))


def make_images_2d(rng: np.random.Generator, count: int, side: int):
    """Piecewise-constant images: random rectangles and discs."""
    yy, xx = np.mgrid[:side, :side]
    img = np.zeros((count, side, side))
    for i in range(count):
        for _ in range(rng.integers(2, 5)):
            cy, cx = rng.uniform(0, side, size=2)
            ry, rx = rng.uniform(2, side / 4, size=2)
            if rng.random() < 0.5:
                mask = (np.abs(yy - cy) < ry) & (np.abs(xx - cx) < rx)
            else:
                mask = (yy - cy) ** 2 + (xx - cx) ** 2 < ry**2
            img[i] += rng.uniform(-1, 1) * mask
    return img.astype(np.float32)


def blur_otf_2d(side: int, angle: float) -> jax.Array:
    """rfft2-layout transfer function of a rotated, anisotropic blur.

    H(u, v) = 1 / (1 + 4 pi^2 ((a u)^2 + (b v)^2)) in rotated frequency
    coordinates: a heavy-tailed (exponential-like) blur, a = 2 px along one
    direction and b = 0.7 px across it.
    """
    fy = jfft.fftfreq(side)[:, None]  # full axis
    fx = jfft.rfftfreq(side)[None, :]  # half axis (real input)
    u = np.cos(angle) * fx + np.sin(angle) * fy
    v = -np.sin(angle) * fx + np.cos(angle) * fy
    a, b = 2.0, 0.7
    return 1 / (1 + 4 * np.pi**2 * ((a * u) ** 2 + (b * v) ** 2))


# --------------------------------------------------------------------------
# Models: Fourier-domain filters, applied per signal and vmapped over a batch
# --------------------------------------------------------------------------


def identity_filter(shape) -> dict:
    return {"re": jnp.ones(shape, jnp.float32), "im": jnp.zeros(shape, jnp.float32)}


def make_models(fft):
    """Build the per-example models and losses on top of an FFT module.

    ``fft`` is ``jfft`` for training; the gradient check also builds the same
    functions on ``jax.numpy.fft`` as a reference.
    """

    def deconvolve_1d(params, y):
        h = params["re"] + 1j * params["im"]
        return fft.irfft(fft.rfft(y) * h, n=y.shape[-1])

    def deconvolve_2d(params, y):
        h = params["re"] + 1j * params["im"]
        return fft.ifft2(fft.fft2(y, norm="ortho") * h, norm="ortho").real

    def nmse_loss(model, params, y, x):
        x_hat = jax.vmap(model, in_axes=(None, 0))(params, y)
        return jnp.mean((x_hat - x) ** 2) / jnp.mean(x**2)

    return (
        deconvolve_1d,
        deconvolve_2d,
        partial(nmse_loss, deconvolve_1d),
        partial(nmse_loss, deconvolve_2d),
    )


deconvolve_1d, deconvolve_2d, loss_1d, loss_2d = make_models(jfft)


# --------------------------------------------------------------------------
# Hand-written Adam and a jit-compiled training loop
# --------------------------------------------------------------------------


def adam_init(params):
    zeros = jax.tree.map(jnp.zeros_like, params)
    return {"m": zeros, "v": zeros, "t": jnp.zeros((), jnp.int32)}


def adam_update(params, grads, state, lr, b1=0.9, b2=0.999, eps=1e-8):
    t = state["t"] + 1
    m = jax.tree.map(lambda m, g: b1 * m + (1 - b1) * g, state["m"], grads)
    v = jax.tree.map(lambda v, g: b2 * v + (1 - b2) * g**2, state["v"], grads)
    lr_t = lr * jnp.sqrt(1 - b2**t) / (1 - b1**t)
    params = jax.tree.map(
        lambda p, m, v: p - lr_t * m / (jnp.sqrt(v) + eps), params, m, v
    )
    return params, {"m": m, "v": v, "t": t}


def train(name, loss_fn, params, y, x, steps, lr, log_every, rtol):
    """Minimise ``loss_fn(params, y, x)`` in jitted chunks of ``log_every``
    steps, stopping early once a chunk changes the loss by less than
    ``rtol`` (relative); returns the final params and the loss curve."""

    def schedule(t):  # cosine decay from lr to lr / 100
        frac = jnp.minimum(t / max(steps, 1), 1.0)
        return lr * (0.01 + 0.99 * 0.5 * (1 + jnp.cos(jnp.pi * frac)))

    def step(carry, _):
        params, opt = carry
        loss, grads = jax.value_and_grad(loss_fn)(params, y, x)
        params, opt = adam_update(params, grads, opt, schedule(opt["t"]))
        return (params, opt), loss

    @partial(jax.jit, static_argnums=1)
    def run_chunk(carry, length):
        return jax.lax.scan(step, carry, None, length=length)

    loss_jit = jax.jit(loss_fn)
    carry, curve, done = (params, adam_init(params)), [], 0
    previous = float(loss_jit(params, y, x))
    print(f"  [{name}] step    0/{steps}  train NMSE {previous:.5f}")
    while done < steps:
        chunk = min(log_every, steps - done)
        t0 = time.perf_counter()
        carry, losses = run_chunk(carry, chunk)
        curve.extend(np.asarray(losses).tolist())  # waits for the chunk
        seconds = time.perf_counter() - t0
        done += chunk
        current = float(loss_jit(carry[0], y, x))
        # The first chunk of each length also compiles the scan.
        what = "compile + run" if done == chunk else "run"
        print(
            f"  [{name}] step {done:4d}/{steps}  train NMSE {current:.5f}"
            f"  ({what} {seconds:4.2f} s for {chunk} steps)"
        )
        change = abs(previous - current) / max(abs(current), 1e-30)
        if done < steps and change < rtol:
            print(
                f"  [{name}] converged: the last {chunk} steps changed the loss "
                f"by {change:.1e} (< {rtol:g}); stopping at step {done}"
            )
            break
        previous = current
    return carry[0], curve + [current]


# --------------------------------------------------------------------------
# Reference: closed-form least-squares (empirical Wiener) filter in numpy
# --------------------------------------------------------------------------


def wiener_filter(y, x, fft_fn, axes):
    """Per-frequency filter minimising the training MSE: E[X Y*] / E[|Y|^2]."""
    y_hat, x_hat = fft_fn(np.float64(y), axes=axes), fft_fn(np.float64(x), axes=axes)
    return (x_hat * y_hat.conj()).sum(0) / (np.abs(y_hat) ** 2).sum(0)


def nmse(x_hat, x):
    return float(np.mean((x_hat - x) ** 2) / np.mean(np.float64(x) ** 2))


# --------------------------------------------------------------------------
# Sanity checks
# --------------------------------------------------------------------------


def rel_err(got, ref) -> float:
    got, ref = np.asarray(got), np.asarray(ref)
    if got.shape != ref.shape:
        return float("inf")
    return float(np.max(np.abs(got - ref)) / max(np.max(np.abs(ref)), 1e-30))


def check_against_numpy(y1, y2) -> bool:
    """Compare jfft with numpy.fft on the (float32) data; print max errors."""
    a1, a2 = np.float64(y1), np.float64(y2)  # numpy reference in float64
    inputs = {  # name -> float64/complex128 array for numpy; jfft gets 32-bit
        "x": a1,  # (64, 512) real signals
        "X": np.fft.rfft(a1[:4]),  # (4, 257) half spectra
        "img": a2,  # (16, 32, 32) real images
        "IMG": np.fft.rfft2(a2),  # (16, 32, 17) half spectra
        "z": a2 + 1j * np.roll(a2, 1, axis=0),  # (16, 32, 32) complex
    }
    cases = [  # (function, input, keyword arguments): same call on both sides
        ("fft", "x", {}),
        ("ifft", "x", {"n": 300, "axis": 0}),
        ("rfft", "x", {"n": 500}),
        ("rfft", "x", {"norm": "ortho"}),
        ("irfft", "X", {"n": 511}),
        ("hfft", "X", {}),
        ("ihfft", "x", {}),
        ("fft2", "z", {}),
        ("ifft2", "z", {"s": (40, 24)}),
        ("rfft2", "img", {"norm": "forward"}),
        ("irfft2", "IMG", {"s": (30, 31)}),
        ("fftn", "z", {}),
        ("ifftn", "z", {"axes": (0, 2), "norm": "ortho"}),
        ("rfftn", "img", {}),
        ("irfftn", "IMG", {"s": (32, 32), "axes": (1, 2)}),
        ("fftshift", "img", {"axes": (1, 2)}),
        ("ifftshift", "img", {"axes": 1}),
        ("fftfreq", 9, {"d": 0.5}),
        ("rfftfreq", 10, {"d": 0.1}),
    ]
    print("jfft vs numpy.fft (max |error| / max |reference|):")
    ok = True
    for fn, key, kwargs in cases:
        ref_in = inputs.get(key, key)
        jax_in = ref_in
        if isinstance(ref_in, np.ndarray):
            dtype = jnp.complex64 if np.iscomplexobj(ref_in) else jnp.float32
            jax_in = jnp.asarray(ref_in, dtype)
        got = getattr(jfft, fn)(jax_in, **kwargs)
        err = rel_err(got, getattr(np.fft, fn)(ref_in, **kwargs))
        ok &= err < FFT_RTOL
        args = ", ".join([str(key)] + [f"{k}={v!r}" for k, v in kwargs.items()])
        flag = "" if err < FFT_RTOL else "   <-- FAIL"
        print(f"  {f'{fn}({args})':40s} {err:.2e}{flag}")
    return ok


def check_gradients(y1, x1, y2, x2) -> bool:
    """jax.grad through jfft must match jax.grad through jax.numpy.fft."""
    _, _, ref_loss_1d, ref_loss_2d = make_models(jnp.fft)
    keys = jax.random.split(jax.random.key(1), 4)
    print("jax.grad through jfft vs through jax.numpy.fft (max relative error):")
    ok = True
    for name, loss, ref_loss, shape, y, x, (k1, k2) in [
        ("1-D rfft/irfft", loss_1d, ref_loss_1d, (LENGTH // 2 + 1,), y1, x1, keys[:2]),
        ("2-D fft2/ifft2", loss_2d, ref_loss_2d, (SIDE, SIDE), y2, x2, keys[2:]),
    ]:
        params = {
            "re": 1 + 0.5 * jax.random.normal(k1, shape),
            "im": 0.5 * jax.random.normal(k2, shape),
        }
        val, grads = jax.jit(jax.value_and_grad(loss))(params, y, x)
        ref_val, ref_grads = jax.jit(jax.value_and_grad(ref_loss))(params, y, x)
        err = max(
            rel_err(val, ref_val),
            *(rel_err(grads[k], ref_grads[k]) for k in ("re", "im")),
        )
        flag = "" if err < GRAD_RTOL else "   <-- FAIL"
        ok &= err < GRAD_RTOL
        print(f"  {name:40s} {err:.2e}{flag}")
    return ok


# --------------------------------------------------------------------------
# Plot
# --------------------------------------------------------------------------


def save_plot(path, sig, curves, filters, images) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(2, 2, figsize=(12, 8))
    clean, blurred, recovered = sig
    ax[0, 0].plot(clean, "k", lw=2, label="clean")
    ax[0, 0].plot(blurred, "tab:red", lw=1, label="blurred + noise")
    ax[0, 0].plot(recovered, "tab:blue", lw=1, label="recovered (learned filter)")
    ax[0, 0].set_title("1-D test signal")
    ax[0, 0].legend(loc="upper right", fontsize=8)
    for name, curve in curves.items():
        ax[0, 1].semilogy(curve, label=name)
    ax[0, 1].set_xlabel("Adam step")
    ax[0, 1].set_ylabel("train NMSE")
    ax[0, 1].set_title("Training loss")
    ax[0, 1].legend()
    freqs, learned, wiener, otf = filters
    ax[1, 0].semilogy(freqs, np.abs(otf), "k", label="|blur transfer function|")
    ax[1, 0].semilogy(freqs, np.abs(wiener), "tab:orange", label="|Wiener| (numpy)")
    ax[1, 0].semilogy(freqs, np.abs(learned), "tab:blue", ls="--", label="|learned|")
    ax[1, 0].set_xlabel("frequency (cycles / sample)")
    ax[1, 0].set_title("1-D filters")
    ax[1, 0].legend(fontsize=8)
    shown = ax[1, 1].imshow(np.concatenate(images, axis=1), cmap="gray")
    ax[1, 1].set_title("2-D: clean | blurred + noise | recovered")
    ax[1, 1].axis("off")
    fig.colorbar(shown, ax=ax[1, 1], shrink=0.6, label="pixel value")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--steps", type=int, default=300, help="Adam steps per model")
    parser.add_argument("--seed", type=int, default=0, help="data random seed")
    parser.add_argument("--log-every", type=int, default=50, help="print interval")
    parser.add_argument("--lr", type=float, default=0.1, help="peak learning rate")
    parser.add_argument(
        "--rtol",
        type=float,
        default=CONVERGED_RTOL,
        help="stop once a chunk changes the loss by less than this (relative)",
    )
    parser.add_argument(
        "--plot",
        type=Path,
        default=Path(__file__).resolve().with_suffix(".png"),
        help="where the summary plot is written",
    )
    args = parser.parse_args()
    if args.steps < 0 or args.log_every < 1:
        parser.error("--steps must be >= 0 and --log-every >= 1")
    t_start = time.perf_counter()
    rng = np.random.default_rng(args.seed)

    # ---- data: blurring is done with jfft (batched, no vmap needed) --------
    x1 = make_signals_1d(rng, N_TRAIN_1D + N_TEST_1D, LENGTH)
    kernel = blur_kernel_1d(LENGTH)
    otf_1d = jfft.rfft(kernel)
    y1 = jfft.irfft(jfft.rfft(jnp.asarray(x1), axis=-1) * otf_1d, n=LENGTH, axis=-1)
    y1 = np.asarray(y1) + NOISE_1D * rng.standard_normal(x1.shape, np.float32)

    x2 = make_images_2d(rng, N_TRAIN_2D + N_TEST_2D, SIDE)
    otf_2d = blur_otf_2d(SIDE, angle=rng.uniform(0, np.pi))
    y2 = jfft.irfftn(jfft.rfftn(jnp.asarray(x2), axes=(1, 2)) * otf_2d, s=(SIDE, SIDE))
    y2 = np.asarray(y2) + NOISE_2D * rng.standard_normal(x2.shape, np.float32)

    tr1, te1 = slice(0, N_TRAIN_1D), slice(N_TRAIN_1D, None)
    tr2, te2 = slice(0, N_TRAIN_2D), slice(N_TRAIN_2D, None)
    print(
        f"1-D: {N_TRAIN_1D} train + {N_TEST_1D} test signals of length {LENGTH}; "
        f"2-D: {N_TRAIN_2D} train + {N_TEST_2D} test images of {SIDE}x{SIDE}\n"
    )

    # ---- sanity checks ------------------------------------------------------
    ok = check_against_numpy(y1[:64], y2[:16])
    ok &= check_gradients(y1[tr1], x1[tr1], y2[tr2], x2[tr2])
    if not ok:
        print("\nFAIL: jfft disagrees with the reference; not training.")
        return 1

    # ---- training -----------------------------------------------------------
    print(f"\nTraining Fourier-domain inverse filters ({args.steps} Adam steps each)")
    opts = {
        "steps": args.steps,
        "lr": args.lr,
        "log_every": args.log_every,
        "rtol": args.rtol,
    }
    init_1d, init_2d = identity_filter(LENGTH // 2 + 1), identity_filter((SIDE, SIDE))
    params_1d, curve_1d = train("1-D", loss_1d, init_1d, y1[tr1], x1[tr1], **opts)
    params_2d, curve_2d = train("2-D", loss_2d, init_2d, y2[tr2], x2[tr2], **opts)

    # ---- evaluation on held-out data ----------------------------------------
    apply_1d = jax.jit(jax.vmap(deconvolve_1d, in_axes=(None, 0)))
    apply_2d = jax.jit(jax.vmap(deconvolve_2d, in_axes=(None, 0)))
    rec1 = np.asarray(apply_1d(params_1d, y1[te1]))
    rec2 = np.asarray(apply_2d(params_2d, y2[te2]))

    w1 = wiener_filter(y1[tr1], x1[tr1], np.fft.rfftn, axes=(-1,))
    w2 = wiener_filter(y2[tr2], x2[tr2], np.fft.fftn, axes=(-2, -1))
    wien1 = np.fft.irfft(np.fft.rfft(np.float64(y1[te1])) * w1, n=LENGTH)
    wien2 = np.fft.ifft2(np.fft.fft2(np.float64(y2[te2])) * w2).real

    rows = {}
    for dim, x, y, rec, wien in [
        ("1-D", x1[te1], y1[te1], rec1, wien1),
        ("2-D", x2[te2], y2[te2], rec2, wien2),
    ]:
        rows[dim] = (nmse(y, x), nmse(rec, x), nmse(wien, x))

    print("\nHeld-out reconstruction error (NMSE = mean sq. error / mean sq. signal)")
    print(f"  {'':34s}{'1-D':>10s}{'2-D':>10s}")
    labels = [
        "blurred input (baseline)",
        "learned filter (jfft + Adam)",
        "Wiener filter (numpy, closed form)",
    ]
    for i, label in enumerate(labels):
        print(f"  {label:34s}{rows['1-D'][i]:10.5f}{rows['2-D'][i]:10.5f}")

    # ---- plot ---------------------------------------------------------------
    h1 = np.asarray(params_1d["re"]) + 1j * np.asarray(params_1d["im"])
    plot_path = args.plot
    saved = save_plot(
        plot_path,
        sig=(x1[te1][0], y1[te1][0], rec1[0]),
        curves={"1-D": curve_1d, "2-D": curve_2d},
        filters=(np.asarray(jfft.rfftfreq(LENGTH)), h1, w1, np.asarray(otf_1d)),
        images=(x2[te2][0], y2[te2][0], rec2[0]),
    )
    if saved:
        print(f"\nPlot saved to {plot_path}")
    else:
        print("\nmatplotlib not found; plot skipped")

    # ---- verdict ------------------------------------------------------------
    ok = True
    for dim, (blurred, learned, wiener) in rows.items():
        ratio = learned / blurred
        good = ratio < MAX_ERROR_RATIO
        ok &= good
        print(
            f"{dim}: learned/baseline error = {ratio:.3f} "
            f"({'OK' if good else f'FAIL, need < {MAX_ERROR_RATIO}'}); "
            f"learned/Wiener = {learned / wiener:.3f}"
        )
    print(f"Total time {time.perf_counter() - t_start:.1f} s")
    print("PASS" if ok else "FAIL: learned filter is not clearly better than baseline")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
