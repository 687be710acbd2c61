#include "plans.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "cost_model.h"
#include "isa.h"
#include "kernel_api.h"
#include "plan_cache.h"
#include "scratch.h"

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

// The cost model (cost_model.h) of a direct plan of n, and of the pass of
// one radix per point of the line.
double radix_cost(int64_t p) {
  return has_butterfly(p) ? static_cast<double>(p)
                          : kGenericRadixCostFactor * static_cast<double>(p);
}
double direct_cost(int64_t n, int64_t largest_radix) {
  double cost = 0;
  for (int64_t p : factorize(n, largest_radix)) cost += radix_cost(p);
  return cost * static_cast<double>(n);
}
// A Bluestein convolution of padded length m: two transforms of m, each
// rated transform_cost times the direct model, and point_cost per point of m
// for the chirp and spectrum products (the whole line's and the pass's
// constants differ, cost_model.h).
double bluestein_cost(int64_t padded, int64_t largest_radix,
                      double transform_cost, double point_cost) {
  return 2.0 * transform_cost * direct_cost(padded, largest_radix) +
         point_cost * static_cast<double>(padded);
}
double bluestein_pass_cost(int64_t p, int64_t padded, int64_t largest_radix) {
  return bluestein_cost(padded, largest_radix, kBluesteinPassTransformCost,
                        kBluesteinPassPointCost) /
         static_cast<double>(p);
}

bool is_prime(int64_t n) {
  if (n < 2) return false;
  for (int64_t d = 2; d * d <= n; ++d) {
    if (n % d == 0) return false;
  }
  return true;
}

int64_t power_mod(int64_t base, int64_t exponent, int64_t modulus) {
  int64_t result = 1;
  base %= modulus;
  for (; exponent > 0; exponent >>= 1) {
    if (exponent & 1) result = result * base % modulus;
    base = base * base % modulus;
  }
  return result;
}

