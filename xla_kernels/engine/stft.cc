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

// The adjoints without a pass over the spectra. With w = e^(2 pi i / n) and
// r a real frame of n points, r2c(r)_f = sum_i r_i w^(-f i), and
// c2r(Z)_i = Re Z_0 + 2 Re sum_{0 < f < n/2} Z_f w^(f i)
//             + [n even] Re Z_{n/2} (-1)^i.
// The transpose of frame -> window -> r2c (JAX's convention, no
// conjugation: ct -> Re(a ct) for z = a x) sends the cotangents Z of the
// n/2 + 1 bins to the frame
//   r_i = window_i Re sum_f Z_f w^(-f i)      (f over the half spectrum)
//       = window_i (c2r(conj(Z) h))_i,         h_f = 1/2 where doubled(f)
// (the onesided doubling: c2r counts each doubled bin twice), and since
// Re(conj(Z_f) w^(f i)) = Re(Z_f w^(-f i)) = Re(Z_f w^(f (n - i))),
//   (c2r(conj(Z) h))_i = 1/2 c2r(Z)_{(n - i) mod n}
//                        + 1/2 (Re Z_0 + [n even] (-1)^i Re Z_{n/2}):
// c2r reads the cotangents in place, and the frame is reversed (index 0
// fixed) and given the DC / Nyquist correction in the cache-resident buffer
// (stft_inverse with adjoint; the 1/2 joins the window). Likewise for the
// transpose of c2r -> window -> overlap-add: conj(r2c(r))_f =
// r2c(r reversed)_f, so stft_forward with adjoint windows each frame into the
// buffer reversed with twice the window and halves DC and Nyquist after. The
// overlap-add's transpose is the framing, and the fold of an extension (a
// padded position's cotangent added to the sample it copies) is the transpose
// of reading through it.
template <typename T>
void reverse_after_first(T* row, int64_t n) {
  std::reverse(row + 1, row + n);
}

// window * scale, in T.
template <typename T>
std::vector<T> scaled_window(const T* window, int64_t n, double scale) {
  std::vector<T> scaled(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) scaled[i] = T(window[i] * scale);
  return scaled;
}

// The frames that reach past an end of the signal: [0, leading) start
// before it, [trailing, frames) end after it (the two may overlap).
struct EdgeFrames {
  int64_t leading = 0;
  int64_t trailing = 0;
  int64_t frames = 0;
  int64_t count() const {
    return leading + frames - std::max(trailing, leading);
  }
  bool contains(int64_t t) const { return t < leading || t >= trailing; }
  // t's slot in [0, count()), for t an edge frame.
  int64_t slot(int64_t t) const {
    return t < leading ? t : leading + t - std::max(trailing, leading);
  }
};

EdgeFrames edge_frames(const StftLayout& layout) {
  const int64_t n = layout.n_fft, hop = layout.hop, frames = layout.frames;
  EdgeFrames edges;
  edges.frames = frames;
  // t * hop - origin < 0.
  edges.leading = std::clamp<int64_t>(
      layout.origin > 0 ? (layout.origin + hop - 1) / hop : 0, 0, frames);
  // t * hop - origin + n > signal_length.
  const int64_t last_inside = layout.signal_length + layout.origin - n;
  edges.trailing = std::clamp<int64_t>(
      last_inside < 0 ? 0 : last_inside / hop + 1, 0, frames);
  return edges;
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
  // The scale (and the adjoint's doubling) rides on the window, so that r2c
  // makes no pass of its own over the spectra.
  const std::vector<T> weights =
      scaled_window(window, n, adjoint ? 2 * scale : scale);
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
            // (the reversal for the adjoint follows the copy, in cache)
            if (start >= 0 && start + n <= length) {
              const T* frame = x + start * stride;
              if (stride == 1) {
                for (int64_t i = 0; i < n; ++i) row[i] = frame[i] * weights[i];
              } else {
                for (int64_t i = 0; i < n; ++i) {
                  row[i] = frame[i * stride] * weights[i];
                }
              }
            } else {  // a frame over an end of the signal
              for (int64_t i = 0; i < n; ++i) {
                const int64_t p = extended_index(start + i, length, extension);
                row[i] = p < 0 ? T(0) : x[p * stride] * weights[i];
              }
            }
            if (adjoint) reverse_after_first(row, n);
          }
          std::complex<T>* out =
              spectrum + spectrum_offset + first * layout.frame_stride;
          r2c<T>(
              {buffer.data(), {count, n}, {n, 1}},
              {out, {count, freqs}, {layout.frame_stride, layout.freq_stride}},
              {1}, Parallelism{}, 1.0);
          if (adjoint) {  // DC and Nyquist are not doubled
            for (int64_t f = 0; f < freqs; f += std::max<int64_t>(1, n / 2)) {
              if (doubled(f, n)) continue;
              std::complex<T>* line = out + f * layout.freq_stride;
              for (int64_t j = 0; j < count; ++j) {
                line[j * layout.frame_stride] *= T(0.5);
              }
            }
          }
        }
      });
}

