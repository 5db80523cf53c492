package org.cryoetgan.engine.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.cpu.ReferenceCpuBackend;
import org.junit.jupiter.api.Test;

/** The selftest's CPU path (the machines that build this have no GPU), its table, and failure reporting. */
class SelfTestTest {
    /** Output and exit status of one run. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SelfTest.run(spec, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cpuPassesAgainstTheReferenceKernels() {
        Outcome o = run("cpu");
        assertEquals(0, o.status(), o.out());
        int cases = OpChecks.all().size();
        assertTrue(o.out().contains("selftest: " + cases + " passed, 0 failed"), o.out());
        assertTrue(o.out().contains("reference: cpu-reference: 1 thread, direct convolution and plain gemm"), o.out());
        for (String name : List.of("conv3d forward + backward", "convTranspose3d forward + backward",
                "instance norm forward + backward", "training: 3 SGD steps of a small conv net")) {
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith(name) && l.contains(" pass ")), name + "\n" + o.out());
        }
    }

    @Test
    void autoWithoutGpuSaysSoAndChecksTheCpu() {
        Outcome o = run("auto");
        assumeTrue(o.out().contains("no GPU present"), "a GPU is present here");
        assertEquals(0, o.status(), o.out());
        assertTrue(o.out().startsWith("no usable GPU (cuda:0: "), o.out());
        assertTrue(o.out().contains("device:    cpu: "), o.out());
    }

    @Test
    void explicitCudaWithoutGpuFailsWithTheReason() {
        Outcome o = run("cuda");
        assumeTrue(o.status() != 0 || !o.out().contains("cuda:0"), "a GPU is present here");
        assertEquals(SelfTest.NO_DEVICE, o.status());
        assertTrue(o.err().startsWith("selftest: cannot use device 'cuda': cuda:0: "), o.err());
        assertEquals("", o.out());
        assertEquals(SelfTest.NO_DEVICE, run("tpu").status());
    }

    @Test
    void mismatchesAndErrorsFail() {
        OpCheck differs = new OpCheck("differs", b -> List.of(new float[] {b instanceof ReferenceCpuBackend ? 1f : 1.01f}));
        OpCheck throwing = new OpCheck("throws", b -> {
            throw new IllegalStateException("kernel failed");
        });
        OpCheck same = new OpCheck("same", b -> List.of(new float[] {1f, Float.NaN}));
        SelfTestReport r = SelfTest.compare(Backends.cpu(), new ReferenceCpuBackend(), List.of(),
                List.of(same, differs, throwing), 1e-4);
        assertFalse(r.passed());
        assertEquals(2, r.failures());
        assertTrue(r.rows().get(0).passed());
        assertEquals(0.01 / 1.01, r.rows().get(1).maxError(), 1e-6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("throws    FAIL    error: java.lang.IllegalStateException: kernel failed"), text);
        assertTrue(text.endsWith("selftest: 1 passed, 2 failed" + System.lineSeparator()), text);
    }

    @Test
    void comparisonMeasure() {
        assertEquals(0, Comparison.maxRelativeError(new float[] {Float.NaN, 2f}, new float[] {Float.NaN, 2f}));
        assertEquals(Double.POSITIVE_INFINITY, Comparison.maxRelativeError(new float[] {1f}, new float[] {Float.NaN}));
        assertEquals(Double.POSITIVE_INFINITY, Comparison.maxRelativeError(new float[] {1f}, new float[2]));
        assertEquals(0.001, Comparison.maxRelativeError(new float[] {0f, 100f}, new float[] {0.001f, 100f}),
                1e-7, "near zero, judged against 1% of the largest value");
    }
}
