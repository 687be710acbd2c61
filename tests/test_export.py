"""jax.export of functions using jfft: serialise, deserialise, run, compare
with numpy."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from conftest import assert_close

import jfft


def model(x):
    spectrum = jfft.rfft(x, norm="ortho")
    filtered = jfft.irfft(spectrum * jnp.arange(spectrum.shape[-1]), n=x.shape[-1])
    return filtered, jfft.fft2(x.astype(jnp.complex128), s=(4, 8))


def reference(x):
    spectrum = np.fft.rfft(x, norm="ortho")
    filtered = np.fft.irfft(spectrum * np.arange(spectrum.shape[-1]), n=x.shape[-1])
    return filtered, np.fft.fft2(x, s=(4, 8))


def _roundtrip(fn, x, **export_kwargs):
    exported = jax.export.export(jax.jit(fn), **export_kwargs)(
        jax.ShapeDtypeStruct(x.shape, x.dtype)
    )
    restored = jax.export.deserialize(exported.serialize())
    return exported, restored


def _custom_call_targets(exported):
    text = exported.mlir_module()
    return {t for t in ("jfft_c2c", "jfft_r2c", "jfft_c2r") if f"@{t}" in text}


def test_export_without_disabled_checks_says_why():
    x = np.ones((3, 10))
    with pytest.raises(ValueError, match="custom call"):
        jax.export.export(jax.jit(model))(jax.ShapeDtypeStruct(x.shape, x.dtype))


def test_export_roundtrip_runs_native_kernels():
    x = np.random.default_rng(0).standard_normal((3, 10))
    exported, restored = _roundtrip(
        model, x, disabled_checks=jfft.export_safety_checks()
    )
    assert _custom_call_targets(exported) == {"jfft_c2c", "jfft_r2c", "jfft_c2r"}
    for got, want in zip(restored.call(x), reference(x), strict=True):
        assert_close(got, want, np.float64)


def test_export_roundtrip_of_a_gradient():
    x = np.random.default_rng(1).standard_normal((2, 12))

    def loss(x):
        return jnp.sum(jnp.abs(jfft.rfft(x)) ** 2)

    _, restored = _roundtrip(
        jax.grad(loss), x, disabled_checks=jfft.export_safety_checks()
    )
    # d/dx sum |rfft(x)|^2 = 2 * irfft-weighted: checked against the dense map.
    eye = np.eye(x.shape[-1])
    matrix = np.fft.rfft(eye, axis=-1)  # rows: rfft of basis vectors
    gram = (matrix.conj() @ matrix.T).real
    want = 2 * x @ gram
    assert_close(restored.call(x), want, np.float64)


def test_export_under_xla_fallback_has_no_custom_calls():
    x = np.random.default_rng(2).standard_normal((3, 10))
    with jfft.xla_fallback():
        exported, restored = _roundtrip(model, x)
    assert _custom_call_targets(exported) == set()
    for got, want in zip(restored.call(x), reference(x), strict=True):
        assert_close(got, want, np.float64)


def test_export_safety_checks_name_every_target():
    names = {str(check) for check in jfft.export_safety_checks()}
    for target in ("jfft_c2c", "jfft_r2c", "jfft_c2r"):
        assert any(target in name for name in names), names
