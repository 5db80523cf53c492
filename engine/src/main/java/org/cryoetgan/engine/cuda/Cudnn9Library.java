package org.cryoetgan.engine.cuda;

import static org.bytedeco.cuda.global.cudnn.CUDNN_CROSS_CORRELATION;
import static org.bytedeco.cuda.global.cudnn.CUDNN_DATA_FLOAT;
import static org.bytedeco.cuda.global.cudnn.CUDNN_STATUS_SUCCESS;
import static org.bytedeco.cuda.global.cudnn.CUDNN_TENSOR_NCHW;
import static org.bytedeco.cuda.global.cudnn.cudnnConvolutionBackwardData;
import static org.bytedeco.cuda.global.cudnn.cudnnConvolutionBackwardFilter;
import static org.bytedeco.cuda.global.cudnn.cudnnConvolutionForward;
import static org.bytedeco.cuda.global.cudnn.cudnnCreate;
import static org.bytedeco.cuda.global.cudnn.cudnnCreateConvolutionDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnCreateFilterDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnCreateTensorDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnDestroy;
import static org.bytedeco.cuda.global.cudnn.cudnnDestroyConvolutionDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnDestroyFilterDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnDestroyTensorDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionBackwardDataAlgorithmMaxCount;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionBackwardDataAlgorithm_v7;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionBackwardDataWorkspaceSize;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionBackwardFilterAlgorithmMaxCount;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionBackwardFilterAlgorithm_v7;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionBackwardFilterWorkspaceSize;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionForwardAlgorithmMaxCount;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionForwardAlgorithm_v7;
import static org.bytedeco.cuda.global.cudnn.cudnnGetConvolutionForwardWorkspaceSize;
import static org.bytedeco.cuda.global.cudnn.cudnnGetErrorString;
import static org.bytedeco.cuda.global.cudnn.cudnnSetConvolutionMathType;
import static org.bytedeco.cuda.global.cudnn.cudnnSetConvolutionNdDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnSetFilterNdDescriptor;
import static org.bytedeco.cuda.global.cudnn.cudnnSetTensorNdDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.bytedeco.cuda.cudnn.cudnnContext;
import org.bytedeco.cuda.cudnn.cudnnConvolutionBwdDataAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionBwdFilterAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionFwdAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionStruct;
import org.bytedeco.cuda.cudnn.cudnnFilterStruct;
import org.bytedeco.cuda.cudnn.cudnnTensorStruct;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * cuDNN 9 through the bytedeco CUDA presets, with the same legacy N-d convolution API as the cuDNN 8 binding
 * ({@link JCudnnLibrary}): NCDHW tensor and KCDHW filter descriptors, forward / backward-data / backward-filter,
 * algorithms from the {@code _v7} heuristics ({@link AlgorithmSuggestions}), on a {@link GpuDevice}'s current
 * context and the legacy default stream. Math: {@code CUDNN_FMA_MATH} (true fp32) by default,
 * {@code CUDNN_DEFAULT_MATH} (TF32 allowed) when asked for. Tensors are the engine's device addresses
 * ({@link DevicePointers}); alpha and beta are host scalars.
 */
final class Cudnn9Library implements ConvLibrary<Cudnn9Library.Descriptors> {
    /** The descriptors of one shape. */
    static final class Descriptors {
        final cudnnTensorStruct x = new cudnnTensorStruct();
        final cudnnTensorStruct y = new cudnnTensorStruct();
        final cudnnFilterStruct w = new cudnnFilterStruct();
        final cudnnConvolutionStruct conv = new cudnnConvolutionStruct();
    }

    private final GpuDevice device;
    private final cudnnContext handle = new cudnnContext();
    private final FloatPointer alpha = new FloatPointer(1);
    private final FloatPointer beta = new FloatPointer(1);
    private final boolean tf32;
    private final String label;
    private boolean closed;

