"""Loads the native modules, checks them against the running jax, and
registers their XLA FFI targets."""

from __future__ import annotations

import importlib.metadata
import os
import re

import jax
import jax.export
import jaxlib

# The oldest jax and jaxlib jfft is tested with (CI runs the suite on it and
# on the newest served). There is no upper bound: XLA keeps accepting FFI
# handlers built against older headers, and jfft builds against these.
OLDEST_JAX = (0, 8, 0)


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split(".")[:3]:
        digits = re.match(r"\d*", part).group()
        parts.append(int(digits or 0))
        if digits != part:  # 0.9.0rc1, 0.11.0.dev2026...: stop there
            break
    return tuple(parts + [0] * (3 - len(parts)))


def _dotted(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def _check_jax() -> None:
    found = _version(jax.__version__)
    if found < OLDEST_JAX or not hasattr(jax, "ffi"):
        raise ImportError(
            f"jfft needs jax >= {_dotted(OLDEST_JAX)} (its XLA FFI API); found "
            f"jax {jax.__version__}. Upgrade with "
            f"`pip install 'jax>={_dotted(OLDEST_JAX)}'`."
        )


def _source_tree_hint(package_dir: str) -> str:
    """Why the native module may be missing: most often, a source checkout
    on sys.path in front of the installed package."""
    checkout = os.path.dirname(package_dir)
    if not os.path.exists(os.path.join(checkout, "pyproject.toml")):
        return "Reinstall jfft (`pip install --force-reinstall jfft`)."
    try:
        installed = importlib.metadata.distribution("jfft")
        where = os.path.dirname(str(installed.locate_file("jfft/__init__.py")))
        also = f"; the installed jfft {installed.version} is in {where}"
    except importlib.metadata.PackageNotFoundError:
        also = "; no installed jfft was found"
    return (
        f"This jfft was imported from the source tree {package_dir}, which "
        f"holds no built module{also}. Python puts the current directory "
        "first on sys.path, so a source checkout shadows the installed "
        f"package: run from another directory than {checkout}, or install "
        "in editable mode there (`pip install -e .`), which builds the module "
        "and serves the source tree with it."
    )


def _check_build(module) -> None:
    """XLA refuses handlers built against FFI headers newer than its own
    (jaxlib 0.8.0 then fails to initialise its CPU backend, so all of JAX
    stops, not only jfft): catch that here, by version, before registering."""
    built = module.build_info()["ffi_jaxlib"]
    if _version(jaxlib.__version__) < _version(built):
        raise ImportError(
            f"jfft's native module {module.__name__} was built against the XLA "
            f"FFI headers of jaxlib {built}, newer than the installed jaxlib "
            f"{jaxlib.__version__}, and XLA refuses such handlers. Upgrade "
            f"jaxlib (`pip install 'jaxlib>={built}'`) or rebuild jfft against "
            "the default build requirements (`pip install --force-reinstall "
            "--no-cache-dir jfft`, without --no-build-isolation)."
        )


_check_jax()

try:
    from . import _jfft_cpu
except ImportError as err:
    raise ImportError(
        "jfft's native module _jfft_cpu could not be loaded "
        f"({err}). {_source_tree_hint(os.path.dirname(__file__))}"
    ) from err
_check_build(_jfft_cpu)

# The CUDA module is optional: built only where nvcc and cuFFT were found
# (JFFT_CUDA in CMake). Without it, GPUs use XLA's own FFT.
try:
    from . import _jfft_cuda
except ImportError:  # not built, or cuFFT's library not found at run time
    _jfft_cuda = None
if _jfft_cuda is not None:
    _check_build(_jfft_cuda)

_registered = False


def build_info() -> dict[str, str]:
    """What jfft's native module was built against.

    Returns
    -------
    dict of str to str
        ``{"ffi_jaxlib": the jaxlib whose XLA FFI headers it uses,
        "ffi_api": "major.minor"}``, the XLA FFI API version of those headers.

    Notes
    -----
    XLA accepts FFI handlers built against headers older than its own and
    refuses newer ones, so one build runs on every jaxlib from ``ffi_jaxlib``
    on; importing jfft next to an older jaxlib raises ``ImportError``.

    Examples
    --------
    >>> sorted(jfft.build_info())
    ['ffi_api', 'ffi_jaxlib']
    """
    info = _jfft_cpu.build_info()
    return {"ffi_jaxlib": info["ffi_jaxlib"], "ffi_api": _dotted(info["ffi_api"])}


def has_cuda() -> bool:
    """Whether jfft's CUDA kernels are built and loaded."""
    return _jfft_cuda is not None


def register_targets() -> None:
    global _registered
    if _registered:
        return
    for name, capsule in _jfft_cpu.registrations().items():
        jax.ffi.register_ffi_target(name, capsule, platform="cpu")
    if _jfft_cuda is not None:
        for name, capsule in _jfft_cuda.registrations().items():
            jax.ffi.register_ffi_target(name, capsule, platform="CUDA")
    _registered = True


def export_safety_checks() -> list[jax.export.DisabledSafetyCheck]:
    """The ``jax.export`` safety checks to disable so that jfft's custom calls
    serialise.

    Returns
    -------
    list of jax.export.DisabledSafetyCheck
        One ``DisabledSafetyCheck.custom_call`` per jfft FFI target
        (``jfft_c2c``, ``jfft_r2c``, ``jfft_c2r``, ``jfft_r2r``, ``jfft_stft``,
        ``jfft_istft``).

    Notes
    -----
    ``jax.export`` refuses custom calls whose targets are not on its own list
    of stable targets. jfft's promise for its targets: their operands, results
    and attributes keep their meaning for as long as the name exists; a change
    of any of them gets a new target name, so an artifact exported today either
    runs with the same results under a later jfft or fails to find its target,
    never computes something else. The process that runs the deserialised
    artifact must import jfft (that registers the targets). For an artifact
    with no custom calls at all, which runs without jfft (and on any platform),
    export under :func:`jfft.xla_fallback`.

    Examples
    --------
    >>> x = np.arange(8, dtype=np.float32)
    >>> exported = jax.export.export(
    ...     jax.jit(jfft.rfft), disabled_checks=jfft.export_safety_checks()
    ... )(x)
    >>> restored = jax.export.deserialize(exported.serialize())
    >>> np.allclose(restored.call(x), np.fft.rfft(x), atol=1e-5)
    True
    """
    targets = set(_jfft_cpu.registrations())
    if _jfft_cuda is not None:
        targets |= set(_jfft_cuda.registrations())
    return [jax.export.DisabledSafetyCheck.custom_call(t) for t in sorted(targets)]


def plan_cache_info() -> dict[str, int]:
    """The state of the native engine's plan cache.

    Returns
    -------
    dict of str to int
        ``entries`` (plans held), ``capacity`` (most plans held), ``bytes``
        (bytes the held plans take), ``max_bytes`` (most bytes held) and
        ``scratch_bytes`` (scratch memory kept for reuse between transforms,
        at most 64 MiB).

    See Also
    --------
    set_plan_cache_capacity : Changes the bounds.
    clear_plan_cache : Empties the cache.

    Notes
    -----
    A plan (twiddle tables, Bluestein's kernel spectrum, sub-plans) is built
    the first time a length and dtype are transformed and kept for the next
    transforms. A plan counts the sub-plans it holds, so ``bytes`` bounds the
    memory from above. The defaults are 256 plans and ``min(1 GiB, RAM/16)``.

    Examples
    --------
    >>> _ = jfft.fft(np.ones(48, np.complex64))
    >>> info = jfft.plan_cache_info()
    >>> info["entries"] >= 1 and info["bytes"] <= info["max_bytes"]
    True
    """
    return dict(_jfft_cpu.plan_cache_info())


def _check_bound(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name}: expected an integer >= 0, got {value!r}")
    return value


def set_plan_cache_capacity(
    capacity: int | None = None, *, max_bytes: int | None = None
) -> None:
    """Bounds the engine's plan cache by a count of plans and/or by bytes.

    Parameters
    ----------
    capacity : int, optional
        Most plans held (``>= 0``). ``None`` leaves it as it is.
    max_bytes : int, optional
        Keyword-only. Most bytes the held plans may take (``>= 0``). ``None``
        leaves it as it is.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        If a bound is not an integer ``>= 0``.

    See Also
    --------
    plan_cache_info : The current bounds and use.

    Notes
    -----
    The least recently used plans go first. A plan larger than ``max_bytes``
    is used by its transform and then dropped. The bounds are process-wide.

    Examples
    --------
    >>> before = jfft.plan_cache_info()
    >>> jfft.set_plan_cache_capacity(16, max_bytes=2**26)
    >>> jfft.plan_cache_info()["capacity"], jfft.plan_cache_info()["max_bytes"]
    (16, 67108864)
    >>> jfft.set_plan_cache_capacity(before["capacity"], max_bytes=before["max_bytes"])
    """
    if capacity is not None:
        _check_bound("capacity", capacity)
    if max_bytes is not None:
        _check_bound("max_bytes", max_bytes)
    if capacity is not None:
        _jfft_cpu.set_plan_cache_capacity(capacity)
    if max_bytes is not None:
        _jfft_cpu.set_plan_cache_max_bytes(max_bytes)


def clear_plan_cache() -> None:
    """Drops every cached plan and frees the scratch memory kept for reuse.

    Returns
    -------
    None

    See Also
    --------
    plan_cache_info : What the cache holds.

    Notes
    -----
    Plans in use finish first; the next transform of each length builds its
    plan again.

    Examples
    --------
    >>> jfft.clear_plan_cache()
    >>> jfft.plan_cache_info()["scratch_bytes"]
    0
    """
    _jfft_cpu.clear_plan_cache()
