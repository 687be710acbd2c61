// A process-wide cache of cuFFT plans, keyed by device and problem, safe
// under concurrent use from XLA's threads, with a size limit (least recently
// used plans go first).
//
// Plans are made with cufftSetAutoAllocation(0): a plan holds only its own
// tables, and each call gives it a work area from XLA's scratch allocator.
// Because cufftSetStream/cufftSetWorkArea change the plan, a plan is used by
// one thread at a time (Plan::mutex, held while a call enqueues its work).
#ifndef JFFT_CUDA_PLAN_CACHE_H_
#define JFFT_CUDA_PLAN_CACHE_H_

#include <cufft.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

#include "passes.h"
#include "xla/ffi/api/ffi.h"

namespace jfft::cuda {

struct PlanKey {
  int device = 0;
  cufftType type = CUFFT_C2C;
  int rank = 0;
  int64_t n[3] = {0, 0, 0};
  int64_t inembed[3] = {0, 0, 0};
  int64_t onembed[3] = {0, 0, 0};
  int64_t istride = 0, idist = 0, ostride = 0, odist = 0, batch = 0;

  bool operator==(const PlanKey& other) const;
};

PlanKey KeyOf(int device, cufftType type, const FftGeometry& geometry);

class Plan {
 public:
  Plan(cufftHandle handle, int device) : handle_(handle), device_(device) {}
  ~Plan();
  Plan(const Plan&) = delete;
  Plan& operator=(const Plan&) = delete;

  cufftHandle handle() const { return handle_; }
  size_t work_size() const { return work_size_; }
  std::mutex& mutex() { return mutex_; }

 private:
  friend class PlanCache;
  cufftHandle handle_;
  int device_;
  size_t work_size_ = 0;
  std::mutex mutex_;
};

struct PlanCacheInfo {
  int64_t entries;
  int64_t capacity;
};

class PlanCache {
 public:
  // The process-wide cache. Never destroyed: at exit the CUDA runtime may
  // already be gone, and destroying plans then could crash.
  static PlanCache& Global();

  // The plan for `key` on the current device (`key.device`), made on a miss.
  xla::ffi::Error Get(const PlanKey& key, std::shared_ptr<Plan>* plan);

  PlanCacheInfo Info();
  void SetCapacity(int64_t capacity);
  void Clear();

 private:
  struct Impl;
  PlanCache();
  Impl* impl_;
};

}  // namespace jfft::cuda

#endif  // JFFT_CUDA_PLAN_CACHE_H_
