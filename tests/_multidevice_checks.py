"""Checks on 8 simulated CPU devices, run in a subprocess by
test_distributed.py (the test process has already initialised jax with one
device). ``python _multidevice_checks.py`` prints one line ``RESULTS
<json>``: for each check, ``{"ok": bool, ...details}``.

References are single-device transforms: numpy's, and jfft's own on an
unsharded array.
"""

import json
import os
import sys
import traceback

os.environ.setdefault("XLA_FLAGS", "--xla_force_host_platform_device_count=8")

import jax

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp
import numpy as np
from jax.sharding import AxisType, NamedSharding
from jax.sharding import PartitionSpec as P
from jax.test_util import check_grads

import jfft
from jfft import distributed

TOL = 1e-12
rng = np.random.default_rng(0)


def err(got, want):
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape, (got.shape, want.shape)
    return float(np.abs(got - want).max() / np.abs(want).max())


def hlo(f, *args):
    return jax.jit(f).lower(*args).compile().as_text()


def collectives(text):
    names = ("all-gather", "all-to-all", "all-reduce", "collective-permute")
    return {n: text.count(f" {n}(") for n in names if f" {n}(" in text}


def mesh_of(shape, names, kind=AxisType.Auto):
    return jax.make_mesh(shape, names, axis_types=(kind,) * len(names))


def same_sharding(y, mesh, spec):
    return y.sharding.is_equivalent_to(NamedSharding(mesh, spec), y.ndim)


# Batch-sharded inputs: local transforms, no all-gather -------------------------


def check_batch_sharded():
    mesh = mesh_of((4, 2), ("b", "c"))
    spec = P("b", None, None, "c")  # the transforms use axes 1 and 2
    xr = rng.standard_normal((8, 6, 10, 4))
    xc = xr + 1j * rng.standard_normal(xr.shape)
    cases = {
        "fft2": (lambda x: jfft.fft2(x, axes=(1, 2)), xc),
        "ifftn": (lambda x: jfft.ifftn(x, axes=(2, 1), norm="ortho"), xc),
        "rfftn": (lambda x: jfft.rfftn(x, axes=(1, 2)), xr),
        "irfft": (lambda x: jfft.irfft(x, n=9, axis=2), xc),
        "hfft": (lambda x: jfft.hfft(x, axis=1), xc),
    }
    out = {"ok": True}
    for name, (f, x) in cases.items():
        xs = jax.device_put(x, NamedSharding(mesh, spec))
        y = jax.jit(f)(xs)
        found = collectives(hlo(f, xs))
        e = err(y, jax.jit(f)(x))  # the single-device transform
        kept = same_sharding(y, mesh, spec)
        out[name] = {"err": e, "collectives": found, "sharding_kept": kept}
        out["ok"] &= e < TOL and not found and kept
    # For the record: jax.numpy.fft on the same input.
    xs = jax.device_put(xc, NamedSharding(mesh, spec))
    out["jnp_fft2_collectives"] = collectives(
        hlo(lambda x: jnp.fft.fft2(x, axes=(1, 2)), xs)
    )
    return out


def check_batch_sharded_grad_vmap():
    mesh = mesh_of((8,), ("b",))
    xr = rng.standard_normal((8, 6, 10))
    xs = jax.device_put(xr, NamedSharding(mesh, P("b")))
    w = jnp.arange(6.0)

    def loss(x):
        return jnp.sum(jnp.abs(jfft.rfftn(x, axes=(1, 2))) ** 2 * w)

    g = jax.jit(jax.grad(loss))
    grad_err = err(g(xs), g(xr))
    grad_coll = collectives(hlo(jax.grad(loss), xs))
    f = jax.vmap(lambda r: jfft.ifft2(r))
    xc = jax.device_put(xr + 0j, NamedSharding(mesh, P("b")))
    vmap_err = err(jax.jit(f)(xc), np.fft.ifft2(xr))
    vmap_coll = collectives(hlo(f, xc))
    jvp = jax.jit(lambda x: jax.jvp(lambda t: jfft.fftn(t, axes=(2,)), (x,), (x,)))
    jvp_err = err(jvp(xc)[1], np.fft.fft(xr, axis=2))
    return {
        "ok": max(grad_err, vmap_err, jvp_err) < TOL
        and not grad_coll
        and not vmap_coll,
        "grad_err": grad_err,
        "grad_collectives": grad_coll,
        "vmap_err": vmap_err,
        "vmap_collectives": vmap_coll,
        "jvp_err": jvp_err,
    }


