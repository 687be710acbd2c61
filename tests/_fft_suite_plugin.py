"""A pytest plugin that points numpy's or scipy's own FFT test suites at
jfft (``JFFT_SUITE=numpy``: numpy.fft's transforms become jfft.numpy's;
``JFFT_SUITE=scipy``: jfft.scipy_backend is scipy.fft's only backend).
tests/test_numpy_path.py runs the suites from the installed packages with
``-p _fft_suite_plugin``.

``JFFT_SUITE_EVERY=k`` keeps every k-th test of scipy's test_real_transforms
(the DCT/DST family runs on jfft's JAX path for now, ~0.4 s a test here).
"""

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


def pytest_collection_modifyitems(config, items):
    every = int(os.environ.get("JFFT_SUITE_EVERY", "1"))
    if every <= 1:
        return
    kept, dropped = [], []
    real = [item for item in items if "test_real_transforms" in item.nodeid
            or "test_real_transforms" in str(getattr(item, "fspath", ""))]  # fmt: skip
    sampled = {id(item) for item in real[::every]}
    for item in items:
        if item in real and id(item) not in sampled:
            dropped.append(item)
        else:
            kept.append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


def pytest_terminal_summary(terminalreporter):
    import numpy.fft
    import scipy.fft

    import jfft.numpy

    if os.environ.get("JFFT_SUITE") == "numpy":
        assert numpy.fft.fft is jfft.numpy.fft
        line = "numpy.fft's transforms are jfft.numpy's"
    else:
        try:  # jfft's backend alone declines fht; scipy's would compute it
            scipy.fft.fht([1.0, 2.0], 0.1, 0.0)
            raise AssertionError("scipy.fft's own backend is active")
        except scipy.fft._backend.ua.BackendNotImplementedError:
            pass
        line = "scipy.fft's only global backend is jfft.scipy_backend"
    terminalreporter.write_line(f"jfft suite: {line}")
