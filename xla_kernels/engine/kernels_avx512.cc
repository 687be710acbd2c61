// Kernels for CPUs with AVX-512 (F, DQ, VL) and FMA (compiled with those
// flags; the driver calls them only after checking the CPU): 64-byte vectors,
// 16 float or 8 double lines side by side. Lines left over go 8 (4) at a time
// through 32-byte vectors, with the AVX2 lane moves.
#define JFFT_ISA avx512
#include <immintrin.h>

#include "kernels.h"

namespace jfft::engine::avx512 {

typedef float VecF8 __attribute__((vector_size(32)));
typedef double VecD4 __attribute__((vector_size(32)));
typedef float VecF16 __attribute__((vector_size(64)));
typedef double VecD8 __attribute__((vector_size(64)));

#include "lanes_avx2.inc"

namespace {

// 16x16 float transpose: rows r[0..15] become columns r[0..15].
inline void transpose16(__m512 r[16]) {
  __m512 t[16], u[16];
  // t: pairs of rows interleaved within each 128-bit block.
  for (int i = 0; i < 8; ++i) {
    t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
    t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
  }
  // u[4i + k]: rows 4i..4i+3 at columns k, k+4, k+8, k+12 (one per block).
  for (int i = 0; i < 4; ++i) {
    const int a = 4 * i;
    u[a] = _mm512_shuffle_ps(t[a], t[a + 2], _MM_SHUFFLE(1, 0, 1, 0));
    u[a + 1] = _mm512_shuffle_ps(t[a], t[a + 2], _MM_SHUFFLE(3, 2, 3, 2));
    u[a + 2] = _mm512_shuffle_ps(t[a + 1], t[a + 3], _MM_SHUFFLE(1, 0, 1, 0));
    u[a + 3] = _mm512_shuffle_ps(t[a + 1], t[a + 3], _MM_SHUFFLE(3, 2, 3, 2));
  }
  // Gather each column's four blocks: 0x88 takes blocks 0 and 2 of both
  // operands, 0xDD blocks 1 and 3.
  for (int k = 0; k < 4; ++k) {
    const __m512 v = _mm512_shuffle_f32x4(u[k], u[4 + k], 0x88);
    const __m512 w = _mm512_shuffle_f32x4(u[k], u[4 + k], 0xDD);
    const __m512 x = _mm512_shuffle_f32x4(u[8 + k], u[12 + k], 0x88);
    const __m512 y = _mm512_shuffle_f32x4(u[8 + k], u[12 + k], 0xDD);
    r[k] = _mm512_shuffle_f32x4(v, x, 0x88);
    r[k + 8] = _mm512_shuffle_f32x4(v, x, 0xDD);
    r[k + 4] = _mm512_shuffle_f32x4(w, y, 0x88);
    r[k + 12] = _mm512_shuffle_f32x4(w, y, 0xDD);
  }
}

// 8x8 double transpose.
inline void transpose8d(__m512d r[8]) {
  __m512d t[8], u[8];
  for (int i = 0; i < 4; ++i) {
    t[2 * i] = _mm512_unpacklo_pd(r[2 * i], r[2 * i + 1]);
    t[2 * i + 1] = _mm512_unpackhi_pd(r[2 * i], r[2 * i + 1]);
  }
  // u[4g + k]: rows 4g..4g+3; k = 0: columns 0, 4; 1: 2, 6; 2: 1, 5; 3: 3, 7.
  for (int g = 0; g < 2; ++g) {
    const int a = 4 * g;
    u[a] = _mm512_shuffle_f64x2(t[a], t[a + 2], 0x88);
    u[a + 1] = _mm512_shuffle_f64x2(t[a], t[a + 2], 0xDD);
    u[a + 2] = _mm512_shuffle_f64x2(t[a + 1], t[a + 3], 0x88);
    u[a + 3] = _mm512_shuffle_f64x2(t[a + 1], t[a + 3], 0xDD);
  }
  constexpr int kLow[4] = {0, 2, 1, 3};
  for (int k = 0; k < 4; ++k) {
    r[kLow[k]] = _mm512_shuffle_f64x2(u[k], u[4 + k], 0x88);
    r[kLow[k] + 4] = _mm512_shuffle_f64x2(u[k], u[4 + k], 0xDD);
  }
}

// Index vectors that split interleaved complex values into real and
// imaginary parts (and merge them back).
inline __m512i even_odd_ps(int odd) {
  return _mm512_setr_epi32(0 + odd, 2 + odd, 4 + odd, 6 + odd, 8 + odd,
                           10 + odd, 12 + odd, 14 + odd, 16 + odd, 18 + odd,
                           20 + odd, 22 + odd, 24 + odd, 26 + odd, 28 + odd,
                           30 + odd);
}
inline __m512i interleave_ps(int high) {
  const int b = 8 * high;
  return _mm512_setr_epi32(b, 16 + b, b + 1, 17 + b, b + 2, 18 + b, b + 3,
                           19 + b, b + 4, 20 + b, b + 5, 21 + b, b + 6, 22 + b,
                           b + 7, 23 + b);
}
inline __m512i even_odd_pd(int odd) {
  return _mm512_setr_epi64(0 + odd, 2 + odd, 4 + odd, 6 + odd, 8 + odd,
                           10 + odd, 12 + odd, 14 + odd);
}
inline __m512i interleave_pd(int high) {
  const int b = 4 * high;
  return _mm512_setr_epi64(b, 8 + b, b + 1, 9 + b, b + 2, 10 + b, b + 3,
                           11 + b);
}

}  // namespace

// float, 16 lanes. Contiguous lines: 16 lines x 8 complex values (16 floats)
// are one 16x16 transpose whose columns are buf[j].re, buf[j].im,
// buf[j+1].re, ... Adjacent lines: 16 complex values per j, de-interleaved.
template <>
void gather_lanes<float, VecF16, 16>(const std::complex<float>* in,
                                     const int64_t* offsets, int64_t stride,
                                     int64_t n, Cx<VecF16>* buf) {
  float* dst = reinterpret_cast<float*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 8 <= n; j += 8) {
      __m512 r[16];
      for (int b = 0; b < 16; ++b) {
        r[b] = _mm512_loadu_ps(
            reinterpret_cast<const float*>(in + offsets[b] + j));
      }
      transpose16(r);
      for (int k = 0; k < 16; ++k) {
        _mm512_storeu_ps(dst + (2 * j + k) * 16, r[k]);
      }
    }
  } else if (adjacent<16>(offsets)) {
    const __m512i even = even_odd_ps(0), odd = even_odd_ps(1);
    for (; j < n; ++j) {
      const float* src =
          reinterpret_cast<const float*>(in + offsets[0] + j * stride);
      prefetch_row<128>(in + offsets[0] + (j + kPrefetchRows) * stride);
      const __m512 lo = _mm512_loadu_ps(src), hi = _mm512_loadu_ps(src + 16);
      _mm512_storeu_ps(dst + 32 * j, _mm512_permutex2var_ps(lo, even, hi));
      _mm512_storeu_ps(dst + 32 * j + 16, _mm512_permutex2var_ps(lo, odd, hi));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 16; ++b) {
      const std::complex<float> v = in[offsets[b] + j * stride];
      buf[j].re[b] = v.real();
      buf[j].im[b] = v.imag();
    }
  }
}

