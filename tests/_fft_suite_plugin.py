"""A pytest plugin that points numpy's or scipy's own FFT test suites at
jfft (``JFFT_SUITE=numpy``: numpy.fft's transforms become jfft.numpy's;
``JFFT_SUITE=scipy``: jfft.scipy_backend is scipy.fft's only backend).
tests/test_numpy_path.py runs the suites from the installed packages with
``-p _fft_suite_plugin``."""

import os


def pytest_configure(config):
    suite = os.environ.get("JFFT_SUITE")
    if suite == "numpy":
        import numpy.fft

        import jfft.numpy

        for name in numpy.fft._pocketfft.__all__:
            setattr(numpy.fft, name, getattr(jfft.numpy, name))
    elif suite == "scipy":
        import scipy.fft

        import jfft.scipy_backend

        scipy.fft.set_global_backend(jfft.scipy_backend, only=True)
    else:
        raise ValueError(f"JFFT_SUITE: expected 'numpy' or 'scipy', got {suite!r}")


def pytest_report_header(config):
    import numpy.fft
    import scipy.fft

    import jfft.numpy

    if os.environ.get("JFFT_SUITE") == "numpy":
        assert numpy.fft.fft is jfft.numpy.fft
        return "jfft suite: numpy.fft's transforms are jfft.numpy's"
    return f"jfft suite: scipy.fft's only backend is {scipy.fft._backend._global_backends()}"
