package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cryoetgan.gan.metrics.Ssim;
import org.cryoetgan.gan.metrics.VolumeShape;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code metrics ssim} command's wiring, with volumes handed in by a test loader. */
class SsimCommandTest {

    private static final VolumeShape SHAPE = new VolumeShape(14, 13, 12);
    private final float[] a = noise(1);
    private final float[] b = blend(a, noise(2));
    private final VolumeLoader loader = path -> Map.of(
            "a.mrc", new VolumeLoader.Loaded(a, SHAPE),
            "b.mrc", new VolumeLoader.Loaded(b, SHAPE),
            "small.mrc", new VolumeLoader.Loaded(new float[12 * 12 * 12], VolumeShape.cube(12)))
            .get(path.toString());

    @Test
    void printsTheDefaultSsimWithAnExplicitRange() {
        Run r = run("a.mrc", "b.mrc", "--data-range", "5", "--json");
        assertEquals(0, r.code, r.err);
        double expected = Ssim.scikitImageDefault().mean(a, b, SHAPE, 5.0);
        assertEquals(expected, jsonNumber(r.out, "value"), 0.0);
        assertEquals(5.0, jsonNumber(r.out, "data_range"), 0.0);
        assertTrue(r.out.contains("\"window_size\":7") && r.out.contains("\"shape\":[14,13,12]"), r.out);
    }

    @Test
    void gaussianAndPopulationOptionsReachTheMetric() {
        Run r = run("a.mrc", "b.mrc", "--gaussian", "--population-covariance", "--json");
        assertEquals(0, r.code, r.err);
        double range = Ssim.jointDataRange(a, b);
        assertEquals(Ssim.wang2004().mean(a, b, SHAPE, range), jsonNumber(r.out, "value"), 0.0);
        assertTrue(r.out.contains("\"window_size\":11") && r.out.contains("\"sample_covariance\":false"), r.out);
    }

    @Test
    void textOutputNamesTheSettings() {
        Run r = run("a.mrc", "b.mrc", "--data-range", "5");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("SSIM 0.") && r.out.contains("uniform 7^3") && r.out.contains("sample covariance"),
                r.out);
    }

    @Test
    void differentShapesOrABadRangeAreOneLineErrorsNotUsageText() {
        Run r = run("a.mrc", "small.mrc");
        assertEquals(1, r.code);
        assertTrue(r.err.strip().equals("error: a.mrc and small.mrc differ in shape: " + SHAPE + " vs "
                + VolumeShape.cube(12)), r.err);
        Run nan = run("a.mrc", "b.mrc", "--data-range", "NaN");
        assertEquals(1, nan.code);
        assertTrue(nan.err.strip().equals("error: --data-range must be positive and finite (got NaN)"), nan.err);
    }

    @Test
    void aMissingFileFailsWithAClearMessage() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine().setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("metrics", "ssim", "/nonexistent/x.mrc", "/nonexistent/y.mrc"));
        assertTrue(err.toString().contains("/nonexistent/x.mrc") && err.toString().contains("no such file"),
                err.toString());
    }

    @Test
    void isRegisteredUnderMetrics() {
        assertTrue(Main.commandLine().getSubcommands().get("metrics").getSubcommands().containsKey("ssim"));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new SsimCommand(loader)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(Main::reportError).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }

    private static double jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), json);
        return Double.parseDouble(m.group(1));
    }

    private static float[] noise(long seed) {
        Random rng = new Random(seed);
        float[] v = new float[SHAPE.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    private static float[] blend(float[] x, float[] y) {
        float[] v = new float[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = x[i] + 0.5f * y[i];
        }
        return v;
    }

}
