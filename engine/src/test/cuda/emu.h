// Host emulation of the small CUDA subset the cryoetgan kernels use, so that the unchanged .cu sources compile
// with g++ (-include emu.h) and run on the CPU in tests. Each block's threads are user-space fibers (ucontext)
// run by one OS thread; __syncthreads() switches to the next fiber, and a block whose threads do not all reach
// the same barrier is reported as an error. Blocks are spread over a few OS threads, so __shared__ variables
// are thread_local statics (one copy per OS thread, hence per running block).
#ifndef CRYOETGAN_EMU_H
#define CRYOETGAN_EMU_H

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <ucontext.h>
#include <vector>

struct dim3 {
    unsigned int x = 1, y = 1, z = 1;
};

namespace cgemu {

inline thread_local dim3 thread_index;
inline thread_local dim3 block_index;
inline thread_local dim3 block_dim;
inline thread_local dim3 grid_dim;

struct Fiber {
    ucontext_t context;
    std::vector<char> stack;
    dim3 index;
    bool finished = false;
};

// Runs the threads of one block at a time on the calling OS thread.
struct BlockRunner {
    static constexpr size_t STACK_BYTES = 128 * 1024;
    ucontext_t scheduler;
    std::vector<Fiber> fibers;
    size_t current = 0;
    const std::function<void()>* body = nullptr;

    static BlockRunner*& active() {
        static thread_local BlockRunner* runner = nullptr;
        return runner;
    }

    static void trampoline() {
        BlockRunner* r = active();
        (*r->body)();
        r->fibers[r->current].finished = true;  // returning resumes uc_link = scheduler
    }

    void run(dim3 block, const std::function<void()>& kernel) {
        size_t n = (size_t)block.x * block.y * block.z;
        if (fibers.size() < n) {
            fibers.resize(n);
        }
        body = &kernel;
        active() = this;
        for (size_t i = 0; i < n; i++) {
            Fiber& f = fibers[i];
            if (f.stack.empty()) {
                f.stack.resize(STACK_BYTES);
            }
            f.finished = false;
            f.index.x = (unsigned)(i % block.x);
            f.index.y = (unsigned)((i / block.x) % block.y);
            f.index.z = (unsigned)(i / ((size_t)block.x * block.y));
            getcontext(&f.context);
            f.context.uc_stack.ss_sp = f.stack.data();
            f.context.uc_stack.ss_size = f.stack.size();
            f.context.uc_link = &scheduler;
            makecontext(&f.context, &BlockRunner::trampoline, 0);
        }
        while (true) {
            size_t waiting = 0, finishedNow = 0;
            for (size_t i = 0; i < n; i++) {
                if (fibers[i].finished) {
                    continue;
                }
                current = i;
                thread_index = fibers[i].index;
                swapcontext(&scheduler, &fibers[i].context);
                if (fibers[i].finished) {
                    finishedNow++;
                } else {
                    waiting++;
                }
            }
            if (waiting == 0) {
                break;
            }
            if (finishedNow > 0) {
                throw std::runtime_error("__syncthreads() not reached by every thread of the block");
            }
        }
        active() = nullptr;
    }

    void barrier() {
        Fiber& f = fibers[current];
        swapcontext(&f.context, &scheduler);
        thread_index = f.index;
    }
};

inline void syncthreads() {
    BlockRunner* r = BlockRunner::active();
    if (r == nullptr) {
        throw std::runtime_error("__syncthreads() outside a kernel");
    }
    r->barrier();
}

}  // namespace cgemu

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __restrict__ __restrict
#define __shared__ static thread_local
#define __launch_bounds__(...)
#define threadIdx (cgemu::thread_index)
#define blockIdx (cgemu::block_index)
#define blockDim (cgemu::block_dim)
#define gridDim (cgemu::grid_dim)
#define __syncthreads() cgemu::syncthreads()

inline float __int_as_float(int v) {
    float f;
    std::memcpy(&f, &v, sizeof f);
    return f;
}
inline int __float_as_int(float f) {
    int v;
    std::memcpy(&v, &f, sizeof v);
    return v;
}
inline double __dmul_rn(double a, double b) {
    volatile double p = a * b;  // a separate rounded product, never fused into a following add
    return p;
}
inline float rsqrtf(float v) {
    return 1.0f / std::sqrt(v);
}
inline float atomicAdd(float* address, float value) {
    return std::atomic_ref<float>(*address).fetch_add(value);
}

using std::isnan;

#endif
