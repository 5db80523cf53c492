package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.ConvGeometry;

/** The CPU backend's 3-D convolution kernels. */
final class CpuConv3d {
    private CpuConv3d() {
    }

    static void forward(Parallel par, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        DirectConv3d.forward(g, x, w, bias, y);
    }

    static void backwardData(Parallel par, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        DirectConv3d.backwardData(g, dy, w, dx);
    }

    static void backwardWeight(Parallel par, ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        DirectConv3d.backwardWeight(g, x, dy, dw, dbias);
    }
}