template <>
void scatter_lanes<float, VecF16, 16>(const Cx<VecF16>* buf, int64_t n,
                                      std::complex<float>* out,
                                      const int64_t* offsets, int64_t stride) {
  const float* src = reinterpret_cast<const float*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 8 <= n; j += 8) {
      __m512 r[16];
      for (int k = 0; k < 16; ++k)
        r[k] = _mm512_loadu_ps(src + (2 * j + k) * 16);
      transpose16(r);
      for (int b = 0; b < 16; ++b) {
        _mm512_storeu_ps(reinterpret_cast<float*>(out + offsets[b] + j), r[b]);
      }
    }
  } else if (adjacent<16>(offsets)) {
    const __m512i low = interleave_ps(0), high = interleave_ps(1);
    for (; j < n; ++j) {
      const __m512 re = _mm512_loadu_ps(src + 32 * j);
      const __m512 im = _mm512_loadu_ps(src + 32 * j + 16);
      float* dst = reinterpret_cast<float*>(out + offsets[0] + j * stride);
      _mm512_storeu_ps(dst, _mm512_permutex2var_ps(re, low, im));
      _mm512_storeu_ps(dst + 16, _mm512_permutex2var_ps(re, high, im));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 16; ++b) {
      out[offsets[b] + j * stride] =
          std::complex<float>(buf[j].re[b], buf[j].im[b]);
    }
  }
}

