package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.cpu.conv.ImplicitConv3d;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * The CPU backend's 3-D convolution kernels: implicit matrix products ({@link ImplicitConv3d}) on the best
 * available tile kernels. {@link DirectConv3d} stays as the reference they are tested against.
 */
final class CpuConv3d {
    private CpuConv3d() {
    }

    static void forward(Parallel par, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        ImplicitConv3d.forward(TileKernels.best(), par, g, x, w, bias, y);
    }

    static void backwardData(Parallel par, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        ImplicitConv3d.backwardData(TileKernels.best(), par, g, dy, w, dx);
    }

    static void backwardWeight(Parallel par, ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        ImplicitConv3d.backwardWeight(TileKernels.best(), par, g, x, dy, dw, dbias);
    }
}
