// Kernels for CPUs with AVX2 and FMA (compiled with -mavx2 -mfma; the driver
// calls them only after checking the CPU): 32-byte vectors.
#define JFFT_ISA avx2
#include <immintrin.h>

#include "kernels.h"

namespace jfft::engine::avx2 {

typedef float VecF __attribute__((vector_size(32)));
typedef double VecD __attribute__((vector_size(32)));

namespace {

// 8x8 float transpose: rows r[0..7] become columns r[0..7].
inline void transpose8(__m256 r[8]) {
  __m256 t[8], u[8];
  for (int i = 0; i < 4; ++i) {
    t[2 * i] = _mm256_unpacklo_ps(r[2 * i], r[2 * i + 1]);
    t[2 * i + 1] = _mm256_unpackhi_ps(r[2 * i], r[2 * i + 1]);
  }
  for (int i = 0; i < 2; ++i) {
    const int a = 4 * i;
    u[a] = _mm256_shuffle_ps(t[a], t[a + 2], _MM_SHUFFLE(1, 0, 1, 0));
    u[a + 1] = _mm256_shuffle_ps(t[a], t[a + 2], _MM_SHUFFLE(3, 2, 3, 2));
    u[a + 2] = _mm256_shuffle_ps(t[a + 1], t[a + 3], _MM_SHUFFLE(1, 0, 1, 0));
    u[a + 3] = _mm256_shuffle_ps(t[a + 1], t[a + 3], _MM_SHUFFLE(3, 2, 3, 2));
  }
  for (int i = 0; i < 4; ++i) {
    r[i] = _mm256_permute2f128_ps(u[i], u[i + 4], 0x20);
    r[i + 4] = _mm256_permute2f128_ps(u[i], u[i + 4], 0x31);
  }
}

// 4x4 double transpose.
inline void transpose4(__m256d r[4]) {
  const __m256d t0 = _mm256_unpacklo_pd(r[0], r[1]);
  const __m256d t1 = _mm256_unpackhi_pd(r[0], r[1]);
  const __m256d t2 = _mm256_unpacklo_pd(r[2], r[3]);
  const __m256d t3 = _mm256_unpackhi_pd(r[2], r[3]);
  r[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
  r[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
  r[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
  r[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
}

}  // namespace

// float, 8 lanes. Contiguous lines: 8 lines x 4 complex values (8 floats)
// are one 8x8 transpose whose columns are exactly buf[j].re, buf[j].im,
// buf[j+1].re, ... Adjacent lines: 8 complex values per j, de-interleaved.
template <>
void gather_lanes<float, VecF, 8>(const std::complex<float>* in,
                                  const int64_t* offsets, int64_t stride,
                                  int64_t n, Cx<VecF>* buf) {
  float* dst = reinterpret_cast<float*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 4 <= n; j += 4) {
      __m256 r[8];
      for (int b = 0; b < 8; ++b) {
        r[b] = _mm256_loadu_ps(
            reinterpret_cast<const float*>(in + offsets[b] + j));
      }
      transpose8(r);
      for (int k = 0; k < 8; ++k) _mm256_storeu_ps(dst + (2 * j + k) * 8, r[k]);
    }
  } else if (adjacent<8>(offsets)) {
    for (; j < n; ++j) {
      const float* src =
          reinterpret_cast<const float*>(in + offsets[0] + j * stride);
      const __m256 lo = _mm256_loadu_ps(src), hi = _mm256_loadu_ps(src + 8);
      const __m256 re = _mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(2, 0, 2, 0));
      const __m256 im = _mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(3, 1, 3, 1));
      // [0 1 4 5 | 2 3 6 7] -> [0 1 2 3 4 5 6 7] in 64-bit pairs.
      _mm256_storeu_ps(dst + 16 * j, _mm256_castpd_ps(_mm256_permute4x64_pd(
                                         _mm256_castps_pd(re), 0xD8)));
      _mm256_storeu_ps(dst + 16 * j + 8, _mm256_castpd_ps(_mm256_permute4x64_pd(
                                             _mm256_castps_pd(im), 0xD8)));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) {
      const std::complex<float> v = in[offsets[b] + j * stride];
      buf[j].re[b] = v.real();
      buf[j].im[b] = v.imag();
    }
  }
}

template <>
void scatter_lanes<float, VecF, 8>(const Cx<VecF>* buf, int64_t n,
                                   std::complex<float>* out,
                                   const int64_t* offsets, int64_t stride) {
  const float* src = reinterpret_cast<const float*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 4 <= n; j += 4) {
      __m256 r[8];
      for (int k = 0; k < 8; ++k) r[k] = _mm256_loadu_ps(src + (2 * j + k) * 8);
      transpose8(r);
      for (int b = 0; b < 8; ++b) {
        _mm256_storeu_ps(reinterpret_cast<float*>(out + offsets[b] + j), r[b]);
      }
    }
  } else if (adjacent<8>(offsets)) {
    for (; j < n; ++j) {
      const __m256 re = _mm256_loadu_ps(src + 16 * j);
      const __m256 im = _mm256_loadu_ps(src + 16 * j + 8);
      const __m256 lo = _mm256_unpacklo_ps(re, im);  // 0 1 | 4 5
      const __m256 hi = _mm256_unpackhi_ps(re, im);  // 2 3 | 6 7
      float* dst = reinterpret_cast<float*>(out + offsets[0] + j * stride);
      _mm256_storeu_ps(dst, _mm256_permute2f128_ps(lo, hi, 0x20));
      _mm256_storeu_ps(dst + 8, _mm256_permute2f128_ps(lo, hi, 0x31));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) {
      out[offsets[b] + j * stride] =
          std::complex<float>(buf[j].re[b], buf[j].im[b]);
    }
  }
}