// The smallest g whose powers g^0 .. g^(p-2) are all of 1 .. p-1: no
// g^((p-1)/q) is 1 for a prime q dividing p - 1.
int64_t primitive_root(int64_t p) {
  std::vector<int64_t> divisors;  // the distinct primes of p - 1
  int64_t rest = p - 1;
  for (int64_t q = 2; q * q <= rest; ++q) {
    if (rest % q != 0) continue;
    divisors.push_back(q);
    while (rest % q == 0) rest /= q;
  }
  if (rest > 1) divisors.push_back(rest);
  for (int64_t g = 2;; ++g) {
    bool generates = true;
    for (int64_t q : divisors) {
      if (power_mod(g, (p - 1) / q, p) == 1) generates = false;
    }
    if (generates) return g;
  }
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

// The padded length of a Bluestein convolution of at least n (see
// cost_model.h): short ones run in lanes and prefer a power of two, long
// ones run four-step and prefer both factors whole lane groups.
int64_t bluestein_size(int64_t n) {
  const int64_t smallest = good_size(n);
  constexpr int64_t kWholeLanes = kPostTwiddleBlock * kPostTwiddleBlock;
  if (smallest < kLaneBluesteinMaxLength) {
    int64_t power_of_two = 1;
    while (power_of_two < n) power_of_two *= 2;
    return power_of_two * 100 <= smallest * (100 + kPowerOfTwoSlackPercent)
               ? power_of_two
               : smallest;
  }
  const int64_t whole_lanes =
      kWholeLanes * good_size((n + kWholeLanes - 1) / kWholeLanes);
  return whole_lanes * 100 <= smallest * (100 + kWholeLanesSlackPercent)
             ? whole_lanes
             : smallest;
}

// A Bluestein pass's padded length (cost_model.h): of the 2^a 3^b 5^c from
// n up to kBluesteinPassPaddedSlackPercent longer, the one whose direct
// plan the model, with kBluesteinPassPaddedPassCost per pass, rates
// cheapest.
int64_t bluestein_pass_size(int64_t n, int64_t largest_radix) {
  int64_t best = good_size(n);
  double best_cost = std::numeric_limits<double>::infinity();
  for (int64_t m = best;
       m * 100 <= n * (100 + kBluesteinPassPaddedSlackPercent);
       m = good_size(m + 1)) {
    const std::vector<int64_t> factors = factorize(m, largest_radix);
    const double cost =
        (direct_cost(m, largest_radix) / static_cast<double>(m) +
         kBluesteinPassPaddedPassCost * static_cast<double>(factors.size())) *
        static_cast<double>(m);
    if (cost < best_cost) {
      best = m;
      best_cost = cost;
    }
  }
  return best;
}

// What the cost model (cost_model.h) chooses for a plan of `length`: per
// prime factor p its own butterfly or the generic pass, a Rader pass or a
// Bluestein pass (pass_padded: 0, -1 or the padded length), whichever is
// rated cheapest; then for the whole line Rader (a prime) or Bluestein where
// that is cheaper still. A convolution pass only in a composite length whose
// lines with the pass's work area (about two convolution lengths) still make
// a lane group (lane_group_too_big): its lines can never split four-step,
// where a whole-line Bluestein plan's can; whole-line Rader likewise only
// within a lane group.
struct PlanChoice {
  enum Whole { kPasses, kRader, kBluestein };
  std::vector<int64_t> factors;
  std::vector<int64_t> pass_padded;
  Whole whole = kPasses;
  int64_t bluestein_padded = 0;
  double cost = 0;  // in the units of direct_cost
};

PlanChoice choose_plan(int64_t length, int64_t largest_radix);

// Rader's convolution of a prime p (rader.inc): two transforms of p - 1,
// each rated kRaderTransformCost times the model of that plan, and
// kRaderPointCost per point for the reordering and the spectrum product.
// Infinite where Rader is not offered (cost_model.h).
double rader_cost(int64_t p, int64_t largest_radix) {
  if (p <= kRaderMinPrime || p > std::numeric_limits<int32_t>::max()) {
    return std::numeric_limits<double>::infinity();
  }
  const PlanChoice inner = choose_plan(p - 1, largest_radix);
  if (inner.factors.back() > kRaderLargestInnerPrime) {
    return std::numeric_limits<double>::infinity();
  }
  return 2.0 * kRaderTransformCost * inner.cost +
         kRaderPointCost * static_cast<double>(p - 1);
}

PlanChoice choose_plan(int64_t length, int64_t largest_radix) {
  PlanChoice choice;
  choice.factors = factorize(length, largest_radix);
  choice.pass_padded.assign(choice.factors.size(), 0);
  double per_point = 0;
  for (size_t f = 0; f < choice.factors.size(); ++f) {
    const int64_t p = choice.factors[f];
    double pass_cost = radix_cost(p);
    if (p < length && p > kBluesteinMinPrime) {
      const double rader =
          rader_cost(p, largest_radix) / static_cast<double>(p);
      const size_t rader_values = static_cast<size_t>(2 * length + 2 * p) +
                                  2 * C2CPlan<float>::kPassSkew;
      if (rader < pass_cost &&
          !lane_group_too_big(rader_values, kNarrowestLaneGroupElementBytes)) {
        choice.pass_padded[f] = -1;
        pass_cost = rader;
      }
      const int64_t padded = bluestein_pass_size(2 * p - 1, largest_radix);
      const double bluestein = bluestein_pass_cost(p, padded, largest_radix);
      const size_t bluestein_values =
          static_cast<size_t>(2 * length + 2 * padded) +
          2 * C2CPlan<float>::kPassSkew;
      if (padded < kLaneBluesteinMaxLength && bluestein < pass_cost &&
          !lane_group_too_big(bluestein_values,
                              kNarrowestLaneGroupElementBytes)) {
        choice.pass_padded[f] = padded;
        pass_cost = bluestein;
      }
    }
    per_point += pass_cost;
  }
  choice.cost = per_point * static_cast<double>(length);
  if (choice.factors.size() == 1 && length > 1) {
    const size_t lane_values =
        static_cast<size_t>(3 * length) + C2CPlan<float>::kPassSkew;
    const double rader = rader_cost(length, largest_radix);
    if (rader < choice.cost &&
        !lane_group_too_big(lane_values, kNarrowestLaneGroupElementBytes)) {
      choice.whole = PlanChoice::kRader;
      choice.cost = rader;
    }
  }
  if (choice.factors.back() > kBluesteinMinPrime) {
    const int64_t padded = bluestein_size(2 * length - 1);
    const double bluestein = bluestein_cost(
        padded, largest_radix, kBluesteinTransformCost, kBluesteinPointCost);
    if (bluestein < choice.cost) {
      choice.whole = PlanChoice::kBluestein;
      choice.bluestein_padded = padded;
      choice.cost = bluestein;
    }
  }
  return choice;
}

// emit(k, root) for 0 <= k < count with root = exp(-pi i k^2 / n), the root
// of k^2 mod 2n among those of 2n, looked up one by one with k^2 kept exact
// by increments ((k + 1)^2 = k^2 + 2k + 1; k^2 itself overflows int64 for
// n from 2^31): no recurrence of roots, whose error would grow with k, and
// one product of long double roots per value where a recurrence in blocks
// (a power of the block's step times a table of j^2) took three.
template <typename Roots, typename Emit>
void chirp_roots(const Roots& roots, int64_t n, int64_t count, Emit&& emit) {
  const int64_t two_n = 2 * n;
  int64_t k_squared = 0;  // mod 2n
  for (int64_t k = 0; k < count; ++k) {
    emit(k, roots(k_squared));
    // 2k + 1 < 4n for k < 2n: at most two subtractions.
    k_squared += 2 * k + 1;
    if (k_squared >= two_n) k_squared -= two_n;
    if (k_squared >= two_n) k_squared -= two_n;
  }
}

// The forward transform of one contiguous double-precision line in place,
// with the kernels in use and a plan built for this call only (not cached):
// Bluestein plans transform their kernel with it (forward_kernel). Its
// twiddles come from `roots`, of length * stride: the kernel's transforms
// of m/2, m/4, ... share the roots of m rather than each building a table
// of its own (long double sines and cosines, a tenth of a long plan's time).
template <typename R>
void forward_line_uncached(std::complex<double>* data, int64_t length,
                           const BasicUnitRoots<R>& roots, int64_t stride) {
  const int64_t radix = preferred_largest_radix();
  const KernelTable<double>& k = kernels<double>();
  const int64_t n1 = FourStepPlan<double>::split(length);
  if (n1 == 0) {
    const C2CPlan<double> plan(length, radix);
    LineSet line;
    line.in_stride = line.out_stride = 1;
    k.c2c(plan, data, data, line, 0, 1, true, {});
    return;
  }
  // Four-step as c2c_four_step, with the twiddles made one block of
  // kPostTwiddleBlock columns at a time instead of a table of all n (for the
  // padded length of a prime near 10^7, 320 MiB written once and dropped).
  const int64_t n2 = length / n1;
  const auto columns_plan = get_c2c_plan<double>(n1, radix);
  const auto rows_plan = get_c2c_plan<double>(n2, radix);
  ScratchArray<std::complex<double>> matrix(length);
  ScratchArray<double> re(kPostTwiddleBlock * n1), im(kPostTwiddleBlock * n1);
  for (int64_t first = 0; first < n2; first += kPostTwiddleBlock) {
    const int64_t count = std::min(kPostTwiddleBlock, n2 - first);
    for (int64_t j = 0; j < kPostTwiddleBlock; ++j) {
      if (j >= count) {
        for (int64_t k1 = 0; k1 < n1; ++k1) {
          re[post_twiddle_index(k1, j, n1)] = 1.0;
          im[post_twiddle_index(k1, j, n1)] = 0.0;
        }
        continue;
      }
      roots.powers(0, (first + j) * stride, n1, [&](int64_t k1, const auto& w) {
        re[post_twiddle_index(k1, j, n1)] = static_cast<double>(w.real());
        im[post_twiddle_index(k1, j, n1)] = static_cast<double>(w.imag());
      });
    }
    LineSet columns;  // lines first..first+count of length n1
    columns.dims = {count};
    columns.in_strides = {1};
    columns.out_strides = {1};
    columns.count = count;
    columns.in_stride = columns.out_stride = n2;
    k.c2c(*columns_plan, data + first, matrix.get() + first, columns, 0, count,
          true, PostTwiddles<double>{re.get(), im.get()});
  }
  LineSet rows;  // n1 lines of length n2, written to x[k1 + n1 * k2]
  rows.dims = {n1};
  rows.in_strides = {n2};
  rows.out_strides = {1};
  rows.count = n1;
  rows.in_stride = 1;
  rows.out_stride = n1;
  k.c2c(*rows_plan, matrix.get(), data, rows, 0, n1, true, {});
}

// The forward transform of an even line x of 2M points (x[2M - k] = x[k]),
// given by its values for k <= M in h[0..M] and replaced there by its
// spectrum's (even too), for about half the work of a transform of 2M.
// With N = M/2, the even outputs X[2j] are the spectrum of the even line
// u[k] = x[k] + x[k + M] = h[k] + h[M - k] of M points (this function
// again, on u[0..N] in h[0..N]); the odd ones X[2j+1] = X[2M-1-2j] a
// DCT-III of d[k] = h[k] - h[M - k], k < N (FFTW's REDFT01: d[0] + 2 sum
// d[k] cos(pi k (2j+1) / 2N)), done as the transpose of Makhoul's DCT-II:
// one transform of N points of v[l] = exp(-pi i l / 2N) (d[l] + i d[N-l]),
// v[0] = d[0], read back in the order Y[2k] = W[k], Y[2k+1] = W[N-1-k].
// Every step is a product by a root or a sum of two values (no recurrence
// over the outputs, as the DCT-I of Numerical Recipes' cosft1 has, whose
// error grows with the length). Lines too short, or with M odd, take the
// transform of 2M. Its roots are `roots`, of 2M * stride.
template <typename R>
void forward_even_line(std::complex<double>* h, int64_t half,
                       const BasicUnitRoots<R>& roots, int64_t stride) {
  using C = std::complex<double>;
  const int64_t m = 2 * half;
  if (half % 2 != 0 || m < kEvenSplitMinLength) {
    ScratchArray<C> line(m);
    std::copy(h, h + half + 1, line.get());
    for (int64_t k = 1; k < half; ++k) line[m - k] = h[k];
    forward_line_uncached<R>(line.get(), m, roots, stride);
    std::copy(line.get(), line.get() + half + 1, h);
    return;
  }
  const int64_t quarter = half / 2;
  // u[k] in h[k] and d[k] in h[M - k], pair by pair (u[N] = 2 h[N], d[N] = 0).
  for (int64_t k = 0; k < quarter; ++k) {
    const C a = h[k], b = h[half - k];
    h[k] = a + b;
    h[half - k] = a - b;
  }
  h[quarter] *= 2.0;
  ScratchArray<C> w(quarter);
  w[0] = h[half];
  roots.powers(0, stride, quarter, [&](int64_t l, const auto& root) {
    if (l == 0) return;
    const C d = h[half - l], d_mirror = h[quarter + l];  // d[l], d[N - l]
    w[l] = rounded<double>(root) *
           C(d.real() - d_mirror.imag(), d.imag() + d_mirror.real());
  });
  forward_line_uncached<R>(w.get(), quarter, roots, 4 * stride);
  forward_even_line<R>(h, quarter, roots, 2 * stride);
  // X[2j] = U[j] (in h[j], j <= N) and X[2j+1] = Y[j] (j < N), written from
  // the top down, where no U[j] still to be read lies.
  h[half] = h[quarter];
  for (int64_t j = quarter - 1; j >= 0; --j) {
    h[2 * j + 1] = j % 2 == 0 ? w[j / 2] : w[quarter - (j + 1) / 2];
    h[2 * j] = h[j];
  }
}

// The forward transform of a Bluestein plan's kernel, an even line of m
// points given by its values for k <= m/2 (build_chirp_tables), with the
// kernels in use; its spectrum, even too, replaces it (all m values). By
// the even transform (half the work of a transform of m), or for odd m the
// transform of m, with twiddles of their own: double plans from long double
// roots, float plans from double ones (their error, ~2e-16, is far below
// float's rounding, and they are faster). Double plans whose lines run
// four-step could take the twiddles of the cached four-step plan of m,
// which those lines run, but its transform of m took longer than the even
// one with twiddles of its own.
template <typename T>
void forward_kernel(std::complex<double>* data, int64_t m) {
  using R = std::conditional_t<std::is_same_v<T, double>, long double, double>;
  const int64_t upper = (m + 1) / 2;  // k >= upper mirror k < upper
  const BasicUnitRoots<R> roots(m);
  if (m % 2 == 0) {
    forward_even_line<R>(data, m / 2, roots, 1);
  } else {
    for (int64_t k = 1; k < upper; ++k) data[m - k] = data[k];
    forward_line_uncached<R>(data, m, roots, 1);
  }
  for (int64_t k = 1; k < upper; ++k) data[m - k] = data[k];
}

// A Bluestein plan's tables for a line of n points and the padded length m:
// the chirp exp(-pi i k^2 / n) for k <= n/2 (k^2 kept exact mod 2n in
// integers), and the transformed, 1/m-scaled conjugate chirp. The
// convolution kernel's spectrum is built from the same roots in double
// precision (for float plans too) and rounded once: rounding errors of a
// float transform of it would add to every result. The kernel's values past
// n/2 mirror those below: chirp(n - k) = (-1)^n chirp(k) (ChirpTables::chirp).
template <typename T>
void build_chirp_tables(int64_t n, int64_t m,
                        std::vector<std::complex<T>>* chirp,
                        Table<std::complex<T>>* spectrum) {
  const UnitRoots<T> roots(2 * n);
  const int64_t half = n / 2 + 1;
  chirp->resize(half);
  // Double plans transform the kernel in the spectrum's own table.
  Table<std::complex<double>> kernel_table;
  std::complex<double>* kernel;
  *spectrum = Table<std::complex<T>>(m);
  if constexpr (std::is_same_v<T, double>) {
    kernel = spectrum->data();
  } else {
    kernel_table = Table<std::complex<double>>(m);
    kernel = kernel_table.data();
  }
  // The kernel for k <= m/2 (forward_kernel mirrors it): the conjugate
  // chirp for k < n, zeros up to m/2 (m >= 2n - 1).
  std::fill(kernel + n, kernel + m / 2 + 1, std::complex<double>(0.0, 0.0));
  const double inv = 1.0 / static_cast<double>(m);
  chirp_roots(roots, n, half, [&](int64_t k, const auto& root) {
    (*chirp)[k] = rounded<T>(root);
    kernel[k] = std::conj(rounded<double>(root)) * inv;
  });
  const double sign = n % 2 == 0 ? 1.0 : -1.0;
  for (int64_t k = half; k < n; ++k) kernel[k] = sign * kernel[n - k];
  forward_kernel<T>(kernel, m);
  if constexpr (!std::is_same_v<T, double>) {
    for (int64_t k = 0; k < m; ++k) {
      (*spectrum)[k] = std::complex<T>(static_cast<T>(kernel[k].real()),
                                       static_cast<T>(kernel[k].imag()));
    }
  }
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
ChirpTables<T>::ChirpTables(int64_t length, int64_t padded_length)
    : length_(length), padded_length_(padded_length) {
  build_chirp_tables(length, padded_length, &chirp_, &spectrum_);
}

template <typename T>
RaderTables<T>::RaderTables(int64_t prime) : length_(prime) {
  if (prime > std::numeric_limits<int32_t>::max() || !is_prime(prime)) {
    throw std::invalid_argument("Rader: length must be a prime, got " +
                                std::to_string(prime));
  }
  const int64_t m = prime - 1;
  const int64_t g = primitive_root(prime);
  const int64_t g_inverse = power_mod(g, prime - 2, prime);
  order_.resize(2 * m);
  for (int64_t r = 0, in = 1, out = 1; r < m; ++r) {
    order_[r] = static_cast<int32_t>(in);
    order_[m + r] = static_cast<int32_t>(out);
    in = in * g % prime;
    out = out * g_inverse % prime;
  }
  // b[s] = exp(-2 pi i g^-s / p), transformed in double precision (for
  // float plans too, rounded once, as Bluestein's kernel).
  using R = std::conditional_t<std::is_same_v<T, double>, long double, double>;
  const BasicUnitRoots<R> roots(prime);
  Table<std::complex<double>> kernel(m);
  const double inv = 1.0 / static_cast<double>(m);
  for (int64_t s = 0; s < m; ++s) {
    kernel[s] = rounded<double>(roots(order_[m + s])) * inv;
  }
  forward_line_uncached<R>(kernel.data(), m, BasicUnitRoots<R>(m), 1);
  spectrum_ = Table<Complex>(m);
  for (int64_t k = 0; k < m; ++k) {
    spectrum_[k] = Complex(static_cast<T>(kernel[k].real()),
                           static_cast<T>(kernel[k].imag()));
  }
}

template <typename T>
C2CPlan<T>::C2CPlan(int64_t length, int64_t largest_radix) : length_(length) {
  if (length < 1) {
    throw std::invalid_argument("FFT length must be at least 1, got " +
                                std::to_string(length));
  }
  if (length == 1) return;
  const PlanChoice choice = choose_plan(length, largest_radix);
  const std::vector<int64_t>& factors = choice.factors;
  const std::vector<int64_t>& pass_padded = choice.pass_padded;
  if (choice.whole == PlanChoice::kBluestein) {
    const int64_t padded = choice.bluestein_padded;
    bluestein_length_ = padded;
    const size_t lane_values =
        static_cast<size_t>(length + 2 * padded) + kPassSkew;
    if (FourStepPlan<T>::split(padded) == 0 ||
        !lane_group_too_big(lane_values, kNarrowestLaneGroupElementBytes)) {
      bluestein_plan_ = get_c2c_plan<T>(padded, largest_radix);
      scratch_size_ = padded + bluestein_plan_->scratch_size();
    } else {
      scratch_size_ = lane_values;  // bounds the driver's lane test only
    }
    chirps_ = ChirpTables<T>(length, padded);
    return;
  }
  if (choice.whole == PlanChoice::kRader) {
    rader_ = RaderTables<T>(length);
    rader_plan_ = get_c2c_plan<T>(length - 1, largest_radix);
    scratch_size_ = (length - 1) + rader_plan_->scratch_size();
    return;
  }
  // Direct mixed radix: per pass (radix - 1) * ido twiddles, then for generic
  // radices the p roots of unity.
  const UnitRoots<T> roots(length);
  // n - 1 twiddles in all (the passes' (p - 1) * ido telescope), plus each
  // generic radix's p roots: one table, not grown by doubling.
  size_t twiddle_count = static_cast<size_t>(length) - 1;
  for (size_t f = 0; f < factors.size(); ++f) {
    if (!has_butterfly(factors[f]) && pass_padded[f] == 0) {
      twiddle_count += factors[f];
    }
  }
  twiddles_ = Table<Complex>(twiddle_count);
  size_t at = 0;
  int64_t l1 = 1;
  for (size_t f = 0; f < factors.size(); ++f) {
    const int64_t p = factors[f];
    const int64_t ido = length / (l1 * p);
    passes_.push_back({p, l1, ido, at});
    for (int64_t j = 1; j < p; ++j) {
      roots.powers(0, j * l1, ido, [&](int64_t i, const auto& w) {
        twiddles_[at + i] = rounded<T>(w);
      });
      at += ido;
    }
    if (pass_padded[f] < 0) {
      // The butterflies' Rader convolution: its p - 1 values, then its
      // plan's scratch (kernels.h, pass_convolution).
      passes_.back().convolution = static_cast<int64_t>(convolutions_.size());
      convolutions_.push_back({ChirpTables<T>(), RaderTables<T>(p),
                               get_c2c_plan<T>(p - 1, largest_radix)});
      work_size_ =
          std::max(work_size_, static_cast<size_t>(p - 1) +
                                   convolutions_.back().plan->scratch_size());
    } else if (pass_padded[f] > 0) {
      // The butterflies' convolution: its padded values, then its plan's
      // scratch (kernels.h, pass_convolution).
      const int64_t padded = pass_padded[f];
      passes_.back().convolution = static_cast<int64_t>(convolutions_.size());
      convolutions_.push_back({ChirpTables<T>(p, padded), RaderTables<T>(),
                               get_c2c_plan<T>(padded, largest_radix)});
      work_size_ =
          std::max(work_size_, static_cast<size_t>(padded) +
                                   convolutions_.back().plan->scratch_size());
    } else if (!has_butterfly(p)) {
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
  size_t convolution_bytes = convolutions_.capacity() * sizeof(Convolution);
  for (const Convolution& convolution : convolutions_) {
    convolution_bytes += convolution.chirps.bytes() +
                         convolution.rader.bytes() + convolution.plan->bytes();
  }
  return sizeof(*this) + passes_.capacity() * sizeof(Pass) +
         twiddles_.size() * sizeof(Complex) + chirps_.bytes() + rader_.bytes() +
         (rader_plan_ ? rader_plan_->bytes() : 0) + convolution_bytes +
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
    roots.powers(0, 1, half, [&](int64_t k, const auto& w) {
      twiddles_[k] = rounded<T>(w);
    });
  } else {
    complex_plan_ = get_c2c_plan<T>(length, largest_radix);
  }
}

template <typename T>
size_t RealPlan<T>::bytes() const {
  return sizeof(*this) + twiddles_.size() * sizeof(Complex) +
         complex_plan_->bytes();
}

namespace {

// The most balanced split n1 x n2 of `length` with both factors `allowed`,
// unless a less balanced one has both factors a multiple of the widest lane
// group (lines left over from the lane groups run on narrower vectors or
// scalar code); 0 when no split has both factors at least
// kFourStepMinFactor.
template <typename Allowed>
int64_t balanced_split(int64_t length, Allowed&& allowed) {
  int64_t n1 = 0, n1_whole_lanes = 0;
  for (int64_t d = kFourStepMinFactor; d * d <= length; ++d) {
    if (length % d != 0 || !allowed(d) || !allowed(length / d)) continue;
    n1 = d;
    if (d % kPostTwiddleBlock == 0 && (length / d) % kPostTwiddleBlock == 0) {
      n1_whole_lanes = d;
    }
  }
  if (n1_whole_lanes * kFourStepWholeLanesImbalance >= n1) n1 = n1_whole_lanes;
  return n1;
}

// The split of a length with a prime factor above kFourStepLargestPrime:
// both factors planned without Bluestein's whole-line convolution (a Rader
// plan or passes, with their large primes as Rader, Bluestein or generic
// passes, which run in lanes), and where the whole length's plan would be
// Bluestein's, only if the model rates the split's two passes cheaper: a
// long line of several large primes (2 5^3 37 109) then runs its passes on
// lane groups instead of one scalar line or a convolution of twice its
// length. Remembered per length: the cost model of every divisor is too
// slow for each call.
int64_t large_prime_split(int64_t length) {
  const int64_t radix = preferred_largest_radix();
  static std::mutex mutex;
  static std::map<std::pair<int64_t, int64_t>, int64_t> splits;
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto found = splits.find({length, radix});
    if (found != splits.end()) return found->second;
  }
  const auto lanes_plan = [&](int64_t n) {
    return choose_plan(n, radix).whole != PlanChoice::kBluestein;
  };
  int64_t n1 = balanced_split(length, lanes_plan);
  const PlanChoice whole = choose_plan(length, radix);
  if (n1 > 0 && whole.whole == PlanChoice::kBluestein) {
    // Against the whole line's Bluestein convolution, the split's two
    // passes of lines by the model.
    const int64_t n2 = length / n1;
    const double split_cost =
        static_cast<double>(n2) * choose_plan(n1, radix).cost +
        static_cast<double>(n1) * choose_plan(n2, radix).cost;
    if (split_cost >= whole.cost) n1 = 0;
  }
  std::lock_guard<std::mutex> lock(mutex);
  splits[{length, radix}] = n1;
  return n1;
}

}  // namespace

bool plans_as_bluestein(int64_t length) {
  return choose_plan(length, preferred_largest_radix()).whole ==
         PlanChoice::kBluestein;
}

template <typename T>
int64_t FourStepPlan<T>::split(int64_t length) {
  // Lengths of small primes only (at most kFourStepLargestPrime, below
  // kBluesteinMinPrime) split at once: neither factor's plan (nor the
  // direct plan that axis.cc then never builds) can be a Bluestein one.
  static_assert(kFourStepLargestPrime <= kBluesteinMinPrime);
  if (length < kFourStepMinLength) return 0;
  for (int64_t p : factorize(length, 8)) {
    if (p != 4 && p != 8 && p > kFourStepLargestPrime) {
      return large_prime_split(length);
    }
  }
  return balanced_split(length, [](int64_t) { return true; });
}

template <typename T>
FourStepPlan<T>::FourStepPlan(int64_t length, int64_t largest_radix) {
  n1_ = split(length);
  if (n1_ == 0) {
    throw std::invalid_argument("no four-step split for length " +
                                std::to_string(length));
  }
  // With radix-8 passes, a power of two of 3k bits (k odd) split into two
  // powers of eight runs k passes, one fewer than the balanced split (2^15:
  // 512 x 64, 5 passes, against 128 x 256, 6), the longer factor the
  // columns'. With radix 4 the counts are equal (and 2^15 ran slower so).
  if (largest_radix >= 8 && length <= kFourStepPowersOfEightMaxLength &&
      (length & (length - 1)) == 0) {
    int bits = 0;
    while ((int64_t{1} << bits) < length) ++bits;
    const int64_t rows = int64_t{1} << (3 * (bits / 6));
    if (bits % 3 == 0 && bits / 3 % 2 == 1 && rows >= kFourStepMinFactor) {
      n1_ = length / rows;
    }
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
    roots.powers(0, j2, n1_, [&](int64_t k1, const auto& root) {
      const Complex w = rounded<T>(root);
      twiddle_re_[post_twiddle_index(k1, j2, n1_)] = w.real();
      twiddle_im_[post_twiddle_index(k1, j2, n1_)] = w.imag();
    });
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
template class ChirpTables<float>;
template class ChirpTables<double>;
template class RaderTables<float>;
template class RaderTables<double>;
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
