"""A distributed Poisson solve on 8 (simulated) devices with jfft.distributed.

Solves ``laplacian(phi) = f`` on the periodic cube ``[0, 2 pi)^3`` for an
array split over a 2 x 4 mesh of devices (a *pencil* decomposition: axis 0
over mesh axis ``a``, axis 1 over ``b``). The forward ``rfftn`` leaves the
spectrum in its *transposed* layout, the division by ``-|k|^2`` happens where
each block of the spectrum lives (``rfftfreqn`` gives wavenumbers split the
same way), and the inverse starts from that layout: one ``all_to_all`` per
mesh axis each way, nothing gathered.

The right-hand side comes from a known solution
``phi = sin(x) cos(2y) sin(3z) + 0.5 cos(5x + y)`` (so ``f = -14 sin(x)
cos(2y) sin(3z) - 13 cos(5x + y)``); the script checks the distributed
result against it and against the single-device ``jfft.rfftn`` path, checks
that the result stays split over the 8 devices, and prints ``PASS``.

On one CPU the 8 devices are simulated: the script sets
``XLA_FLAGS=--xla_force_host_platform_device_count=8`` before importing JAX
(unless ``XLA_FLAGS`` is already set). On a real cluster, the same code runs
on ``jax.devices()`` after ``jax.distributed.initialize()``.

Usage::

    python examples/distributed_poisson.py [--size 64] [--plot FILE]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("XLA_FLAGS", "--xla_force_host_platform_device_count=8")

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import NamedSharding

try:
    import jfft
except ImportError:  # running from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jfft
from jfft import distributed as jd

MESH_SHAPE = (2, 4)
# float32: the manufactured solution is met to rounding (~1e-6 of its size
# here); a wrong wavenumber or layout gives errors of order 1.
TOLERANCE = 1e-4


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=64, help="grid points per axis")
    parser.add_argument(
        "--plot",
        type=Path,
        default=Path(__file__).resolve().with_suffix(".png"),
        help="where the plot is written",
    )
    args = parser.parse_args()
    n = args.size
    if len(jax.devices()) < 8:
        print(f"FAIL: needs 8 devices, found {len(jax.devices())} (XLA_FLAGS?)")
        return 1

    mesh = jax.make_mesh(MESH_SHAPE, ("a", "b"))
    print(f"mesh {dict(mesh.shape)} on {len(jax.devices())} devices; grid {n}^3")
    grid = np.arange(n) * (2 * np.pi / n)
    x, y, z = np.meshgrid(grid, grid, grid, indexing="ij")
    phi_exact = np.sin(x) * np.cos(2 * y) * np.sin(3 * z) + 0.5 * np.cos(5 * x + y)
    f = -14 * np.sin(x) * np.cos(2 * y) * np.sin(3 * z) - 13 * np.cos(5 * x + y)

    natural = NamedSharding(mesh, jd.partition_spec(mesh, 3))
    f_sharded = jax.device_put(f.astype(np.float32), natural)

    # Spacing d = 1/n gives the integer (angular) wavenumbers of [0, 2 pi),
    # split like the transposed spectrum.
    ks = jd.rfftfreqn((n, n, n), mesh, d=1 / n, layout="transposed")
    k2 = sum(k**2 for k in ks)

    @jax.jit
    def poisson(f):
        spectrum = jd.rfftn(f, mesh, out_layout="transposed")
        # -|k|^2 phi_hat = f_hat; the mean (k = 0) of phi is set to 0.
        phi_hat = jnp.where(k2 == 0, 0, -spectrum / jnp.where(k2 == 0, 1, k2))
        return jd.irfftn(phi_hat, mesh, in_layout="transposed", last_length=n)

    t0 = time.perf_counter()
    phi = poisson(f_sharded)
    phi.block_until_ready()
    print(f"poisson solve (incl. compilation): {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    poisson(f_sharded).block_until_ready()
    print(f"poisson solve (compiled):          {time.perf_counter() - t0:.3f} s")

    devices = {shard.device for shard in phi.addressable_shards}
    shard_shape = phi.addressable_shards[0].data.shape
    print(
        f"result: {phi.shape} split as {phi.sharding.spec} over "
        f"{len(devices)} devices, {shard_shape} each"
    )

    phi = np.asarray(phi)
    error = float(np.max(np.abs(phi - phi_exact)))
    # The same solve on one device with the ordinary (unsplit) transforms.
    k2_one = np.asarray(sum(k**2 for k in jd.rfftfreqn((n, n, n), mesh, d=1 / n)))
    f_hat = np.asarray(jfft.rfftn(f.astype(np.float32)))
    phi_hat = np.where(k2_one == 0, 0, -f_hat / np.where(k2_one == 0, 1, k2_one))
    local = np.asarray(jfft.irfftn(phi_hat, s=(n, n, n)))
    agreement = float(np.max(np.abs(phi - local)))
    print(f"max |phi - exact|       = {error:.2e} (tolerance {TOLERANCE:g})")
    print(f"max |phi - one device|  = {agreement:.2e}")

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(1, 2, figsize=(10, 4))
        extent = (0, 2 * np.pi, 0, 2 * np.pi)
        plane = (slice(None), slice(None), n // 4)
        shown = ax[0].imshow(phi[plane].T, origin="lower", cmap="RdBu_r", extent=extent)
        fig.colorbar(shown, ax=ax[0], label="phi")
        ax[0].set_title("phi(x, y, z = pi/2), solved on 8 devices")
        ax[0].set_xlabel("x")
        ax[0].set_ylabel("y")
        err = ax[1].imshow(
            np.abs(phi - phi_exact)[plane].T, origin="lower", extent=extent
        )
        fig.colorbar(err, ax=ax[1], label="|phi - exact|")
        ax[1].set_title("error (float32)")
        ax[1].set_xlabel("x")
        fig.tight_layout()
        fig.savefig(args.plot, dpi=100)
        plt.close(fig)
        print(f"Plot saved to {args.plot}")
    except ImportError:
        print("matplotlib not found; plot skipped")

    ok = error < TOLERANCE and agreement < TOLERANCE and len(devices) == 8
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
