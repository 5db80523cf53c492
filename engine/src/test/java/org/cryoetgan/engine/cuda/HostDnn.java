package org.cryoetgan.engine.cuda;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake cuDNN that computes each pass on the host straight from the descriptor arrays, with cuDNN's definition
 * of an N-d cross-correlation (NCDHW tensors, KCDHW filters, per-axis pad/stride/dilation) and its
 * {@code alpha/beta} blending, so the tests check what {@link CudnnConv3d} tells cuDNN. Shapes with a dilation
 * above 1 are reported unsupported, to exercise the per-shape fallback. Records descriptor creation, algorithm
 * queries and runs.
 */
final class HostDnn implements ConvLibrary<CudnnShapes> {
    /** One recorded pass. */
    record Run(ConvDirection direction, ConvAlgorithm algorithm, long workspace, float alpha, float beta) {
    }

    final List<CudnnShapes> described = new ArrayList<>();
    final List<ConvDirection> chosen = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();
    int released;
    boolean closed;
    private final HostBlas.Memory memory;

    HostDnn(HostBlas.Memory memory) {
        this.memory = memory;
    }

    @Override
    public String label() {
        return "cuDNN (host fake)";
    }

    @Override
    public CudnnShapes describe(CudnnShapes shapes) {
        described.add(shapes);
        return shapes;
    }

    @Override
    public void release(CudnnShapes d) {
        released++;
    }

    @Override
    public ConvAlgorithm choose(ConvDirection direction, CudnnShapes d, long limit) {
        chosen.add(direction);
        for (int dil : d.dilations()) {
            if (dil > 1) {
                throw new UnsupportedOperationException("fake: no dilated algorithm");
            }
        }
        return new ConvAlgorithm(direction.ordinal(), 3, 256L * (direction.ordinal() + 1));
    }

    private static int numel(int[] dims) {
        int n = 1;
        for (int v : dims) {
            n *= v;
        }
        return n;
    }

    /** Visits every (x index, w index, y index) product of the cross-correlation. */
    private interface Tap {
        void at(int xi, int wi, int yi);
    }

    private static void forEachTap(CudnnShapes s, Tap tap) {
        int[] x = s.xDims();
        int[] w = s.wDims();
        int[] y = s.yDims();
        int[] xs = s.xStrides();
        int[] ys = s.yStrides();
        for (int n = 0; n < y[0]; n++) {
            for (int k = 0; k < y[1]; k++) {
                for (int c = 0; c < x[1]; c++) {
                    for (int od = 0; od < y[2]; od++) {
                        for (int oh = 0; oh < y[3]; oh++) {
                            for (int ow = 0; ow < y[4]; ow++) {
                                int yi = n * ys[0] + k * ys[1] + od * ys[2] + oh * ys[3] + ow * ys[4];
                                for (int kd = 0; kd < w[2]; kd++) {
                                    int id = od * s.strides()[0] - s.pads()[0] + kd * s.dilations()[0];
                                    for (int kh = 0; kh < w[3]; kh++) {
                                        int ih = oh * s.strides()[1] - s.pads()[1] + kh * s.dilations()[1];
                                        for (int kw = 0; kw < w[4]; kw++) {
                                            int iw = ow * s.strides()[2] - s.pads()[2] + kw * s.dilations()[2];
                                            if (id < 0 || ih < 0 || iw < 0 || id >= x[2] || ih >= x[3] || iw >= x[4]) {
                                                continue;
                                            }
                                            int xi = n * xs[0] + c * xs[1] + id * xs[2] + ih * xs[3] + iw * xs[4];
                                            int wi = (((k * w[1] + c) * w[2] + kd) * w[3] + kh) * w[4] + kw;
                                            tap.at(xi, wi, yi);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void run(ConvDirection dir, CudnnShapes s, ConvAlgorithm algo, long workspace, float alpha, long a,
                    long b, float beta, long out) {
        runs.add(new Run(dir, algo, workspace, alpha, beta));
        if (algo.workspaceBytes() > 0 && workspace == 0) {
            throw new IllegalStateException("fake: no workspace given");
        }
        int nx = numel(s.xDims());
        int nw = numel(s.wDims());
        int ny = numel(s.yDims());
        double[] acc;
        switch (dir) {
            case FORWARD: {
                float[] x = memory.read(a, nx);
                float[] w = memory.read(b, nw);
                double[] r = new double[ny];
                forEachTap(s, (xi, wi, yi) -> r[yi] += (double) x[xi] * w[wi]);
                acc = r;
                break;
            }
            case BACKWARD_DATA: {
                float[] w = memory.read(a, nw);
                float[] dy = memory.read(b, ny);
                double[] r = new double[nx];
                forEachTap(s, (xi, wi, yi) -> r[xi] += (double) w[wi] * dy[yi]);
                acc = r;
                break;
            }
            default: {
                float[] x = memory.read(a, nx);
                float[] dy = memory.read(b, ny);
                double[] r = new double[nw];
                forEachTap(s, (xi, wi, yi) -> r[wi] += (double) x[xi] * dy[yi]);
                acc = r;
            }
        }
        float[] o = beta == 0 ? new float[acc.length] : memory.read(out, acc.length);
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) (alpha * acc[i] + beta * o[i]);
        }
        memory.write(out, o);
    }

    @Override
    public void close() {
        closed = true;
    }
}
