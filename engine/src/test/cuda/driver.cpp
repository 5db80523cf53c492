// Command server for the CUDA kernel emulator: the Java test (EmulatedGpuDevice) speaks a little-endian binary
// protocol on stdin/stdout to allocate memory, copy data and launch kernels by name with the grid, block and
// arguments that the real backend would use. Every argument carries a type tag that is checked against the
// kernel's C signature, so a Java/CUDA signature mismatch fails loudly. Allocations are surrounded by guard
// words that are verified after every launch (out-of-bounds writes are reported).
//
// Build: g++ -std=c++20 -O1 -include emu.h -I <cuda source dir> driver.cpp -pthread
#include "elementwise.cu"
#include "random.cu"
#include "reduce.cu"
#include "instnorm.cu"
#include "pad.cu"
#include "pool.cu"
#include "conv.cu"

#include <cstdio>
#include <map>
#include <memory>
#include <tuple>

namespace {

constexpr size_t GUARD_WORDS = 64;
constexpr uint32_t GUARD = 0x7fbadbadu;

// Reads stdin, or a message already read into memory (so a failing command never desynchronises the stream).
struct Input {
    const char* next = nullptr;
    const char* end = nullptr;

    void raw(void* p, size_t n) {
        if (next != nullptr) {
            if ((size_t)(end - next) < n) {
                throw std::runtime_error("launch message too short");
            }
            std::memcpy(p, next, n);
            next += n;
        } else if (std::fread(p, 1, n, stdin) != n) {
            std::exit(0);  // the test closed the pipe
        }
    }
    template <class T> T get() {
        T v;
        raw(&v, sizeof v);
        return v;
    }
};

void reply(int32_t status, const std::string& message = "") {
    std::fwrite(&status, 4, 1, stdout);
    if (status != 0) {
        int32_t len = (int32_t)message.size();
        std::fwrite(&len, 4, 1, stdout);
        std::fwrite(message.data(), 1, message.size(), stdout);
    }
}

struct Allocation {
    std::vector<uint32_t> words;  // guard, payload, guard
    size_t bytes;
};

std::map<uintptr_t, std::unique_ptr<Allocation>> allocations;

uintptr_t payload(Allocation& a) {
    return (uintptr_t)(a.words.data() + GUARD_WORDS);
}

void checkPointer(uintptr_t p) {
    if (p == 0) {
        return;  // optional arguments
    }
    auto it = allocations.upper_bound(p);
    if (it == allocations.begin() || p > std::prev(it)->first + std::prev(it)->second->bytes) {
        throw std::runtime_error("pointer argument outside every allocation");
    }
}

void checkGuards() {
    for (auto& [base, a] : allocations) {
        size_t n = a->words.size();
        for (size_t i = 0; i < GUARD_WORDS; i++) {
            if (a->words[i] != GUARD || a->words[n - 1 - i] != GUARD) {
                throw std::runtime_error("out-of-bounds write next to an allocation of " + std::to_string(a->bytes)
                                         + " bytes");
            }
        }
    }
}

template <class T> struct Arg;
template <> struct Arg<int> { static constexpr char tag = 'i'; };
template <> struct Arg<long long> { static constexpr char tag = 'l'; };
template <> struct Arg<unsigned long long> { static constexpr char tag = 'l'; };
template <> struct Arg<float> { static constexpr char tag = 'f'; };
template <> struct Arg<float*> { static constexpr char tag = 'p'; };
template <> struct Arg<const float*> { static constexpr char tag = 'p'; };

template <class T> T readArg(Input& in) {
    char tag = in.get<char>();
    if (tag != Arg<T>::tag) {
        throw std::runtime_error(std::string("argument type mismatch: got '") + tag + "', kernel wants '"
                                 + Arg<T>::tag + "'");
    }
    if constexpr (std::is_pointer_v<T>) {
        uintptr_t p = (uintptr_t)in.get<int64_t>();
        checkPointer(p);
        return reinterpret_cast<T>(p);
    } else {
        return in.get<T>();
    }
}

// Runs `body` for every block of the grid, one block after another on this thread's persistent runner.
void runGrid(dim3 grid, dim3 block, const std::function<void()>& body) {
    static cgemu::BlockRunner runner;
    cgemu::block_dim = block;
    cgemu::grid_dim = grid;
    for (unsigned z = 0; z < grid.z; z++) {
        for (unsigned y = 0; y < grid.y; y++) {
            for (unsigned x = 0; x < grid.x; x++) {
                cgemu::block_index.x = x;
                cgemu::block_index.y = y;
                cgemu::block_index.z = z;
                runner.run(block, body);
            }
        }
    }
}

using Launcher = std::function<void(Input&, dim3, dim3, int)>;

template <class... A> Launcher launcher(void (*kernel)(A...)) {
    return [kernel](Input& in, dim3 grid, dim3 block, int nargs) {
        if (nargs != (int)sizeof...(A)) {
            throw std::runtime_error("kernel takes " + std::to_string(sizeof...(A)) + " arguments, got "
                                     + std::to_string(nargs));
        }
        std::tuple<A...> args{readArg<A>(in)...};
        runGrid(grid, block, [&]() { std::apply(kernel, args); });
    };
}

#define KERNEL(name) {#name, launcher(&name)}

const std::map<std::string, Launcher> KERNELS = {
    KERNEL(cg_fill), KERNEL(cg_unary), KERNEL(cg_binary), KERNEL(cg_copy_strided), KERNEL(cg_axpy),
    KERNEL(cg_add_channel_bias), KERNEL(cg_random_normal), KERNEL(cg_random_uniform), KERNEL(cg_reduce_blocks),
    KERNEL(cg_reduce_columns), KERNEL(cg_instnorm_forward), KERNEL(cg_instnorm_backward),
    KERNEL(cg_instnorm_param_grad), KERNEL(cg_pad3d_forward), KERNEL(cg_pad3d_backward),
    KERNEL(cg_maxpool3d_forward), KERNEL(cg_maxpool3d_backward), KERNEL(cg_avgpool3d_forward),
    KERNEL(cg_avgpool3d_backward), KERNEL(cg_vol2col), KERNEL(cg_col2vol), KERNEL(cg_sgemm),
};

void launch(Input& in) {
    int32_t len = in.get<int32_t>();
    std::string name(len, '\0');
    in.raw(name.data(), len);
    dim3 grid, block;
    grid.x = in.get<uint32_t>();
    grid.y = in.get<uint32_t>();
    grid.z = in.get<uint32_t>();
    block.x = in.get<uint32_t>();
    block.y = in.get<uint32_t>();
    block.z = in.get<uint32_t>();
    int32_t nargs = in.get<int32_t>();
    auto it = KERNELS.find(name);
    if (it == KERNELS.end()) {
        throw std::runtime_error("no kernel named " + name);
    }
    if (block.x * block.y * block.z > 1024 || grid.y > 65535 || grid.z > 65535) {
        throw std::runtime_error("launch dimensions beyond CUDA limits");
    }
    it->second(in, grid, block, nargs);
    checkGuards();
}

}  // namespace

