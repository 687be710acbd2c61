"""Sharded inputs: transforms run locally on each shard of a batch-sharded array.

XLA does not know how to partition a custom call: given a sharded operand it
gathers the whole array on every device, runs the call there and slices the
result (``jax.numpy.fft`` does the same, JAX issues #13081 and #15680). jfft
avoids that with :func:`jax.experimental.custom_partitioning`, which lets the
partitioner ask jfft how to split a transform:

- the Shardy sharding rule, built per call from ``axes``, says that every
  untransformed dimension passes through (the output keeps the input's
  sharding there) and that every transformed dimension needs replication;
- ``partition`` keeps the operand's sharding on the untransformed dimensions,
  drops it on the transformed ones (the partitioner inserts the collectives
  for that, and only when a transformed axis really was sharded) and returns
  a per-shard function that binds the same primitive on the local block.

``custom_partitioning`` has no autodiff or batching rules, so it is used only
to *lower* a wrapper primitive, ``sharded``, which stands for one jfft
primitive (``prim``, ``params``) and carries the same linear rules: its JVP
is itself, its transposes are the primitives' transposes bound through the
wrapper again (so the backward pass is partitioned too), and batching
shifts ``axes``. Transforms go through the wrapper only when more than one
device is visible; with a single device they bind the primitives directly,
so jaxprs and lowerings are unchanged there.

For arrays sharded *along* the transformed axes, see :mod:`jfft.distributed`.
"""

from __future__ import annotations

import string
from functools import lru_cache

import jax
from jax.experimental.custom_partitioning import custom_partitioning
from jax.extend.core import Primitive
from jax.interpreters import ad, batching, mlir
from jax.sharding import NamedSharding, PartitionSpec

from . import _jax_compat
from ._primitives import PRIMITIVES, transpose_rule


def bind(prim: Primitive, x: jax.Array, **params) -> jax.Array:
    """Binds a jfft primitive, partitioned over shards when devices > 1.

    The three bind sites of :mod:`jfft._fft` call this instead of
    ``prim.bind``; ``params`` are the primitive's own (``axes``, ...).
    """
    if jax.device_count() == 1 or not _LOWERS_WITH_DEVICES:
        return prim.bind(x, **params)
    return sharded_p.bind(x, name=prim.name, params=tuple(sorted(params.items())))


# The sharding rule -------------------------------------------------------------


def _factor(i: int) -> str:
    """A factor name for dimension i: a..z, then a0..z0, a1..."""
    letters = string.ascii_lowercase
    return letters[i % 26] + ("" if i < 26 else str(i // 26 - 1))


def sharding_rule(name: str, ndim: int, axes: tuple[int, ...]) -> tuple[str, tuple]:
    """Shardy rule for a transform of rank ``ndim`` over ``axes``: an
    einsum-like string and its need-replication factors.

    Untransformed dimensions are passthrough factors. Transformed ones need
    replication; for r2c/c2r the halved axis changes length, so its operand
    and result dimensions are two distinct factors (Shardy requires one size
    per factor).
    """
    operand = [_factor(i) for i in range(ndim)]
    result = list(operand)
    if name != "c2c":
        result[axes[-1]] = _factor(ndim)
    # Shardy wants the special factors in the order they are numbered:
    # operand dimensions first, then the result's own halved dimension.
    replicated = tuple(operand[a] for a in sorted(axes))
    if name != "c2c":
        replicated += (result[axes[-1]],)
    return f"{' '.join(operand)} -> {' '.join(result)}", replicated


def _local_sharding(sharding, mesh, ndim: int, axes: tuple[int, ...]):
    """``sharding`` with the transformed dimensions unsharded. Shardings that
    are not a NamedSharding become fully replicated over ``mesh`` (the one
    custom_partitioning passes; correct, not local)."""
    if not isinstance(sharding, NamedSharding):
        return NamedSharding(mesh, PartitionSpec())
    spec = list(sharding.spec) + [None] * (ndim - len(sharding.spec))
    for a in axes:
        spec[a] = None
    return NamedSharding(sharding.mesh, PartitionSpec(*spec))


@lru_cache(maxsize=256)
def _partitioned(name: str, params: tuple, ndim: int) -> custom_partitioning:
    """The custom_partitioning function for one (primitive, params, rank)."""
    prim = PRIMITIVES[name]
    kwargs = dict(params)
    axes = kwargs["axes"]

    def local(x):
        return prim.bind(x, **kwargs)

    def partition(mesh, arg_shapes, result_shape):
        arg = _local_sharding(arg_shapes[0].sharding, mesh, ndim, axes)
        result = _local_sharding(result_shape.sharding, mesh, ndim, axes)
        if isinstance(arg, NamedSharding) and isinstance(result, NamedSharding):
            result = NamedSharding(arg.mesh, arg.spec)  # same blocks in and out
        return arg.mesh, local, result, (arg,)

    def infer(mesh, arg_shapes, result_shape):  # GSPMD propagation (no Shardy)
        return _local_sharding(arg_shapes[0].sharding, mesh, ndim, axes)

    def propagate(mesh, user_shape):  # GSPMD propagation (no Shardy)
        return _local_sharding(user_shape.sharding, mesh, ndim, axes)

    fn = custom_partitioning(local)
    rule, replicated = sharding_rule(name, ndim, axes)
    fn.def_partition(
        partition=partition,
        infer_sharding_from_operands=infer,
        propagate_user_sharding=propagate,
        sharding_rule=rule,
        need_replication_factors=replicated,
    )
    return fn


# The wrapper primitive ---------------------------------------------------------


def _abstract(x, *, name, params):
    return PRIMITIVES[name].abstract_eval(x, **dict(params))[0]


def _lowering(ctx, x, *, name, params):
    fn = _partitioned(name, params, len(ctx.avals_in[0].shape))
    return mlir.lower_fun(fn, multiple_results=False)(ctx, x)


def _rebind(name: str, x, params: tuple, **changes):
    params = tuple(sorted({**dict(params), **changes}.items()))
    return sharded_p.bind(x, name=name, params=params)


def _bind_sharded(kind: str, operand, **params):
    return sharded_p.bind(operand, name=kind, params=tuple(sorted(params.items())))


def _transpose(ct, x, *, name, params):
    # The primitives' own rule, with the binds routed through `sharded`.
    return [transpose_rule(name, ct, x, _bind_sharded, **dict(params))]


def _batch(batched_args, batch_dims, *, name, params):
    (x,), (bd,) = batched_args, batch_dims
    axes = tuple(a + 1 if a >= bd else a for a in dict(params)["axes"])
    return _rebind(name, x, params, axes=axes), bd


sharded_p = Primitive("jfft_sharded")
sharded_p.def_impl(_jax_compat.eager_impl(sharded_p))
sharded_p.def_abstract_eval(_abstract)
mlir.register_lowering(sharded_p, _lowering)
ad.deflinear2(sharded_p, _transpose)
batching.primitive_batchers[sharded_p] = _batch
# custom_partitioning needs the device assignment when it is lowered.
_LOWERS_WITH_DEVICES = _jax_compat.require_devices_during_lowering(sharded_p)