template <typename T>
void stft_inverse(const std::complex<T>* spectrum, T* signal,
                  const StftLayout& layout, const T* window, bool adjoint,
                  SignalExtension extension, const Parallelism& parallelism,
                  double scale) {
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
  // What the edge frames put past the ends, kept to be folded back through
  // the extension once the blocks are done (they may land in any block).
  const bool fold = extension != SignalExtension::kZeros && length > 0;
  const EdgeFrames edges = edge_frames(layout);
  std::vector<T> overhang(
      fold ? static_cast<size_t>(signals * edges.count() * n) : 0);
  // (-1)^i, for the adjoint's Nyquist correction.
  std::vector<T> alternating(adjoint ? static_cast<size_t>(n) : 0);
  for (size_t i = 0; i < alternating.size(); ++i) {
    alternating[i] = i % 2 ? T(-1) : T(1);
  }
  // The scale (and the adjoint's halving) rides on the window, so that c2r
  // makes no pass of its own over the frames.
  const std::vector<T> weights =
      scaled_window(window, n, adjoint ? 0.5 * scale : scale);
  for (int64_t parity = 0; parity < 2; ++parity) {
    const int64_t per_signal = (blocks - parity + 1) / 2;
    const int64_t units = signals * per_signal;
    if (units == 0) continue;
    parallel_for(
        units, 1, units * block * n, parallelism,
        [&](int64_t begin, int64_t end) {
          std::vector<T> buffer(static_cast<size_t>(block * n));
          for (int64_t unit = begin; unit < end; ++unit) {
            const int64_t signal_index = unit / per_signal;
            const auto [signal_offset, spectrum_offset] = offsets[signal_index];
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
            // The engine reads the spectra in place: 0.8x the time of
            // gathering them first (same measurement as kFramesPerBlock).
            const std::complex<T>* in =
                spectrum + spectrum_offset + first * layout.frame_stride;
            c2r<T>(
                {in, {count, freqs}, {layout.frame_stride, layout.freq_stride}},
                {buffer.data(), {count, n}, {n, 1}}, {1}, Parallelism{}, 1.0);
            for (int64_t j = 0; j < count; ++j) {
              const int64_t t = first + j;
              const int64_t start = t * hop - origin;
              T* row = buffer.data() + j * n;
              if (adjoint) {  // the frame of the comment above
                const std::complex<T>* bins = in + j * layout.frame_stride;
                const T dc = bins[0].real();
                const T nyquist =
                    n % 2 == 0 && n > 1
                        ? bins[(n / 2) * layout.freq_stride].real()
                        : T(0);
                reverse_after_first(row, n);
                for (int64_t i = 0; i < n; ++i) {
                  row[i] += dc + alternating[i] * nyquist;
                }
              }
              // The frame's samples that fall on the signal: i in [lo, hi).
              const int64_t lo = std::clamp<int64_t>(-start, 0, n);
              const int64_t hi = std::clamp<int64_t>(length - start, lo, n);
              if (stride == 1) {
                for (int64_t i = lo; i < hi; ++i) {
                  out[start + i] += weights[i] * row[i];
                }
              } else {
                for (int64_t i = lo; i < hi; ++i) {
                  out[(start + i) * stride] += weights[i] * row[i];
                }
              }
              if (fold && edges.contains(t)) {
                T* kept = overhang.data() +
                          (signal_index * edges.count() + edges.slot(t)) * n;
                for (int64_t i = 0; i < lo; ++i) kept[i] = weights[i] * row[i];
                for (int64_t i = hi; i < n; ++i) kept[i] = weights[i] * row[i];
              }
            }
          }
        });
  }
  if (!fold || edges.count() == 0) return;
  parallel_for(
      signals, 1, signals * edges.count() * n, parallelism,
      [&](int64_t begin, int64_t end) {
        for (int64_t s = begin; s < end; ++s) {
          T* out = signal + offsets[s].first;
          for (int64_t t = 0; t < frames; ++t) {
            if (!edges.contains(t)) continue;
            const T* kept =
                overhang.data() + (s * edges.count() + edges.slot(t)) * n;
            const int64_t start = t * hop - origin;
            const int64_t lo = std::clamp<int64_t>(-start, 0, n);
            const int64_t hi = std::clamp<int64_t>(length - start, lo, n);
            auto add = [&](int64_t i) {
              const int64_t p = extended_index(start + i, length, extension);
              if (p >= 0) out[p * stride] += kept[i];
            };
            for (int64_t i = 0; i < lo; ++i) add(i);
            for (int64_t i = hi; i < n; ++i) add(i);
          }
        }
      });
}

template void stft_forward<float>(const float*, std::complex<float>*,
                                  const StftLayout&, const float*, bool,
                                  SignalExtension, const Parallelism&, double);
template void stft_forward<double>(const double*, std::complex<double>*,
                                   const StftLayout&, const double*, bool,
                                   SignalExtension, const Parallelism&, double);
template void stft_inverse<float>(const std::complex<float>*, float*,
                                  const StftLayout&, const float*, bool,
                                  SignalExtension, const Parallelism&, double);
template void stft_inverse<double>(const std::complex<double>*, double*,
                                   const StftLayout&, const double*, bool,
                                   SignalExtension, const Parallelism&, double);

}  // namespace jfft::engine