// double, 8 lanes: 8 lines x 4 complex values is one 8x8 transpose.
template <>
void gather_lanes<double, VecD8, 8>(const std::complex<double>* in,
                                    const int64_t* offsets, int64_t stride,
                                    int64_t n, Cx<VecD8>* buf) {
  double* dst = reinterpret_cast<double*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 4 <= n; j += 4) {
      __m512d r[8];
      for (int b = 0; b < 8; ++b) {
        r[b] = _mm512_loadu_pd(
            reinterpret_cast<const double*>(in + offsets[b] + j));
      }
      transpose8d(r);
      for (int k = 0; k < 8; ++k) _mm512_storeu_pd(dst + (2 * j + k) * 8, r[k]);
    }
  } else if (adjacent<8>(offsets)) {
    const __m512i even = even_odd_pd(0), odd = even_odd_pd(1);
    for (; j < n; ++j) {
      const double* src =
          reinterpret_cast<const double*>(in + offsets[0] + j * stride);
      prefetch_row<128>(in + offsets[0] + (j + kPrefetchRows) * stride);
      const __m512d lo = _mm512_loadu_pd(src), hi = _mm512_loadu_pd(src + 8);
      _mm512_storeu_pd(dst + 16 * j, _mm512_permutex2var_pd(lo, even, hi));
      _mm512_storeu_pd(dst + 16 * j + 8, _mm512_permutex2var_pd(lo, odd, hi));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) {
      const std::complex<double> v = in[offsets[b] + j * stride];
      buf[j].re[b] = v.real();
      buf[j].im[b] = v.imag();
    }
  }
}

template <>
void scatter_lanes<double, VecD8, 8>(const Cx<VecD8>* buf, int64_t n,
                                     std::complex<double>* out,
                                     const int64_t* offsets, int64_t stride) {
  const double* src = reinterpret_cast<const double*>(buf);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 4 <= n; j += 4) {
      __m512d r[8];
      for (int k = 0; k < 8; ++k) r[k] = _mm512_loadu_pd(src + (2 * j + k) * 8);
      transpose8d(r);
      for (int b = 0; b < 8; ++b) {
        _mm512_storeu_pd(reinterpret_cast<double*>(out + offsets[b] + j), r[b]);
      }
    }
  } else if (adjacent<8>(offsets)) {
    const __m512i low = interleave_pd(0), high = interleave_pd(1);
    for (; j < n; ++j) {
      const __m512d re = _mm512_loadu_pd(src + 16 * j);
      const __m512d im = _mm512_loadu_pd(src + 16 * j + 8);
      double* dst = reinterpret_cast<double*>(out + offsets[0] + j * stride);
      _mm512_storeu_pd(dst, _mm512_permutex2var_pd(re, low, im));
      _mm512_storeu_pd(dst + 8, _mm512_permutex2var_pd(re, high, im));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) {
      out[offsets[b] + j * stride] =
          std::complex<double>(buf[j].re[b], buf[j].im[b]);
    }
  }
}

