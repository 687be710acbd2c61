"""jfft.stft / jfft.istft against a direct numpy framing reference (always)
and torch.stft / torch.istft (when torch is installed): every option, round
trips, gradients (check_grads, order 2, both modes), the dense matrix of the
map against jax.linear_transpose, vmap against loops, and every error."""

import itertools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from jax.test_util import check_grads

import jfft

TOL = {np.float32: 2e-5, np.float64: 1e-11}
NUMPY_PAD = {"reflect": "reflect", "constant": "constant", "replicate": "edge",
             "circular": "wrap"}  # fmt: skip


def close(got, want, dtype, factor=10.0):
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape, (got.shape, want.shape)
    scale = max(np.abs(want).max(initial=0.0), 1e-30)
    err = np.abs(got - want).max(initial=0.0) / scale
    assert err <= TOL[dtype] * factor, err


def signal(shape, dtype, complex_=False, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape)
    if complex_:
        x = x + 1j * rng.standard_normal(shape)
        return x.astype(np.complex64 if dtype == np.float32 else np.complex128)
    return x.astype(dtype)


def padded_window(window, win_length, n_fft):
    w = np.ones(win_length) if window is None else np.asarray(window)
    left = (n_fft - win_length) // 2
    return np.pad(w, (left, n_fft - win_length - left))


