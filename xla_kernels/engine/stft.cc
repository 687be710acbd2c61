// Block-wise STFT and overlap-add inverse (stft.h).
#include "stft.h"

#include <algorithm>
#include <complex>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "parallel.h"

namespace jfft::engine {
namespace {

// Frames per block: the block's windowed frames (256 KiB of floats at
// n_fft 1024) and their spectra stay in the L2 cache between the copy, the FFT
// and the overlap-add. Measured on the case of benchmarks/signal_bench.py
// --only stft ((16, 2**17) float32, n_fft 1024, hop 256, 2 threads), paired
// rounds in one process with this constant overridden at run time: 64 frames
// took 0.94x the time of 32 for both stft and istft; 128 and 256 were within
// noise of 64 (0.85-1.02x).
constexpr int64_t kFramesPerBlock = 64;

void check(const StftLayout& layout) {
  if (layout.n_fft <= 0 || layout.hop <= 0 || layout.frames < 0 ||
      layout.signal_length < 0) {
    throw std::invalid_argument("stft: n_fft and hop must be positive");
  }
  if (layout.batch_shape.size() != layout.signal_batch_strides.size() ||
      layout.batch_shape.size() != layout.spectrum_batch_strides.size()) {
    throw std::invalid_argument("stft: batch strides do not match the shape");
  }
}

// The (signal, spectrum) offsets of every signal of the batch.
std::vector<std::pair<int64_t, int64_t>> batch_offsets(
    const StftLayout& layout) {
  std::vector<std::pair<int64_t, int64_t>> offsets{{0, 0}};
  for (size_t d = 0; d < layout.batch_shape.size(); ++d) {
    std::vector<std::pair<int64_t, int64_t>> next;
    next.reserve(offsets.size() * layout.batch_shape[d]);
    for (const auto& [s, f] : offsets) {
      for (int64_t i = 0; i < layout.batch_shape[d]; ++i) {
        next.emplace_back(s + i * layout.signal_batch_strides[d],
                          f + i * layout.spectrum_batch_strides[d]);
      }
    }
    offsets = std::move(next);
  }
  return offsets;
}

// The sample that stands at position p (any integer) of a signal of
// `length` samples extended by `extension`, or -1 for a zero.
int64_t extended_index(int64_t p, int64_t length, SignalExtension extension) {
  if (p >= 0 && p < length) return p;
  if (length == 0) return -1;
  switch (extension) {
    case SignalExtension::kZeros:
      return -1;
    case SignalExtension::kReplicate:
      return p < 0 ? 0 : length - 1;
    case SignalExtension::kCircular:
      return ((p % length) + length) % length;
    case SignalExtension::kReflect: {
      if (length == 1) return 0;
      const int64_t period = 2 * (length - 1);
      const int64_t q = ((p % period) + period) % period;
      return q < length ? q : period - q;
    }
  }
  return -1;
}

// The half-spectrum weight of frequency f: 1 at DC and (even n) Nyquist,
// else 2 (DESIGN.md, the transposes of r2c and c2r).
bool doubled(int64_t f, int64_t n_fft) {
  return f != 0 && !(n_fft % 2 == 0 && f == n_fft / 2);
}

}  // namespace

template <typename T>
void stft_forward(const T* signal, std::complex<T>* spectrum,
                  const StftLayout& layout, const T* window, bool adjoint,
                  SignalExtension extension, const Parallelism& parallelism,
                  double scale) {
  check(layout);
  const int64_t n = layout.n_fft, hop = layout.hop, frames = layout.frames;
  const int64_t freqs = n / 2 + 1, length = layout.signal_length;
  const int64_t stride = layout.time_stride;
  const auto offsets = batch_offsets(layout);
  const int64_t block = kFramesPerBlock;
  const int64_t blocks = (frames + block - 1) / block;
  const int64_t units = static_cast<int64_t>(offsets.size()) * blocks;
  if (units == 0) return;
  parallel_for(
      units, 1, units * block * n, parallelism,
      [&](int64_t begin, int64_t end) {
        std::vector<T> buffer(static_cast<size_t>(block * n));
        for (int64_t unit = begin; unit < end; ++unit) {
          const auto [signal_offset, spectrum_offset] = offsets[unit / blocks];
          const int64_t first = (unit % blocks) * block;
          const int64_t count = std::min(block, frames - first);
          const T* x = signal + signal_offset;
          for (int64_t j = 0; j < count; ++j) {
            const int64_t start = (first + j) * hop - layout.origin;
            T* row = buffer.data() + j * n;
            if (start >= 0 && start + n <= length) {
              const T* frame = x + start * stride;
              if (stride == 1) {
                for (int64_t i = 0; i < n; ++i) row[i] = frame[i] * window[i];
              } else {
                for (int64_t i = 0; i < n; ++i) {
                  row[i] = frame[i * stride] * window[i];
                }
              }
            } else {  // a frame over an end of the signal
              for (int64_t i = 0; i < n; ++i) {
                const int64_t p = extended_index(start + i, length, extension);
                row[i] = p < 0 ? T(0) : x[p * stride] * window[i];
              }
            }
          }
          std::complex<T>* out =
              spectrum + spectrum_offset + first * layout.frame_stride;
          r2c<T>(
              {buffer.data(), {count, n}, {n, 1}},
              {out, {count, freqs}, {layout.frame_stride, layout.freq_stride}},
              {1}, Parallelism{}, scale);
          if (adjoint) {
            for (int64_t f = 0; f < freqs; ++f) {
              const T weight = doubled(f, n) ? T(2) : T(1);
              std::complex<T>* line = out + f * layout.freq_stride;
              for (int64_t j = 0; j < count; ++j) {
                auto& value = line[j * layout.frame_stride];
                value = std::conj(value) * weight;
              }
            }
          }
        }
      });
}

template <typename T>
void stft_inverse(const std::complex<T>* spectrum, T* signal,
                  const StftLayout& layout, const T* window, bool adjoint,
                  const Parallelism& parallelism, double scale) {
  check(layout);
  const int64_t n = layout.n_fft, hop = layout.hop, frames = layout.frames;
  const int64_t freqs = n / 2 + 1, length = layout.signal_length;
  const int64_t stride = layout.time_stride, origin = layout.origin;
  const auto offsets = batch_offsets(layout);
  // Even blocks run first, then odd ones, so that blocks running at once
  // never touch the same samples: block k spans at most
  // (block - 1) * hop + n samples from k * block * hop, which ends before
  // block k + 2 starts when block >= n / hop.
  const int64_t block = std::max(kFramesPerBlock, (n + hop - 1) / hop);
  const int64_t blocks = (frames + block - 1) / block;
  const int64_t signals = static_cast<int64_t>(offsets.size());
  // Block `index`'s first frame start, as a sample of the signal in
  // [0, length].
  auto block_start = [&](int64_t index) {
    return std::clamp<int64_t>(index * block * hop - origin, 0, length);
  };
  if (blocks == 0) {
    for (const auto& offset : offsets) {
      for (int64_t p = 0; p < length; ++p)
        signal[offset.first + p * stride] = 0;
    }
    return;
  }
  for (int64_t parity = 0; parity < 2; ++parity) {
    const int64_t per_signal = (blocks - parity + 1) / 2;
    const int64_t units = signals * per_signal;
    if (units == 0) continue;
    parallel_for(
        units, 1, units * block * n, parallelism,
        [&](int64_t begin, int64_t end) {
          std::vector<std::complex<T>> spectra(
              adjoint ? static_cast<size_t>(block * freqs) : 0);
          std::vector<T> buffer(static_cast<size_t>(block * n));
          for (int64_t unit = begin; unit < end; ++unit) {
            const auto [signal_offset, spectrum_offset] =
                offsets[unit / per_signal];
            const int64_t index = 2 * (unit % per_signal) + parity;
            const int64_t first = index * block;
            const int64_t count = std::min(block, frames - first);
            T* out = signal + signal_offset;
            if (parity == 0) {
              // An even block owns the samples from its start (the first, from
              // 0) to the next even block's start (the last, to the end) and
              // clears them before adding.
              const int64_t start = index == 0 ? 0 : block_start(index);
              const int64_t stop =
                  index + 2 < blocks ? block_start(index + 2) : length;
              for (int64_t p = start; p < stop; ++p) out[p * stride] = 0;
            }
            if (!adjoint) {
              // The engine reads the spectra in place: 0.8x the time of
              // gathering them first (same measurement as kFramesPerBlock).
              c2r<T>({spectrum + spectrum_offset + first * layout.frame_stride,
                      {count, freqs},
                      {layout.frame_stride, layout.freq_stride}},
                     {buffer.data(), {count, n}, {n, 1}}, {1}, Parallelism{},
                     scale);
            } else {  // the adjoint's weights on a copy
              for (int64_t f = 0; f < freqs; ++f) {
                const std::complex<T>* line = spectrum + spectrum_offset +
                                              f * layout.freq_stride +
                                              first * layout.frame_stride;
                const T weight = doubled(f, n) ? T(0.5) : T(1);
                for (int64_t j = 0; j < count; ++j) {
                  spectra[j * freqs + f] =
                      std::conj(line[j * layout.frame_stride]) * weight;
                }
              }
              c2r<T>({spectra.data(), {count, freqs}, {freqs, 1}},
                     {buffer.data(), {count, n}, {n, 1}}, {1}, Parallelism{},
                     scale);
            }
            for (int64_t j = 0; j < count; ++j) {
              const int64_t start = (first + j) * hop - origin;
              // The frame's samples that fall on the signal: i in [lo, hi).
              const int64_t lo = std::clamp<int64_t>(-start, 0, n);
              const int64_t hi = std::clamp<int64_t>(length - start, lo, n);
              const T* row = buffer.data() + j * n;
              if (stride == 1) {
                for (int64_t i = lo; i < hi; ++i) {
                  out[start + i] += window[i] * row[i];
                }
              } else {
                for (int64_t i = lo; i < hi; ++i) {
                  out[(start + i) * stride] += window[i] * row[i];
                }
              }
            }
          }
        });
  }
}

template void stft_forward<float>(const float*, std::complex<float>*,
                                  const StftLayout&, const float*, bool,
                                  SignalExtension, const Parallelism&, double);
template void stft_forward<double>(const double*, std::complex<double>*,
                                   const StftLayout&, const double*, bool,
                                   SignalExtension, const Parallelism&, double);
template void stft_inverse<float>(const std::complex<float>*, float*,
                                  const StftLayout&, const float*, bool,
                                  const Parallelism&, double);
template void stft_inverse<double>(const std::complex<double>*, double*,
                                   const StftLayout&, const double*, bool,
                                   const Parallelism&, double);

}  // namespace jfft::engine
