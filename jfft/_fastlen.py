"""Transform lengths the engine computes fastest: those whose prime factors
all have a codelet (a hand-written butterfly) in the engine."""

from __future__ import annotations

import bisect
import functools
from typing import Any

from . import _args
from ._native import _jfft_cpu

# The engine's own list (kButterflyRadices, plans.h): every other prime
# factor runs through the generic odd-radix pass or Bluestein, several times
# slower.
CODELET_RADICES: tuple[int, ...] = tuple(_jfft_cpu.butterfly_radices())

# Larger targets would overflow the engine's 64-bit lengths once padded.
MAX_TARGET = 2**62


def _primes(radices: tuple[int, ...]) -> tuple[int, ...]:
    primes = set()
    for r in radices:
        p = 2
        while r > 1:
            while r % p == 0:
                primes.add(p)
                r //= p
            p += 1
    return tuple(sorted(primes))


FAST_PRIMES: tuple[int, ...] = _primes(CODELET_RADICES)


@functools.lru_cache(maxsize=64)
def _odd_smooth(bound: int, primes: tuple[int, ...]) -> tuple[int, ...]:
    """Sorted products of the odd ``primes`` that are <= ``bound``."""
    values = [1]
    for p in primes:
        if p == 2:
            continue
        grown = []
        for v in values:
            v *= p
            while v <= bound:
                grown.append(v)
                v *= p
        values += grown
    return tuple(sorted(values))


def _smallest_smooth(target: int, primes: tuple[int, ...]) -> int:
    if target <= 1:
        return target
    if 2 not in primes:
        odd = _odd_smooth(2 * target, primes)
        return odd[bisect.bisect_left(odd, target)]
    # Each odd part below the next power of two, doubled up to the target.
    bound = 1 << (target - 1).bit_length()
    best = bound
    for odd in _odd_smooth(bound, primes):
        if odd >= best:
            break
        value = odd << max(0, (-(-target // odd) - 1).bit_length())
        best = min(best, value)
    return best


def next_fast_len(target: Any, real: bool = False) -> int:
    """The smallest length >= ``target`` that jfft transforms fastest.

    As :func:`scipy.fft.next_fast_len`, but answering jfft's own fast sizes:
    lengths whose prime factors all have a codelet in the engine
    (:data:`CODELET_RADICES`, read from the engine: today 2, 3, 4, 5, 7, 8,
    11 and 13, so 2^a 3^b 5^c 7^d 11^e 13^f).

    Parameters
    ----------
    target : int
        Length to start searching from; a non-negative integer.
    real : bool, optional
        Whether the transform is of real input. The engine's real transforms
        of even length run on a complex transform of half the length, with
        the same fast factors, so the answer is the same either way; the
        argument is kept for scipy's signature.

    Returns
    -------
    int
        The smallest fast length >= ``target`` (0 for 0, as scipy).

    Raises
    ------
    TypeError
        ``target`` is not an integer, or ``real`` not a bool.
    ValueError
        ``target`` is negative or above 2**62.

    Examples
    --------
    >>> import jfft
    >>> jfft.next_fast_len(1021)
    1024
    >>> jfft.next_fast_len(97, real=True)
    98
    """
    target = _args._index(target, "target")
    if not isinstance(real, bool):
        raise TypeError(f"real: expected a bool, got {real!r}")
    if target < 0:
        raise ValueError(f"target: must be non-negative, got {target}")
    if target > MAX_TARGET:
        raise ValueError(f"target: must be at most 2**62, got {target}")
    return _smallest_smooth(target, FAST_PRIMES)


def _largest_smooth(target: int, primes: tuple[int, ...]) -> int:
    # Each odd part below the target, doubled as far as it stays below.
    best = 1 << (target.bit_length() - 1)
    for odd in _odd_smooth(target, primes):
        best = max(best, odd << ((target // odd).bit_length() - 1))
    return best


def prev_fast_len(target: Any, real: bool = False) -> int:
    """The largest length <= ``target`` that jfft transforms fastest.

    As :func:`scipy.fft.prev_fast_len`, for the engine's fast lengths (see
    :func:`next_fast_len`).

    Parameters
    ----------
    target : int
        Length to search down from; a non-negative integer.
    real : bool, optional
        Kept for scipy's signature: the fast lengths are the same for real
        transforms.

    Returns
    -------
    int
        The largest fast length <= ``target`` (0 for 0, as scipy).

    Raises
    ------
    TypeError
        ``target`` is not an integer, or ``real`` not a bool.
    ValueError
        ``target`` is negative or above 2**62.

    Examples
    --------
    >>> import jfft
    >>> jfft.numpy.prev_fast_len(97)
    96
    >>> jfft.numpy.prev_fast_len(1021)
    1014
    """
    target = _args._index(target, "target")
    if not isinstance(real, bool):
        raise TypeError(f"real: expected a bool, got {real!r}")
    if target < 0:
        raise ValueError(f"target: must be non-negative, got {target}")
    if target > MAX_TARGET:
        raise ValueError(f"target: must be at most 2**62, got {target}")
    if target <= 1:
        return target
    return _largest_smooth(target, FAST_PRIMES)