def ref_stft(x, n_fft, hop, win_length, window, center, pad_mode, normalized,
             onesided):  # fmt: skip
    """Frame by frame in float64/complex128 numpy: [..., freq, frames]."""
    x = np.asarray(x).astype(np.complex128 if np.iscomplexobj(x) else np.float64)
    w = padded_window(window, win_length, n_fft)
    if center:
        widths = [(0, 0)] * (x.ndim - 1) + [(n_fft // 2, n_fft // 2)]
        x = np.pad(x, widths, mode=NUMPY_PAD[pad_mode])
    count = 1 + (x.shape[-1] - n_fft) // hop
    out = []
    for t in range(count):
        frame = x[..., t * hop : t * hop + n_fft] * w
        spectrum = np.fft.rfft(frame) if onesided else np.fft.fft(frame)
        out.append(spectrum / (np.sqrt(n_fft) if normalized else 1.0))
    return np.stack(out, axis=-1)


def ref_istft(X, n_fft, hop, win_length, window, center, normalized, onesided,
              length):  # fmt: skip
    """Overlap-add frame by frame, divided by the squared-window envelope."""
    X = np.asarray(X).astype(np.complex128)
    w = padded_window(window, win_length, n_fft)
    count = X.shape[-1]
    total = n_fft + hop * (count - 1)
    y = np.zeros(X.shape[:-2] + (total,))
    envelope = np.zeros(total)
    for t in range(count):
        spectrum = X[..., t]
        if onesided:
            frame = np.fft.irfft(spectrum, n_fft)
        else:
            frame = np.fft.ifft(spectrum, n_fft).real
        frame = frame * (np.sqrt(n_fft) if normalized else 1.0)
        y[..., t * hop : t * hop + n_fft] += frame * w
        envelope[t * hop : t * hop + n_fft] += w * w
    start = n_fft // 2 if center else 0
    if length is not None:
        end = start + length
    else:
        end = total - n_fft // 2 if center else total
    y = y[..., start:end] / envelope[start:end]
    if length is not None and y.shape[-1] < length:
        y = np.pad(y, [(0, 0)] * (y.ndim - 1) + [(0, length - y.shape[-1])])
    return y


# (n_fft, hop, win_length, center, pad_mode, normalized): hop dividing n_fft
# (sliced framing), hop coprime to a long frame (gathered framing), short
# windows (centred padding), odd lengths.
CASES = [
    (64, 16, None, True, "reflect", False),
    (64, 16, 40, True, "constant", True),
    (101, 7, 90, True, "replicate", False),
    (100, 30, 61, False, "reflect", False),
    (33, 33, None, True, "circular", True),
    (128, 24, 100, True, "reflect", False),
]


def _window(win_length, n_fft, dtype):
    n = win_length or n_fft
    return (0.5 - 0.5 * np.cos(2 * np.pi * (np.arange(n) + 0.5) / n)).astype(dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_stft_numpy_reference(case, dtype):
    n_fft, hop, win_length, center, pad_mode, normalized = case
    w = _window(win_length, n_fft, dtype)
    for complex_, onesided in [(False, True), (False, False), (True, False)]:
        x = signal((2, 3, 400), dtype, complex_)
        got = jfft.stft(x, n_fft, hop, win_length, w, center, pad_mode, normalized,
                        onesided)  # fmt: skip
        want = ref_stft(x, n_fft, hop, win_length or n_fft, w, center, pad_mode,
                        normalized, onesided)  # fmt: skip
        assert got.dtype == (np.complex64 if dtype == np.float32 else np.complex128)
        close(got, want, dtype)
        pairs = jfft.stft(x, n_fft, hop, win_length, w, center, pad_mode,
                          normalized, onesided, return_complex=False)  # fmt: skip
        close(pairs, np.stack([want.real, want.imag], -1), dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_istft_numpy_reference_and_round_trip(case, dtype):
    n_fft, hop, win_length, center, pad_mode, normalized = case
    w = _window(win_length, n_fft, dtype)
    if hop > (win_length or n_fft):
        return
    x = signal((3, 401), dtype)
    X = jfft.stft(x, n_fft, hop, win_length, w, center, pad_mode, normalized)
    if not center and win_length:  # the padded window's zeros at the start
        with pytest.raises(ValueError, match="NOLA"):
            jfft.istft(X, n_fft, hop, win_length, w, center, normalized)
        return
    # Past the last frame a window shorter than n_fft leaves the envelope at
    # zero, which torch (and jfft) reject; zero-padding past it needs a full
    # window.
    for length in (None, 401) if win_length else (None, 401, 450):
        got = jfft.istft(X, n_fft, hop, win_length, w, center, normalized,
                         length=length)  # fmt: skip
        want = ref_istft(X, n_fft, hop, win_length or n_fft, w, center, normalized,
                         True, length)  # fmt: skip
        close(got, want, dtype, 100)
    got = jfft.istft(X, n_fft, hop, win_length, w, center, normalized, length=401)
    covered = (X.shape[-1] - 1) * hop + n_fft - (n_fft // 2 if center else 0)
    close(got[..., : min(401, covered)], x[..., : min(401, covered)], dtype, 100)
    # Two-sided, complex in and out.
    z = signal((2, 300), dtype, complex_=True)
    Z = jfft.stft(z, n_fft, hop, win_length, w, center, pad_mode, normalized)
    back = jfft.istft(Z, n_fft, hop, win_length, w, center, normalized,
                      length=300, return_complex=True)  # fmt: skip
    if center:
        close(back, z, dtype, 100)


TORCH_CASES = [
    {"n_fft": 64, "hop_length": 16},
    {"n_fft": 64, "hop_length": 10, "win_length": 50, "normalized": True},
    {"n_fft": 101, "hop_length": 7, "win_length": 90, "pad_mode": "replicate"},
    {"n_fft": 100, "hop_length": 30, "win_length": 61, "center": False},
    {"n_fft": 32, "pad_mode": "circular", "onesided": False},
    {"n_fft": 48, "hop_length": 12, "pad_mode": "constant"},
]


@pytest.mark.parametrize("case", TORCH_CASES, ids=str)
def test_torch_stft_istft(case):
    torch = pytest.importorskip("torch")
    n = case.get("win_length", case["n_fft"])
    w = np.hanning(n + 2)[1:-1]
    x = signal((3, 500), np.float64)
    for complex_ in (False, True):
        x = signal((3, 500), np.float64, complex_)
        options = dict(case)
        if complex_:
            options["onesided"] = False
        want = torch.stft(torch.tensor(x), window=torch.tensor(w),
                          return_complex=True, **options).numpy()  # fmt: skip
        got = jfft.stft(x, window=w, **options)
        close(got, want, np.float64)
        inverse = {k: v for k, v in options.items() if k != "pad_mode"}
        if not case.get("center", True) and n < case["n_fft"]:
            # The padded window's zeros at the start: both reject (NOLA).
            with pytest.raises(RuntimeError, match="window overlap add min"):
                torch.istft(torch.tensor(want), window=torch.tensor(w), **inverse)
            with pytest.raises(ValueError, match="NOLA"):
                jfft.istft(got, window=w, **inverse)
            continue
        for length in (None, 480, 520):
            want_back = torch.istft(torch.tensor(want), window=torch.tensor(w),
                                    length=length, return_complex=complex_,
                                    **inverse).numpy()  # fmt: skip
            back = jfft.istft(got, window=w, length=length,
                              return_complex=complex_, **inverse)  # fmt: skip
            close(back, want_back, np.float64, 100)


def test_torch_defaults_float32():
    torch = pytest.importorskip("torch")
    x = signal(1000, np.float32)
    want = torch.stft(torch.tensor(x), 128, return_complex=True,
                      window=torch.ones(128)).numpy()  # fmt: skip
    got = jfft.stft(x, 128)
    assert got.dtype == np.complex64
    close(got, want, np.float32)
    back = torch.istft(torch.tensor(want), 128, window=torch.ones(128)).numpy()
    close(jfft.istft(got, 128), back, np.float32, 100)


def test_grads():
    x = jnp.asarray(signal((2, 60), np.float64))
    w = jnp.asarray(_window(24, 32, np.float64))
    check_grads(lambda x, w: jfft.stft(x, 32, 8, 24, w), (x, w), 2,
                modes=("fwd", "rev"))  # fmt: skip
    check_grads(lambda x: jfft.stft(x, 32, 5, 24, w), (x,), 1,
                modes=("fwd", "rev"))  # gathered framing  # fmt: skip
    X = jfft.stft(x, 32, 8, 24, w)
    check_grads(lambda X: jfft.istft(X, 32, 8, 24, w, length=60), (X,), 2,
                modes=("fwd", "rev"))  # fmt: skip
    # A traced window: differentiable, and istft divides by its envelope.
    check_grads(lambda X, w: jfft.istft(X, 32, 8, 24, w), (X, w), 1,
                modes=("fwd", "rev"))  # fmt: skip


@pytest.mark.parametrize(("n_fft", "hop"), [(16, 4), (15, 4), (12, 12)])
def test_linear_transpose_dense(n_fft, hop):
    length = 40
    w = _window(None, n_fft, np.float64)
    for complex_ in (False, True):
        dtype = np.complex128 if complex_ else np.float64

        def f(x, complex_=complex_):
            return jfft.stft(x, n_fft, hop, window=w, onesided=not complex_)

        basis = np.eye(length, dtype=dtype)
        columns = [np.asarray(f(jnp.asarray(e))).ravel() for e in basis]
        dense = np.stack(columns, axis=1)  # [outputs, length]
        out_shape = f(jnp.zeros(length, dtype)).shape
        y = signal(out_shape, np.float64, complex_=True, seed=3)
        (got,) = jax.linear_transpose(f, jnp.zeros(length, dtype))(jnp.asarray(y))
        want = dense.T @ y.ravel()
        # A real-input map's transpose is the real part of the matrix's.
        close(got, want if complex_ else want.real, np.float64)


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_vmap_equals_loop(axis):
    base = jnp.asarray(signal((3, 2, 200), np.float64))  # batch, rows, time
    x = jnp.moveaxis(base, 0, axis)
    w = jnp.hanning(32) + 0.1

    def one(v):  # v is [rows, time] wherever the mapped axis was
        return jfft.stft(v, 32, 8, window=w)

    got = jax.vmap(one, in_axes=axis)(x)
    loop = jnp.stack([one(base[i]) for i in range(3)])
    close(got, loop, np.float64, 1)
    spectra = jnp.moveaxis(loop, 0, axis)
    inv = jax.vmap(lambda X: jfft.istft(X, 32, 8, window=w), in_axes=axis)(spectra)
    inv_loop = jnp.stack([jfft.istft(loop[i], 32, 8, window=w) for i in range(3)])
    close(inv, inv_loop, np.float64, 1)


def test_jit_and_batch_ranks():
    x = jnp.asarray(signal((2, 2, 2, 300), np.float32))
    w = jnp.hanning(64).astype(jnp.float32)
    f = jax.jit(lambda x, w: jfft.istft(jfft.stft(x, 64, 16, window=w), 64, 16,
                                        window=w, length=300))  # fmt: skip
    close(f(x, w), x, np.float32, 100)
    close(jfft.stft(x[0, 0, 0], 64, 16, window=w), jfft.stft(x, 64, 16, window=w)
          [0, 0, 0], np.float32, 1)  # fmt: skip


def test_errors():
    x = np.zeros(100)
    with pytest.raises(ValueError, match="hop_length"):
        jfft.stft(x, 16, hop_length=0)
    with pytest.raises(ValueError, match="n_fft"):
        jfft.stft(x, 0)
    with pytest.raises(ValueError, match="n_fft=300 exceeds"):
        jfft.stft(x, 300, center=False)
    with pytest.raises(ValueError, match="reflect"):
        jfft.stft(x, 300)
    with pytest.raises(ValueError, match="win_length"):
        jfft.stft(x, 16, win_length=17)
    with pytest.raises(ValueError, match="window"):
        jfft.stft(x, 16, window=np.ones(15))
    with pytest.raises(ValueError, match="window"):
        jfft.stft(x, 16, window=np.ones((16, 1)))
    with pytest.raises(ValueError, match="pad_mode"):
        jfft.stft(x, 16, pad_mode="reflection")
    with pytest.raises(ValueError, match="onesided"):
        jfft.stft(x + 0j, 16, onesided=True)
    with pytest.raises(TypeError, match="n_fft"):
        jfft.stft(x, 16.0)
    with pytest.raises(TypeError, match="x"):
        jfft.stft("abc", 16)
    X = jfft.stft(x, 16, 4)
    with pytest.raises(ValueError, match="hop_length"):
        jfft.istft(X, 16, hop_length=0)
    with pytest.raises(ValueError, match="hop_length"):
        jfft.istft(X, 16, hop_length=10, win_length=8)
    with pytest.raises(ValueError, match="NOLA"):
        jfft.istft(X, 16, 4, window=np.zeros(16))
    with pytest.raises(ValueError, match="NOLA"):  # hann gaps at hop = n_fft
        jfft.istft(jfft.stft(x, 16, 16), 16, 16, window=np.hanning(16),
                   center=False)  # fmt: skip
    with pytest.raises(ValueError, match="frequencies"):
        jfft.istft(X, 18)
    with pytest.raises(ValueError, match="frequencies"):
        jfft.istft(X, 16, onesided=False)
    with pytest.raises(ValueError, match="return_complex"):
        jfft.istft(X, 16, return_complex=True)
    with pytest.raises(TypeError, match="complex"):
        jfft.istft(np.zeros((9, 5)), 16)
    with pytest.raises(ValueError, match="frames"):
        jfft.istft(np.zeros((9, 0), complex), 16)
    with pytest.raises(ValueError, match="window"):
        jfft.istft(X, 16, window=np.ones(12))
    # Under jit a traced window cannot be checked: the division gives inf/nan.
    bad = jax.jit(lambda X, w: jfft.istft(X, 16, 4, window=w))(X, jnp.zeros(16))
    assert not np.isfinite(np.asarray(bad)).any()


def test_frame_helpers_match_indexing():
    from jfft import _stft

    x = jnp.asarray(signal((2, 97), np.float64))
    for frame_length, hop in itertools.product([12, 70], [3, 4, 13]):
        count = _stft.num_frames(97, frame_length, hop)
        index = np.arange(count)[:, None] * hop + np.arange(frame_length)
        close(_stft.frames(x, frame_length, hop, count), np.asarray(x)[..., index],
              np.float64, 0)  # fmt: skip
        y = signal((2, count, frame_length), np.float64, seed=1)
        want = np.zeros((2, (count - 1) * hop + frame_length))
        for t in range(count):
            want[:, t * hop : t * hop + frame_length] += y[:, t]
        close(_stft.overlap_add(jnp.asarray(y), hop), want, np.float64, 1)


# The native CPU ops (jfft_stft / jfft_istft): real x, a concrete window.

NATIVE_CASES = [  # (n_fft, hop): hop dividing n_fft, not, equal, longer
    (64, 16),
    (48, 20),
    (33, 7),
    (32, 32),
    (40, 52),
]


def _lowered(f, *args):
    return jax.jit(f).lower(*args).as_text()


def test_native_path_taken():
    x = jnp.asarray(signal((2, 300), np.float32))
    w = _window(None, 64, np.float32)
    assert "jfft_stft" in _lowered(lambda x: jfft.stft(x, 64, 16, window=w), x)
    X = jfft.stft(x, 64, 16, window=w)
    text = _lowered(lambda X: jfft.istft(X, 64, 16, window=w, length=300), X)
    assert "jfft_istft" in text
    # A traced window or complex data take the composition.
    text = _lowered(lambda x, w: jfft.stft(x, 64, 16, window=w), x, w)
    assert "jfft_stft" not in text
    assert "jfft_stft" not in _lowered(lambda x: jfft.stft(x + 0j, 64, 16), x)
    # The transpose of each is the other.
    grad = jax.grad(lambda x: jnp.abs(jfft.stft(x, 64, 16, window=w)).sum())
    assert "jfft_istft" in _lowered(grad, x)
    # The XLA fallback: the same primitives composed on XLA's FFT.
    want = ref_stft(x, 64, 16, 64, w, True, "reflect", False, True)
    with jfft.xla_fallback():
        f = jax.jit(lambda x: jfft.stft(x, 64, 16, window=w))
        assert "jfft_stft" not in f.lower(x).as_text()
        close(f(x), want, np.float32)
        back = jax.jit(lambda X: jfft.istft(X, 64, 16, window=w, length=300))
        assert "jfft_istft" not in back.lower(X).as_text()
        close(back(X), x, np.float32, 100)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize(("n_fft", "hop"), NATIVE_CASES)
def test_native_numpy_reference(n_fft, hop, dtype):
    w = _window(None, n_fft, dtype) + 0.1  # no zeros: NOLA holds without center
    for shape, center, pad_mode in [
        ((400,), True, "reflect"),
        ((2, 301), True, "constant"),
        ((2, 1, 250), True, "replicate"),
        ((3, 257), True, "circular"),
        ((2, 300), False, "reflect"),
    ]:
        x = signal(shape, dtype)
        for workers in (1, 2):
            with jfft.set_workers(workers):
                got = jax.jit(lambda x, c=center, m=pad_mode: jfft.stft(
                    x, n_fft, hop, window=w, center=c, pad_mode=m))(x)  # fmt: skip
            want = ref_stft(x, n_fft, hop, n_fft, w, center, pad_mode, False, True)
            close(got, want, dtype)
            if hop > n_fft:
                continue
            for length in (None, shape[-1], shape[-1] + 30):
                with jfft.set_workers(workers):
                    back = jfft.istft(want, n_fft, hop, window=w, center=center,
                                      length=length)  # fmt: skip
                ref = ref_istft(want, n_fft, hop, n_fft, w, center, False, True,
                                length)  # fmt: skip
                close(back, ref, dtype, 100)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_native_many_blocks_threads_deterministic(dtype):
    """Long enough for many blocks of frames on two threads; the overlap-add
    sums in one order whatever the threads."""
    torch = pytest.importorskip("torch")
    n_fft, hop = 256, 24
    w = _window(None, n_fft, dtype)
    x = signal((3, 9000), dtype)
    results = []
    for workers in (1, 2):
        with jfft.set_workers(workers):
            X = jfft.stft(x, n_fft, hop, window=w)
            y = jfft.istft(X, n_fft, hop, window=w, length=9000)
        results.append((np.asarray(X), np.asarray(y)))
    want = torch.stft(torch.tensor(x), n_fft, hop, window=torch.tensor(w),
                      return_complex=True).numpy()  # fmt: skip
    close(results[0][0], want, dtype)
    back = torch.istft(torch.tensor(want), n_fft, hop, window=torch.tensor(w),
                       length=9000).numpy()  # fmt: skip
    close(results[0][1], back, dtype, 100)
    np.testing.assert_array_equal(results[0][0], results[1][0])
    np.testing.assert_array_equal(results[0][1], results[1][1])


@pytest.mark.parametrize("pad_mode", ["reflect", "constant", "circular"])
def test_native_grads(pad_mode):
    x = jnp.asarray(signal((2, 50), np.float64))
    w = _window(None, 16, np.float64) + 0.1
    check_grads(lambda x: jfft.stft(x, 16, 6, window=w, pad_mode=pad_mode), (x,),
                2, modes=("fwd", "rev"))  # fmt: skip
    X = jfft.stft(x, 16, 6, window=w)
    for length in (None, 47, 58):
        check_grads(lambda X, n=length: jfft.istft(X, 16, 6, window=w, length=n),
                    (X,), 2, modes=("fwd", "rev"))  # fmt: skip


def test_native_istft_linear_transpose_dense():
    n_fft, hop, count = 12, 5, 6
    w = _window(None, n_fft, np.float64) + 0.1
    freqs = n_fft // 2 + 1

    def f(X):
        return jfft.istft(X, n_fft, hop, window=w, length=30)

    size = freqs * count
    basis = np.eye(size).reshape(size, freqs, count)
    # f(X) = A_re Re(X) + A_im Im(X), column by column.
    a_re = np.stack([np.asarray(f(jnp.asarray(e + 0j))) for e in basis], axis=1)
    a_im = np.stack([np.asarray(f(jnp.asarray(1j * e))) for e in basis], axis=1)
    ct = signal(30, np.float64, seed=4)
    (got,) = jax.linear_transpose(f, jnp.zeros((freqs, count), complex))(ct)
    # JAX transposes without conjugation: Re(a z)^T = a ct, a = A_re - i A_im.
    want = (a_re.T @ ct - 1j * (a_im.T @ ct)).reshape(freqs, count)
    close(got, want, np.float64)


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_native_vmap_of_grad_equals_loop(axis):
    base = jnp.asarray(signal((3, 2, 120), np.float64))
    x = jnp.moveaxis(base, 0, axis)
    w = _window(None, 32, np.float64)

    def loss(v):  # v is [rows, time] wherever the mapped axis was
        return (jnp.abs(jfft.stft(v, 32, 8, window=w)) ** 2).sum()

    got = jax.vmap(jax.grad(loss), in_axes=axis, out_axes=axis)(x)
    loop = jnp.stack([jax.grad(loss)(base[i]) for i in range(3)], axis=axis)
    close(got, loop, np.float64, 1)
    # A frames-last and a frequencies-last spectrum batch, via the transpose.
    X = jfft.stft(base, 32, 8, window=w)

    def project(S):  # [rows, freq, frames]
        return jfft.stft(jfft.istft(S, 32, 8, window=w, length=120), 32, 8, window=w)

    S = jnp.moveaxis(X, 0, axis + 1 if axis else 0)
    in_axis = axis + 1 if axis else 0
    got = jax.vmap(project, in_axes=in_axis)(S)
    loop = jnp.stack([project(X[i]) for i in range(3)])
    close(got, loop, np.float64, 1)


# (n_fft, hop, length): even and odd n_fft; a signal shorter than n_fft, whose
# two frames both reach past both ends (the centre padding wraps it more than
# once for 'circular'); a hop of a whole frame.
TRANSPOSE_CASES = [(16, 4, 40), (15, 4, 40), (12, 5, 7), (16, 3, 5), (9, 9, 30)]


@pytest.mark.parametrize("pad_mode", ["reflect", "constant", "replicate", "circular"])
@pytest.mark.parametrize(("n_fft", "hop", "length"), TRANSPOSE_CASES)
def test_native_stft_transpose_dense(pad_mode, n_fft, hop, length):
    """The transpose of the native stft (one istft kernel that folds the
    centre padding back) and of its XLA fallback, against the dense matrix of
    the numpy reference."""
    if pad_mode == "reflect" and n_fft // 2 >= length:
        pytest.skip("reflect needs n_fft // 2 < length")
    w = _window(None, n_fft, np.float64) + 0.1
    basis = np.eye(length)
    dense = np.stack(
        [ref_stft(e, n_fft, hop, n_fft, w, True, pad_mode, False, True).ravel()
         for e in basis], axis=1)  # fmt: skip
    out_shape = ref_stft(basis[0], n_fft, hop, n_fft, w, True, pad_mode, False,
                         True).shape  # fmt: skip
    ct = signal(out_shape, np.float64, complex_=True, seed=3)
    # A real-input map's transpose is the real part of the matrix's.
    want = (dense.T @ ct.ravel()).real

    def f(x):
        return jfft.stft(x, n_fft, hop, window=w, pad_mode=pad_mode)

    zero = jnp.zeros(length)
    assert "jfft_istft" in _lowered(lambda c: jax.linear_transpose(f, zero)(c), ct)
    for workers in (1, 2):
        with jfft.set_workers(workers):
            (got,) = jax.linear_transpose(f, zero)(jnp.asarray(ct))
        close(got, want, np.float64)
    with jfft.xla_fallback():
        (got,) = jax.jit(jax.linear_transpose(f, zero))(jnp.asarray(ct))
    close(got, want, np.float64)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("pad_mode", ["reflect", "constant", "replicate", "circular"])
@pytest.mark.parametrize(("n_fft", "hop"), [(64, 16), (63, 10)])
def test_native_transposes_dot_product(pad_mode, n_fft, hop, dtype):
    """<stft(x), c> = <x, stft^T(c)> and <istft(X), y> = <X, istft^T(y)>
    (no conjugation: JAX's transposes) with stft and istft the numpy
    references, on signals of many blocks of frames, batched, two threads,
    jitted: the native transposes' weights, reversal and fold."""
    w = _window(None, n_fft, dtype)
    x = signal((2, 3, 3001), dtype)
    want_shape = ref_stft(x, n_fft, hop, n_fft, w, True, pad_mode, False, True).shape
    c = signal(want_shape, dtype, complex_=True, seed=1)

    def f(x):
        return jfft.stft(x, n_fft, hop, window=w, pad_mode=pad_mode)

    with jfft.set_workers(2):
        (xt,) = jax.jit(jax.linear_transpose(f, jnp.zeros_like(x)))(c)
    lhs = np.real(np.sum(ref_stft(x, n_fft, hop, n_fft, w, True, pad_mode, False,
                                  True) * c))  # fmt: skip
    rhs = np.sum(np.asarray(xt, np.float64) * x)
    assert abs(lhs - rhs) <= TOL[dtype] * 500 * abs(lhs)

    X = c.astype(np.complex64 if dtype == np.float32 else np.complex128)
    y = signal(x.shape, dtype, seed=2)

    def g(X):
        return jfft.istft(X, n_fft, hop, window=w, length=x.shape[-1])

    with jfft.set_workers(2):
        (Xt,) = jax.jit(jax.linear_transpose(g, jnp.zeros_like(X)))(y)
    lhs = np.sum(ref_istft(X, n_fft, hop, n_fft, w, True, False, True,
                           x.shape[-1]) * y)  # fmt: skip
    rhs = np.real(np.sum(np.asarray(Xt, np.complex128) * X))
    assert abs(lhs - rhs) <= TOL[dtype] * 500 * abs(lhs)


@pytest.mark.parametrize("pad_mode", ["reflect", "replicate", "circular"])
@pytest.mark.parametrize(("n_fft", "hop", "length"), [(15, 4, 37), (16, 5, 9)])
def test_native_grads_odd_and_short(pad_mode, n_fft, hop, length):
    if pad_mode == "reflect" and n_fft // 2 >= length:
        pytest.skip("reflect needs n_fft // 2 < length")
    x = jnp.asarray(signal((2, length), np.float64))
    w = _window(None, n_fft, np.float64) + 0.1
    check_grads(lambda x: jfft.stft(x, n_fft, hop, window=w, pad_mode=pad_mode),
                (x,), 2, modes=("fwd", "rev"))  # fmt: skip
    X = jfft.stft(x, n_fft, hop, window=w)
    check_grads(lambda X: jfft.istft(X, n_fft, hop, window=w, length=length),
                (X,), 2, modes=("fwd", "rev"))  # fmt: skip
