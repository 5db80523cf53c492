package org.cryoetgan.gan.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.data.ShapeVolumes;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;
import org.junit.jupiter.api.Test;

class LabeledVolumesTest {
    @Test
    void flippedBatchesMirrorExactlyTheAxesOfTheirBits() {
        VolumeSet set = ShapeVolumes.set(6, 2, 0.3, 4);
        List<float[]> raw = set.samples().stream().map(s -> s.volume().data()).toList();
        LabeledVolumes v = LabeledVolumes.of(set, VolumeScaler.fit(Normalization.ZSCORE, raw),
                List.of("slab", "sphere"), true);
        int n = v.box();
        int[] idx = {1, 3};
        try (Scope s = Scope.open()) {
            assertArrayEquals(v.batch(idx).toArray(), v.batch(idx, new int[] {0, 0}).toArray(), 0f);
            for (int f = 0; f < 8; f++) {
                float[] got = v.batch(idx, new int[] {f, 7 - f}).toArray();
                for (int b = 0; b < 2; b++) {
                    int bits = b == 0 ? f : 7 - f;
                    float[] src = v.scaled()[idx[b]];
                    for (int z = 0; z < n; z++) {
                        for (int y = 0; y < n; y++) {
                            for (int x = 0; x < n; x++) {
                                int sz = (bits & 4) != 0 ? n - 1 - z : z;
                                int sy = (bits & 2) != 0 ? n - 1 - y : y;
                                int sx = (bits & 1) != 0 ? n - 1 - x : x;
                                assertEquals(src[(sz * n + sy) * n + sx], got[b * n * n * n + (z * n + y) * n + x],
                                        0f, "flips " + bits + " voxel " + z + "," + y + "," + x);
                            }
                        }
                    }
                }
            }
        }
    }
}
