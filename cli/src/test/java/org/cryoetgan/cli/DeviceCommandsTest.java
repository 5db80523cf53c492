package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.cryoetgan.engine.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code selftest}, {@code info} and the {@code --device} option on a machine without a GPU. */
class DeviceCommandsTest {
    @AfterEach
    void resetDefaultBackend() {
        Backends.setDefault(null);
    }

    @Test
    void selftestOnTheCpuPasses() {
        CliRun r = CliRun.of("selftest", "--device", "cpu");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(" passed, 0 failed"), r.out());
        assertTrue(r.out().contains("conv3d forward + backward"), r.out());
    }

    @Test
    void selftestOnAMissingGpuFailsWithTheReason() {
        CliRun r = CliRun.of("selftest", "--device", "cuda");
        assumeTrue(r.code() != 0, "a GPU is present here");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("selftest: cannot use device 'cuda': cuda:0: "), r.err());
    }

    @Test
    void infoListsTheBackends() {
        CliRun r = CliRun.of("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("backends:\n  cpu: "), r.out());
        assertTrue(r.out().contains("\n  cuda"), r.out());
        if (r.out().contains("cuda: unavailable")) {
            assertTrue(r.out().contains("\n    libraries, probed without a device:\n      gemm: ")
                    && r.out().contains("cuBLAS 13") && r.out().contains("\n      conv3d: ")
                    && r.out().contains("cuDNN 9") && r.out().contains("cuDNN 8"), "the probe of each binding: "
                    + r.out());
        }
    }

    @Test
    void computingCommandsTakeADevice() {
        for (String cmd : new String[] {"train", "selftest", "info"}) {
            CliRun r = CliRun.of(cmd, "--help");
            assertTrue(r.out().contains("--device=DEVICE") && r.out().contains("--tf32"), cmd + ": " + r.out());
        }
        CliRun bad = CliRun.of("selftest", "--device", "tpu");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown device 'tpu'"), bad.err());
    }
}
