package org.cryoetgan.engine.cuda;

import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Picks a convolution algorithm from cuDNN's {@code _v7} heuristics, the same way for the cuDNN 8 (JCudnn) and
 * cuDNN 9 (bytedeco) bindings: the first suggestion that succeeded, fits the workspace limit and, in fp32 mode,
 * runs FMA or default math (no tensor-op math). The status and math numbers are cuDNN's ABI values, equal in 8 and 9.
 */
final class AlgorithmSuggestions {
    /** {@code CUDNN_STATUS_SUCCESS}. */
    static final int STATUS_SUCCESS = 0;
    /** {@code CUDNN_DEFAULT_MATH}. */
    static final int DEFAULT_MATH = 0;
    /** {@code CUDNN_FMA_MATH}. */
    static final int FMA_MATH = 3;

    /** One entry of a {@code cudnnConvolution*AlgoPerf_t} array. */
    record Suggestion(int algo, int status, int mathType, long memory) {
    }

    private AlgorithmSuggestions() {
    }

    /** The descriptor math type of a binding: FMA (true fp32) unless TF32 is allowed. */
    static int mathType(boolean tf32) {
        return tf32 ? DEFAULT_MATH : FMA_MATH;
    }

    /**
     * The first usable suggestion, with the larger of its own and {@code workspaceSize(algo)}'s byte count.
     *
     * @throws UnsupportedOperationException when none is usable
     */
    static ConvAlgorithm first(ConvDirection dir, List<Suggestion> suggestions, boolean tf32, long limit,
                               IntToLongFunction workspaceSize) {
        for (Suggestion s : suggestions) {
            if (s.status() == STATUS_SUCCESS && s.memory() <= limit
                    && (tf32 || s.mathType() == FMA_MATH || s.mathType() == DEFAULT_MATH)) {
                return new ConvAlgorithm(s.algo(), s.mathType(), Math.max(workspaceSize.applyAsLong(s.algo()),
                        s.memory()));
            }
        }
        throw new UnsupportedOperationException("cuDNN has no " + dir + " algorithm within " + limit + " bytes");
    }
}
