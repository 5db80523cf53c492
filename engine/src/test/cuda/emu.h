// Host emulation of the small CUDA subset the cryoetgan kernels use, so that the unchanged .cu sources compile
// with g++ (-include emu.h) and run on the CPU in tests. Each block's threads are user-space fibers run by one
// OS thread (a six-register stack switch on x86-64, ucontext elsewhere); __syncthreads() switches to the next fiber, and a block whose threads do not all reach
// the same barrier is reported as an error. Blocks run one after another; __shared__ variables are
// thread_local statics, so a runner per OS thread would also keep blocks apart.
#ifndef CRYOETGAN_EMU_H
#define CRYOETGAN_EMU_H

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <ucontext.h>
#include <vector>

struct dim3 {
    unsigned int x = 1, y = 1, z = 1;
};

#if defined(__x86_64__)
// cgemu_switch(&saved, next): saves the callee-saved registers on the current stack, stores the stack pointer
// in *saved and resumes the stack `next` (System V x86-64 ABI; no signal mask, unlike swapcontext).
extern "C" void cgemu_switch(void** saved, void* next);
asm(R"(
    .text
    .globl cgemu_switch
    .type cgemu_switch, @function
cgemu_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size cgemu_switch, .-cgemu_switch
)");
#define CGEMU_FAST_SWITCH 1
#endif

namespace cgemu {

inline thread_local dim3 thread_index;
inline thread_local dim3 block_index;
inline thread_local dim3 block_dim;
inline thread_local dim3 grid_dim;

struct Fiber {
#ifdef CGEMU_FAST_SWITCH
    void* sp = nullptr;
#endif
    ucontext_t context;
    std::unique_ptr<char[]> stack;  // not zero-filled: stacks are large and many
    dim3 index;
    bool finished = false;
};

// Runs the threads of one block at a time on the calling OS thread.
struct BlockRunner {
    static constexpr size_t STACK_BYTES = 128 * 1024;
    ucontext_t scheduler;
    void* schedulerSp = nullptr;
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
        r->fibers[r->current].finished = true;
#ifdef CGEMU_FAST_SWITCH
        cgemu_switch(&r->fibers[r->current].sp, r->schedulerSp);  // never resumed
        __builtin_unreachable();
#endif
        // ucontext: returning resumes uc_link = scheduler
    }

    // Prepares fiber f to start in trampoline() on its own stack.
    void start(Fiber& f) {
#ifdef CGEMU_FAST_SWITCH
        uintptr_t top = ((uintptr_t)(f.stack.get() + STACK_BYTES)) & ~(uintptr_t)15;
        void** sp = (void**)top;
        *--sp = nullptr;                             // fake return address of trampoline()
        *--sp = (void*)&BlockRunner::trampoline;     // where cgemu_switch's ret goes
        for (int i = 0; i < 6; i++) {
            *--sp = nullptr;                         // rbp rbx r12 r13 r14 r15
        }
        f.sp = sp;
#else
        getcontext(&f.context);
        f.context.uc_stack.ss_sp = f.stack.get();
        f.context.uc_stack.ss_size = STACK_BYTES;
        f.context.uc_link = &scheduler;
        makecontext(&f.context, &BlockRunner::trampoline, 0);
#endif
    }

    void resume(Fiber& f) {
#ifdef CGEMU_FAST_SWITCH
        cgemu_switch(&schedulerSp, f.sp);
#else
        swapcontext(&scheduler, &f.context);
#endif
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
            if (!f.stack) {
                f.stack.reset(new char[STACK_BYTES]);
            }
            f.finished = false;
            f.index.x = (unsigned)(i % block.x);
            f.index.y = (unsigned)((i / block.x) % block.y);
            f.index.z = (unsigned)(i / ((size_t)block.x * block.y));
            start(f);
        }
        // Threads run one at a time up to their next barrier, alternately in ascending and descending order, so
        // that a missing __syncthreads() between a write and a read by another thread shows up either way.
        for (size_t round = 0;; round++) {
            size_t waiting = 0, finishedNow = 0;
            for (size_t k = 0; k < n; k++) {
                size_t i = round % 2 == 0 ? k : n - 1 - k;
                if (fibers[i].finished) {
                    continue;
                }
                current = i;
                thread_index = fibers[i].index;
                resume(fibers[i]);
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
#ifdef CGEMU_FAST_SWITCH
        cgemu_switch(&f.sp, schedulerSp);
#else
        swapcontext(&f.context, &scheduler);
#endif
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
