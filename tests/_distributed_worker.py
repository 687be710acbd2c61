"""One process of the two-process jfft.distributed test (see
test_distributed.py): ``python _distributed_worker.py PORT PROCESS_ID``.

Each process has 4 CPU devices; together they form a 2 x 4 mesh. The process
builds its part of a global array, runs a pencil fftn, rfftn and a gradient,
and compares its own shards with numpy's full transform. Prints one line
``RESULT <json>``.
"""

import json
import os
import sys

os.environ["XLA_FLAGS"] = "--xla_force_host_platform_device_count=4"

import jax

jax.config.update("jax_enable_x64", True)
jax.config.update("jax_cpu_collectives_implementation", "gloo")

port, process_id = int(sys.argv[1]), int(sys.argv[2])
jax.distributed.initialize(
    coordinator_address=f"127.0.0.1:{port}",
    num_processes=2,
    process_id=process_id,
    local_device_ids=list(range(4)),
    initialization_timeout=60,
)

import jax.numpy as jnp
import numpy as np
from jax.sharding import NamedSharding

from jfft import distributed

mesh = jax.make_mesh((2, 4), ("a", "b"), axis_types=(jax.sharding.AxisType.Auto,) * 2)
shape = (8, 8, 12)
x_full = np.random.default_rng(0).standard_normal(shape)  # same on both processes
spec = distributed.partition_spec(mesh, 3)
x = jax.make_array_from_callback(shape, NamedSharding(mesh, spec), lambda i: x_full[i])


def shard_error(y, want):
    """Max relative error of this process's shards of y against want."""
    errs = [
        np.abs(np.asarray(s.data) - want[s.index]).max() / np.abs(want).max()
        for s in y.addressable_shards
    ]
    return float(max(errs))


y = jax.jit(lambda x: distributed.fftn(x, mesh, out_layout="transposed"))(x)
r = jax.jit(lambda x: distributed.rfftn(x, mesh))(x)
weights = jnp.arange(shape[-1] // 2 + 1.0)
grad = jax.jit(
    jax.grad(lambda x: jnp.sum(jnp.abs(distributed.rfftn(x, mesh)) ** 2 * weights))
)(x)
grad_want = np.asarray(
    jax.grad(lambda x: jnp.sum(jnp.abs(jnp.fft.rfftn(x)) ** 2 * weights))(
        jnp.asarray(x_full, device=jax.local_devices()[0])
    )
)
result = {
    "process": process_id,
    "devices": jax.device_count(),
    "local_devices": jax.local_device_count(),
    "fftn": shard_error(y, np.fft.fftn(x_full)),
    "rfftn": shard_error(r, np.fft.rfftn(x_full)),
    "grad": shard_error(grad, grad_want),
}
print("RESULT " + json.dumps(result), flush=True)
jax.distributed.shutdown()
