"""Shared configuration and reference helpers for the jfft test suite.

Every test compares jfft against an independent reference: numpy.fft (and
scipy.fft for hfft2/ihfft2/hfftn/ihfftn, which numpy lacks), dense DFT
matrices built from those references, or numerical derivatives.
"""

import os
import subprocess
import sys

import jax
import numpy as np
import pytest
import scipy.fft

from jfft import _jfft_cpu

jax.config.update("jax_enable_x64", True)

ISAS = ["baseline", "avx2", "avx512"]


@pytest.fixture(params=ISAS)
def isa(request):
    """Each instruction set's kernels forced in turn (skipped where the CPU
    cannot run them), then the best again."""
    try:
        _jfft_cpu.set_isa(request.param)
    except ValueError:
        pytest.skip(f"this CPU cannot run the {request.param} kernels")
    assert _jfft_cpu.isa() == request.param
    yield request.param
    _jfft_cpu.set_isa("auto")


# Relative max error bounds: max|got - want| / max|want|.
TOL = {
    np.dtype(np.float32): 2e-5,
    np.dtype(np.complex64): 2e-5,
    np.dtype(np.float64): 1e-10,
    np.dtype(np.complex128): 1e-10,
}

FUNCS_1D = ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")
FUNCS_2D = ("fft2", "ifft2", "rfft2", "irfft2", "hfft2", "ihfft2")
FUNCS_ND = ("fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn")
ALL_FUNCS = FUNCS_1D + FUNCS_2D + FUNCS_ND

# Transforms whose input must be real (real-to-complex).
REAL_INPUT = frozenset({"rfft", "ihfft", "rfft2", "ihfft2", "rfftn", "ihfftn"})
# Transforms with real output (complex-to-real); the last axis is halved.
REAL_OUTPUT = frozenset({"irfft", "hfft", "irfft2", "hfft2", "irfftn", "hfftn"})
NORMS = (None, "backward", "ortho", "forward")


def kind(name):
    """'1d', '2d' or 'nd'."""
    if name in FUNCS_1D:
        return "1d"
    return "2d" if name in FUNCS_2D else "nd"


def ref_func(name):
    """The numpy (or scipy.fft, where numpy lacks it) reference function."""
    if name in ("hfft2", "ihfft2", "hfftn", "ihfftn"):
        return getattr(scipy.fft, name)
    return getattr(np.fft, name)


def resolve_nd(shape, name, s, axes):
    """Resolve (s, axes) to explicit lists the way numpy 2.x/scipy.fft do.

    s entries of -1 mean the input's full length; s without axes uses the
    last len(s) axes; for complex-to-real transforms the default output
    length of the last axis is 2 * (m - 1).
    """
    ndim = len(shape)
    if axes is None:
        axes = list(range(ndim)) if s is None else list(range(ndim - len(s), ndim))
    axes = [ax % ndim for ax in axes]
    if s is None:
        s = [shape[ax] for ax in axes]
        if name in REAL_OUTPUT:
            s[-1] = 2 * (s[-1] - 1)
    else:
        s = [shape[ax] if v == -1 else v for v, ax in zip(s, axes, strict=True)]
    return s, axes


def reference(name, x, n=None, axis=-1, s=None, axes=None, norm=None):
    """Reference transform of x computed in double precision."""
    x = np.asarray(x)
    if np.iscomplexobj(x):
        x = x.astype(np.complex128)
    else:
        x = x.astype(np.float64)
    f = ref_func(name)
    if kind(name) == "1d":
        if n == -1:
            n = x.shape[axis]
        return np.asarray(f(x, n=n, axis=axis, norm=norm))
    if kind(name) == "2d" and axes is None:
        axes = (-2, -1)
    s, axes = resolve_nd(x.shape, name, s, axes)
    return np.asarray(f(x, s=s, axes=axes, norm=norm))


def rel_err(got, want):
    got = np.asarray(got)
    want = np.asarray(want)
    scale = np.max(np.abs(want)) if want.size else 0.0
    diff = np.max(np.abs(got.astype(want.dtype) - want)) if want.size else 0.0
    if scale == 0.0:
        return float(diff)
    return float(diff / scale)


def assert_close(got, want, dtype, tol=None, err_msg=""):
    """Shape check plus relative max error bound for precision `dtype`."""
    got = np.asarray(got)
    want = np.asarray(want)
    assert got.shape == want.shape, f"shape {got.shape} != {want.shape} {err_msg}"
    if tol is None:
        tol = TOL[np.dtype(dtype)]
    err = rel_err(got, want)
    assert err <= tol, f"relative error {err:.3e} > {tol:.1e} {err_msg}"


def output_dtype(name, precision):
    """Expected result dtype for a transform computed in `precision`."""
    single = np.dtype(precision) in (np.dtype(np.float32), np.dtype(np.complex64))
    if name in REAL_OUTPUT:
        return np.dtype(np.float32 if single else np.float64)
    return np.dtype(np.complex64 if single else np.complex128)


def random_input(rng, name, shape, single):
    """Random input of the right kind (real or complex) and precision."""
    x = rng.standard_normal(shape)
    if name not in REAL_INPUT:
        x = x + 1j * rng.standard_normal(shape)
        return x.astype(np.complex64 if single else np.complex128)
    return x.astype(np.float32 if single else np.float64)


def call(f, name, x, n=None, axis=-1, s=None, axes=None, norm=None):
    """Call a jfft-style function with the arguments that fit its kind."""
    if kind(name) == "1d":
        return f(x, n=n, axis=axis, norm=norm)
    if kind(name) == "2d" and axes is None:
        return f(x, s=s, norm=norm)
    return f(x, s=s, axes=axes, norm=norm)


def run_python(code, *args, cwd, env=None, timeout=300):
    """Runs ``code`` in a fresh interpreter that imports the same jfft as
    this process (installed or in-tree), from ``cwd`` (not the repository
    root, whose jfft/ would shadow an installed one)."""
    import jfft

    package_root = os.path.dirname(os.path.dirname(os.path.abspath(jfft.__file__)))
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = package_root + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=cwd,
    )
