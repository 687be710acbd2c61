"""vmap (batch axis at every position, nested), jit and eager against loops
over numpy/scipy."""

import functools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from conftest import assert_close, output_dtype, random_input, reference

import jfft

# (function, per-example shape, kwargs)
CASES = [
    ("fft", (5,), {}),
    ("ifft", (4, 6), {"axis": 0, "n": 5}),
    ("rfft", (3, 7), {"norm": "ortho"}),
    ("irfft", (3, 5), {"n": 7}),
    ("hfft", (5, 3), {"axis": 0}),
    ("ihfft", (6,), {"n": 4}),
    ("fft2", (3, 4), {}),
    ("ifft2", (2, 3, 4), {"axes": (2, 0)}),
    ("rfft2", (4, 5), {"s": (3, 6)}),
    ("irfft2", (3, 4), {"norm": "forward"}),
    ("hfft2", (3, 4), {"axes": (1, 0)}),
    ("ihfft2", (4, 5), {}),
    ("fftn", (3, 4), {}),
    ("ifftn", (2, 3, 4), {"axes": (0, 2), "norm": "ortho"}),
    ("rfftn", (3, 4), {"s": (-1, 5)}),
    ("irfftn", (2, 3, 4), {"s": (5, 4), "axes": (1, 2)}),
    ("hfftn", (3, 4), {}),
    ("ihfftn", (2, 5), {"axes": (1,)}),
]

PARAMS = [
    pytest.param(name, shape, kw, pos, id=f"{name}-pos{pos}")
    for name, shape, kw in CASES
    for pos in list(range(len(shape))) + [-1]
]


def batched(rng, name, shape, pos, batch=3, single=False):
    """Examples and their stack along `pos`."""
    examples = [random_input(rng, name, shape, single) for _ in range(batch)]
    return examples, np.stack(examples, axis=pos)


def loop_reference(name, examples, kw):
    return np.stack([reference(name, e, **kw) for e in examples])


@pytest.mark.parametrize("name,shape,kw,pos", PARAMS)
def test_vmap_batch_axis_positions(name, shape, kw, pos):
    rng = np.random.default_rng(abs(pos) + 10 * len(shape))
    single = pos == 1
    examples, xb = batched(rng, name, shape, pos, single=single)
    f = jax.vmap(functools.partial(getattr(jfft, name), **kw), in_axes=pos)
    got = f(xb) if pos == 0 else jax.jit(f)(xb)
    want = loop_reference(name, examples, kw)
    assert got.dtype == output_dtype(name, xb.dtype)
    assert_close(got, want, xb.dtype)


@pytest.mark.parametrize("name", ["fft", "rfft2", "irfftn", "hfft"])
def test_vmap_out_axes(name):
    rng = np.random.default_rng(1)
    examples, xb = batched(rng, name, (4, 5), 1)
    f = jax.vmap(getattr(jfft, name), in_axes=1, out_axes=-1)
    got = jax.jit(f)(xb)
    want = np.moveaxis(loop_reference(name, examples, {}), 0, -1)
    assert_close(got, want, np.float64)


@pytest.mark.parametrize(
    "name,kw",
    [
        ("fft2", {}),
        ("rfftn", {"axes": (1, 0)}),
        ("irfft", {"n": 6, "axis": 0}),
        ("ihfftn", {"s": (3, 4)}),
    ],
)
def test_nested_vmap(name, kw):
    rng = np.random.default_rng(2)
    shape = (4, 5)
    b1, b2 = 2, 3
    # x[i, :, j, :] is example (i, j).
    ex = [[random_input(rng, name, shape, False) for _ in range(b2)] for _ in range(b1)]
    x = np.stack([np.stack(row, axis=1) for row in ex], axis=0)
    f = functools.partial(getattr(jfft, name), **kw)
    g = jax.vmap(jax.vmap(f, in_axes=1), in_axes=0)
    got = jax.jit(g)(x)
    want = np.stack([np.stack([reference(name, e, **kw) for e in row]) for row in ex])
    assert_close(got, want, np.float64)
    # Inner batch axis first, outer last.
    xt = np.moveaxis(x, 0, -1)  # example (i, j) is xt[:, j, :, i]
    g2 = jax.vmap(jax.vmap(f, in_axes=1), in_axes=-1)
    got = g2(xt)
    assert_close(got, want, np.float64)


@pytest.mark.parametrize(
    "name,kw",
    [
        ("fft", {"n": 12}),
        ("ihfft", {"norm": "forward"}),
        ("ifft2", {"s": (3, 7)}),
        ("irfft2", {"axes": (0, 1)}),
        ("hfftn", {"axes": (1, 0)}),
        ("rfftn", {"norm": "ortho"}),
    ],
)
@pytest.mark.parametrize("single", [False, True], ids=["f64", "f32"])
def test_jit_equals_eager(name, kw, single):
    rng = np.random.default_rng(3)
    x = random_input(rng, name, (5, 6), single)
    f = functools.partial(getattr(jfft, name), **kw)
    eager = f(x)
    jitted = jax.jit(f)(jnp.asarray(x))
    want = reference(name, x, **kw)
    assert eager.dtype == jitted.dtype == output_dtype(name, x.dtype)
    assert_close(eager, want, x.dtype)
    assert_close(jitted, want, x.dtype)
    assert_close(jitted, np.asarray(eager).astype(want.dtype), x.dtype)


def test_vmap_of_grad():
    # L(x) = sum(w * Re rfft(x) + v * Im rfft(x)); grad = Re(F^T (w - i v)).
    rng = np.random.default_rng(4)
    n = 7
    F = np.fft.rfft(np.eye(n), axis=0)  # F[k, j] = rfft(e_j)[k]
    w = rng.standard_normal(n // 2 + 1)
    v = rng.standard_normal(n // 2 + 1)

    def loss(x):
        y = jfft.rfft(x)
        return jnp.sum(w * jnp.real(y) + v * jnp.imag(y))

    xs = rng.standard_normal((4, n))
    got = jax.jit(jax.vmap(jax.grad(loss)))(xs)
    want = np.tile((F.T @ (w - 1j * v)).real, (4, 1))
    assert_close(got, want, np.float64)


def test_vmap_of_jvp_and_linear_transpose():
    rng = np.random.default_rng(5)
    xs = rng.standard_normal((3, 4, 6)) + 1j * rng.standard_normal((3, 4, 6))
    ts = rng.standard_normal((3, 4, 6)) + 1j * rng.standard_normal((3, 4, 6))

    def tangent(x, t):
        return jax.jvp(jfft.fft2, (x,), (t,))[1]

    got = jax.vmap(tangent)(xs, ts)
    assert_close(got, np.fft.fft2(ts), np.float64)
    transpose = jax.linear_transpose(jfft.ifft2, xs[0])
    got = jax.jit(jax.vmap(lambda c: transpose(c)[0]))(ts)
    # ifft2 is symmetric too: its transpose is itself.
    assert_close(got, np.fft.ifft2(ts), np.float64)
