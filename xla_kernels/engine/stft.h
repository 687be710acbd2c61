// The short-time Fourier transform of real signals and its inverse
// (overlap-add), block by block: a block of frames is windowed into a small
// buffer that stays in cache and transformed there by the engine's r2c / c2r,
// so no [frames, n_fft] array is ever formed.
#ifndef JFFT_ENGINE_STFT_H_
#define JFFT_ENGINE_STFT_H_

#include <complex>
#include <cstdint>
#include <vector>

#include "fft_engine.h"

namespace jfft::engine {

// How stft_forward reads a signal past its ends (torch.stft's pad modes):
// zeros, mirrored about the end samples (reflect), the end sample repeated
// (replicate), or periodically (circular).
enum class SignalExtension : int {
  kZeros = 0,
  kReflect = 1,
  kReplicate = 2,
  kCircular = 3
};

// Where the samples of a batch of signals and of their spectra lie, and how
// the frames sit on the signals. Signal `s` of the batch (a multi-index over
// batch_shape) has sample p at signal[offset_s + p * time_stride], for p in
// [0, signal_length); its spectrum has frequency f of frame t at
// spectrum[offset'_s + f * freq_stride + t * frame_stride], the offsets the
// batch index dotted with the batch strides. Strides count elements (reals
// for the signal, complex numbers for the spectrum). Frame t covers the
// samples p = t * hop + i - origin, i in [0, n_fft): with origin > 0 the
// first frames start before the signal (torch's centred frames).
struct StftLayout {
  int64_t n_fft = 0;
  int64_t hop = 0;
  int64_t frames = 0;
  int64_t signal_length = 0;
  int64_t origin = 0;
  std::vector<int64_t> batch_shape;
  std::vector<int64_t> signal_batch_strides;
  std::vector<int64_t> spectrum_batch_strides;
  int64_t time_stride = 1;
  int64_t freq_stride = 1;
  int64_t frame_stride = 1;
};

// spectrum[f, t] = scale * sum_i window[i] x[t * hop + i - origin]
// exp(-2 pi i f i / n_fft) for the n_fft / 2 + 1 frequencies f, x the signal
// extended past its ends by `extension` (a signal of length 0 only by
// zeros). With `adjoint`, each result is conjugated and doubled except at DC
// and (even n_fft) Nyquist: the linear transpose of stft_inverse without
// adjoint, for the same extension.
template <typename T>
void stft_forward(const T* signal, std::complex<T>* spectrum,
                  const StftLayout& layout, const T* window, bool adjoint,
                  SignalExtension extension = SignalExtension::kZeros,
                  const Parallelism& parallelism = {}, double scale = 1.0);

// signal[p] = scale * sum_t (window * c2r(spectrum[:, t]))[q + origin -
// t * hop] over the positions q of the extended signal that `extension`
// maps to p (q = p alone for kZeros: what falls past the ends is dropped;
// for the other extensions also the mirrored, repeated or periodic positions
// outside [0, signal_length)), zero where no frame covers p; c2r is numpy's
// unnormalised irfft of n_fft points (the imaginary parts at DC and Nyquist
// ignored). With `adjoint`, each spectrum is conjugated and halved except at
// DC and (even n_fft) Nyquist first: the linear transpose of stft_forward
// without adjoint, for the same extension. The sum is formed in the same
// order whatever the threads (deterministic).
template <typename T>
void stft_inverse(const std::complex<T>* spectrum, T* signal,
                  const StftLayout& layout, const T* window, bool adjoint,
                  SignalExtension extension = SignalExtension::kZeros,
                  const Parallelism& parallelism = {}, double scale = 1.0);

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_STFT_H_
