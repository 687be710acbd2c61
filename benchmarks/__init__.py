"""jfft's benchmark harness: ``python -m benchmarks`` from the repository root.

What it measures
----------------
Each case (``benchmarks/cases.py``) is one transform of a fixed input: c2c,
r2c (``rfftn``) or c2r (``irfftn``) over some axes of a complex64 (or float32,
or complex128) array. Every backend transforms the SAME host array in ONE
process:

- ``jfft`` and ``jax.numpy.fft``: ``jax.jit`` of ``fftn``/``rfftn``/``irfftn``,
  the input already on the device, each call ending in ``block_until_ready()``.
  The harness checks that jfft lowers to its native FFI kernels, not XLA's.
- CPU peer libraries, each with ``--threads`` threads: ``scipy.fft``
  (``workers``), ``ducc0.fft`` (``nthreads``, preallocated output), pyFFTW
  (an ``FFTW_MEASURE`` plan built before timing; FFTW's c2r destroys its input,
  so each c2r call first copies the input into the plan's own array and that
  copy is timed), ``mkl_fft`` (MKL's thread count is fixed before the first
  call, since a DFTI descriptor keeps the count it was created with) and
  ``torch.fft`` (``torch.set_num_threads``). A peer that is not installed is
  skipped with a note, and a backend that fails on a case is dropped from that
  case with a note. mkl_fft is called through ``fft``/``rfft``/``irfft`` for
  one axis (its ``fftn`` over a single axis is several times slower).

jfft and jax.numpy.fft get no thread count (jfft's kernels were
single-threaded when this harness was written, and XLA's CPU FFT ran
single-threaded too); the report's "cores kept busy" line (process CPU time
over wall time while a backend is timed) shows what each actually used, and,
when it is well below 1, that the machine was busy with other work.
``KMP_BLOCKTIME=0`` and ``OMP_WAIT_POLICY=PASSIVE`` are set below,
before MKL or torch can be imported: otherwise their OpenMP workers spin for
~200 ms after each call and steal the cores from whichever backend runs next.

How it times
------------
Every backend's ``prepare(case, x)`` compiles/plans/allocates and returns a
zero-argument callable; one warm-up call and a short estimate follow, all
outside the timing. A measurement is ``inner`` back-to-back calls (enough to
last ``min_time``) divided by ``inner``. A round measures every backend once,
in a fresh random order; rounds repeat (``--repeats``, fewer for big cases to
fit a per-case time budget, at least 3). The machine is shared and noisy, so
ratios are paired: for each round, ``t_jfft / t_other`` of that round, and the
reported ratio is the median over rounds (drift common to a round cancels).
Times are medians over rounds. GFLOP/s uses the benchFFT convention,
``5 * batch * n * log2(n) / t`` for complex transforms and half that for real
ones, with ``n`` the product of the transform lengths and ``batch`` the number
of transforms. "best peer" is the CPU library (jax.numpy.fft excluded) with the
lowest median time on that case.

Accuracy (benchFFT style): the relative RMS error
``||y - y_ref||_2 / ||y_ref||_2`` of each backend's output, against numpy's
FFT of the input promoted to complex128 for single-precision cases, and to
``clongdouble`` (x87 80-bit extended precision, numpy >= 2) for the
double-precision case.

Memory (cases marked ``memory``): in a fresh subprocess per backend, the peak
RSS above the steady state during one warmed-up call (it includes the output
array; glibc is told to mmap every large block so freed memory is returned and
the peak is not hidden by reuse), and for the jax backends XLA's compiled
``memory_analysis()`` (temp bytes; jfft's own scratch is allocated inside its
kernel and is invisible there, hence the RSS figure).

The gradient cases time ``jax.grad`` of ``sum(|F(x)|**2)`` with F = fft2 or
rfft2, against the jitted forward F alone, for jfft and jax.numpy.fft, and
report grad/forward ratios (paired per round, as above).

Outputs: a printed table, ``RESULTS.md``, ``results.json`` and (with
matplotlib) ``results.png`` in a fresh ``benchmarks/out/<date>-<time>/`` or
``--out DIR``; ``--update-results`` also rewrites the committed ones in
``benchmarks/`` (``outputs.py``). The length sweep, ``--sweep``, is described
in ``sweep.py``; the numpy section, ``--numpy`` (jfft.numpy and the scipy
backend against the CPU libraries on numpy arrays, same harness), in
``numpy_main.py`` and ``numpy_backends.py``.
"""

import os

# Before MKL or torch are imported (see above). Set here so that importing any
# part of this package, not only ``python -m benchmarks``, gets them.
os.environ["KMP_BLOCKTIME"] = "0"
os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
