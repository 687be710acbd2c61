// Transforms of arrays holding infinities: the DFT's own value, not a pass
// order's.
//
// An FFT computes each output through intermediate sums and twiddle products.
// With finite data that changes only rounding; with an Inf it decides the
// answer: a butterfly's inf - inf, or a twiddle of exactly i applied as a full
// complex product (inf * 0), gives NaN where the DFT's sum has a plain
// infinity. Every library's pattern is its own pass order's: numpy and
// scipy (pocketfft) agree with each other, ducc0, torch and jax.numpy each
// differ from them somewhere, and jfft's kernels differ again.
//
// jfft's rule instead: along each transformed axis (numpy's order: the last
// listed axis first), a line holding a NaN gives NaN at every output (but
// Im of an r2c's zero and Nyquist frequencies, which are zero for any real
// line); a line holding +-Inf and no NaN gets
// X_k = F_k + sum over the infinite parts of x_j w^(jk), where F is the usual
// transform of the line with its infinite parts set to zero, and each
// infinite term is evaluated with the exact root: a component of w^(jk) that
// is exactly 0 (quarter turns) contributes nothing, the others contribute
// +-Inf by sign. A component that receives both +Inf and -Inf is NaN. This is
// the limit of the transform as the entries grow without bound, and it is
// what numpy gives wherever its own pass order does not cancel (a single Inf
// in a power-of-two rfft, say).
//
// The driver keeps the fast path for finite data: after a c2c or r2c it looks
// at the zero-frequency output of each batch slice, which is the plain sum of
// the slice and so non-finite whenever the input holds an Inf or NaN (after a
// c2r, at the first two samples of each line); only then is the transform
// redone here. Lines are visited one by one in double
// precision: this path is for the rare array that holds infinities, and its
// cost per line is the usual transform plus O(n) per infinite entry (less
// when a component turns NaN early).
#ifndef JFFT_ENGINE_NONFINITE_H_
#define JFFT_ENGINE_NONFINITE_H_

#include <complex>
#include <cstdint>
#include <functional>
#include <vector>

namespace jfft::engine {

// The usual unnormalised transform of one contiguous line of n values, in
// place: the finite part of each line is computed by the caller's engine.
using LineTransform =
    std::function<void(std::complex<double>* line, int64_t n, bool forward)>;

// Whether any element (either component, for complex T) of a strided array
// is Inf or NaN.
template <typename T>
bool any_nonfinite(const T* data, const std::vector<int64_t>& shape,
                   const std::vector<int64_t>& strides);

// Whether the element at index 0 along every axis in `axes` (for every index
// of the other dimensions) is Inf or NaN in either component.
template <typename T>
bool zero_frequency_nonfinite(const std::complex<T>* data,
                              const std::vector<int64_t>& shape,
                              const std::vector<int64_t>& strides,
                              const std::vector<int64_t>& axes);

// Whether x[..., 0] or x[..., 1] along `axis` (the c2r's last axis) is Inf
// or NaN anywhere: the first sample of every line sums the real parts of
// its spectrum and the second takes every imaginary part that the c2r reads
// with a nonzero weight, so a c2r of an input holding an Inf or NaN that
// reaches the output shows it there (an FFT never turns a non-finite
// intermediate into a finite one).
template <typename T>
bool first_samples_nonfinite(const T* data, const std::vector<int64_t>& shape,
                             const std::vector<int64_t>& strides, int64_t axis);

// The transforms of fft_engine.h, unscaled, by the rule above. Shapes,
// strides and axes are those of the public entry points, already checked;
// `in` may alias `out`.
template <typename T>
void c2c_nonfinite(const std::complex<T>* in,
                   const std::vector<int64_t>& in_strides, std::complex<T>* out,
                   const std::vector<int64_t>& out_strides,
                   const std::vector<int64_t>& shape,
                   const std::vector<int64_t>& axes, bool forward,
                   const LineTransform& transform);
template <typename T>
void r2c_nonfinite(const T* in, const std::vector<int64_t>& in_shape,
                   const std::vector<int64_t>& in_strides, std::complex<T>* out,
                   const std::vector<int64_t>& out_strides,
                   const std::vector<int64_t>& axes,
                   const LineTransform& transform);
template <typename T>
void c2r_nonfinite(const std::complex<T>* in,
                   const std::vector<int64_t>& in_shape,
                   const std::vector<int64_t>& in_strides, T* out,
                   const std::vector<int64_t>& out_shape,
                   const std::vector<int64_t>& out_strides,
                   const std::vector<int64_t>& axes,
                   const LineTransform& transform);

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_NONFINITE_H_
