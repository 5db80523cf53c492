package org.cryoetgan.engine.cuda;

import java.util.ArrayList;
import java.util.List;

/**
 * Host side of axis reductions: merges adjacent axes with the same flag, picks the kernel (one thread per output
 * when outputs are many and the innermost kept axis is contiguous or the reduction is short, otherwise one block per output, split into
 * partial sums when outputs are few and long), and stages reductions that have more than three groups of kept or
 * reduced axes.
 */
final class CudaReduce {
    /** Outputs from which the one-thread-per-output kernel is preferred (when the inner kept axis is dense). */
    static final long COLUMN_KERNEL_MIN_OUTPUTS = 2048;
    /** Reductions this short always run one thread per output: a block of threads would mostly idle. */
    static final long SHORT_REDUCTION = 32;
    /** Reduced elements per block when a reduction is split across blocks. */
    static final long SPLIT_CHUNK = 16384;
    /** Blocks below which long reductions are split. */
    static final long SPLIT_BELOW_OUTPUTS = 256;

    private final CudaBackend backend;

    CudaReduce(CudaBackend backend) {
        this.backend = backend;
    }

    /** One merged axis: size, stride in the contiguous input, reduced or kept. */
    private record Axis(long size, long stride, boolean reduced) {
    }

    private static List<Axis> merge(int[] shape, boolean[] flags) {
        List<long[]> groups = new ArrayList<>();  // {size, reducedFlag}
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 1) {
                continue;
            }
            long flag = flags[i] ? 1 : 0;
            if (!groups.isEmpty() && groups.get(groups.size() - 1)[1] == flag) {
                groups.get(groups.size() - 1)[0] *= shape[i];
            } else {
                groups.add(new long[] {shape[i], flag});
            }
        }
        List<Axis> axes = new ArrayList<>();
        long stride = 1;
        for (int i = groups.size() - 1; i >= 0; i--) {
            axes.add(0, new Axis(groups.get(i)[0], stride, groups.get(i)[1] == 1));
            stride *= groups.get(i)[0];
        }
        return axes;
    }

    void reduce(int op, long x, int[] shape, boolean[] flags, long out) {
        List<Axis> axes = merge(shape, flags);
        List<Axis> kept = axes.stream().filter(a -> !a.reduced()).toList();
        List<Axis> red = axes.stream().filter(Axis::reduced).toList();
        if (kept.size() <= 3 && red.size() <= 3) {
            run(op, x, kept, red, out);
            return;
        }
        // Too many groups: reduce the innermost reduced group first, then the rest of the (smaller) tensor.
        int last = axes.lastIndexOf(red.get(red.size() - 1));
        int[] mergedShape = new int[axes.size()];
        boolean[] only = new boolean[axes.size()];
        boolean[] rest = new boolean[axes.size()];
        long tempSize = 1;
        for (int i = 0; i < axes.size(); i++) {
            mergedShape[i] = Math.toIntExact(axes.get(i).size());
            only[i] = i == last;
            rest[i] = axes.get(i).reduced() && i != last;
            tempSize *= i == last ? 1 : axes.get(i).size();
        }
        CudaBuffer temp = backend.scratch(tempSize);
        try {
            reduce(op, x, mergedShape, only, CudaBackend.addr(temp));
            mergedShape[last] = 1;
            reduce(op, CudaBackend.addr(temp), mergedShape, rest, out);
        } finally {
            temp.release();
        }
    }

    private static long count(List<Axis> axes) {
        long n = 1;
        for (Axis a : axes) {
            n *= a.size();
        }
        return n;
    }

    /** Appends sizes 1..2 and strides 0..2 of up to three axes, right-aligned (missing outer axes: size 1). */
    private static void axisArgs(KernelArgs a, List<Axis> axes) {
        long[] size = {1, 1, 1};
        long[] stride = {0, 0, 0};
        int pad = 3 - axes.size();
        for (int i = 0; i < axes.size(); i++) {
            size[pad + i] = axes.get(i).size();
            stride[pad + i] = axes.get(i).stride();
        }
        a.i(Math.toIntExact(size[1])).i(Math.toIntExact(size[2])).l(stride[0]).l(stride[1]).l(stride[2]);
    }

    private void run(int op, long x, List<Axis> kept, List<Axis> red, long out) {
        long nOut = count(kept);
        long nRed = count(red);
        boolean innerKept = !kept.isEmpty() && kept.get(kept.size() - 1).stride() == 1;
        if ((innerKept && nOut >= COLUMN_KERNEL_MIN_OUTPUTS) || nRed <= SHORT_REDUCTION) {
            KernelArgs a = new KernelArgs().i(op).p(x).p(out).l(nOut).l(nRed);
            axisArgs(a, kept);
            axisArgs(a, red);
            backend.launch("cg_reduce_columns", LaunchConfig.elementwise(nOut), a);
            return;
        }
        int splits = nOut < SPLIT_BELOW_OUTPUTS && nRed > 2 * SPLIT_CHUNK
                ? (int) Math.min((nRed + SPLIT_CHUNK - 1) / SPLIT_CHUNK, 1024) : 1;
        CudaBuffer partial = splits > 1 ? backend.scratch(nOut * splits) : null;
        try {
            long target = partial == null ? out : CudaBackend.addr(partial);
            KernelArgs a = new KernelArgs().i(op).p(x).p(target).l(nOut).l(nRed).i(splits);
            axisArgs(a, kept);
            axisArgs(a, red);
            backend.launch("cg_reduce_blocks", LaunchConfig.perBlock(nOut * splits), a);
            if (partial != null) {
                KernelArgs b = new KernelArgs().i(op).p(target).p(out).l(nOut).l(splits).i(1);
                axisArgs(b, List.of(new Axis(nOut, splits, false)));
                axisArgs(b, List.of(new Axis(splits, 1, true)));
                backend.launch("cg_reduce_blocks", LaunchConfig.perBlock(nOut), b);
            }
        } finally {
            if (partial != null) {
                partial.release();
            }
        }
    }
}
