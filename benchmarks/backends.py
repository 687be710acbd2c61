"""One small class per library: ``load`` imports it (raising ImportError when
it is missing) and ``prepare(case, x)`` plans and allocates outside the timing
and returns a zero-argument callable that transforms ``x`` and returns the
result.

Every callable computes numpy's convention (forward unnormalised, inverse
scaled by 1/n), except pyFFTW's c2r plan, which is unnormalised; its
``output_scale`` tells the accuracy check.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import math
import os
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np

from .cases import Case

Runner = Callable[[], Any]

# FFTW_MEASURE can take minutes on the largest cases; FFTW settles for the
# best plan found within this many seconds.
FFTW_PLANNING_TIMELIMIT = 20.0


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


class Backend:
    name = ""
    dist = ""  # distribution name, for the version
    is_jax = False
    preallocated_output = False  # writes into an array allocated by prepare

    def __init__(self, threads: int) -> None:
        self.threads = threads

    def load(self) -> str:
        """Imports the library; returns its version."""
        raise NotImplementedError

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        raise NotImplementedError

    def activate(self) -> None:
        """Makes this instance's thread count the library's current one, for
        libraries whose count is process-wide state (torch, MKL). Called
        before ``prepare`` when one process times several thread counts."""

    def output_scale(self, case: Case) -> float:
        return 1.0


# jax -------------------------------------------------------------------------


class _JaxBackend(Backend):
    is_jax = True

    def module(self) -> Any:
        raise NotImplementedError

    def transform(self, case: Case) -> Callable:
        m = self.module()
        if case.kind == "c2c":
            return partial(m.fftn, axes=case.axes)
        if case.kind == "r2c":
            return partial(m.rfftn, axes=case.axes)
        if case.kind == "c2r":
            return partial(m.irfftn, s=case.lengths, axes=case.axes)
        raise ValueError(case.kind)

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        import jax

        fn = jax.jit(self.transform(case))
        xd = jax.device_put(x)
        self.jitted, self.arg = fn, xd  # for the memory probe
        fn(xd).block_until_ready()  # compile
        return lambda: fn(xd).block_until_ready()

    def grad_runners(self, case: Case, x: np.ndarray) -> dict[str, Runner]:
        """The forward F (fft2 or rfft2) and two gradients of sum(|F(x)|**2):
        written with ``abs`` ("grad"), whose JVP brings XLA's complex abs and
        divide into the backward pass, and as ``F.real**2 + F.imag**2``
        ("grad re2+im2"), whose elementwise part is a few multiplies, so
        that its cost is the transforms'."""
        import jax
        import jax.numpy as jnp

        m = self.module()
        f = m.fft2 if case.kind == "grad-c2c" else m.rfft2

        def loss_abs(v):
            return jnp.sum(jnp.abs(f(v, axes=case.axes)) ** 2)

        def loss_parts(v):
            y = f(v, axes=case.axes)
            return jnp.sum(y.real**2 + y.imag**2)

        xd = jax.device_put(x)
        fns = {
            "fwd": jax.jit(partial(f, axes=case.axes)),
            "grad": jax.jit(jax.grad(loss_abs)),
            "grad re2+im2": jax.jit(jax.grad(loss_parts)),
        }
        runners = {}
        for label, fn in fns.items():
            fn(xd).block_until_ready()
            runners[label] = partial(lambda g: g(xd).block_until_ready(), fn)
        return runners


class Jfft(_JaxBackend):
    """jfft as the suite times it: no ``workers``, so each transform uses
    jfft's default thread count."""

    name = "jfft"
    dist = "jfft"

    def load(self) -> str:
        import jax
        import jax.numpy as jnp
        import jfft._jfft_cpu as native

        import jfft

        # The harness must measure jfft's own kernels, not XLA's fallback.
        hlo = jax.jit(jfft.fft).lower(jnp.zeros(8, jnp.complex64)).as_text()
        if "jfft_c2c" not in hlo:
            raise RuntimeError(
                "jfft.fft does not lower to its native kernel (JFFT_BACKEND=xla "
                "set?); refusing to benchmark XLA's FFT under jfft's name"
            )
        built = time.strftime(
            "%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(native.__file__))
        )
        return f"{jfft.__version__} (native module built {built})"

    def module(self) -> Any:
        import jfft

        return jfft


