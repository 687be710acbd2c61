"""Differentiation of jfft transforms: JVP/VJP/transpose against dense DFT
matrices built with numpy/scipy, numerical gradients and second derivatives.

Conventions.  A transform is an R-linear map; with complex values stored as
(real, imaginary) pairs it is a real matrix M built by applying the numpy
reference to basis vectors.  JAX's transpose convention has no conjugation
for complex-linear maps (linear_transpose(f)(ct) = A^T ct); in pair form the
cotangent ct = u + iv gives r = M^T [u, -v] and the input cotangent is
r_re - i r_im (just r for a real input).  test_transpose_convention checks
this convention against jax.numpy.fft first.
"""

import functools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from conftest import (
    ALL_FUNCS,
    assert_close,
    kind,
    random_input,
    reference,
)
from jax import lax
from jax.test_util import check_grads

import jfft

F64 = np.float64


@pytest.fixture(autouse=True, params=["standard", "strict"])
def dtype_promotion(request):
    """Every rule also under strict dtype promotion, which careful users (and
    JAX's own test case class) turn on: no implicit complex-real mixing."""
    with jax.numpy_dtype_promotion(request.param):
        yield


def config_list(name):
    """(input shape, kwargs) pairs exercising defaults, padding, cropping, norms
    and axis orders for transform `name`."""
    k = kind(name)
    if k == "1d":
        return [
            ((2, 5), {}),
            ((2, 5), {"n": 7, "norm": "ortho"}),
            ((5, 2), {"n": 3, "axis": 0, "norm": "forward"}),
        ]
    if k == "2d":
        return [
            ((3, 4), {}),
            ((3, 4), {"s": (4, 3), "axes": (1, 0), "norm": "ortho"}),
        ]
    return [
        ((2, 3, 4), {}),
        ((2, 3, 4), {"s": (5, 3), "axes": (2, 0), "norm": "forward"}),
    ]


PARAMS = [
    pytest.param(name, shape, kw, id=f"{name}-{i}")
    for name in ALL_FUNCS
    for i, (shape, kw) in enumerate(config_list(name))
]


def ref_fn(name, kw):
    return functools.partial(reference, name, **kw)


def jfft_fn(name, kw):
    return functools.partial(getattr(jfft, name), **kw)


def dense_matrix(ref, in_shape, complex_in):
    """Real matrix of the R-linear map `ref` acting on (re, im) pairs."""
    size = int(np.prod(in_shape))
    cols = []
    scalars = (1.0, 1j) if complex_in else (1.0,)
    for scalar in scalars:
        for j in range(size):
            e = np.zeros(size, dtype=complex if complex_in else float)
            e[j] = scalar
            cols.append(np.asarray(ref(e.reshape(in_shape))))
    out_shape = cols[0].shape
    out_complex = np.iscomplexobj(cols[0])
    if out_complex:
        cols = [np.concatenate([c.real.ravel(), c.imag.ravel()]) for c in cols]
    else:
        cols = [c.ravel() for c in cols]
    return np.stack(cols, axis=1), out_shape, out_complex


def to_pairs(z, is_complex):
    z = np.asarray(z)
    if is_complex:
        return np.concatenate([z.real.ravel(), z.imag.ravel()])
    return z.ravel().astype(F64)


def from_pairs(r, shape, is_complex):
    if is_complex:
        size = int(np.prod(shape))
        return (r[:size] + 1j * r[size:]).reshape(shape)
    return r.reshape(shape)


def expected_transpose(M, ct, in_shape, complex_in, out_complex):
    """JAX-convention transpose of the map with real pair matrix M."""
    ct = np.asarray(ct)
    c = (
        np.concatenate([ct.real.ravel(), -ct.imag.ravel()])
        if out_complex
        else ct.ravel()
    )
    r = M.T @ c
    if complex_in:
        size = int(np.prod(in_shape))
        return (r[:size] - 1j * r[size:]).reshape(in_shape)
    return r.reshape(in_shape)


def random_cotangent(rng, shape, is_complex):
    ct = rng.standard_normal(shape)
    if is_complex:
        ct = ct + 1j * rng.standard_normal(shape)
    return ct


def check_transpose(f, ref, x, rng):
    complex_in = np.iscomplexobj(x)
    M, out_shape, out_complex = dense_matrix(ref, x.shape, complex_in)
    ct = random_cotangent(rng, out_shape, out_complex)
    got = jax.jit(jax.linear_transpose(f, x))(jnp.asarray(ct))[0]
    want = expected_transpose(M, ct, x.shape, complex_in, out_complex)
    assert got.shape == want.shape
    assert got.dtype == x.dtype
    assert_close(got, want, F64)


