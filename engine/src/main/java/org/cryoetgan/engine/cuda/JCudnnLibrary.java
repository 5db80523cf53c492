package org.cryoetgan.engine.cuda;

import static jcuda.jcudnn.JCudnn.cudnnConvolutionBackwardData;
import static jcuda.jcudnn.JCudnn.cudnnConvolutionBackwardFilter;
import static jcuda.jcudnn.JCudnn.cudnnConvolutionForward;
import static jcuda.jcudnn.JCudnn.cudnnCreate;
import static jcuda.jcudnn.JCudnn.cudnnCreateConvolutionDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnCreateFilterDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnCreateTensorDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnDestroy;
import static jcuda.jcudnn.JCudnn.cudnnDestroyConvolutionDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnDestroyFilterDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnDestroyTensorDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionBackwardDataAlgorithmMaxCount;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionBackwardDataAlgorithm_v7;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionBackwardDataWorkspaceSize;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionBackwardFilterAlgorithmMaxCount;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionBackwardFilterAlgorithm_v7;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionBackwardFilterWorkspaceSize;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionForwardAlgorithmMaxCount;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionForwardAlgorithm_v7;
import static jcuda.jcudnn.JCudnn.cudnnGetConvolutionForwardWorkspaceSize;
import static jcuda.jcudnn.JCudnn.cudnnSetConvolutionMathType;
import static jcuda.jcudnn.JCudnn.cudnnSetConvolutionNdDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnSetFilterNdDescriptor;
import static jcuda.jcudnn.JCudnn.cudnnSetTensorNdDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import jcuda.Pointer;
import jcuda.jcudnn.cudnnConvolutionBwdDataAlgoPerf;
import jcuda.jcudnn.cudnnConvolutionBwdFilterAlgoPerf;
import jcuda.jcudnn.cudnnConvolutionDescriptor;
import jcuda.jcudnn.cudnnConvolutionFwdAlgoPerf;
import jcuda.jcudnn.cudnnConvolutionMode;
import jcuda.jcudnn.cudnnDataType;
import jcuda.jcudnn.cudnnFilterDescriptor;
import jcuda.jcudnn.cudnnHandle;
import jcuda.jcudnn.cudnnStatus;
import jcuda.jcudnn.cudnnTensorDescriptor;
import jcuda.jcudnn.cudnnTensorFormat;

/**
 * cuDNN 8 through JCudnn 11.7.0 on a {@link GpuDevice}'s current context and the legacy default stream (that of
 * the engine's kernels). Math: {@code CUDNN_FMA_MATH} (true fp32) by default, {@code CUDNN_DEFAULT_MATH} (TF32
 * tensor cores allowed on Ampere and newer) when asked for. Algorithms come from the {@code _v7} heuristics
 * ({@link AlgorithmSuggestions}).
 */
final class JCudnnLibrary implements ConvLibrary<JCudnnLibrary.Descriptors> {
    /** The descriptors of one shape. */
    static final class Descriptors {
        final cudnnTensorDescriptor x = new cudnnTensorDescriptor();
        final cudnnTensorDescriptor y = new cudnnTensorDescriptor();
        final cudnnFilterDescriptor w = new cudnnFilterDescriptor();
        final cudnnConvolutionDescriptor conv = new cudnnConvolutionDescriptor();
    }

    private final GpuDevice device;
    private final cudnnHandle handle = new cudnnHandle();
    private final boolean tf32;
    private final String label;
    private boolean closed;

    /** @throws LibraryUnavailableException when no cuDNN handle can be created */
    JCudnnLibrary(GpuDevice device, boolean tf32, String version) {
        this.device = device;
        this.tf32 = tf32;
        device.makeCurrent();
        int r = cudnnCreate(handle);
        if (r != cudnnStatus.CUDNN_STATUS_SUCCESS) {
            throw new LibraryUnavailableException("cudnnCreate failed: " + cudnnStatus.stringFor(r)
                    + " (are all of cuDNN 8.9's libraries for CUDA 12 on the library path?)");
        }
        label = "cuDNN " + version + (tf32 ? " (TF32)" : "");
    }