def check_sharded_transformed_axis():
    # A transformed axis that is sharded is gathered along that mesh axis only
    # (correct, not local): that is the job of jfft.distributed.
    mesh = mesh_of((4, 2), ("b", "c"))
    x = rng.standard_normal((8, 6)) + 0j
    xs = jax.device_put(x, NamedSharding(mesh, P("b", "c")))
    e = err(jax.jit(jfft.fft)(xs), np.fft.fft(x))
    return {"ok": e < TOL, "err": e, "collectives": collectives(hlo(jfft.fft, xs))}


# jfft.distributed ---------------------------------------------------------------


def _complex_cases(mesh, shape):
    x = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    ndim, p = len(shape), len(mesh.axis_names)
    out = {"ok": True}
    for in_layout in distributed.LAYOUTS:
        for out_layout in distributed.LAYOUTS:
            for name, ref in (("fftn", jfft.fftn), ("ifftn", jfft.ifftn)):
                fn = getattr(distributed, name)

                def f(x, fn=fn, i=in_layout, o=out_layout):
                    return fn(x, mesh, in_layout=i, out_layout=o, norm="ortho")

                xs = jax.device_put(
                    x,
                    NamedSharding(
                        mesh, distributed.partition_spec(mesh, ndim, in_layout)
                    ),
                )
                y = jax.jit(f)(xs)
                e = err(y, jax.jit(lambda x, r=ref: r(x, norm="ortho"))(x))
                spec = distributed.partition_spec(mesh, ndim, out_layout)
                found = collectives(hlo(f, xs))
                moves = p if in_layout != out_layout else 2 * p
                good = (
                    e < TOL
                    and same_sharding(y, mesh, spec)
                    and found == {"all-to-all": moves}
                )
                out[f"{name} {in_layout}->{out_layout}"] = {
                    "err": e,
                    "collectives": found,
                }
                out["ok"] &= good
    return out


def _real_cases(mesh, shape):
    x = rng.standard_normal(shape)
    ndim = len(shape)
    out = {"ok": True}
    for layout in distributed.LAYOUTS:
        y = jax.jit(lambda x, o=layout: distributed.rfftn(x, mesh, out_layout=o))(x)
        e = err(y, jfft.rfftn(x))
        spec = distributed.partition_spec(mesh, ndim, layout, real=True)
        back = jax.jit(
            lambda y, i=layout: distributed.irfftn(
                y, mesh, in_layout=i, last_length=shape[-1]
            )
        )(y)
        e_back = err(back, x)
        out[layout] = {"err": e, "roundtrip_err": e_back}
        out["ok"] &= e < TOL and e_back < TOL and same_sharding(y, mesh, spec)
    return out


def check_slab_2d():
    return _complex_cases(mesh_of((8,), ("a",)), (16, 8))


def check_pencil_3d():
    return _complex_cases(mesh_of((2, 4), ("a", "b")), (4, 8, 4))


def check_real_slab_3d():
    return _real_cases(mesh_of((8,), ("a",)), (8, 16, 6))


def check_real_slab_2d():
    # n // 2 + 1 = 8 is divisible by 8: the halved axis may be split.
    return _real_cases(mesh_of((8,), ("a",)), (16, 14))


def check_real_pencil_3d():
    return _real_cases(mesh_of((2, 4), ("a", "b")), (8, 8, 6))


def check_grads_distributed():
    mesh = mesh_of((2, 4), ("a", "b"))
    shape = (8, 8, 4)
    xc = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    xr = rng.standard_normal(shape)
    f = jax.jit(lambda x: distributed.fftn(x, mesh, out_layout="transposed"))
    check_grads(f, (xc,), order=1, modes=("fwd", "rev"))
    g = jax.jit(lambda y: distributed.irfftn(y, mesh, last_length=4, norm="ortho"))
    check_grads(g, (jfft.rfftn(xr),), order=1, modes=("rev",))
    w = jnp.arange(3.0)

    def loss(fn):
        return lambda x: jnp.sum(jnp.abs(fn(x)) ** 2 * w)

    got = jax.jit(jax.grad(loss(lambda x: distributed.rfftn(x, mesh))))(xr)
    want = jax.jit(jax.grad(loss(jfft.rfftn)))(xr)
    e = err(got, want)
    spec_kept = same_sharding(got, mesh, distributed.partition_spec(mesh, 3))
    return {"ok": e < TOL and spec_kept, "grad_err": e}