    /** @throws LibraryUnavailableException when no cuDNN handle can be created */
    Cudnn9Library(GpuDevice device, boolean tf32, String version) {
        this.device = device;
        this.tf32 = tf32;
        device.makeCurrent();
        int r = cudnnCreate(handle);
        if (r != CUDNN_STATUS_SUCCESS) {
            throw new LibraryUnavailableException("cudnnCreate failed: " + status(r) + " (cuDNN " + version + ")");
        }
        label = "cuDNN " + version + (tf32 ? " (TF32)" : "");
    }

    private static String status(int r) {
        return cudnnGetErrorString(r).getString();
    }

    private static void check(int status, String what) {
        if (status != CUDNN_STATUS_SUCCESS) {
            throw new CudaException(what + " failed: " + status(status), status);
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Descriptors describe(CudnnShapes s) {
        device.makeCurrent();
        Descriptors d = new Descriptors();
        check(cudnnCreateTensorDescriptor(d.x), "cudnnCreateTensorDescriptor");
        check(cudnnCreateTensorDescriptor(d.y), "cudnnCreateTensorDescriptor");
        check(cudnnCreateFilterDescriptor(d.w), "cudnnCreateFilterDescriptor");
        check(cudnnCreateConvolutionDescriptor(d.conv), "cudnnCreateConvolutionDescriptor");
        int f = CUDNN_DATA_FLOAT;
        check(cudnnSetTensorNdDescriptor(d.x, f, 5, s.xDims(), s.xStrides()), "cudnnSetTensorNdDescriptor(x)");
        check(cudnnSetTensorNdDescriptor(d.y, f, 5, s.yDims(), s.yStrides()), "cudnnSetTensorNdDescriptor(y)");
        check(cudnnSetFilterNdDescriptor(d.w, f, CUDNN_TENSOR_NCHW, 5, s.wDims()), "cudnnSetFilterNdDescriptor");
        check(cudnnSetConvolutionNdDescriptor(d.conv, 3, s.pads(), s.strides(), s.dilations(),
                CUDNN_CROSS_CORRELATION, f), "cudnnSetConvolutionNdDescriptor");
        check(cudnnSetConvolutionMathType(d.conv, AlgorithmSuggestions.mathType(tf32)), "cudnnSetConvolutionMathType");
        return d;
    }

    @Override
    public void release(Descriptors d) {
        device.makeCurrent();
        cudnnDestroyTensorDescriptor(d.x);
        cudnnDestroyTensorDescriptor(d.y);
        cudnnDestroyFilterDescriptor(d.w);
        cudnnDestroyConvolutionDescriptor(d.conv);
    }

    @Override
    public ConvAlgorithm choose(ConvDirection dir, Descriptors d, long limit) {
        device.makeCurrent();
        int[] max = new int[1];
        int[] found = new int[1];
        List<AlgorithmSuggestions.Suggestion> list = new ArrayList<>();
        IntToLongFunction workspace;
        try (SizeTPointer bytes = new SizeTPointer(1)) {
            switch (dir) {
                case FORWARD: {
                    check(cudnnGetConvolutionForwardAlgorithmMaxCount(handle, max),
                            "cudnnGetConvolutionForwardAlgorithmMaxCount");
                    try (cudnnConvolutionFwdAlgoPerf_t p = new cudnnConvolutionFwdAlgoPerf_t(max[0])) {
                        check(cudnnGetConvolutionForwardAlgorithm_v7(handle, d.x, d.w, d.conv, d.y, max[0], found, p),
                                "cudnnGetConvolutionForwardAlgorithm_v7");
                        for (int i = 0; i < found[0]; i++) {
                            p.position(i);
                            list.add(new AlgorithmSuggestions.Suggestion(p.algo(), p.status(), p.mathType(),
                                    p.memory()));
                        }
                    }
                    workspace = algo -> {
                        check(cudnnGetConvolutionForwardWorkspaceSize(handle, d.x, d.w, d.conv, d.y, algo, bytes),
                                "cudnnGetConvolutionForwardWorkspaceSize");
                        return bytes.get();
                    };
                    break;
                }
                case BACKWARD_DATA: {
                    check(cudnnGetConvolutionBackwardDataAlgorithmMaxCount(handle, max),
                            "cudnnGetConvolutionBackwardDataAlgorithmMaxCount");
                    try (cudnnConvolutionBwdDataAlgoPerf_t p = new cudnnConvolutionBwdDataAlgoPerf_t(max[0])) {
                        check(cudnnGetConvolutionBackwardDataAlgorithm_v7(handle, d.w, d.y, d.conv, d.x, max[0], found,
                                p), "cudnnGetConvolutionBackwardDataAlgorithm_v7");
                        for (int i = 0; i < found[0]; i++) {
                            p.position(i);
                            list.add(new AlgorithmSuggestions.Suggestion(p.algo(), p.status(), p.mathType(),
                                    p.memory()));
                        }
                    }
                    workspace = algo -> {
                        check(cudnnGetConvolutionBackwardDataWorkspaceSize(handle, d.w, d.y, d.conv, d.x, algo, bytes),
                                "cudnnGetConvolutionBackwardDataWorkspaceSize");
                        return bytes.get();
                    };
                    break;
                }
                default: {
                    check(cudnnGetConvolutionBackwardFilterAlgorithmMaxCount(handle, max),
                            "cudnnGetConvolutionBackwardFilterAlgorithmMaxCount");
                    try (cudnnConvolutionBwdFilterAlgoPerf_t p = new cudnnConvolutionBwdFilterAlgoPerf_t(max[0])) {
                        check(cudnnGetConvolutionBackwardFilterAlgorithm_v7(handle, d.x, d.y, d.conv, d.w, max[0],
                                found, p), "cudnnGetConvolutionBackwardFilterAlgorithm_v7");
                        for (int i = 0; i < found[0]; i++) {
                            p.position(i);
                            list.add(new AlgorithmSuggestions.Suggestion(p.algo(), p.status(), p.mathType(),
                                    p.memory()));
                        }
                    }
                    workspace = algo -> {
                        check(cudnnGetConvolutionBackwardFilterWorkspaceSize(handle, d.x, d.y, d.conv, d.w, algo,
                                bytes), "cudnnGetConvolutionBackwardFilterWorkspaceSize");
                        return bytes.get();
                    };
                }
            }
            return AlgorithmSuggestions.first(dir, list, tf32, limit, workspace);
        }
    }

    @Override
    public synchronized void run(ConvDirection dir, Descriptors d, ConvAlgorithm algo, long workspace, float a,
                                 long pa, long pb, float b, long out) {
        device.makeCurrent();
        if (tf32) {
            check(cudnnSetConvolutionMathType(d.conv, algo.mathType()), "cudnnSetConvolutionMathType");
        }
        alpha.put(a);
        beta.put(b);
        long wsBytes = algo.workspaceBytes();
        switch (dir) {
            case FORWARD:
                check(cudnnConvolutionForward(handle, alpha, d.x, DevicePointers.at(pa), d.w, DevicePointers.at(pb),
                        d.conv, algo.algo(), DevicePointers.at(workspace), wsBytes, beta, d.y,
                        DevicePointers.at(out)), "cudnnConvolutionForward");
                break;
            case BACKWARD_DATA:
                check(cudnnConvolutionBackwardData(handle, alpha, d.w, DevicePointers.at(pa), d.y,
                        DevicePointers.at(pb), d.conv, algo.algo(), DevicePointers.at(workspace), wsBytes, beta, d.x,
                        DevicePointers.at(out)), "cudnnConvolutionBackwardData");
                break;
            default:
                check(cudnnConvolutionBackwardFilter(handle, alpha, d.x, DevicePointers.at(pa), d.y,
                        DevicePointers.at(pb), d.conv, algo.algo(), DevicePointers.at(workspace), wsBytes, beta, d.w,
                        DevicePointers.at(out)), "cudnnConvolutionBackwardFilter");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            device.makeCurrent();
            cudnnDestroy(handle);
            alpha.close();
            beta.close();
        }
    }
}