    private static void check(int status, String what) {
        if (status != cudnnStatus.CUDNN_STATUS_SUCCESS) {
            throw new CudaException(what + " failed: " + cudnnStatus.stringFor(status), status);
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
        int f = cudnnDataType.CUDNN_DATA_FLOAT;
        check(cudnnSetTensorNdDescriptor(d.x, f, 5, s.xDims(), s.xStrides()), "cudnnSetTensorNdDescriptor(x)");
        check(cudnnSetTensorNdDescriptor(d.y, f, 5, s.yDims(), s.yStrides()), "cudnnSetTensorNdDescriptor(y)");
        check(cudnnSetFilterNdDescriptor(d.w, f, cudnnTensorFormat.CUDNN_TENSOR_NCHW, 5, s.wDims()),
                "cudnnSetFilterNdDescriptor");
        check(cudnnSetConvolutionNdDescriptor(d.conv, 3, s.pads(), s.strides(), s.dilations(),
                cudnnConvolutionMode.CUDNN_CROSS_CORRELATION, f), "cudnnSetConvolutionNdDescriptor");
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
        long[] bytes = new long[1];
        List<AlgorithmSuggestions.Suggestion> list = new ArrayList<>();
        IntToLongFunction workspace;
        switch (dir) {
            case FORWARD: {
                check(cudnnGetConvolutionForwardAlgorithmMaxCount(handle, max), "cudnnGetConvolutionForwardAlgorithmMaxCount");
                cudnnConvolutionFwdAlgoPerf[] p = new cudnnConvolutionFwdAlgoPerf[max[0]];
                for (int i = 0; i < p.length; i++) {
                    p[i] = new cudnnConvolutionFwdAlgoPerf();
                }
                check(cudnnGetConvolutionForwardAlgorithm_v7(handle, d.x, d.w, d.conv, d.y, p.length, found, p),
                        "cudnnGetConvolutionForwardAlgorithm_v7");
                for (int i = 0; i < found[0]; i++) {
                    list.add(new AlgorithmSuggestions.Suggestion(p[i].algo, p[i].status, p[i].mathType, p[i].memory));
                }
                workspace = algo -> {
                    check(cudnnGetConvolutionForwardWorkspaceSize(handle, d.x, d.w, d.conv, d.y, algo, bytes),
                            "cudnnGetConvolutionForwardWorkspaceSize");
                    return bytes[0];
                };
                break;
            }
            case BACKWARD_DATA: {
                check(cudnnGetConvolutionBackwardDataAlgorithmMaxCount(handle, max),
                        "cudnnGetConvolutionBackwardDataAlgorithmMaxCount");
                cudnnConvolutionBwdDataAlgoPerf[] p = new cudnnConvolutionBwdDataAlgoPerf[max[0]];
                for (int i = 0; i < p.length; i++) {
                    p[i] = new cudnnConvolutionBwdDataAlgoPerf();
                }
                check(cudnnGetConvolutionBackwardDataAlgorithm_v7(handle, d.w, d.y, d.conv, d.x, p.length, found, p),
                        "cudnnGetConvolutionBackwardDataAlgorithm_v7");
                for (int i = 0; i < found[0]; i++) {
                    list.add(new AlgorithmSuggestions.Suggestion(p[i].algo, p[i].status, p[i].mathType, p[i].memory));
                }
                workspace = algo -> {
                    check(cudnnGetConvolutionBackwardDataWorkspaceSize(handle, d.w, d.y, d.conv, d.x, algo, bytes),
                            "cudnnGetConvolutionBackwardDataWorkspaceSize");
                    return bytes[0];
                };
                break;
            }
            default: {
                check(cudnnGetConvolutionBackwardFilterAlgorithmMaxCount(handle, max),
                        "cudnnGetConvolutionBackwardFilterAlgorithmMaxCount");
                cudnnConvolutionBwdFilterAlgoPerf[] p = new cudnnConvolutionBwdFilterAlgoPerf[max[0]];
                for (int i = 0; i < p.length; i++) {
                    p[i] = new cudnnConvolutionBwdFilterAlgoPerf();
                }
                check(cudnnGetConvolutionBackwardFilterAlgorithm_v7(handle, d.x, d.y, d.conv, d.w, p.length, found,
                        p), "cudnnGetConvolutionBackwardFilterAlgorithm_v7");
                for (int i = 0; i < found[0]; i++) {
                    list.add(new AlgorithmSuggestions.Suggestion(p[i].algo, p[i].status, p[i].mathType, p[i].memory));
                }
                workspace = algo -> {
                    check(cudnnGetConvolutionBackwardFilterWorkspaceSize(handle, d.x, d.y, d.conv, d.w, algo, bytes),
                            "cudnnGetConvolutionBackwardFilterWorkspaceSize");
                    return bytes[0];
                };
            }
        }
        return AlgorithmSuggestions.first(dir, list, tf32, limit, workspace);
    }

    @Override
    public void run(ConvDirection dir, Descriptors d, ConvAlgorithm algo, long workspace, float alpha, long a, long b,
                    float beta, long out) {
        device.makeCurrent();
        if (tf32) {
            check(cudnnSetConvolutionMathType(d.conv, algo.mathType()), "cudnnSetConvolutionMathType");
        }
        Pointer al = Pointer.to(new float[] {alpha});
        Pointer be = Pointer.to(new float[] {beta});
        Pointer ws = JCudaDevice.at(workspace);
        long wsBytes = algo.workspaceBytes();
        switch (dir) {
            case FORWARD:
                check(cudnnConvolutionForward(handle, al, d.x, JCudaDevice.at(a), d.w, JCudaDevice.at(b), d.conv,
                        algo.algo(), ws, wsBytes, be, d.y, JCudaDevice.at(out)), "cudnnConvolutionForward");
                break;
            case BACKWARD_DATA:
                check(cudnnConvolutionBackwardData(handle, al, d.w, JCudaDevice.at(a), d.y, JCudaDevice.at(b), d.conv,
                        algo.algo(), ws, wsBytes, be, d.x, JCudaDevice.at(out)), "cudnnConvolutionBackwardData");
                break;
            default:
                check(cudnnConvolutionBackwardFilter(handle, al, d.x, JCudaDevice.at(a), d.y, JCudaDevice.at(b),
                        d.conv, algo.algo(), ws, wsBytes, be, d.w, JCudaDevice.at(out)),
                        "cudnnConvolutionBackwardFilter");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            device.makeCurrent();
            cudnnDestroy(handle);
        }
    }
}
