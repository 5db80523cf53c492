package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cryoetgan.engine.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code selftest}, {@code info} and the {@code --device} option on a machine without a GPU. */
class DeviceCommandsTest {
    /** Exit status and what the command printed. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @AfterEach
    void resetDefaultBackend() {
        Backends.setDefault(null);
    }

    @Test
    void selftestOnTheCpuPasses() {
        Run r = run("selftest", "--device", "cpu");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(" passed, 0 failed"), r.out());
        assertTrue(r.out().contains("conv3d forward + backward"), r.out());
    }

    @Test
    void selftestOnAMissingGpuFailsWithTheReason() {
        Run r = run("selftest", "--device", "cuda");
        assumeTrue(r.code() != 0, "a GPU is present here");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("selftest: cannot use device 'cuda': cuda:0: "), r.err());
    }

    @Test
    void infoListsTheBackends() {
        Run r = run("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("backends:\n  cpu: "), r.out());
        assertTrue(r.out().contains("\n  cuda"), r.out());
    }

    @Test
    void computingCommandsTakeADevice() {
        for (String cmd : new String[] {"train", "selftest", "info"}) {
            Run r = run(cmd, "--help");
            assertTrue(r.out().contains("--device=DEVICE") && r.out().contains("--tf32"), cmd + ": " + r.out());
        }
        Run bad = run("selftest", "--device", "tpu");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown device 'tpu'"), bad.err());
    }
}