@pytest.mark.parametrize(
    "f,ref,complex_in",
    [
        (jnp.fft.fft, np.fft.fft, True),
        (jnp.fft.rfft, np.fft.rfft, False),
        (jnp.fft.irfft, np.fft.irfft, True),
        (jnp.fft.hfft, np.fft.hfft, True),
        (jnp.fft.ihfft, np.fft.ihfft, False),
        (
            functools.partial(jnp.fft.irfftn, s=(3, 5), axes=(0, 1)),
            functools.partial(np.fft.irfftn, s=(3, 5), axes=(0, 1)),
            True,
        ),
        (
            functools.partial(jnp.fft.rfft2, s=(4, 3)),
            functools.partial(np.fft.rfft2, s=(4, 3)),
            False,
        ),
    ],
    ids=["fft", "rfft", "irfft", "hfft", "ihfft", "irfftn", "rfft2"],
)
def test_transpose_convention(f, ref, complex_in):
    # Validates dense_matrix/expected_transpose against jax.numpy.fft.
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 4))
    if complex_in:
        x = x + 1j * rng.standard_normal((3, 4))
    check_transpose(f, ref, x, rng)


@pytest.mark.parametrize("name,shape,kw", PARAMS)
def test_linear_transpose_matches_dense(name, shape, kw):
    rng = np.random.default_rng(1)
    x = random_input(rng, name, shape, False)
    check_transpose(jfft_fn(name, kw), ref_fn(name, kw), x, rng)


# Every function once with non-default n/s, axes and norm ("ortho" or
# "forward"); a few with their defaults (norm="backward") too.
GRAD_PARAMS = [p for p in PARAMS if p.id.endswith("-1")]
GRAD_PARAMS += [p for p in PARAMS if p.id in ("fft-0", "irfft-0", "rfft2-0", "hfftn-0")]


@pytest.mark.parametrize("name,shape,kw", GRAD_PARAMS)
def test_check_grads(name, shape, kw):
    rng = np.random.default_rng(2)
    x = random_input(rng, name, shape, False)
    # Under jit: one compile per derivative instead of one per eager op.
    f = jax.jit(jfft_fn(name, kw))
    check_grads(f, (x,), order=2, modes=("fwd", "rev"))


@pytest.mark.parametrize("name,shape,kw", PARAMS)
def test_jvp_matches_dense(name, shape, kw):
    rng = np.random.default_rng(3)
    x = random_input(rng, name, shape, False)
    t = random_input(rng, name, shape, False)
    complex_in = np.iscomplexobj(x)
    M, out_shape, out_complex = dense_matrix(ref_fn(name, kw), shape, complex_in)
    f = jfft_fn(name, kw)
    primal, tangent = jax.jit(lambda a, b: jax.jvp(f, (a,), (b,)))(x, t)
    assert_close(
        primal, from_pairs(M @ to_pairs(x, complex_in), out_shape, out_complex), F64
    )
    assert_close(
        tangent, from_pairs(M @ to_pairs(t, complex_in), out_shape, out_complex), F64
    )


@pytest.mark.parametrize(
    "name,shape,kw",
    [
        ("fft", (6,), {}),
        ("ifftn", (3, 4), {"s": (2, 5), "norm": "ortho"}),
        ("rfft", (7,), {"n": 6}),
        ("ihfft2", (3, 4), {"axes": (1, 0)}),
        ("irfft", (5,), {"n": 9}),
        ("hfftn", (3, 4), {"norm": "forward"}),
    ],
)
def test_jacfwd_jacrev_match_dense(name, shape, kw):
    rng = np.random.default_rng(4)
    x = random_input(rng, name, shape, False)
    complex_in = np.iscomplexobj(x)
    M, out_shape, out_complex = dense_matrix(ref_fn(name, kw), shape, complex_in)
    f = jfft_fn(name, kw)
    size = int(np.prod(shape))
    out_size = int(np.prod(out_shape))
    if complex_in and out_complex:
        # Complex-linear: the holomorphic Jacobian is A = Ar + i Ai.
        A = M[:out_size, :size] + 1j * M[out_size:, :size]
        want = A.reshape(out_shape + shape)
        got = jax.jit(jax.jacfwd(f, holomorphic=True))(x)
        assert_close(got, want, F64)
        got = jax.jit(jax.jacrev(f, holomorphic=True))(x)
        assert_close(got, want, F64)
    elif out_complex:
        # Real input: d out / d x as a complex Jacobian.
        want = (M[:out_size] + 1j * M[out_size:]).reshape(out_shape + shape)
        assert_close(jax.jit(jax.jacfwd(f))(x), want, F64)
    else:
        # Complex input, real output: differentiate w.r.t. the (re, im) pairs.
        def g(p):
            return f(lax.complex(p[:size], p[size:]).reshape(shape))

        p = to_pairs(x, True)
        want = M.reshape(out_shape + (2 * size,))
        assert_close(jax.jit(jax.jacfwd(g))(p), want, F64)
        assert_close(jax.jit(jax.jacrev(g))(p), want, F64)


