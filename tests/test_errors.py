"""Bad arguments raise the right exception with a message naming the argument."""

import textwrap

import jax
import numpy as np
import pytest
from conftest import ALL_FUNCS, FUNCS_1D, REAL_INPUT, kind, run_python

import jfft

MULTI = [name for name in ALL_FUNCS if kind(name) != "1d"]
AXIS = r"(?i)\baxis\b|\baxes\b"
AXES = r"(?i)\baxes\b"
N_ARG = r"\bn\b"
S_ARG = r"\bs\b"
NORM = r"\bnorm\b"


def good_input(name, shape=(4, 6)):
    x = np.arange(np.prod(shape), dtype=np.float64).reshape(shape) + 1.0
    return x if name in REAL_INPUT else x + 0.5j


@pytest.mark.parametrize("axis", [2, -3, 100])
@pytest.mark.parametrize("name", FUNCS_1D)
def test_axis_out_of_range(name, axis):
    with pytest.raises(ValueError, match=AXIS):
        getattr(jfft, name)(good_input(name), axis=axis)


@pytest.mark.parametrize("axes", [(0, 2), (-3, 1), (5,)])
@pytest.mark.parametrize("name", MULTI)
def test_axes_out_of_range(name, axes):
    with pytest.raises(ValueError, match=AXIS):
        getattr(jfft, name)(good_input(name), axes=axes)


@pytest.mark.parametrize("axes", [(0, 0), (1, -1), [0, 1, 0]])
@pytest.mark.parametrize("name", MULTI)
def test_repeated_axes(name, axes):
    with pytest.raises(ValueError, match=AXES):
        getattr(jfft, name)(good_input(name), axes=axes)


@pytest.mark.parametrize("name", MULTI)
def test_s_and_axes_length_mismatch(name):
    x = good_input(name, (3, 4, 6))
    f = getattr(jfft, name)
    with pytest.raises(ValueError, match=r"\bs\b|\baxes\b"):
        f(x, s=(4,), axes=(0, 1))
    with pytest.raises(ValueError, match=r"\bs\b|\baxes\b"):
        f(x, s=(4, 5, 6), axes=[1, 2])


@pytest.mark.parametrize("n", [0, -2, -10])
@pytest.mark.parametrize("name", FUNCS_1D)
def test_bad_n(name, n):
    with pytest.raises(ValueError, match=N_ARG):
        getattr(jfft, name)(good_input(name), n=n)


@pytest.mark.parametrize("name", FUNCS_1D)
def test_n_minus_one_rejected_for_1d(name):
    # numpy: "Invalid number of FFT data points (-1) specified."
    with pytest.raises(ValueError, match=N_ARG):
        getattr(jfft, name)(good_input(name), n=-1)


@pytest.mark.parametrize("s", [(0, 4), (4, -2), (-5, -1)])
@pytest.mark.parametrize("name", MULTI)
def test_bad_s(name, s):
    with pytest.raises(ValueError, match=S_ARG):
        getattr(jfft, name)(good_input(name), s=s, axes=(0, 1))


@pytest.mark.parametrize("n", [2.5, "4", 4.0])
@pytest.mark.parametrize("name", FUNCS_1D)
def test_non_integer_n(name, n):
    with pytest.raises(TypeError, match=N_ARG):
        getattr(jfft, name)(good_input(name), n=n)


@pytest.mark.parametrize("s", [(2.5, 4), (4, "4"), (4.0, 3)])
@pytest.mark.parametrize("name", MULTI)
def test_non_integer_s(name, s):
    with pytest.raises(TypeError, match=S_ARG):
        getattr(jfft, name)(good_input(name), s=s, axes=(0, 1))


@pytest.mark.parametrize("norm", ["bogus", "Ortho", "", "backwards"])
@pytest.mark.parametrize("name", ALL_FUNCS)
def test_unknown_norm(name, norm):
    with pytest.raises(ValueError, match=NORM):
        getattr(jfft, name)(good_input(name), norm=norm)


@pytest.mark.parametrize("name", ALL_FUNCS)
def test_zero_length_requested(name):
    # An empty input axis with n/s left out gives an empty result, as
    # jax.numpy.fft (test_jnp_dropin.py); asking for length 0 is an error.
    x = good_input(name, (3, 4))
    with pytest.raises(ValueError, match=r"\bn\b|\bs\b"):
        if kind(name) == "1d":
            getattr(jfft, name)(x, n=0)
        else:
            getattr(jfft, name)(x, s=(0,), axes=(1,))