class JfftNumpyOut(Backend):
    """jfft's engine as the length sweep times it: ``jfft.numpy`` with
    ``workers=threads`` writing into an output allocated once, on the same
    terms as ducc0 and pyFFTW (a jitted call gets a fresh XLA output buffer
    per call, whose page faults ``benchmarks/output_faults.py`` measures; the
    suite times that call against jax.numpy.fft)."""

    name = "jfft"
    dist = "jfft"
    preallocated_output = True

    def load(self) -> str:
        return Jfft(self.threads).load()

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        import jfft.numpy as jnf

        t, axes = self.threads, case.axes
        if case.kind == "c2c":
            out = np.empty_like(x)
            return lambda: jnf.fftn(x, axes=axes, out=out, workers=t)
        if case.kind == "r2c":
            out = np.empty(case.half_shape, case.dtype)
            return lambda: jnf.rfftn(x, axes=axes, out=out, workers=t)
        out = np.empty(case.shape, case.real_dtype)
        s = case.lengths
        return lambda: jnf.irfftn(x, s=s, axes=axes, out=out, workers=t)


class JaxNumpy(_JaxBackend):
    name = "jax.numpy.fft"
    dist = "jax"

    def load(self) -> str:
        import jax

        return f"{jax.__version__} (jaxlib {_version('jaxlib')})"

    def module(self) -> Any:
        import jax.numpy as jnp

        return jnp.fft


# CPU peers -------------------------------------------------------------------


class Scipy(Backend):
    name = "scipy.fft"
    dist = "scipy"

    def load(self) -> str:
        import scipy.fft  # noqa: F401

        return _version(self.dist)

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        import scipy.fft as sf

        w, axes = self.threads, case.axes
        if case.kind == "c2c":
            return lambda: sf.fftn(x, axes=axes, workers=w)
        if case.kind == "r2c":
            return lambda: sf.rfftn(x, axes=axes, workers=w)
        return lambda: sf.irfftn(x, s=case.lengths, axes=axes, workers=w)


class Ducc0(Backend):
    name = "ducc0"
    dist = "ducc0"
    preallocated_output = True

    def load(self) -> str:
        import ducc0

        return ducc0.__version__

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        import ducc0.fft as df

        t, axes = self.threads, case.axes
        if case.kind == "c2c":
            out = np.empty_like(x)
            return lambda: df.c2c(x, axes=axes, forward=True, out=out, nthreads=t)
        if case.kind == "r2c":
            out = np.empty(case.half_shape, case.dtype)
            return lambda: df.r2c(x, axes=axes, forward=True, out=out, nthreads=t)
        out = np.empty(case.shape, case.real_dtype)
        last = case.lengths[-1]
        return lambda: df.c2r(
            x, axes=axes, lastsize=last, forward=False, inorm=2, out=out, nthreads=t
        )


class PyFFTW(Backend):
    name = "pyFFTW"
    dist = "pyFFTW"
    preallocated_output = True

    def __init__(
        self, threads: int, planning_timelimit: float = FFTW_PLANNING_TIMELIMIT
    ) -> None:
        super().__init__(threads)
        # FFTW_MEASURE within this many seconds, then FFTW settles for the
        # best plan found so far.
        self.planning_timelimit = planning_timelimit

    def load(self) -> str:
        import pyfftw

        return pyfftw.__version__

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        import pyfftw

        if case.kind == "c2c":
            out_shape, out_dtype = x.shape, x.dtype
        elif case.kind == "r2c":
            out_shape, out_dtype = case.half_shape, np.dtype(case.dtype)
        else:
            out_shape, out_dtype = case.shape, case.real_dtype
        inp = pyfftw.empty_aligned(x.shape, x.dtype)
        out = pyfftw.empty_aligned(out_shape, out_dtype)
        direction = "FFTW_BACKWARD" if case.kind == "c2r" else "FFTW_FORWARD"
        plan = pyfftw.FFTW(
            inp,
            out,
            axes=case.axes,
            direction=direction,
            flags=("FFTW_MEASURE",),
            threads=self.threads,
            planning_timelimit=self.planning_timelimit,
        )
        inp[...] = x  # after planning: FFTW_MEASURE scribbles on the arrays
        if case.kind == "c2r":  # FFTW's c2r destroys its input

            def run():
                np.copyto(inp, x)
                plan.execute()
                return out

            return run

        def run():
            plan.execute()
            return out

        return run

    def output_scale(self, case: Case) -> float:
        # execute() skips pyFFTW's 1/n normalisation of inverse transforms.
        return 1.0 / math.prod(case.lengths) if case.kind == "c2r" else 1.0


