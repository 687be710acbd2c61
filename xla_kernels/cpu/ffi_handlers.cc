// Thin handlers: decode buffers and attributes, call the engine, and turn any
// engine exception into an ffi::Error (native code never aborts).
#include "ffi_handlers.h"

#include <algorithm>
#include <complex>
#include <cstdint>
#include <exception>
#include <functional>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "../engine/fft_engine.h"
#include "../engine/r2r.h"
#include "../engine/stft.h"

namespace ffi = xla::ffi;

namespace jfft::cpu {
namespace {

template <typename T>
engine::ArrayView<T> view_of(T* data, ffi::AnyBuffer::Dimensions dims) {
  std::vector<int64_t> shape(dims.begin(), dims.end());
  std::vector<int64_t> strides = engine::row_major_strides(shape);
  return {data, std::move(shape), std::move(strides)};
}

template <typename Fn>
ffi::Error guarded(const char* name, Fn&& fn) {
  try {
    fn();
    return ffi::Error::Success();
  } catch (const std::bad_alloc&) {
    return ffi::Error(ffi::ErrorCode::kResourceExhausted,
                      std::string(name) + ": out of memory");
  } catch (const std::exception& e) {
    return ffi::Error::InvalidArgument(std::string(name) + ": " + e.what());
  }
}

ffi::Error wrong_types(const char* name) {
  return ffi::Error::InvalidArgument(std::string(name) +
                                     ": unsupported element types");
}

std::vector<int64_t> to_vector(ffi::Span<const int64_t> axes) {
  return std::vector<int64_t>(axes.begin(), axes.end());
}

// Work is split over XLA's intra-op thread pool, so jfft shares the threads
// of the rest of the jitted program instead of adding its own: `workers` (the
// caller's request) is capped by the pool's size.
engine::Parallelism parallelism_of(ffi::ThreadPool pool, int64_t workers) {
  engine::Parallelism parallelism;
  const int64_t pool_threads = pool.num_threads();
  parallelism.threads = static_cast<int>(std::max<int64_t>(1, workers));
  if (pool_threads > 0) {
    parallelism.threads =
        static_cast<int>(std::min<int64_t>(parallelism.threads, pool_threads));
    parallelism.schedule = [pool](std::function<void()> task) mutable {
      pool.Schedule(std::move(task));
    };
  }
  return parallelism;
}

// XLA hands each call a fresh output buffer; a large one is fresh pages that
// cost as much to fault in as the transform itself (see advise_huge_pages).
void advise_huge_pages(ffi::Result<ffi::AnyBuffer>& y) {
  engine::advise_huge_pages(y->untyped_data(), y->size_bytes());
}

template <typename T>
void run_c2c(ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
             const std::vector<int64_t>& axes, bool forward,
             const engine::Parallelism& parallelism, double scale) {
  using C = std::complex<T>;
  engine::c2c<T>(
      view_of<const C>(static_cast<const C*>(x.untyped_data()), x.dimensions()),
      view_of<C>(static_cast<C*>(y->untyped_data()), y->dimensions()), axes,
      forward, parallelism, scale);
}

ffi::Error C2CImpl(ffi::ThreadPool pool, ffi::AnyBuffer x,
                   ffi::Result<ffi::AnyBuffer> y, ffi::Span<const int64_t> axes,
                   bool forward, int64_t workers, double scale) {
  const auto type = x.element_type();
  if (type != y->element_type()) return wrong_types("jfft_c2c");
  advise_huge_pages(y);
  return guarded("jfft_c2c", [&] {
    if (type == ffi::DataType::C64) {
      run_c2c<float>(x, y, to_vector(axes), forward,
                     parallelism_of(pool, workers), scale);
    } else if (type == ffi::DataType::C128) {
      run_c2c<double>(x, y, to_vector(axes), forward,
                      parallelism_of(pool, workers), scale);
    } else {
      throw std::invalid_argument("unsupported element type");
    }
  });
}

template <typename T>
void run_r2c(ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
             const std::vector<int64_t>& axes,
             const engine::Parallelism& parallelism, double scale) {
  using C = std::complex<T>;
  engine::r2c<T>(
      view_of<const T>(static_cast<const T*>(x.untyped_data()), x.dimensions()),
      view_of<C>(static_cast<C*>(y->untyped_data()), y->dimensions()), axes,
      parallelism, scale);
}

ffi::Error R2CImpl(ffi::ThreadPool pool, ffi::AnyBuffer x,
                   ffi::Result<ffi::AnyBuffer> y, ffi::Span<const int64_t> axes,
                   int64_t workers, double scale) {
  const auto in = x.element_type(), out = y->element_type();
  advise_huge_pages(y);
  return guarded("jfft_r2c", [&] {
    if (in == ffi::DataType::F32 && out == ffi::DataType::C64) {
      run_r2c<float>(x, y, to_vector(axes), parallelism_of(pool, workers),
                     scale);
    } else if (in == ffi::DataType::F64 && out == ffi::DataType::C128) {
      run_r2c<double>(x, y, to_vector(axes), parallelism_of(pool, workers),
                      scale);
    } else {
      throw std::invalid_argument("unsupported element types");
    }
  });
}

template <typename T>
void run_c2r(ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
             const std::vector<int64_t>& axes,
             const engine::Parallelism& parallelism, double scale) {
  using C = std::complex<T>;
  engine::c2r<T>(
      view_of<const C>(static_cast<const C*>(x.untyped_data()), x.dimensions()),
      view_of<T>(static_cast<T*>(y->untyped_data()), y->dimensions()), axes,
      parallelism, scale);
}

ffi::Error C2RImpl(ffi::ThreadPool pool, ffi::AnyBuffer x,
                   ffi::Result<ffi::AnyBuffer> y, ffi::Span<const int64_t> axes,
                   int64_t workers, double scale) {
  const auto in = x.element_type(), out = y->element_type();
  advise_huge_pages(y);
  return guarded("jfft_c2r", [&] {
    if (in == ffi::DataType::C64 && out == ffi::DataType::F32) {
      run_c2r<float>(x, y, to_vector(axes), parallelism_of(pool, workers),
                     scale);
    } else if (in == ffi::DataType::C128 && out == ffi::DataType::F64) {
      run_c2r<double>(x, y, to_vector(axes), parallelism_of(pool, workers),
                      scale);
    } else {
      throw std::invalid_argument("unsupported element types");
    }
  });
}

template <typename T>
void run_r2r(ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
             const std::vector<int64_t>& axes, engine::R2RKind kind, int type,
             double pre, double post, const engine::Parallelism& parallelism,
             double scale) {
  engine::r2r<T>(
      view_of<const T>(static_cast<const T*>(x.untyped_data()), x.dimensions()),
      view_of<T>(static_cast<T*>(y->untyped_data()), y->dimensions()), axes,
      kind, type, pre, post, parallelism, scale);
}

// kind: 0 DCT, 1 DST; type 1-4; pre/post: the end factors of engine::r2r.
ffi::Error R2RImpl(ffi::ThreadPool pool, ffi::AnyBuffer x,
                   ffi::Result<ffi::AnyBuffer> y, ffi::Span<const int64_t> axes,
                   int64_t kind, int64_t type, double pre, double post,
                   int64_t workers, double scale) {
  const auto element = x.element_type();
  if (element != y->element_type()) return wrong_types("jfft_r2r");
  advise_huge_pages(y);
  return guarded("jfft_r2r", [&] {
    if (kind != 0 && kind != 1) throw std::invalid_argument("kind not 0 or 1");
    const auto r2r_kind =
        kind == 0 ? engine::R2RKind::kDct : engine::R2RKind::kDst;
    const int r2r_type = static_cast<int>(std::clamp<int64_t>(type, 0, 5));
    if (element == ffi::DataType::F32) {
      run_r2r<float>(x, y, to_vector(axes), r2r_kind, r2r_type, pre, post,
                     parallelism_of(pool, workers), scale);
    } else if (element == ffi::DataType::F64) {
      run_r2r<double>(x, y, to_vector(axes), r2r_kind, r2r_type, pre, post,
                      parallelism_of(pool, workers), scale);
    } else {
      throw std::invalid_argument("unsupported element type");
    }
  });
}

// The layout of a signal array (the time axis `axes[0]`) and a spectrum array
// (frequency axis axes[0], frame axis axes[1]); the other axes, in order,
// are the batch of both.
engine::StftLayout stft_layout(ffi::AnyBuffer::Dimensions signal_dims,
                               ffi::AnyBuffer::Dimensions spectrum_dims,
                               ffi::Span<const int64_t> axes, int64_t n_fft,
                               int64_t hop, int64_t origin) {
  const std::vector<int64_t> signal(signal_dims.begin(), signal_dims.end());
  const std::vector<int64_t> spectrum(spectrum_dims.begin(),
                                      spectrum_dims.end());
  const int64_t rank = static_cast<int64_t>(signal.size());
  if (axes.size() != 2 || rank < 1 ||
      static_cast<int64_t>(spectrum.size()) != rank + 1 || axes[0] < 0 ||
      axes[0] >= axes[1] || axes[1] > rank) {
    throw std::invalid_argument("bad axes for the array ranks");
  }
  const auto signal_strides = engine::row_major_strides(signal);
  const auto spectrum_strides = engine::row_major_strides(spectrum);
  engine::StftLayout layout;
  layout.n_fft = n_fft;
  layout.hop = hop;
  layout.origin = origin;
  layout.frames = spectrum[axes[1]];
  layout.signal_length = signal[axes[0]];
  layout.time_stride = signal_strides[axes[0]];
  layout.freq_stride = spectrum_strides[axes[0]];
  layout.frame_stride = spectrum_strides[axes[1]];
  if (spectrum[axes[0]] != n_fft / 2 + 1) {
    throw std::invalid_argument(
        "the spectrum does not have n_fft / 2 + 1 "
        "frequencies");
  }
  int64_t s = 0;
  for (int64_t d = 0; d <= rank; ++d) {
    if (d == axes[0] || d == axes[1]) continue;
    if (s == axes[0]) ++s;
    if (s >= rank || spectrum[d] != signal[s]) {
      throw std::invalid_argument("the batch shapes differ");
    }
    layout.batch_shape.push_back(signal[s]);
    layout.signal_batch_strides.push_back(signal_strides[s]);
    layout.spectrum_batch_strides.push_back(spectrum_strides[d]);
    ++s;
  }
  return layout;
}

template <typename T>
void run_stft(ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
              ffi::Span<const int64_t> axes, int64_t hop, int64_t origin,
              engine::SignalExtension extension, ffi::Span<const double> window,
              bool adjoint, const engine::Parallelism& parallelism,
              double scale) {
  using C = std::complex<T>;
  const std::vector<T> w(window.begin(), window.end());
  const auto layout = stft_layout(x.dimensions(), y->dimensions(), axes,
                                  static_cast<int64_t>(w.size()), hop, origin);
  engine::stft_forward<T>(static_cast<const T*>(x.untyped_data()),
                          static_cast<C*>(y->untyped_data()), layout, w.data(),
                          adjoint, extension, parallelism, scale);
}

// axes: (frequency axis, frame axis) of the spectrum y; the signal x has its
// time axis at axes[0]. The window (n_fft points) comes as an attribute;
// origin and extension (engine::SignalExtension's values) as stft.h says.
ffi::Error StftImpl(ffi::ThreadPool pool, ffi::AnyBuffer x,
                    ffi::Result<ffi::AnyBuffer> y,
                    ffi::Span<const int64_t> axes, int64_t hop, int64_t origin,
                    int64_t extension, ffi::Span<const double> window,
                    bool adjoint, int64_t workers, double scale) {
  const auto in = x.element_type(), out = y->element_type();
  advise_huge_pages(y);
  return guarded("jfft_stft", [&] {
    if (extension < 0 || extension > 3) {
      throw std::invalid_argument("extension not in 0..3");
    }
    const auto how = static_cast<engine::SignalExtension>(extension);
    if (in == ffi::DataType::F32 && out == ffi::DataType::C64) {
      run_stft<float>(x, y, axes, hop, origin, how, window, adjoint,
                      parallelism_of(pool, workers), scale);
    } else if (in == ffi::DataType::F64 && out == ffi::DataType::C128) {
      run_stft<double>(x, y, axes, hop, origin, how, window, adjoint,
                       parallelism_of(pool, workers), scale);
    } else {
      throw std::invalid_argument("unsupported element types");
    }
  });
}

template <typename T>
void run_istft(ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
               ffi::Span<const int64_t> axes, int64_t hop, int64_t origin,
               engine::SignalExtension extension,
               ffi::Span<const double> window, bool adjoint,
               const engine::Parallelism& parallelism, double scale) {
  using C = std::complex<T>;
  const std::vector<T> w(window.begin(), window.end());
  const auto layout = stft_layout(y->dimensions(), x.dimensions(), axes,
                                  static_cast<int64_t>(w.size()), hop, origin);
  engine::stft_inverse<T>(static_cast<const C*>(x.untyped_data()),
                          static_cast<T*>(y->untyped_data()), layout, w.data(),
                          adjoint, extension, parallelism, scale);
}

// axes: (frequency axis, frame axis) of the spectrum x; the signal y has its
// time axis at axes[0]. extension (engine::SignalExtension's values) folds
// what falls past the signal's ends back onto it, as stft.h says.
ffi::Error IstftImpl(ffi::ThreadPool pool, ffi::AnyBuffer x,
                     ffi::Result<ffi::AnyBuffer> y,
                     ffi::Span<const int64_t> axes, int64_t hop, int64_t origin,
                     int64_t extension, ffi::Span<const double> window,
                     bool adjoint, int64_t workers, double scale) {
  const auto in = x.element_type(), out = y->element_type();
  advise_huge_pages(y);
  return guarded("jfft_istft", [&] {
    if (extension < 0 || extension > 3) {
      throw std::invalid_argument("extension not in 0..3");
    }
    const auto how = static_cast<engine::SignalExtension>(extension);
    if (in == ffi::DataType::C64 && out == ffi::DataType::F32) {
      run_istft<float>(x, y, axes, hop, origin, how, window, adjoint,
                       parallelism_of(pool, workers), scale);
    } else if (in == ffi::DataType::C128 && out == ffi::DataType::F64) {
      run_istft<double>(x, y, axes, hop, origin, how, window, adjoint,
                        parallelism_of(pool, workers), scale);
    } else {
      throw std::invalid_argument("unsupported element types");
    }
  });
}

}  // namespace

XLA_FFI_DEFINE_HANDLER_SYMBOL(C2CHandler, C2CImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::ThreadPool>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<bool>("forward")
                                  .Attr<int64_t>("workers")
                                  .Attr<double>("scale"));

XLA_FFI_DEFINE_HANDLER_SYMBOL(R2CHandler, R2CImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::ThreadPool>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<int64_t>("workers")
                                  .Attr<double>("scale"));

XLA_FFI_DEFINE_HANDLER_SYMBOL(C2RHandler, C2RImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::ThreadPool>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<int64_t>("workers")
                                  .Attr<double>("scale"));

XLA_FFI_DEFINE_HANDLER_SYMBOL(R2RHandler, R2RImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::ThreadPool>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<int64_t>("kind")
                                  .Attr<int64_t>("type")
                                  .Attr<double>("pre")
                                  .Attr<double>("post")
                                  .Attr<int64_t>("workers")
                                  .Attr<double>("scale"));

XLA_FFI_DEFINE_HANDLER_SYMBOL(StftHandler, StftImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::ThreadPool>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<int64_t>("hop")
                                  .Attr<int64_t>("origin")
                                  .Attr<int64_t>("extension")
                                  .Attr<ffi::Span<const double>>("window")
                                  .Attr<bool>("adjoint")
                                  .Attr<int64_t>("workers")
                                  .Attr<double>("scale"));

XLA_FFI_DEFINE_HANDLER_SYMBOL(IstftHandler, IstftImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::ThreadPool>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<int64_t>("hop")
                                  .Attr<int64_t>("origin")
                                  .Attr<int64_t>("extension")
                                  .Attr<ffi::Span<const double>>("window")
                                  .Attr<bool>("adjoint")
                                  .Attr<int64_t>("workers")
                                  .Attr<double>("scale"));

}  // namespace jfft::cpu
