"""Smoke test of an installed jfft (CI runs it on the wheel in a fresh venv):
jit, vmap and grad through jfft's native kernels, checked against numpy."""

import jax
import jax.numpy as jnp
import numpy as np

import jfft

x = np.random.default_rng(0).standard_normal((4, 96)).astype(np.float32)
assert jfft.__file__.find("site-packages") > 0, jfft.__file__
lowered = jax.jit(jfft.rfft).lower(x).as_text()
assert "jfft_r2c" in lowered, "rfft did not lower to jfft's kernel"

np.testing.assert_allclose(jax.jit(jfft.rfft)(x), np.fft.rfft(x), atol=2e-4)
np.testing.assert_allclose(
    jax.vmap(jfft.fft)(x), np.fft.fft(x.astype(np.complex64)), atol=2e-4
)
grad = jax.grad(lambda v: jnp.sum(jnp.abs(jfft.fft(v)) ** 2))(x)
np.testing.assert_allclose(grad, 2 * x.shape[-1] * x, rtol=1e-4)  # Parseval
print(
    f"smoke test passed: jfft {jfft.__version__} on jax {jax.__version__},",
    f"built against {jfft.build_info()}",
)