def check_vmap_and_explicit():
    mesh = mesh_of((8,), ("a",))
    x = rng.standard_normal((3, 16, 8)) + 0j
    y = jax.jit(jax.vmap(lambda t: distributed.fftn(t, mesh)))(x)
    vmap_err = err(y, np.fft.fftn(x, axes=(1, 2)))
    emesh = mesh_of((2, 4), ("a", "b"), AxisType.Explicit)
    z = rng.standard_normal((4, 8, 4)) + 0j
    ye = jax.jit(lambda t: distributed.ifftn(t, emesh, out_layout="transposed"))(z)
    explicit_err = err(ye, np.fft.ifftn(z))
    ge = jax.jit(jax.grad(lambda t: jnp.sum(jnp.abs(distributed.fftn(t, emesh)) ** 2)))(
        z.real
    )
    explicit_grad_err = err(ge, 2 * z.real.size * z.real)  # Parseval
    return {
        "ok": max(vmap_err, explicit_err, explicit_grad_err) < TOL,
        "vmap_err": vmap_err,
        "explicit_err": explicit_err,
        "explicit_grad_err": explicit_grad_err,
    }


def check_frequencies():
    mesh = mesh_of((2, 4), ("a", "b"))
    shape = (8, 8, 12)
    out = {"ok": True}
    for real in (False, True):
        helper = distributed.rfftfreqn if real else distributed.fftfreqn
        numpy_freq = [np.fft.fftfreq(8, 0.5), np.fft.fftfreq(8, 0.5)]
        numpy_freq.append(np.fft.rfftfreq(12, 0.5) if real else np.fft.fftfreq(12, 0.5))
        for layout in distributed.LAYOUTS:
            ks = helper(shape, mesh, d=0.5, layout=layout)
            spec = distributed.partition_spec(mesh, 3, layout, real=real)
            k2 = sum(k**2 for k in ks)
            want = sum(np.meshgrid(*[f**2 for f in numpy_freq], indexing="ij"))
            good = err(k2, want) < TOL and same_sharding(k2, mesh, spec)
            out[f"real={real} {layout}"] = good
            out["ok"] &= good
    # A Poisson solve in the transposed layout: local spectral work.
    x = rng.standard_normal(shape)
    ks = distributed.rfftfreqn(shape, mesh, layout="transposed")
    k2 = sum(k**2 for k in ks)

    def solve(x):
        y = distributed.rfftn(x, mesh, out_layout="transposed")
        y = jnp.where(k2 == 0, 0, y / jnp.where(k2 == 0, 1, k2))
        return distributed.irfftn(y, mesh, in_layout="transposed", last_length=12)

    xs = jax.device_put(x, NamedSharding(mesh, distributed.partition_spec(mesh, 3)))
    found = collectives(hlo(solve, xs))
    out["poisson_collectives"] = found
    out["ok"] &= found == {"all-to-all": 4}
    return out


def check_errors():
    mesh = mesh_of((2, 4), ("a", "b"))
    messages = {}
    attempts = {
        "indivisible": lambda: distributed.fftn(jnp.ones((4, 6, 4)), mesh),
        "halved": lambda: distributed.rfftn(jnp.ones((16, 16)), mesh_of((8,), ("a",))),
        "pencil_2d": lambda: distributed.fftn(jnp.ones((8, 8)), mesh),
        "axis_names": lambda: distributed.fftn(
            jnp.ones((8, 8, 8)), mesh, axis_names="z"
        ),
    }
    for name, attempt in attempts.items():
        try:
            attempt()
            messages[name] = None
        except ValueError as e:
            messages[name] = str(e)
    ok = (
        "axis 1 (length 6)" in (messages["indivisible"] or "")
        and "length 9" in (messages["halved"] or "")
        and (messages["pencil_2d"] or "").startswith("x:")
        and (messages["axis_names"] or "").startswith("axis_names:")
    )
    return {"ok": ok, **messages}


CHECKS = [
    check_batch_sharded,
    check_batch_sharded_grad_vmap,
    check_sharded_transformed_axis,
    check_slab_2d,
    check_pencil_3d,
    check_real_slab_3d,
    check_real_slab_2d,
    check_real_pencil_3d,
    check_grads_distributed,
    check_vmap_and_explicit,
    check_frequencies,
    check_errors,
]


def main(names):
    assert jax.device_count() == 8, jax.devices()
    results = {}
    for check in CHECKS:
        name = check.__name__.removeprefix("check_")
        if names and name not in names:
            continue
        try:
            results[name] = check()
        except Exception:  # noqa: BLE001 - reported; the test fails on it
            results[name] = {"ok": False, "error": traceback.format_exc()}
    print("RESULTS " + json.dumps(results, default=str), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
