package org.cryoetgan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cuda.CudaException;
import org.cryoetgan.engine.cuda.CudaProbe;
import org.junit.jupiter.api.Test;

/** Device selection strings and the CPU fallback, with a failing fake GPU and with the real probe. */
class DevicesCudaTest {
    private static final CudaProbe NO_GPU = new CudaProbe(i -> {
        throw new CudaException("cuInit failed", 100);
    });

    @Test
    void autoFallsBackToTheCpuWithOneNotice() {
        List<String> notices = new ArrayList<>();
        Backend b = Devices.select("auto", notices::add, NO_GPU);
        assertSame(Backends.cpu(), b);
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith("cryoetgan: no usable GPU (cuda:0: no CUDA-capable GPU was found)"),
                notices.get(0));
    }

    @Test
    void explicitRequestsFailLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Devices.select("cuda:2", s -> { }, NO_GPU));
        assertTrue(e.getMessage().contains("cuda:2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Devices.select("CUDA", s -> { }, NO_GPU));
        assertThrows(IllegalArgumentException.class, () -> Devices.select("gpu", s -> { }, NO_GPU));
        assertSame(Backends.cpu(), Devices.select(" cpu ", s -> { }, NO_GPU));
    }

    @Test
    void realProbeNeverThrowsForAutoSelection() {
        List<String> notices = new ArrayList<>();
        Backend b = Devices.select("auto", notices::add);
        if (b == Backends.cpu()) {
            assertEquals(1, notices.size());
            System.out.println("Devices.select(auto) on this machine: " + notices.get(0));
        } else {
            System.out.println("Devices.select(auto) on this machine: " + b.description());
        }
    }
}
