#include "plan_cache.h"

#include <cuda_runtime_api.h>
#include <cufft.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "status.h"

namespace ffi = xla::ffi;

namespace jfft::cuda {
namespace {

// Plans hold only twiddle tables (their work areas are XLA scratch), so a
// few dozen cost little device memory and cover typical programs.
constexpr int64_t kDefaultCapacity = 64;

struct KeyHash {
  size_t operator()(const PlanKey& key) const {
    size_t h = std::hash<int>()(key.device);
    auto mix = [&h](int64_t v) {
      h ^=
          std::hash<int64_t>()(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    };
    mix(static_cast<int64_t>(key.type));
    mix(key.rank);
    for (int j = 0; j < 3; ++j) {
      mix(key.n[j]);
      mix(key.inembed[j]);
      mix(key.onembed[j]);
    }
    mix(key.istride);
    mix(key.idist);
    mix(key.ostride);
    mix(key.odist);
    mix(key.batch);
    return h;
  }
};

}  // namespace

bool PlanKey::operator==(const PlanKey& o) const {
  for (int j = 0; j < 3; ++j) {
    if (n[j] != o.n[j] || inembed[j] != o.inembed[j] ||
        onembed[j] != o.onembed[j]) {
      return false;
    }
  }
  return device == o.device && type == o.type && rank == o.rank &&
         istride == o.istride && idist == o.idist && ostride == o.ostride &&
         odist == o.odist && batch == o.batch;
}

PlanKey KeyOf(int device, cufftType type, const FftGeometry& g) {
  PlanKey key;
  key.device = device;
  key.type = type;
  key.rank = g.rank;
  for (int j = 0; j < 3; ++j) {
    key.n[j] = j < g.rank ? g.n[j] : 0;
    key.inembed[j] = j < g.rank ? g.inembed[j] : 0;
    key.onembed[j] = j < g.rank ? g.onembed[j] : 0;
  }
  key.istride = g.istride;
  key.idist = g.idist;
  key.ostride = g.ostride;
  key.odist = g.odist;
  key.batch = g.batch;
  return key;
}

// A plan is destroyed on its own device: the last reference may be dropped
// by a thread working on another device (eviction) or by Python (clear).
// There is no caller to report a failure to here, so the statuses are
// dropped; if the device cannot be selected the plan is leaked rather than
// destroyed against the wrong device.
Plan::~Plan() {
  int current = -1;
  const bool other_device =
      cudaGetDevice(&current) == cudaSuccess && current != device_;
  if (other_device && cudaSetDevice(device_) != cudaSuccess) return;
  static_cast<void>(cufftDestroy(handle_));
  if (other_device) static_cast<void>(cudaSetDevice(current));
}

struct PlanCache::Impl {
  using Entry = std::pair<PlanKey, std::shared_ptr<Plan>>;
  std::mutex mutex;
  int64_t capacity = kDefaultCapacity;
  std::list<Entry> lru;  // most recently used first
  std::unordered_map<PlanKey, std::list<Entry>::iterator, KeyHash> index;

  // Drops entries past the capacity; returns them so that the caller
  // destroys them after releasing the mutex (cufftDestroy frees device
  // memory, which may wait for the device).
  std::vector<std::shared_ptr<Plan>> Trim() {
    std::vector<std::shared_ptr<Plan>> dropped;
    while (static_cast<int64_t>(lru.size()) > capacity) {
      index.erase(lru.back().first);
      dropped.push_back(std::move(lru.back().second));
      lru.pop_back();
    }
    return dropped;
  }
};

PlanCache::PlanCache() : impl_(new Impl) {}

PlanCache& PlanCache::Global() {
  static PlanCache* cache = new PlanCache;  // intentionally never deleted
  return *cache;
}

ffi::Error PlanCache::Get(const PlanKey& key, std::shared_ptr<Plan>* plan) {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    auto it = impl_->index.find(key);
    if (it != impl_->index.end()) {
      impl_->lru.splice(impl_->lru.begin(), impl_->lru, it->second);
      *plan = it->second->second;
      return ffi::Error::Success();
    }
  }

  // Plan outside the lock: planning can take milliseconds.
  cufftHandle handle;
  JFFT_CUFFT_RETURN_IF_ERROR(cufftCreate(&handle));
  auto made = std::make_shared<Plan>(handle, key.device);  // owns the handle
  JFFT_CUFFT_RETURN_IF_ERROR(cufftSetAutoAllocation(handle, 0));
  long long n[3], inembed[3], onembed[3];  // NOLINT(runtime/int): cuFFT's
  for (int j = 0; j < 3; ++j) {
    n[j] = key.n[j];
    inembed[j] = key.inembed[j];
    onembed[j] = key.onembed[j];
  }
  // The 64-bit interface for every size: it takes all sizes, strides and
  // batches, and is required past 2^31 elements.
  size_t work_size = 0;
  JFFT_CUFFT_RETURN_IF_ERROR(cufftMakePlanMany64(
      handle, key.rank, n, inembed, key.istride, key.idist, onembed,
      key.ostride, key.odist, key.type, key.batch, &work_size));
  made->work_size_ = work_size;

  std::vector<std::shared_ptr<Plan>> dropped;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    auto it = impl_->index.find(key);
    if (it != impl_->index.end()) {
      // Another thread made the same plan meanwhile: use the cached one.
      impl_->lru.splice(impl_->lru.begin(), impl_->lru, it->second);
      *plan = it->second->second;
      dropped.push_back(std::move(made));
    } else {
      *plan = made;
      if (impl_->capacity > 0) {
        impl_->lru.emplace_front(key, std::move(made));
        impl_->index.emplace(key, impl_->lru.begin());
        dropped = impl_->Trim();
      }
    }
  }
  return ffi::Error::Success();  // `dropped` is destroyed here, unlocked
}

PlanCacheInfo PlanCache::Info() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return {static_cast<int64_t>(impl_->lru.size()), impl_->capacity};
}

void PlanCache::SetCapacity(int64_t capacity) {
  std::vector<std::shared_ptr<Plan>> dropped;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->capacity = capacity < 0 ? 0 : capacity;
    dropped = impl_->Trim();
  }
}

void PlanCache::Clear() {
  std::vector<std::shared_ptr<Plan>> dropped;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    for (auto& entry : impl_->lru) dropped.push_back(std::move(entry.second));
    impl_->lru.clear();
    impl_->index.clear();
  }
}

}  // namespace jfft::cuda
