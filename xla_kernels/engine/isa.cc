#include "isa.h"

#include <atomic>
#include <stdexcept>
#include <string>

#include "cost_model.h"
#include "fft_engine.h"
#include "kernel_api.h"

namespace jfft::engine {
namespace {

bool cpu_supports(Isa isa) {
#if defined(__x86_64__) || defined(__i386__)
  switch (isa) {
    case Isa::kBaseline:
      return true;
    case Isa::kAvx2:
      return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Isa::kAvx512:
      return cpu_supports(Isa::kAvx2) && __builtin_cpu_supports("avx512f") &&
             __builtin_cpu_supports("avx512dq") &&
             __builtin_cpu_supports("avx512vl");
  }
  return false;
#else
  return isa == Isa::kBaseline;
#endif
}

Isa best_isa() {
  if (cpu_supports(Isa::kAvx512)) return Isa::kAvx512;
  if (cpu_supports(Isa::kAvx2)) return Isa::kAvx2;
  return Isa::kBaseline;
}

std::atomic<Isa>& isa_in_use() {
  static std::atomic<Isa> isa(best_isa());
  return isa;
}

}  // namespace

Isa current_isa() { return isa_in_use().load(std::memory_order_relaxed); }

template <typename T>
const KernelTable<T>& kernels() {
#if defined(__x86_64__) || defined(__i386__)
  switch (current_isa()) {
    case Isa::kAvx512:
      return avx512::kernels<T>();
    case Isa::kAvx2:
      return avx2::kernels<T>();
    case Isa::kBaseline:
      break;
  }
#endif
  return baseline::kernels<T>();
}
template const KernelTable<float>& kernels<float>();
template const KernelTable<double>& kernels<double>();

int64_t preferred_largest_radix() {
  return current_isa() == Isa::kAvx512 ? kLargestRadixWide
                                       : kLargestRadixNarrow;
}

const char* isa() { return kernels<float>().isa; }

void set_isa(const char* name) {
  const std::string choice(name);
  Isa isa;
  if (choice == "auto") {
    isa = best_isa();
  } else if (choice == "baseline") {
    isa = Isa::kBaseline;
  } else if (choice == "avx2") {
    isa = Isa::kAvx2;
  } else if (choice == "avx512") {
    isa = Isa::kAvx512;
  } else {
    throw std::invalid_argument("unknown instruction set '" + choice +
                                "' (expected auto, avx512, avx2 or baseline)");
  }
  if (!cpu_supports(isa)) {
    throw std::invalid_argument("this CPU cannot run the " + choice +
                                " kernels");
  }
  isa_in_use().store(isa);
}

}  // namespace jfft::engine
