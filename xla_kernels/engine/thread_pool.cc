#include "thread_pool.h"

#include <pthread.h>

#include <algorithm>
#include <utility>

namespace jfft::engine {

ThreadPool::ThreadPool(int threads) {
  threads_.reserve(std::max(threads, 0));
  for (int t = 0; t < threads; ++t) threads_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void ThreadPool::schedule(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  ready_.notify_one();
}

void ThreadPool::work() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, and nothing left to run
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    try {
      task();
    } catch (...) {
    }
  }
}

namespace {

// Guarded by pool_mutex. Never destroyed: the threads would otherwise be
// joined during static destruction, after the Python interpreter (or another
// library the tasks use) may already be gone.
std::mutex pool_mutex;
ThreadPool* pool = nullptr;

void lock_pool() { pool_mutex.lock(); }
void unlock_pool() { pool_mutex.unlock(); }
// The child of fork() has the pool object but none of its threads; it is
// abandoned (its state may be mid-update) and a new one is made on demand.
void forget_pool_in_child() {
  pool = nullptr;
  pool_mutex.unlock();
}

int default_pool_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? static_cast<int>(cores) - 1 : 0;
}

}  // namespace

ThreadPool& shared_thread_pool() {
  static const int registered =
      pthread_atfork(lock_pool, unlock_pool, forget_pool_in_child);
  (void)registered;
  std::lock_guard<std::mutex> lock(pool_mutex);
  if (pool == nullptr) pool = new ThreadPool(default_pool_threads());
  return *pool;
}

Parallelism shared_pool_parallelism(int workers) {
  Parallelism parallelism;
  if (workers <= 1) return parallelism;
  ThreadPool& threads = shared_thread_pool();
  parallelism.threads = std::min(workers, threads.size() + 1);
  if (parallelism.threads > 1) {
    parallelism.schedule = [&threads](std::function<void()> task) {
      threads.schedule(std::move(task));
    };
  }
  return parallelism;
}

}  // namespace jfft::engine
