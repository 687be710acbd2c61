#include "plans.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "plan_cache.h"

namespace jfft::engine {
namespace {

// Complex arithmetic spelled out: std::complex's operator* follows C Annex G
// for infinities, which differs from the plain formula that numpy's pocketfft
// uses. Plain formulas keep NaN/Inf propagation the same as numpy's.
template <typename T>
inline std::complex<T> cmul(std::complex<T> a, std::complex<T> b) {
  return {a.real() * b.real() - a.imag() * b.imag(),
          a.real() * b.imag() + a.imag() * b.real()};
}

// a * w for the forward sign, a * conj(w) for the backward sign: twiddles are
// stored once, with the forward sign.
template <bool kForward, typename T>
inline std::complex<T> twiddle(std::complex<T> a, std::complex<T> w) {
  if constexpr (kForward) {
    return cmul(a, w);
  } else {
    return {a.real() * w.real() + a.imag() * w.imag(),
            a.imag() * w.real() - a.real() * w.imag()};
  }
}

// a * (-i) forward, a * (+i) backward.
template <bool kForward, typename T>
inline std::complex<T> rotate_quarter(std::complex<T> a) {
  if constexpr (kForward) {
    return {a.imag(), -a.real()};
  } else {
    return {-a.imag(), a.real()};
  }
}

// exp(-2 pi i r / n) computed in extended precision.
template <typename T>
std::complex<T> unit_root(int64_t r, int64_t n) {
  const long double angle = -2.0L * 3.141592653589793238462643383279502884L *
                            static_cast<long double>(r) /
                            static_cast<long double>(n);
  return {static_cast<T>(std::cos(angle)), static_cast<T>(std::sin(angle))};
}

std::vector<int64_t> factorize(int64_t n) {
  std::vector<int64_t> factors;
  // Radix 4 first (fewest operations), a remaining 2 moved to the front.
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

// Rough operation count of the direct mixed-radix transform.
double direct_cost(int64_t n) {
  double cost = 0;
  for (int64_t p : factorize(n)) {
    cost += (p <= 5) ? static_cast<double>(p) : 1.1 * static_cast<double>(p);
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

template <typename T>
using Complex = std::complex<T>;

// in(i, m, k) = in[i + ido * (m + radix * k)]
// out(i, k, j) = out[i + ido * (k + l1 * j)]
// out(i, k, j) = twiddle(j, i) * sum_m in(i, m, k) exp(-+2 pi i jm / radix)

template <bool kForward, typename T>
void pass2(int64_t l1, int64_t ido, const Complex<T>* in, Complex<T>* out,
           const Complex<T>* tw) {
  for (int64_t k = 0; k < l1; ++k) {
    const Complex<T>* a = in + ido * 2 * k;
    Complex<T>* b = out + ido * k;
    for (int64_t i = 0; i < ido; ++i) {
      const Complex<T> a0 = a[i], a1 = a[i + ido];
      b[i] = a0 + a1;
      const Complex<T> d = a0 - a1;
      b[i + ido * l1] = (i == 0) ? d : twiddle<kForward>(d, tw[i]);
    }
  }
}

template <bool kForward, typename T>
void pass3(int64_t l1, int64_t ido, const Complex<T>* in, Complex<T>* out,
           const Complex<T>* tw) {
  constexpr T kHalf = T(0.5);
  constexpr T kSin60 = T(0.866025403784438646763723170752936183L);
  const int64_t s = ido * l1;
  for (int64_t k = 0; k < l1; ++k) {
    const Complex<T>* a = in + ido * 3 * k;
    Complex<T>* b = out + ido * k;
    for (int64_t i = 0; i < ido; ++i) {
      const Complex<T> a0 = a[i], a1 = a[i + ido], a2 = a[i + 2 * ido];
      const Complex<T> t = a1 + a2;
      const Complex<T> c = a0 - kHalf * t;
      const Complex<T> d = rotate_quarter<kForward>(kSin60 * (a1 - a2));
      b[i] = a0 + t;
      if (i == 0) {
        b[s] = c + d;
        b[2 * s] = c - d;
      } else {
        b[i + s] = twiddle<kForward>(c + d, tw[i]);
        b[i + 2 * s] = twiddle<kForward>(c - d, tw[i + ido]);
      }
    }
  }
}

template <bool kForward, typename T>
void pass4(int64_t l1, int64_t ido, const Complex<T>* in, Complex<T>* out,
           const Complex<T>* tw) {
  const int64_t s = ido * l1;
  for (int64_t k = 0; k < l1; ++k) {
    const Complex<T>* a = in + ido * 4 * k;
    Complex<T>* b = out + ido * k;
    for (int64_t i = 0; i < ido; ++i) {
      const Complex<T> a0 = a[i], a1 = a[i + ido], a2 = a[i + 2 * ido],
                       a3 = a[i + 3 * ido];
      const Complex<T> t0 = a0 + a2, t1 = a0 - a2, t2 = a1 + a3;
      const Complex<T> t3 = rotate_quarter<kForward>(a1 - a3);
      b[i] = t0 + t2;
      if (i == 0) {
        b[s] = t1 + t3;
        b[2 * s] = t0 - t2;
        b[3 * s] = t1 - t3;
      } else {
        b[i + s] = twiddle<kForward>(t1 + t3, tw[i]);
        b[i + 2 * s] = twiddle<kForward>(t0 - t2, tw[i + ido]);
        b[i + 3 * s] = twiddle<kForward>(t1 - t3, tw[i + 2 * ido]);
      }
    }
  }
}

template <bool kForward, typename T>
void pass5(int64_t l1, int64_t ido, const Complex<T>* in, Complex<T>* out,
           const Complex<T>* tw) {
  constexpr T kCos1 = T(0.309016994374947424102293417182819059L);
  constexpr T kCos2 = T(-0.809016994374947424102293417182819059L);
  constexpr T kSin1 = T(0.951056516295153572116439333379382143L);
  constexpr T kSin2 = T(0.587785252292473129168705954639072769L);
  const int64_t s = ido * l1;
  for (int64_t k = 0; k < l1; ++k) {
    const Complex<T>* a = in + ido * 5 * k;
    Complex<T>* b = out + ido * k;
    for (int64_t i = 0; i < ido; ++i) {
      const Complex<T> a0 = a[i];
      const Complex<T> t1 = a[i + ido] + a[i + 4 * ido];
      const Complex<T> d1 = a[i + ido] - a[i + 4 * ido];
      const Complex<T> t2 = a[i + 2 * ido] + a[i + 3 * ido];
      const Complex<T> d2 = a[i + 2 * ido] - a[i + 3 * ido];
      const Complex<T> c1 = a0 + kCos1 * t1 + kCos2 * t2;
      const Complex<T> c2 = a0 + kCos2 * t1 + kCos1 * t2;
      const Complex<T> e1 = rotate_quarter<kForward>(kSin1 * d1 + kSin2 * d2);
      const Complex<T> e2 = rotate_quarter<kForward>(kSin2 * d1 - kSin1 * d2);
      b[i] = a0 + t1 + t2;
      const Complex<T> y[4] = {c1 + e1, c2 + e2, c2 - e2, c1 - e1};
      for (int j = 0; j < 4; ++j) {
        b[i + (j + 1) * s] =
            (i == 0) ? y[j] : twiddle<kForward>(y[j], tw[i + j * ido]);
      }
    }
  }
}

// Any odd radix p, O(p^2) per butterfly using the pairing of m and p - m.
// roots[q] = exp(-2 pi i q / p); work holds p values.
template <bool kForward, typename T>
void pass_generic(int64_t p, int64_t l1, int64_t ido, const Complex<T>* in,
                  Complex<T>* out, const Complex<T>* tw,
                  const Complex<T>* roots, Complex<T>* work) {
  const int64_t half = (p - 1) / 2;
  const int64_t s = ido * l1;
  Complex<T>* sums = work;             // sums[m] = a_m + a_{p-m}
  Complex<T>* diffs = work + half + 1;  // diffs[m] = a_m - a_{p-m}
  for (int64_t k = 0; k < l1; ++k) {
    const Complex<T>* a = in + ido * p * k;
    Complex<T>* b = out + ido * k;
    for (int64_t i = 0; i < ido; ++i) {
      const Complex<T> a0 = a[i];
      Complex<T> total = a0;
      for (int64_t m = 1; m <= half; ++m) {
        const Complex<T> x = a[i + m * ido], y = a[i + (p - m) * ido];
        sums[m] = x + y;
        diffs[m] = x - y;
        total += sums[m];
      }
      b[i] = total;
      for (int64_t j = 1; j <= half; ++j) {
        // Real and imaginary parts of the rotation sums for outputs j, p-j.
        Complex<T> even = a0;
        Complex<T> odd(0, 0);
        int64_t q = 0;
        for (int64_t m = 1; m <= half; ++m) {
          q += j;
          if (q >= p) q -= p;
          even += roots[q].real() * sums[m];
          odd += (-roots[q].imag()) * diffs[m];  // sin(2 pi q / p)
        }
        const Complex<T> rot = rotate_quarter<kForward>(odd);
        const Complex<T> yj = even + rot, ypj = even - rot;
        if (i == 0) {
          b[j * s] = yj;
          b[(p - j) * s] = ypj;
        } else {
          b[i + j * s] = twiddle<kForward>(yj, tw[i + (j - 1) * ido]);
          b[i + (p - j) * s] = twiddle<kForward>(ypj, tw[i + (p - j - 1) * ido]);
        }
      }
    }
  }
}

}  // namespace

template <typename T>
C2CPlan<T>::C2CPlan(int64_t length) : length_(length) {
  if (length < 1) {
    throw std::invalid_argument("FFT length must be at least 1, got " +
                                std::to_string(length));
  }
  if (length == 1) return;
  const std::vector<int64_t> factors = factorize(length);
  const int64_t largest = factors.back();
  if (largest > 5) {
    const int64_t padded = good_size(2 * length - 1);
    const double bluestein_cost =
        2.0 * direct_cost(padded) + 6.0 * static_cast<double>(padded);
    if (largest > 32 && bluestein_cost < direct_cost(length)) {
      bluestein_plan_ = std::make_unique<C2CPlan<T>>(padded);
      chirp_.resize(length);
      // k^2 mod 2n, kept exact in integers: exp(-pi i k^2 / n).
      int64_t q = 0;
      for (int64_t k = 0; k < length; ++k) {
        chirp_[k] = unit_root<T>(q, 2 * length);
        q += 2 * k + 1;
        q %= 2 * length;
      }
      std::vector<Complex> kernel(padded, Complex(0, 0));
      const T inv = T(1) / static_cast<T>(padded);
      kernel[0] = std::conj(chirp_[0]) * inv;
      for (int64_t k = 1; k < length; ++k) {
        kernel[k] = kernel[padded - k] = std::conj(chirp_[k]) * inv;
      }
      std::vector<Complex> scratch(bluestein_plan_->scratch_size());
      bluestein_plan_->execute(kernel.data(), scratch.data(), true);
      chirp_spectrum_ = std::move(kernel);
      scratch_size_ = padded + bluestein_plan_->scratch_size();
      return;
    }
  }
  // Direct mixed radix: per pass (radix - 1) * ido twiddles, then for generic
  // radices the p roots of unity.
  size_t max_generic = 0;
  int64_t l1 = 1;
  for (int64_t p : factors) {
    const int64_t ido = length / (l1 * p);
    passes_.push_back({p, l1, ido, twiddles_.size()});
    for (int64_t j = 1; j < p; ++j) {
      for (int64_t i = 0; i < ido; ++i) {
        twiddles_.push_back(unit_root<T>(i * j * l1, length));
      }
    }
    if (p > 5) {
      for (int64_t q = 0; q < p; ++q) twiddles_.push_back(unit_root<T>(q, p));
      max_generic = std::max(max_generic, static_cast<size_t>(p + 1));
    }
    l1 *= p;
  }
  scratch_size_ = length + max_generic;
}

template <typename T>
void C2CPlan<T>::execute(Complex* data, Complex* scratch, bool forward) const {
  if (bluestein_plan_) {
    execute_bluestein(data, scratch, forward);
  } else {
    execute_passes(data, scratch, forward);
  }
}

template <typename T>
void C2CPlan<T>::execute_passes(Complex* data, Complex* scratch,
                                bool forward) const {
  if (passes_.empty()) return;
  Complex* work = scratch + length_;
  Complex* src = data;
  Complex* dst = scratch;
  for (const Pass& pass : passes_) {
    const Complex* tw = twiddles_.data() + pass.twiddle_offset;
    const auto run = [&](auto forward_tag) {
      constexpr bool kFwd = decltype(forward_tag)::value;
      switch (pass.radix) {
        case 2:
          pass2<kFwd>(pass.l1, pass.ido, src, dst, tw);
          break;
        case 3:
          pass3<kFwd>(pass.l1, pass.ido, src, dst, tw);
          break;
        case 4:
          pass4<kFwd>(pass.l1, pass.ido, src, dst, tw);
          break;
        case 5:
          pass5<kFwd>(pass.l1, pass.ido, src, dst, tw);
          break;
        default:
          pass_generic<kFwd>(pass.radix, pass.l1, pass.ido, src, dst, tw,
                             tw + (pass.radix - 1) * pass.ido, work);
      }
    };
    if (forward) {
      run(std::true_type{});
    } else {
      run(std::false_type{});
    }
    std::swap(src, dst);
  }
  if (src != data) std::copy(src, src + length_, data);
}

template <typename T>
void C2CPlan<T>::execute_bluestein(Complex* data, Complex* scratch,
                                   bool forward) const {
  // The backward transform is conj(forward(conj(x))).
  const int64_t padded = bluestein_plan_->length();
  Complex* a = scratch;
  for (int64_t k = 0; k < length_; ++k) {
    const Complex x = forward ? data[k] : std::conj(data[k]);
    a[k] = cmul(x, chirp_[k]);
  }
  std::fill(a + length_, a + padded, Complex(0, 0));
  bluestein_plan_->execute(a, scratch + padded, true);
  for (int64_t k = 0; k < padded; ++k) a[k] = cmul(a[k], chirp_spectrum_[k]);
  bluestein_plan_->execute(a, scratch + padded, false);
  for (int64_t k = 0; k < length_; ++k) {
    const Complex y = cmul(a[k], chirp_[k]);
    data[k] = forward ? y : std::conj(y);
  }
}

template <typename T>
RealPlan<T>::RealPlan(int64_t length) : length_(length) {
  if (length < 1) {
    throw std::invalid_argument("FFT length must be at least 1, got " +
                                std::to_string(length));
  }
  if (length % 2 == 0) {
    const int64_t half = length / 2;
    complex_plan_ = get_c2c_plan<T>(half);
    twiddles_.resize(half);
    for (int64_t k = 0; k < half; ++k) twiddles_[k] = unit_root<T>(k, length);
  } else {
    complex_plan_ = get_c2c_plan<T>(length);
  }
}

template <typename T>
size_t RealPlan<T>::scratch_size() const {
  const size_t own = (length_ % 2 == 0) ? 0 : static_cast<size_t>(length_);
  return own + complex_plan_->scratch_size();
}

template <typename T>
void RealPlan<T>::r2c(const T* in, Complex* out, Complex* scratch) const {
  if (length_ % 2 == 1) {
    Complex* z = scratch;
    for (int64_t j = 0; j < length_; ++j) z[j] = Complex(in[j], 0);
    complex_plan_->execute(z, scratch + length_, true);
    std::copy(z, z + length_ / 2 + 1, out);
    return;
  }
  // Even n = 2h: transform z_j = x_2j + i x_2j+1 (length h) in out[0..h),
  // then split the spectra of the even and odd samples in place.
  const int64_t half = length_ / 2;
  for (int64_t j = 0; j < half; ++j) out[j] = Complex(in[2 * j], in[2 * j + 1]);
  complex_plan_->execute(out, scratch, true);
  const Complex z0 = out[0];
  out[0] = Complex(z0.real() + z0.imag(), 0);
  out[half] = Complex(z0.real() - z0.imag(), 0);
  for (int64_t k = 1; 2 * k <= half; ++k) {
    const Complex a = out[k], b = std::conj(out[half - k]);
    const Complex even = T(0.5) * (a + b);
    const Complex odd = Complex(T(0.5) * (a - b).imag(), T(-0.5) * (a - b).real());
    const Complex rotated = cmul(odd, twiddles_[k]);
    out[k] = even + rotated;
    if (2 * k != half) out[half - k] = std::conj(even - rotated);
  }
}

template <typename T>
void RealPlan<T>::c2r(const Complex* in, T* out, Complex* scratch) const {
  if (length_ % 2 == 1) {
    Complex* z = scratch;
    z[0] = Complex(in[0].real(), 0);
    for (int64_t k = 1; 2 * k < length_; ++k) {
      z[k] = in[k];
      z[length_ - k] = std::conj(in[k]);
    }
    complex_plan_->execute(z, scratch + length_, false);
    for (int64_t j = 0; j < length_; ++j) out[j] = z[j].real();
    return;
  }
  // Even n = 2h: rebuild z = even + i odd samples' spectra, one inverse
  // transform of length h, written straight into out as h complex values.
  const int64_t half = length_ / 2;
  Complex* z = reinterpret_cast<Complex*>(out);
  const T dc = in[0].real(), nyquist = in[half].real();
  z[0] = Complex(dc + nyquist, dc - nyquist);
  for (int64_t k = 1; k < half; ++k) {
    const Complex a = in[k], b = std::conj(in[half - k]);
    const Complex d = a - b;
    // i * d * conj(w^k)
    const Complex rotated =
        twiddle<false>(Complex(-d.imag(), d.real()), twiddles_[k]);
    z[k] = a + b + rotated;
  }
  complex_plan_->execute(z, scratch, false);
}

template <typename T>
std::shared_ptr<const C2CPlan<T>> get_c2c_plan(int64_t length) {
  return plan_cache().get<C2CPlan<T>>(PlanKind::kComplex, sizeof(T), length);
}

template <typename T>
std::shared_ptr<const RealPlan<T>> get_real_plan(int64_t length) {
  return plan_cache().get<RealPlan<T>>(PlanKind::kReal, sizeof(T), length);
}

template class C2CPlan<float>;
template class C2CPlan<double>;
template class RealPlan<float>;
template class RealPlan<double>;
template std::shared_ptr<const C2CPlan<float>> get_c2c_plan(int64_t);
template std::shared_ptr<const C2CPlan<double>> get_c2c_plan(int64_t);
template std::shared_ptr<const RealPlan<float>> get_real_plan(int64_t);
template std::shared_ptr<const RealPlan<double>> get_real_plan(int64_t);

}  // namespace jfft::engine