// Real lines. Contiguous: 16 lines x 16 values (8 x 8 for double) are one
// transpose whose columns are x[j..]. Adjacent: x[j] is one vector load.
template <>
void gather_real_lanes<float, VecF16, 16>(const float* in,
                                          const int64_t* offsets,
                                          int64_t stride, int64_t n,
                                          VecF16* x) {
  float* dst = reinterpret_cast<float*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 16 <= n; j += 16) {
      __m512 r[16];
      for (int b = 0; b < 16; ++b) r[b] = _mm512_loadu_ps(in + offsets[b] + j);
      transpose16(r);
      for (int k = 0; k < 16; ++k) _mm512_storeu_ps(dst + (j + k) * 16, r[k]);
    }
  } else if (adjacent<16>(offsets)) {
    for (; j < n; ++j) {
      _mm512_storeu_ps(dst + j * 16,
                       _mm512_loadu_ps(in + offsets[0] + j * stride));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 16; ++b) x[j][b] = in[offsets[b] + j * stride];
  }
}

template <>
void scatter_real_lanes<float, VecF16, 16>(const VecF16* x, int64_t n,
                                           float* out, const int64_t* offsets,
                                           int64_t stride) {
  const float* src = reinterpret_cast<const float*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 16 <= n; j += 16) {
      __m512 r[16];
      for (int k = 0; k < 16; ++k) r[k] = _mm512_loadu_ps(src + (j + k) * 16);
      transpose16(r);
      for (int b = 0; b < 16; ++b) _mm512_storeu_ps(out + offsets[b] + j, r[b]);
    }
  } else if (adjacent<16>(offsets)) {
    for (; j < n; ++j) {
      _mm512_storeu_ps(out + offsets[0] + j * stride,
                       _mm512_loadu_ps(src + j * 16));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 16; ++b) out[offsets[b] + j * stride] = x[j][b];
  }
}

template <>
void gather_real_lanes<double, VecD8, 8>(const double* in,
                                         const int64_t* offsets, int64_t stride,
                                         int64_t n, VecD8* x) {
  double* dst = reinterpret_cast<double*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 8 <= n; j += 8) {
      __m512d r[8];
      for (int b = 0; b < 8; ++b) r[b] = _mm512_loadu_pd(in + offsets[b] + j);
      transpose8d(r);
      for (int k = 0; k < 8; ++k) _mm512_storeu_pd(dst + (j + k) * 8, r[k]);
    }
  } else if (adjacent<8>(offsets)) {
    for (; j < n; ++j) {
      _mm512_storeu_pd(dst + j * 8,
                       _mm512_loadu_pd(in + offsets[0] + j * stride));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) x[j][b] = in[offsets[b] + j * stride];
  }
}

template <>
void scatter_real_lanes<double, VecD8, 8>(const VecD8* x, int64_t n,
                                          double* out, const int64_t* offsets,
                                          int64_t stride) {
  const double* src = reinterpret_cast<const double*>(x);
  int64_t j = 0;
  if (stride == 1) {
    for (; j + 8 <= n; j += 8) {
      __m512d r[8];
      for (int k = 0; k < 8; ++k) r[k] = _mm512_loadu_pd(src + (j + k) * 8);
      transpose8d(r);
      for (int b = 0; b < 8; ++b) _mm512_storeu_pd(out + offsets[b] + j, r[b]);
    }
  } else if (adjacent<8>(offsets)) {
    for (; j < n; ++j) {
      _mm512_storeu_pd(out + offsets[0] + j * stride,
                       _mm512_loadu_pd(src + j * 8));
    }
  }
  for (; j < n; ++j) {
    for (int b = 0; b < 8; ++b) out[offsets[b] + j * stride] = x[j][b];
  }
}

template <>
const KernelTable<float>& kernels<float>() {
  return make_table<float, VecF16, VecF8>("avx512");
}
template <>
const KernelTable<double>& kernels<double>() {
  return make_table<double, VecD8, VecD4>("avx512");
}

}  // namespace jfft::engine::avx512
