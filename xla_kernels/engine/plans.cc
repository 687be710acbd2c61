#include "plans.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "fft_engine.h"
#include "kernel_api.h"
#include "plan_cache.h"

namespace jfft::engine {
namespace {

std::vector<int64_t> factorize(int64_t n, int64_t largest_radix) {
  std::vector<int64_t> factors;
  // Radix 8 (where allowed), then 4 (fewest passes over the data), a
  // remaining 2 moved to the front.
  while (largest_radix >= 8 && n % 8 == 0) {
    factors.push_back(8);
    n /= 8;
  }
  while (n % 4 == 0) {
    factors.push_back(4);
    n /= 4;
  }
  if (n % 2 == 0) {
    n /= 2;
    factors.insert(factors.begin(), 2);
  }
  for (int64_t p = 3; p * p <= n; p += 2) {
    while (n % p == 0) {
      factors.push_back(p);
      n /= p;
    }
  }
  if (n > 1) factors.push_back(n);
  return factors;
}

// The cost model of direct vs Bluestein plans, in units of one point of a
// radix-1 pass: a pass of radix p costs p per point. Measured on a 2-core
// AVX-512 Xeon (complex64, 2^17 points of lines in lanes, one thread, the
// fastest of 7 rounds): codelet passes (radix 7, 8, 11, 13) took 0.11-0.13
// ns per point per unit of radix, generic ones (17, 23, 37, 59) 0.10-0.15.
constexpr double kGenericRadixCost = 1.1;
// A Bluestein plan runs two transforms of its padded length m, each rated
// kBluesteinTransformCost times the direct model, plus chirp products of
// kBluesteinPointCost per point of m. Measured, jfft / ducc0 (same rounds,
// benchmarks/codelet_ratios.py): direct prime lines ran 6.4 ns per point for
// 59, Bluestein ones 11.1 for 79 and 15.9 for 113 where the direct pass
// extrapolates to about 8.5 and 12.2, level at 127: the two transforms of m
// cost half again what the model of m says (they run inside the line's
// buffer, through its cache misses, not as a line of their own).
constexpr double kBluesteinTransformCost = 1.5;
constexpr double kBluesteinPointCost = 6.0;
// Primes up to this run direct whatever the model says: below it Bluestein's
// padded length never pays (its two transforms of about 2p points cost more
// than a generic pass of p).
constexpr int64_t kLargestAlwaysDirectPrime = 32;

double direct_cost(int64_t n, int64_t largest_radix) {
  double cost = 0;
  for (int64_t p : factorize(n, largest_radix)) {
    cost += has_butterfly(p) ? static_cast<double>(p)
                             : kGenericRadixCost * static_cast<double>(p);
  }
  return cost * static_cast<double>(n);
}

// The smallest 2^a 3^b 5^c >= n.
int64_t good_size(int64_t n) {
  if (n <= 6) return n;
  int64_t best = std::numeric_limits<int64_t>::max();
  for (int64_t f5 = 1; f5 < best; f5 *= 5) {
    for (int64_t f35 = f5; f35 < best; f35 *= 3) {
      int64_t x = f35;
      while (x < n) x *= 2;
      if (x < best) best = x;
      if (x == n) return n;
    }
  }
  return best;
}

// The padded length of a Bluestein convolution of at least n. Long ones run
// as four-step transforms (see c2c_axis), and those are fastest when both
// factors fill whole lane groups: a multiple of 16 * 16 is taken when it
// costs at most 6% more length than the smallest 2^a 3^b 5^c.
int64_t bluestein_size(int64_t n) {
  const int64_t smallest = good_size(n);
  constexpr int64_t kWholeLanes = kPostTwiddleBlock * kPostTwiddleBlock;
  if (smallest < (1 << 12)) {
    // Short ones run in lanes, where a power of two runs faster per point
    // than a length rich in 3s and 5s (256 lines of 2048 vs 2025: AVX2 12%
    // less time, AVX-512 1%): taken when at most 3% longer.
    int64_t power_of_two = 1;
    while (power_of_two < n) power_of_two *= 2;
    return power_of_two * 100 <= smallest * 103 ? power_of_two : smallest;
  }
  const int64_t whole_lanes =
      kWholeLanes * good_size((n + kWholeLanes - 1) / kWholeLanes);
  return whole_lanes * 100 <= smallest * 106 ? whole_lanes : smallest;
}

}  // namespace

void* allocate_table(size_t bytes) {
  if (bytes == 0) return nullptr;
#if defined(__linux__)
  if (bytes >= kMappedTableBytes) {
    void* data = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (data == MAP_FAILED) throw std::bad_alloc();
    advise_huge_pages(data, bytes);
    return data;
  }
#endif
  void* data = std::malloc(bytes);
  if (!data) throw std::bad_alloc();
  return data;
}

void release_table(void* data, size_t bytes) {
  if (!data) return;
#if defined(__linux__)
  if (bytes >= kMappedTableBytes) {
    munmap(data, bytes);
    return;
  }
#endif
  std::free(data);
}

template <typename T>
C2CPlan<T>::C2CPlan(int64_t length, int64_t largest_radix) : length_(length) {
  if (length < 1) {
    throw std::invalid_argument("FFT length must be at least 1, got " +
                                std::to_string(length));
  }
  if (length == 1) return;
  const std::vector<int64_t> factors = factorize(length, largest_radix);
  const int64_t largest = factors.back();
  if (largest > 5) {
    const int64_t padded = bluestein_size(2 * length - 1);
    const double bluestein_cost =
        2.0 * kBluesteinTransformCost * direct_cost(padded, largest_radix) +
        kBluesteinPointCost * static_cast<double>(padded);
    if (largest > kLargestAlwaysDirectPrime &&
        bluestein_cost < direct_cost(length, largest_radix)) {
      bluestein_length_ = padded;
      const size_t lane_values =
          static_cast<size_t>(length + 2 * padded) + kPassSkew;
      if (FourStepPlan<T>::split(padded) == 0 ||
          lane_values * kNarrowestLaneGroupElementBytes <= kLaneGroupBytes) {
        bluestein_plan_ = get_c2c_plan<T>(padded, largest_radix);
        scratch_size_ = padded + bluestein_plan_->scratch_size();
      } else {
        scratch_size_ = lane_values;  // bounds the driver's lane test only
      }
      // The chirp exp(-pi i k^2 / n), k^2 kept exact mod 2n in integers.
      // The convolution kernel's spectrum is built from the same roots in
      // double precision (for float plans too) and rounded once: rounding
      // errors of a float transform of it would add to every result.
      const UnitRoots<T> roots(2 * length);
      chirp_.resize(length / 2 + 1);
      // Double plans transform the kernel in the spectrum's own table.
      Table<std::complex<double>> kernel_table;
      std::complex<double>* kernel;
      chirp_spectrum_ = Table<Complex>(padded);
      if constexpr (std::is_same_v<T, double>) {
        kernel = chirp_spectrum_.data();
      } else {
        kernel_table = Table<std::complex<double>>(padded);
        kernel = kernel_table.data();
      }
      std::fill(kernel + length, kernel + padded - length + 1,
                std::complex<double>(0.0, 0.0));
      const double inv = 1.0 / static_cast<double>(padded);
      int64_t q = 0;
      for (int64_t k = 0; k < length; ++k) {
        const auto root = roots(q);
        if (2 * k <= length) chirp_[k] = rounded<T>(root);
        kernel[k] = std::conj(rounded<double>(root)) * inv;
        if (k > 0) kernel[padded - k] = kernel[k];
        q += 2 * k + 1;  // < 4n: one subtraction reduces it
        if (q >= 2 * length) q -= 2 * length;
      }
      forward_line_uncached(kernel, padded);
      if constexpr (!std::is_same_v<T, double>) {
        for (int64_t k = 0; k < padded; ++k) {
          chirp_spectrum_[k] = Complex(static_cast<T>(kernel[k].real()),
                                       static_cast<T>(kernel[k].imag()));
        }
      }
      return;
    }
  }
  // Direct mixed radix: per pass (radix - 1) * ido twiddles, then for generic
  // radices the p roots of unity.
  const UnitRoots<T> roots(length);
  // n - 1 twiddles in all (the passes' (p - 1) * ido telescope), plus each
  // generic radix's p roots: one table, not grown by doubling.
  size_t twiddle_count = static_cast<size_t>(length) - 1;
  for (int64_t p : factors) {
    if (!has_butterfly(p)) twiddle_count += p;
  }
  twiddles_ = Table<Complex>(twiddle_count);
  size_t at = 0;
  int64_t l1 = 1;
  for (int64_t p : factors) {
    const int64_t ido = length / (l1 * p);
    passes_.push_back({p, l1, ido, at});
    for (int64_t j = 1; j < p; ++j) {
      for (int64_t i = 0; i < ido; ++i) {
        twiddles_[at++] = rounded<T>(roots(i * j * l1));
      }
    }
    if (!has_butterfly(p)) {
      for (int64_t q = 0; q < p; ++q) {
        twiddles_[at++] = rounded<T>(roots(q * (length / p)));
      }
      work_size_ = std::max(work_size_, static_cast<size_t>(p + 1));
    }
    l1 *= p;
  }
  scratch_size_ = kPassSkew + length + work_size_;
}

template <typename T>
size_t C2CPlan<T>::bytes() const {
  return sizeof(*this) + passes_.capacity() * sizeof(Pass) +
         (twiddles_.size() + chirp_.capacity() + chirp_spectrum_.size()) *
             sizeof(Complex) +
         (bluestein_plan_ ? bluestein_plan_->bytes() : 0);
}

template <typename T>
RealPlan<T>::RealPlan(int64_t length, int64_t largest_radix) : length_(length) {
  if (length < 1) {
    throw std::invalid_argument("FFT length must be at least 1, got " +
                                std::to_string(length));
  }
  if (length % 2 == 0) {
    const int64_t half = length / 2;
    complex_plan_ = get_c2c_plan<T>(half, largest_radix);
    twiddles_ = Table<Complex>(half);
    const UnitRoots<T> roots(length);
    for (int64_t k = 0; k < half; ++k) twiddles_[k] = rounded<T>(roots(k));
  } else {
    complex_plan_ = get_c2c_plan<T>(length, largest_radix);
  }
}

template <typename T>
size_t RealPlan<T>::bytes() const {
  return sizeof(*this) + twiddles_.size() * sizeof(Complex) +
         complex_plan_->bytes();
}

template <typename T>
int64_t FourStepPlan<T>::split(int64_t length) {
  // Worth it once a line outgrows the L2 cache; the split must keep both
  // factors long enough to be real transforms, and must not need Bluestein
  // (whose padded length the direct plan handles better).
  if (length < (1 << 12)) return 0;
  // Radices 2, 3, 4, 5, 8 only (factorize puts 4s and 8s last, so the last
  // factor is not the largest prime).
  for (int64_t p : factorize(length, 8)) {
    if (p > 5 && p != 8) return 0;
  }
  // The most balanced split, unless one within 4x of it has both factors a
  // multiple of the widest lane group (16): lines left over from the lane
  // groups run on narrower vectors or scalar code.
  int64_t n1 = 1, n1_whole_lanes = 0;
  for (int64_t d = 2; d * d <= length; ++d) {
    if (length % d != 0) continue;
    n1 = d;
    if (d % kPostTwiddleBlock == 0 && (length / d) % kPostTwiddleBlock == 0) {
      n1_whole_lanes = d;
    }
  }
  if (n1_whole_lanes * 4 >= n1) n1 = n1_whole_lanes;
  return n1 >= 16 ? n1 : 0;
}

template <typename T>
FourStepPlan<T>::FourStepPlan(int64_t length, int64_t largest_radix) {
  n1_ = split(length);
  if (n1_ == 0) {
    throw std::invalid_argument("no four-step split for length " +
                                std::to_string(length));
  }
  n2_ = length / n1_;
  columns_ = get_c2c_plan<T>(n1_, largest_radix);
  rows_ = get_c2c_plan<T>(n2_, largest_radix);
  const int64_t blocks = (n2_ + kPostTwiddleBlock - 1) / kPostTwiddleBlock;
  twiddle_re_ = Table<T>(blocks * kPostTwiddleBlock * n1_);
  twiddle_im_ = Table<T>(twiddle_re_.size());
  // Lines past n2 in the last block are never transformed; their entries
  // get w = 1 rather than garbage all the same.
  for (int64_t j2 = n2_; j2 < blocks * kPostTwiddleBlock; ++j2) {
    for (int64_t k1 = 0; k1 < n1_; ++k1) {
      twiddle_re_[post_twiddle_index(k1, j2, n1_)] = T(1);
      twiddle_im_[post_twiddle_index(k1, j2, n1_)] = T(0);
    }
  }
  const UnitRoots<T> roots(length);
  for (int64_t j2 = 0; j2 < n2_; ++j2) {
    for (int64_t k1 = 0; k1 < n1_; ++k1) {
      const Complex w = rounded<T>(roots(k1 * j2));
      twiddle_re_[post_twiddle_index(k1, j2, n1_)] = w.real();
      twiddle_im_[post_twiddle_index(k1, j2, n1_)] = w.imag();
    }
  }
}

template <typename T>
size_t FourStepPlan<T>::bytes() const {
  return sizeof(*this) + (twiddle_re_.size() + twiddle_im_.size()) * sizeof(T) +
         columns_->bytes() + rows_->bytes();
}

template <typename T>
std::shared_ptr<const C2CPlan<T>> get_c2c_plan(int64_t length,
                                               int64_t largest_radix) {
  return plan_cache().get<C2CPlan<T>>(PlanKind::kComplex, sizeof(T), length,
                                      largest_radix);
}

template <typename T>
std::shared_ptr<const RealPlan<T>> get_real_plan(int64_t length,
                                                 int64_t largest_radix) {
  return plan_cache().get<RealPlan<T>>(PlanKind::kReal, sizeof(T), length,
                                       largest_radix);
}

template <typename T>
std::shared_ptr<const FourStepPlan<T>> get_four_step_plan(
    int64_t length, int64_t largest_radix) {
  return plan_cache().get<FourStepPlan<T>>(PlanKind::kFourStep, sizeof(T),
                                           length, largest_radix);
}

template class FourStepPlan<float>;
template class FourStepPlan<double>;
template class C2CPlan<float>;
template class C2CPlan<double>;
template class RealPlan<float>;
template class RealPlan<double>;
template std::shared_ptr<const C2CPlan<float>> get_c2c_plan(int64_t, int64_t);
template std::shared_ptr<const C2CPlan<double>> get_c2c_plan(int64_t, int64_t);
template std::shared_ptr<const RealPlan<float>> get_real_plan(int64_t, int64_t);
template std::shared_ptr<const RealPlan<double>> get_real_plan(int64_t,
                                                               int64_t);
template std::shared_ptr<const FourStepPlan<float>> get_four_step_plan(int64_t,
                                                                       int64_t);
template std::shared_ptr<const FourStepPlan<double>> get_four_step_plan(
    int64_t, int64_t);

}  // namespace jfft::engine