class MklFft(Backend):
    name = "mkl_fft"
    dist = "mkl_fft"

    def load(self) -> str:
        # MKL_NUM_THREADS is set from --threads before anything imports MKL;
        # mkl-service, when present, makes sure (DFTI descriptors keep the
        # thread count they were created with, so this must precede any call).
        try:
            import mkl

            mkl.set_num_threads(self.threads)
        except ImportError:
            pass
        import mkl_fft

        return mkl_fft.__version__

    def activate(self) -> None:
        try:
            import mkl
        except ImportError:
            return
        import mkl_fft

        mkl.set_num_threads(self.threads)
        # mkl_fft keeps one DFTI descriptor per Python thread and reuses it,
        # with the thread count it was committed with, for the next transform
        # of the same length and precision. Two transforms of different
        # precisions leave a descriptor committed under the new count,
        # whatever the cached one was.
        mkl_fft.fft(np.zeros(5, np.complex128))
        mkl_fft.fft(np.zeros(5, np.complex64))

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        import mkl_fft

        axes = case.axes
        if len(axes) == 1:  # mkl_fft's fftn over one axis is far slower
            (a,), n = axes, case.lengths[0]
            if case.kind == "c2c":
                return lambda: mkl_fft.fft(x, axis=a)
            if case.kind == "r2c":
                return lambda: mkl_fft.rfft(x, axis=a)
            return lambda: mkl_fft.irfft(x, n=n, axis=a)
        if case.kind == "c2c":
            return lambda: mkl_fft.fftn(x, axes=axes)
        if case.kind == "r2c":
            return lambda: mkl_fft.rfftn(x, axes=axes)
        return lambda: mkl_fft.irfftn(x, s=case.lengths, axes=axes)


class Torch(Backend):
    name = "torch.fft"
    dist = "torch"

    def load(self) -> str:
        import torch

        torch.set_num_threads(self.threads)
        return torch.__version__

    def activate(self) -> None:
        import torch

        torch.set_num_threads(self.threads)

    def prepare(self, case: Case, x: np.ndarray) -> Runner:
        import torch

        t, dim = torch.from_numpy(x), case.axes
        if case.kind == "c2c":
            return lambda: torch.fft.fftn(t, dim=dim)
        if case.kind == "r2c":
            return lambda: torch.fft.rfftn(t, dim=dim)
        return lambda: torch.fft.irfftn(t, s=case.lengths, dim=dim)


ALL = (Jfft, JaxNumpy, Scipy, Ducc0, PyFFTW, MklFft, Torch)
JFFT, JNP = Jfft.name, JaxNumpy.name


def load_all(threads: int) -> tuple[list[Backend], dict[str, str], list[str]]:
    """(loaded backends, name -> version, notes on the ones skipped)."""
    loaded, versions, notes = [], {}, []
    for cls in ALL:
        backend = cls(threads)
        try:
            versions[backend.name] = backend.load()
        except ImportError as err:
            if cls in (Jfft, JaxNumpy):
                raise
            notes.append(f"{backend.name} skipped: not installed ({err})")
            continue
        loaded.append(backend)
    return loaded, versions, notes