@pytest.mark.parametrize(
    "name", ["irfft", "hfft", "irfft2", "hfft2", "irfftn", "hfftn"]
)
def test_c2r_default_length_zero(name):
    # Length-1 halved axis: the default output length 2 * (1 - 1) is 0.
    x = good_input(name, (3, 1))
    with pytest.raises(ValueError, match=r"\bn\b|\bs\b|length|size"):
        getattr(jfft, name)(x)


BAD_INPUTS = {
    "str-array": lambda: np.array(["a", "b", "c", "d"]),
    "str-list": lambda: ["a", "b", "c", "d"],
    "object-array": lambda: np.array([object(), object(), object()], dtype=object),
    "bytes-array": lambda: np.array([b"ab", b"cd"]),
}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("bad", list(BAD_INPUTS))
@pytest.mark.parametrize("name", ALL_FUNCS)
def test_non_numeric_input(name, bad):
    x = BAD_INPUTS[bad]()
    f = getattr(jfft, name)
    with pytest.raises(TypeError):
        f(x) if kind(name) == "1d" else f(x, axes=(0,))


@pytest.mark.parametrize("name", sorted(REAL_INPUT))
def test_real_transform_of_complex_input(name):
    x = good_input("fft") + 1j
    with pytest.raises(TypeError, match=r"(?i)complex|real"):
        getattr(jfft, name)(x)
    with pytest.raises(TypeError, match=r"(?i)complex|real"):
        jax.jit(getattr(jfft, name))(x.astype(np.complex64))


def test_errors_under_jit():
    x = good_input("fft")
    with pytest.raises(ValueError, match=N_ARG):
        jax.jit(lambda v: jfft.fft(v, n=0))(x)
    with pytest.raises(ValueError, match=AXES):
        jax.jit(lambda v: jfft.fftn(v, axes=(1, 1)))(x)
    with pytest.raises(ValueError, match=NORM):
        jax.jit(lambda v: jfft.rfft2(v.real, norm="nope"))(x)
    with pytest.raises(ValueError, match=AXIS):
        jax.jit(jax.vmap(lambda v: jfft.fft(v, axis=1)))(x)


# --- sizes too large: must raise, never crash the process ---------------------

HUGE_SCRIPT = textwrap.dedent(
    """
    import sys
    import jax
    jax.config.update("jax_enable_x64", True)
    import numpy as np
    import jfft

    x = np.ones((2, 4), dtype=np.complex128)
    cases = {
        "fft n=2**62": lambda: jfft.fft(x, n=2**62),
        "ifft n=2**62 jit": lambda: jax.jit(lambda v: jfft.ifft(v, n=2**62))(x),
        "rfft n=2**62": lambda: jfft.rfft(x.real, n=2**62),
        "irfft n=2**62": lambda: jfft.irfft(x, n=2**62),
        "hfft n=2**63-1": lambda: jfft.hfft(x, n=2**63 - 1),
        "fft2 s=(2**40, 2**40)": lambda: jfft.fft2(x, s=(2**40, 2**40)),
        "rfftn s=(2**31, 2**31)": lambda: jfft.rfftn(x.real, s=(2**31, 2**31)),
        "irfftn s=(2**62, 2)": lambda: jfft.irfftn(x, s=(2**62, 2)),
    }
    # Beyond int64: OverflowError is acceptable too.
    huge = {"fftn s=(2, 2**64)": lambda: jfft.fftn(x, s=(2, 2**64))}


    def attempt(label, fn, ok):
        try:
            fn()
        except ok as e:
            print("RAISED", label, type(e).__name__, str(e)[:100], flush=True)
        except BaseException as e:
            print("WRONG", label, type(e).__name__, str(e)[:200], flush=True)
        else:
            print("NORAISE", label, flush=True)


    for label, fn in cases.items():
        attempt(label, fn, (ValueError, MemoryError))
    for label, fn in huge.items():
        attempt(label, fn, (ValueError, MemoryError, OverflowError))
    """
)


def test_huge_sizes_raise_in_subprocess(tmp_path):
    proc = run_python(HUGE_SCRIPT, cwd=tmp_path, timeout=240)
    out = proc.stdout
    assert proc.returncode == 0, (
        f"process died ({proc.returncode}):\n{out}\n{proc.stderr[-2000:]}"
    )
    lines = [
        ln
        for ln in out.splitlines()
        if ln.split(" ")[0] in ("RAISED", "WRONG", "NORAISE")
    ]
    assert len(lines) == 9, out
    bad = [ln for ln in lines if not ln.startswith("RAISED")]
    assert not bad, "\n".join(bad)
