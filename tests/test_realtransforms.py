"""DCT/DST types 1-4 against scipy.fft: values, shapes, dtypes, norm and
orthogonalize, n/s cropping and padding, errors; derivatives checked
numerically, transposes against dense matrices built with scipy, vmap
against a loop."""

import functools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import scipy.fft
from conftest import assert_close
from jax.test_util import check_grads

import jfft
from jfft._realtransforms import DCT1LengthError

FUNCS = ("dct", "idct", "dst", "idst")
FUNCS_ND = ("dctn", "idctn", "dstn", "idstn")
TYPES = (1, 2, 3, 4)
NORMS = (None, "backward", "ortho", "forward")


def _ref(name, x, **kw):
    """scipy in double precision."""
    x = np.asarray(x)
    x = x.astype(np.complex128 if np.iscomplexobj(x) else np.float64)
    return getattr(scipy.fft, name)(x, **kw)


@pytest.mark.parametrize("type", TYPES)
@pytest.mark.parametrize("name", FUNCS)
def test_every_norm_and_orthogonalize(name, type):
    rng = np.random.default_rng(type)
    for n in (5, 8):
        x = rng.standard_normal((3, n))
        for norm in NORMS:
            for orth in (None, True, False):
                kw = {"type": type, "norm": norm, "orthogonalize": orth}
                got = getattr(jfft, name)(x, **kw)
                assert_close(got, _ref(name, x, **kw), np.float64, err_msg=f"{kw}")


@pytest.mark.parametrize("type", TYPES)
@pytest.mark.parametrize("name", FUNCS)
def test_n_crop_pad_and_length_one(name, type):
    x = np.random.default_rng(0).standard_normal((6, 3))
    for n in (1, 2, 3, 6, 9):
        kw = {"type": type, "n": n, "axis": 0, "norm": "ortho"}
        if name in ("dct", "idct") and type == 1 and n == 1:
            # scipy raises RuntimeError; jfft's error is also a ValueError.
            with pytest.raises(RuntimeError):
                _ref(name, x, **kw)
            with pytest.raises(RuntimeError):
                getattr(jfft, name)(x, **kw)
            with pytest.raises(DCT1LengthError, match="DCT-I"):
                getattr(jfft, name)(x, **kw)
            continue
        assert_close(getattr(jfft, name)(x, **kw), _ref(name, x, **kw), np.float64)


@pytest.mark.parametrize("name", FUNCS)
def test_dtypes(name):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 7))
    z = x + 1j * rng.standard_normal((4, 7))
    cases = [
        (x.astype(np.float32), np.float32),
        (x, np.float64),
        (z.astype(np.complex64), np.complex64),
        (z, np.complex128),
        (x.astype(np.float16), np.float32),
        (np.arange(7, dtype=np.int32), np.float64),
    ]
    for i, (data, dtype) in enumerate(cases):
        for type in (TYPES[i % 4], TYPES[(i + 1) % 4]):
            want_dtype = getattr(scipy.fft, name)(data, type=type).dtype
            assert want_dtype == dtype
            got = getattr(jfft, name)(data, type=type, norm="ortho")
            assert got.dtype == dtype, (type, data.dtype)
            want = _ref(name, data, type=type, norm="ortho")
            assert_close(got, want, dtype, err_msg=f"type {type} {data.dtype}")


@pytest.mark.parametrize("name", FUNCS_ND)
def test_nd(name):
    rng = np.random.default_rng(2)
    x = rng.standard_normal((4, 5, 6))
    cases = [
        {},
        {"axes": (0, 2)},
        {"axes": (-1, 0), "s": (7, 3)},
        {"s": (3, -1)},
        {"axes": 1, "s": 8},
        {"axes": ()},
    ]
    for i, kw in enumerate(cases):
        for type in (TYPES[i % 4], TYPES[(i + 2) % 4]):
            kw = dict(kw, type=type, norm=NORMS[(i + type) % 4])
            got = getattr(jfft, name)(x, **kw)
            assert_close(got, _ref(name, x, **kw), np.float64, err_msg=f"{kw}")
    z = (x + 1j * x[::-1]).astype(np.complex64)
    got = getattr(jfft, name)(z, type=2, axes=(0, 1))
    assert got.dtype == np.complex64
    assert_close(got, _ref(name, z, type=2, axes=(0, 1)), np.complex64)


