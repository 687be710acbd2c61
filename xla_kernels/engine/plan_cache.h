// A process-wide, thread-safe, least-recently-used cache of immutable plans,
// bounded by a count of plans and by the bytes they hold.
#ifndef JFFT_ENGINE_PLAN_CACHE_H_
#define JFFT_ENGINE_PLAN_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace jfft::engine {

enum class PlanKind : int { kComplex = 0, kReal = 1, kFourStep = 2 };

class PlanCache {
 public:
  PlanCache(size_t capacity, size_t max_bytes)
      : capacity_(capacity), max_bytes_(max_bytes) {}

  // The cached plan of this kind, precision, length and largest radix,
  // built on a miss as Plan(length, largest_radix). Plans are built outside
  // the lock; when two threads race, one plan wins and both are valid. A
  // plan of more than max_bytes is returned to its caller but not kept.
  template <typename Plan>
  std::shared_ptr<const Plan> get(PlanKind kind, size_t precision,
                                  int64_t length, int64_t largest_radix) {
    const Key key{static_cast<int>(kind), precision, length, largest_radix};
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end()) {
        order_.splice(order_.begin(), order_, it->second.position);
        return std::static_pointer_cast<const Plan>(it->second.plan);
      }
    }
    std::shared_ptr<const Plan> plan =
        std::make_shared<const Plan>(length, largest_radix);
    const size_t bytes = plan->bytes();
    std::lock_guard<std::mutex> lock(mutex_);
    if (capacity_ == 0 || bytes > max_bytes_) return plan;
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      return std::static_pointer_cast<const Plan>(it->second.plan);
    }
    order_.push_front(key);
    entries_[key] = Entry{plan, order_.begin(), bytes};
    bytes_ += bytes;
    evict_locked();
    return plan;
  }

  size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
  }
  size_t capacity() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return capacity_;
  }
  // Bytes the cached plans hold (each counted with its sub-plans).
  size_t bytes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
  }
  size_t max_bytes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return max_bytes_;
  }
  void set_capacity(size_t capacity) {
    std::lock_guard<std::mutex> lock(mutex_);
    capacity_ = capacity;
    evict_locked();
  }
  void set_max_bytes(size_t max_bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    max_bytes_ = max_bytes;
    evict_locked();
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
    order_.clear();
    bytes_ = 0;
  }

 private:
  using Key = std::tuple<int, size_t, int64_t, int64_t>;
  struct Entry {
    std::shared_ptr<const void> plan;  // plans in use elsewhere outlive
                                       // eviction
    std::list<Key>::iterator position;
    size_t bytes;
  };

  void evict_locked() {
    while (!order_.empty() &&
           (entries_.size() > capacity_ || bytes_ > max_bytes_)) {
      auto it = entries_.find(order_.back());
      bytes_ -= it->second.bytes;
      entries_.erase(it);
      order_.pop_back();
    }
  }

  mutable std::mutex mutex_;
  size_t capacity_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::list<Key> order_;  // most recently used first
  std::map<Key, Entry> entries_;
};

// The one cache every plan lookup goes through.
PlanCache& plan_cache();

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_PLAN_CACHE_H_
