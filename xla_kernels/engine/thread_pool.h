// A persistent pool of worker threads for transforms called outside XLA (the
// numpy entry points): starting std::threads per call costs more than a small
// transform, so the threads are started once and kept. XLA-free.
#ifndef JFFT_ENGINE_THREAD_POOL_H_
#define JFFT_ENGINE_THREAD_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "fft_engine.h"

namespace jfft::engine {

class ThreadPool {
 public:
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Runs `task` on one of the pool's threads, in submission order. A task
  // that throws is dropped with its exception (the engine's tasks catch
  // their own).
  void schedule(std::function<void()> task);
  int size() const { return static_cast<int>(threads_.size()); }

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// The process-wide pool: one thread fewer than the CPU has (the caller of a
// transform works too), started at the first call that wants threads. A
// forked child starts its own at its first use (the parent's threads do not
// exist there).
ThreadPool& shared_thread_pool();

// Parallelism on the shared pool for a request of `workers` threads, capped
// at the pool's size plus the caller. One worker never touches the pool.
Parallelism shared_pool_parallelism(int workers);

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_THREAD_POOL_H_
