#!/usr/bin/env bash
# Compiles the engine's CUDA kernels (engine/src/main/cuda/*.cu) to PTX resources shipped in the engine jar
# (engine/src/main/resources/cuda/<module>.ptx). Run after editing a .cu file and commit the PTX; the test
# CudaKernelBuildTest checks, where nvcc exists, that the committed PTX matches the sources and that every
# kernel compiles without warnings.
#
# Usage: tools/build_cuda_kernels.sh [output-dir]     (default: engine/src/main/resources/cuda)
# PTX for compute_75 runs on every GPU from Turing on (the driver JIT-compiles it for the device).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/engine/src/main/cuda"
out="${1:-$root/engine/src/main/resources/cuda}"
arch="${CUDA_PTX_ARCH:-compute_75}"
nvcc="${NVCC:-nvcc}"
if ! command -v "$nvcc" >/dev/null 2>&1; then
    echo "build_cuda_kernels: nvcc not found (set NVCC or PATH)" >&2
    exit 2
fi
mkdir -p "$out"
# one nvcc per module, two at a time
ls "$src"/*.cu | xargs -P 2 -I{} sh -c \
    '"$0" -ptx -arch="$1" -Werror all-warnings -o "$2/$(basename "{}" .cu).ptx" "{}"' "$nvcc" "$arch" "$out"
echo "build_cuda_kernels: $(ls "$src"/*.cu | wc -l) modules -> $out"