HESS_CASES = [
    ("fft", (5,), {"norm": "ortho"}),
    ("rfft", (6,), {"n": 7}),
    ("irfft", (4,), {"n": 6}),
    ("hfft", (4,), {}),
    ("ihfft", (5,), {}),
    ("fft2", (2, 3), {"s": (3, 2)}),
    ("irfftn", (2, 3), {"axes": (1, 0)}),
    ("ihfftn", (2, 3), {"norm": "forward"}),
]


@pytest.mark.parametrize("name,shape,kw", HESS_CASES)
def test_grad_and_hessian_of_real_loss(name, shape, kw):
    # L(p) = sum(w * pairs(f(x(p)))**2) with x(p) the input as real pairs:
    # grad = 2 M^T diag(w) M p and hessian = 2 M^T diag(w) M.
    rng = np.random.default_rng(5)
    x = random_input(rng, name, shape, False)
    complex_in = np.iscomplexobj(x)
    M, _, out_complex = dense_matrix(ref_fn(name, kw), shape, complex_in)
    w = rng.uniform(0.5, 2.0, size=M.shape[0])
    f = jfft_fn(name, kw)
    size = int(np.prod(shape))

    def loss(p):
        xin = (
            lax.complex(p[:size], p[size:]).reshape(shape)
            if complex_in
            else p.reshape(shape)
        )
        y = f(xin)
        if out_complex:
            y = jnp.concatenate([jnp.real(y).ravel(), jnp.imag(y).ravel()])
        return jnp.sum(jnp.asarray(w) * y.ravel() ** 2)

    p = to_pairs(x, complex_in)
    want_grad = 2 * M.T @ (w * (M @ p))
    want_hess = 2 * M.T @ (w[:, None] * M)
    assert_close(jax.jit(jax.grad(loss))(p), want_grad, F64)
    assert_close(jax.jit(jax.hessian(loss))(p), want_hess, F64)


def test_adjoint_identity_fft2():
    rng = np.random.default_rng(6)
    shape = (4, 6)
    x = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    y = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    N = np.prod(shape)
    lhs = np.vdot(np.asarray(jfft.fft2(x)), y)
    rhs = np.vdot(x, N * np.asarray(jfft.ifft2(y)))
    assert abs(lhs - rhs) <= 1e-10 * abs(lhs)
    # The DFT matrix is symmetric, so its (unconjugated) transpose is itself.
    got = jax.linear_transpose(jfft.fft2, x)(jnp.asarray(y))[0]
    assert_close(got, np.fft.fft2(y), F64)
    got = jax.linear_transpose(functools.partial(jfft.ifft2, norm="ortho"), x)(y)[0]
    assert_close(got, np.fft.ifft2(y, norm="ortho"), F64)
    # f32 too.
    x32 = x.astype(np.complex64)
    got = jax.linear_transpose(jfft.fft2, x32)(y.astype(np.complex64))[0]
    assert got.dtype == np.complex64
    assert_close(got, np.fft.fft2(y), np.complex64)


@pytest.mark.parametrize("norm", [None, "ortho", "forward"])
@pytest.mark.parametrize(
    "shape,axes", [((6,), None), ((7,), None), ((3, 6), None), ((4, 3, 5), (2, 0))]
)
def test_hfftn_ihfftn_round_trips(shape, axes, norm):
    rng = np.random.default_rng(7)
    y = rng.standard_normal(shape)
    ax = tuple(range(len(shape))) if axes is None else axes
    s = [shape[a] for a in ax]
    # y real -> ihfftn -> hfftn(s) recovers y.
    half = jfft.ihfftn(y, axes=axes, norm=norm)
    assert_close(jfft.hfftn(half, s=s, axes=ax, norm=norm), y, F64)
    # A consistent half spectrum (built with scipy) survives hfftn -> ihfftn.
    import scipy.fft

    x = scipy.fft.ihfftn(y, axes=ax, norm=norm)
    back = jfft.ihfftn(jfft.hfftn(x, s=s, axes=ax, norm=norm), axes=ax, norm=norm)
    assert_close(back, x, F64)
    if len(shape) == 1:
        assert_close(jfft.ihfft(jfft.hfft(x, n=shape[0], norm=norm), norm=norm), x, F64)
