#include "plan_cache.h"

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

#include <algorithm>

#include "fft_engine.h"
#include "scratch.h"

namespace jfft::engine {
namespace {

// The plan cache's default bounds. 256 plans; and bytes enough that the
// plans of one transform of up to 2^24 points stay cached between calls (a
// complex128 four-step plan of 2^24: 256 MiB of twiddles; the prime
// 10,000,019 in complex64: 193 MiB of Bluestein plan and 154 MiB of its
// padded four-step plan), else each call would plan again. At most 1/16 of
// the machine's memory, so that many large lengths (140 of 4e5..2e6 points
// in complex128 held 2.2 GiB when only the count was bounded) cannot crowd
// out the data.
constexpr size_t kDefaultPlanCapacity = 256;
constexpr size_t kDefaultPlanCacheBytes = size_t{1} << 30;
constexpr size_t kPlanCacheMemoryFraction = 16;

size_t default_plan_cache_bytes() {
#if defined(__unix__) || defined(__APPLE__)
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page_size > 0) {
    const size_t memory = static_cast<size_t>(pages) * page_size;
    return std::min(kDefaultPlanCacheBytes, memory / kPlanCacheMemoryFraction);
  }
#endif
  return kDefaultPlanCacheBytes;
}

}  // namespace

PlanCache& plan_cache() {
  static PlanCache* cache =  // never destroyed: no exit race
      new PlanCache(kDefaultPlanCapacity, default_plan_cache_bytes());
  return *cache;
}

PlanCacheInfo plan_cache_info() {
  PlanCache& cache = plan_cache();
  return {cache.size(), cache.capacity(), cache.bytes(), cache.max_bytes(),
          scratch_pool_bytes()};
}
void set_plan_cache_capacity(size_t capacity) {
  plan_cache().set_capacity(capacity);
}
void set_plan_cache_max_bytes(size_t max_bytes) {
  plan_cache().set_max_bytes(max_bytes);
}
void clear_plan_cache() {
  plan_cache().clear();
  clear_scratch_pool();
}

}  // namespace jfft::engine