def test_workers_passes_through():
    x = np.random.default_rng(3).standard_normal((8, 16))
    for workers in (1, 2, -1):
        got = jfft.dctn(x, type=3, workers=workers)
        assert_close(got, _ref("dctn", x, type=3), np.float64)
    with pytest.raises(ValueError, match="workers"):
        jfft.dct(x, workers=0)
    with pytest.raises(TypeError):
        jfft.dct(x, 2, None, -1, None, False)  # scipy's positional overwrite_x


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda x: jfft.dct(x, type=5), ValueError, "type"),
        (lambda x: jfft.dst(x, type=0), ValueError, "type"),
        (lambda x: jfft.dct(x, type=2.0), TypeError, "type"),
        (lambda x: jfft.dct(x, type="2"), TypeError, "type"),
        (lambda x: jfft.dct(x, n=0), ValueError, "n"),
        (lambda x: jfft.idst(x, n=-1), ValueError, "n"),
        (lambda x: jfft.dct(x, n=2.5), TypeError, "n"),
        (lambda x: jfft.dct(x, norm="bad"), ValueError, "norm"),
        (lambda x: jfft.dct(x, axis=3), IndexError, "axis"),
        (lambda x: jfft.dct(x, orthogonalize="yes"), TypeError, "orthogonalize"),
        (lambda x: jfft.dctn(x, axes=(0, 0)), ValueError, "axes"),
        (lambda x: jfft.dctn(x, s=(2, 3, 4)), ValueError, "s"),
        (lambda x: jfft.dctn(x, s=(2,), axes=(0, 1)), ValueError, "s"),
        (lambda x: jfft.dstn(x, s=(0, 2)), ValueError, "s"),
        (lambda x: jfft.dct(np.zeros((3, 0))), ValueError, "n"),
        (lambda x: jfft.dct(np.float64(3.0)), ValueError, "x"),
        (lambda x: jfft.dct("abc"), TypeError, "x"),
        (lambda x: jfft.idctn(x, type=1, s=(1, 4)), RuntimeError, "DCT-I"),
    ],
)
def test_errors_as_scipy(call, error, match):
    x = np.ones((3, 4))
    with pytest.raises(error, match=match):
        call(x)


# Differentiation and batching ------------------------------------------------


def _dense(name, type, n, norm, orth):
    """Matrix of the map, column j = scipy's transform of basis vector j."""
    return getattr(scipy.fft, name)(
        np.eye(n), type=type, axis=0, norm=norm, orthogonalize=orth
    )


@pytest.mark.parametrize("name", FUNCS)
def test_transpose_is_dense_transpose(name):
    rng = np.random.default_rng(4)
    for type in TYPES:
        for n, norm, orth in ((5, None, None), (8, "ortho", None), (6, "forward", 1)):
            matrix = _dense(name, type, n, norm, orth)
            f = functools.partial(
                getattr(jfft, name), type=type, norm=norm, orthogonalize=orth
            )
            ct = rng.standard_normal((2, n))
            (got,) = jax.linear_transpose(f, jnp.zeros((2, n)))(jnp.asarray(ct))
            assert_close(got, ct @ matrix, np.float64, err_msg=f"{type} {n} {norm}")


@pytest.mark.parametrize("type", TYPES)
def test_check_grads(type):
    """Second-order derivatives, both modes, of the type's DCT and DST
    kernels (for type 4 on both the even and odd paths)."""
    x = jnp.asarray(np.random.default_rng(5).standard_normal((2, 5)))

    @jax.jit
    def f(x):
        a = jfft.dct(x, type=type, n=6, norm="ortho")
        b = jfft.idst(x, type=type, norm="forward")
        return jnp.sin(jnp.concatenate([a, b], axis=-1))

    check_grads(f, (x,), order=2, modes=("fwd", "rev"))


def test_check_grads_nd_complex():
    x = np.random.default_rng(6).standard_normal((3, 4))
    z = jnp.asarray(x + 1j * x[::-1])

    @jax.jit
    def f(z):
        return jfft.dstn(z, type=4, s=(4, 3)) * jfft.idctn(z, type=1, s=(4, 3))

    check_grads(f, (z,), order=1, modes=("fwd", "rev"))


@pytest.mark.parametrize("name", FUNCS)
def test_vmap_matches_loop(name):
    x = np.random.default_rng(7).standard_normal((3, 4, 6))
    for type in TYPES:
        f = functools.partial(getattr(jfft, name), type=type, axis=0, norm="ortho")
        got = jax.vmap(f, in_axes=2, out_axes=2)(x)
        want = [
            _ref(name, x[:, :, i], type=type, axis=0, norm="ortho") for i in range(6)
        ]
        assert_close(got, np.stack(want, axis=2), np.float64)


def test_jit_and_vmap_nd():
    x = np.random.default_rng(8).standard_normal((3, 4, 6))
    g = jax.jit(lambda v: jfft.dctn(v, type=3, axes=(0, 2)))
    assert_close(g(x), _ref("dctn", x, type=3, axes=(0, 2)), np.float64)
    h = jax.vmap(lambda v: jfft.idstn(v, type=2))
    want = np.stack([_ref("idstn", x[i], type=2) for i in range(3)])
    assert_close(h(x), want, np.float64)