int main() {
    Input in;
    while (true) {
        int32_t op = in.get<int32_t>();
        try {
            switch (op) {
                case 0:
                    return 0;
                case 1: {  // allocate bytes -> address
                    int64_t bytes = in.get<int64_t>();
                    auto a = std::make_unique<Allocation>();
                    a->bytes = (size_t)bytes;
                    a->words.assign(2 * GUARD_WORDS + ((size_t)bytes + 3) / 4, GUARD);
                    int64_t address = (int64_t)payload(*a);
                    allocations[(uintptr_t)address] = std::move(a);
                    reply(0);
                    std::fwrite(&address, 8, 1, stdout);
                    break;
                }
                case 2: {  // free address
                    int64_t address = in.get<int64_t>();
                    if (allocations.erase((uintptr_t)address) != 1) {
                        throw std::runtime_error("free of an unknown address");
                    }
                    reply(0);
                    break;
                }
                case 3: {  // write address count floats...
                    int64_t address = in.get<int64_t>();
                    int64_t count = in.get<int64_t>();
                    std::vector<char> data(4 * count);
                    in.raw(data.data(), data.size());
                    checkPointer((uintptr_t)address);
                    checkPointer((uintptr_t)address + 4 * count);
                    std::memcpy((void*)address, data.data(), data.size());
                    reply(0);
                    break;
                }
                case 4: {  // read address count -> floats
                    int64_t address = in.get<int64_t>();
                    int64_t count = in.get<int64_t>();
                    checkPointer((uintptr_t)address);
                    checkPointer((uintptr_t)address + 4 * count);
                    reply(0);
                    std::fwrite((void*)address, 4, count, stdout);
                    break;
                }
                case 5: {  // launch: length, then name, grid, block and tagged arguments
                    int32_t length = in.get<int32_t>();
                    std::vector<char> message(length);
                    in.raw(message.data(), message.size());
                    Input body;
                    body.next = message.data();
                    body.end = message.data() + message.size();
                    launch(body);
                    reply(0);
                    break;
                }
                default:
                    reply(1, "unknown command " + std::to_string(op));
                    return 1;
            }
        } catch (const std::exception& e) {
            reply(1, e.what());
        }
        std::fflush(stdout);
    }
}