// double, 4 lanes: 4 lines x 2 complex values is one 4x4 transpose.
template <>
void gather_lanes<double, VecD, 4>(const std::complex<double>* in,
                                   const int64_t* offsets, int64_t stride,
                                   int64_t n, Cx<VecD>* buf) {
  double* dst = reinterpret_cast<double*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 2 <= n; j += 2) {
      __m256d r[4];
      for (int b = 0; b < 4; ++b) {
        r[b] = _mm256_loadu_pd(
            reinterpret_cast<const double*>(in + offsets[b] + j));
      }
      transpose4(r);
      for (int k = 0; k < 4; ++k) _mm256_storeu_pd(dst + (2 * j + k) * 4, r[k]);
    }
  } else if (adjacent<4>(offsets)) {
    for (; j < n; ++j) {
      const double* src =
          reinterpret_cast<const double*>(in + offsets[0] + j * stride);
      const __m256d lo = _mm256_loadu_pd(src), hi = _mm256_loadu_pd(src + 4);
      // unpack gives [0 2 1 3]; permute restores [0 1 2 3].
      _mm256_storeu_pd(dst + 8 * j,
                       _mm256_permute4x64_pd(_mm256_unpacklo_pd(lo, hi), 0xD8));
      _mm256_storeu_pd(dst + 8 * j + 4,
                       _mm256_permute4x64_pd(_mm256_unpackhi_pd(lo, hi), 0xD8));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 4; ++b) {
      const std::complex<double> v = in[offsets[b] + j * stride];
      buf[j].re[b] = v.real();
      buf[j].im[b] = v.imag();
    }
  }
}

template <>
void scatter_lanes<double, VecD, 4>(const Cx<VecD>* buf, int64_t n,
                                    std::complex<double>* out,
                                    const int64_t* offsets, int64_t stride) {
  const double* src = reinterpret_cast<const double*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 2 <= n; j += 2) {
      __m256d r[4];
      for (int k = 0; k < 4; ++k) r[k] = _mm256_loadu_pd(src + (2 * j + k) * 4);
      transpose4(r);
      for (int b = 0; b < 4; ++b) {
        _mm256_storeu_pd(reinterpret_cast<double*>(out + offsets[b] + j), r[b]);
      }
    }
  } else if (adjacent<4>(offsets)) {
    for (; j < n; ++j) {
      const __m256d re = _mm256_loadu_pd(src + 8 * j);
      const __m256d im = _mm256_loadu_pd(src + 8 * j + 4);
      const __m256d lo = _mm256_unpacklo_pd(re, im);  // re0 im0 | re2 im2
      const __m256d hi = _mm256_unpackhi_pd(re, im);  // re1 im1 | re3 im3
      double* dst = reinterpret_cast<double*>(out + offsets[0] + j * stride);
      _mm256_storeu_pd(dst, _mm256_permute2f128_pd(lo, hi, 0x20));
      _mm256_storeu_pd(dst + 4, _mm256_permute2f128_pd(lo, hi, 0x31));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 4; ++b) {
      out[offsets[b] + j * stride] =
          std::complex<double>(buf[j].re[b], buf[j].im[b]);
    }
  }
}

