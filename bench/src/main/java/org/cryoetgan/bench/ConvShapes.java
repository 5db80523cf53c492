package org.cryoetgan.bench;

import java.util.List;
import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * The convolution shapes of the CryoETGAN networks at 40³, batch 1. Transposed convolutions are listed by the
 * geometry of the convolution whose backward-data pass they are (their forward is {@code backwardData}).
 * Critic padding: 1 on every 4³ conv, so stride 1 shrinks each layer by one voxel (40→39→38→37→36) and stride 2
 * halves it (40→20→10→5), the final 256→1 conv always stride 1 (PatchGAN). The generator's c7s1 and residual
 * convs run on reflection-padded inputs, hence padding 0 on 46³ and 12³.
 */
public final class ConvShapes {
    private ConvShapes() {
    }

    /** One named layer shape. */
    public record Shape(String name, ConvGeometry geometry, boolean transposed) {
    }

    private static int[] t(int v) {
        return new int[] {v, v, v};
    }

    private static Shape conv(String name, int cin, int size, int cout, int k, int s, int p) {
        return new Shape(name, new ConvGeometry(1, cin, t(size), cout, t(k), t(s), t(p), t(1)), false);
    }

    /** A transposed conv cin→cout, k, stride s, padding p, producing {@code outSize}³ (output padding implied). */
    private static Shape transposed(String name, int cin, int cout, int outSize, int k, int s, int p) {
        return new Shape(name, new ConvGeometry(1, cout, t(outSize), cin, t(k), t(s), t(p), t(1)), true);
    }

    public static List<Shape> generator() {
        return List.of(
                conv("G c7s1-32 1>32 k7 46^3", 1, 46, 32, 7, 1, 0),
                conv("G d64 32>64 k3s2 40^3", 32, 40, 64, 3, 2, 1),
                conv("G d128 64>128 k3s2 20^3", 64, 20, 128, 3, 2, 1),
                conv("G R128 128>128 k3 12^3", 128, 12, 128, 3, 1, 0),
                transposed("G u64 T129>64 k3s2 ->20^3", 129, 64, 20, 3, 2, 1),
                transposed("G u32 T64>32 k3s2 ->40^3", 64, 32, 40, 3, 2, 1),
                conv("G c7s1-1 32>1 k7 46^3", 32, 46, 1, 7, 1, 0));
    }

    public static List<Shape> critic(int stride) {
        String s = "s" + stride;
        int a = 40;
        int b = (a + 2 - 4) / stride + 1;
        int c = (b + 2 - 4) / stride + 1;
        int d = (c + 2 - 4) / stride + 1;
        return List.of(
                conv("D C64 1>64 k4" + s + " " + a + "^3", 1, a, 64, 4, stride, 1),
                conv("D C128 64>128 k4" + s + " " + b + "^3", 64, b, 128, 4, stride, 1),
                conv("D C256 128>256 k4" + s + " " + c + "^3", 128, c, 256, 4, stride, 1),
                conv("D out 256>1 k4s1 " + d + "^3", 256, d, 1, 4, 1, 1));
    }
}