// Real lines. Contiguous: 8 lines x 8 values (4 for double) are one
// transpose whose columns are x[j..]. Adjacent: x[j] is one vector load.
template <>
void gather_real_lanes<float, VecF, 8>(const float* in, const int64_t* offsets,
                                       int64_t stride, int64_t n, VecF* x) {
  float* dst = reinterpret_cast<float*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 8 <= n; j += 8) {
      __m256 r[8];
      for (int b = 0; b < 8; ++b) r[b] = _mm256_loadu_ps(in + offsets[b] + j);
      transpose8(r);
      for (int k = 0; k < 8; ++k) _mm256_storeu_ps(dst + (j + k) * 8, r[k]);
    }
  } else if (adjacent<8>(offsets)) {
    for (; j < n; ++j) {
      _mm256_storeu_ps(dst + j * 8,
                       _mm256_loadu_ps(in + offsets[0] + j * stride));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) x[j][b] = in[offsets[b] + j * stride];
  }
}

template <>
void scatter_real_lanes<float, VecF, 8>(const VecF* x, int64_t n, float* out,
                                        const int64_t* offsets,
                                        int64_t stride) {
  const float* src = reinterpret_cast<const float*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 8 <= n; j += 8) {
      __m256 r[8];
      for (int k = 0; k < 8; ++k) r[k] = _mm256_loadu_ps(src + (j + k) * 8);
      transpose8(r);
      for (int b = 0; b < 8; ++b) _mm256_storeu_ps(out + offsets[b] + j, r[b]);
    }
  } else if (adjacent<8>(offsets)) {
    for (; j < n; ++j) {
      _mm256_storeu_ps(out + offsets[0] + j * stride,
                       _mm256_loadu_ps(src + j * 8));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) out[offsets[b] + j * stride] = x[j][b];
  }
}

template <>
void gather_real_lanes<double, VecD, 4>(const double* in,
                                        const int64_t* offsets, int64_t stride,
                                        int64_t n, VecD* x) {
  double* dst = reinterpret_cast<double*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 4 <= n; j += 4) {
      __m256d r[4];
      for (int b = 0; b < 4; ++b) r[b] = _mm256_loadu_pd(in + offsets[b] + j);
      transpose4(r);
      for (int k = 0; k < 4; ++k) _mm256_storeu_pd(dst + (j + k) * 4, r[k]);
    }
  } else if (adjacent<4>(offsets)) {
    for (; j < n; ++j) {
      _mm256_storeu_pd(dst + j * 4,
                       _mm256_loadu_pd(in + offsets[0] + j * stride));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 4; ++b) x[j][b] = in[offsets[b] + j * stride];
  }
}

template <>
void scatter_real_lanes<double, VecD, 4>(const VecD* x, int64_t n, double* out,
                                         const int64_t* offsets,
                                         int64_t stride) {
  const double* src = reinterpret_cast<const double*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 4 <= n; j += 4) {
      __m256d r[4];
      for (int k = 0; k < 4; ++k) r[k] = _mm256_loadu_pd(src + (j + k) * 4);
      transpose4(r);
      for (int b = 0; b < 4; ++b) _mm256_storeu_pd(out + offsets[b] + j, r[b]);
    }
  } else if (adjacent<4>(offsets)) {
    for (; j < n; ++j) {
      _mm256_storeu_pd(out + offsets[0] + j * stride,
                       _mm256_loadu_pd(src + j * 4));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 4; ++b) out[offsets[b] + j * stride] = x[j][b];
  }
}

template <>
const KernelTable<float>& kernels<float>() {
  return make_table<float, VecF>("avx2");
}
template <>
const KernelTable<double>& kernels<double>() {
  return make_table<double, VecD>("avx2");
}

}  // namespace jfft::engine::avx2
