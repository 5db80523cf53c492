package org.cryoetgan.engine.testing;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;

/**
 * Finite-difference gradient check of one op (or a small chain of ops).
 *
 * <p>The checked scalar is {@code L = Σ out·W} with a fixed random {@code W} of the output's shape, so one check
 * covers the full vector-Jacobian product. The analytic gradient comes from {@code out.backward(W)}; the numeric
 * one from central differences {@code (L(x+h) − L(x−h)) / (2h)} per input element, where L is accumulated in
 * double on the host from the float32 forward pass (and the step is the exactly representable float difference).
 *
 * <p>The comparison is norm-relative: both {@code ‖num − ana‖₂ / max(‖num‖₂, ‖ana‖₂)} and
 * {@code max|num − ana| / max(max|num|, max|ana|)} must be at most the tolerance. Inputs of ops with kinks (relu,
 * abs, clamp, max pooling) must be chosen at least {@code eps} away from them; see {@link #awayFrom}.
 *
 * <pre>{@code
 * GradCheck.of(in -> in[0].mul(in[1])).check(GradCheck.randn(1, 2, 3), GradCheck.randn(2, 1, 3));
 * }</pre>
 */
public final class GradCheck {
    /** The function under test: builds the output from the input tensors (leaves). */
    @FunctionalInterface
    public interface Op {
        Tensor apply(Tensor[] inputs);
    }

    /** Host data and shape of one input, and whether its gradient is checked. */
    public static final class Input {
        final float[] data;
        final int[] shape;
        final boolean grad;

        Input(float[] data, int[] shape, boolean grad) {
            if (Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b) != data.length) {
                throw new IllegalArgumentException(data.length + " values for shape " + Arrays.toString(shape));
            }
            this.data = data;
            this.shape = shape;
            this.grad = grad;
        }

        /** A copy of the values. */
        public float[] data() {
            return data.clone();
        }

        /** The same data as an input whose gradient is neither requested nor checked. */
        public Input constant() {
            return new Input(data, shape, false);
        }
    }

    private final Op op;
    private double eps = 1e-2;
    private double tol = 2e-3;
    private int maxChecks = 400;
    private long seed = 1234;

    private GradCheck(Op op) {
        this.op = op;
    }

    /** A check of {@code op} with defaults eps 1e-2, tolerance 2e-3, at most 400 probed elements per input. */
    public static GradCheck of(Op op) {
        return new GradCheck(op);
    }

    /** Finite-difference half-step. */
    public GradCheck eps(double value) {
        this.eps = value;
        return this;
    }

    /** Relative tolerance of both criteria. */
    public GradCheck tol(double value) {
        this.tol = value;
        return this;
    }

    /** Elements probed per input; larger inputs are probed at a random subset of this size. */
    public GradCheck maxChecks(int value) {
        this.maxChecks = value;
        return this;
    }

    /** Seed of the projection weights W and of the probed subset. */
    public GradCheck seed(long value) {
        this.seed = value;
        return this;
    }

    // ---- inputs --------------------------------------------------------------------------------------------

    /** An input with the given data (gradient checked). */
    public static Input input(float[] data, int... shape) {
        return new Input(data.clone(), shape.clone(), true);
    }

    /** Standard-normal data from a seed derived from the shape (gradient checked). */
    public static Input randn(long seed, int... shape) {
        return input(normal(seed, numel(shape), 0, 1), shape);
    }

    /** Uniform data in [lo, hi) (gradient checked). */
    public static Input uniform(long seed, float lo, float hi, int... shape) {
        Random r = new Random(seed);
        float[] d = new float[numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * r.nextFloat();
        }
        return input(d, shape);
    }

    /** Normal(mean, std) floats from {@code java.util.Random(seed)}. */
    public static float[] normal(long seed, int n, double mean, double std) {
        Random r = new Random(seed);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) (mean + std * r.nextGaussian());
        }
        return d;
    }

    /** Moves every value closer than {@code margin} to a kink away from it (to kink ± margin). */
    public static Input awayFrom(Input in, float margin, float... kinks) {
        float[] d = in.data.clone();
        for (int i = 0; i < d.length; i++) {
            for (float k : kinks) {
                if (Math.abs(d[i] - k) < margin) {
                    d[i] = d[i] >= k ? k + margin : k - margin;
                }
            }
        }
        return new Input(d, in.shape, in.grad);
    }

    /** Distinct values spaced by {@code gap}, in random order (for max pooling: no ties, no near-ties). */
    public static Input distinct(long seed, float gap, int... shape) {
        int n = numel(shape);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (perm[i] - n / 2f) * gap;
        }
        return input(d, shape);
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    // ---- the check -----------------------------------------------------------------------------------------

    /** Runs the check and fails the calling test with a description of the worst input when it does not pass. */
    public void check(Input... inputs) {
        float[][] analytic = new float[inputs.length][];
        float[] weights;
        try (Scope s = Scope.open()) {
            Tensor[] leaves = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                leaves[i] = Tensor.of(inputs[i].data, inputs[i].shape).requiresGrad(inputs[i].grad);
            }
            Tensor out = op.apply(leaves);
            weights = normal(seed, (int) out.numel(), 0, 1);
            out.backward(Tensor.of(weights, out.shape()));
            for (int i = 0; i < inputs.length; i++) {
                Tensor g = leaves[i].grad();
                if (!inputs[i].grad) {
                    assertNull(g, "input " + i + " does not require grad but got one");
                    continue;
                }
                if (g == null) {
                    fail("input " + i + " requires grad but backward() left none");
                }
                if (!Arrays.equals(g.shape(), inputs[i].shape)) {
                    fail("gradient of input " + i + " has shape " + Arrays.toString(g.shape()) + ", expected "
                            + Arrays.toString(inputs[i].shape));
                }
                analytic[i] = g.toArray();
            }
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].grad) {
                compare(i, inputs, analytic[i], weights);
            }
        }
    }

    private void compare(int which, Input[] inputs, float[] analytic, float[] weights) {
        int n = inputs[which].data.length;
        int[] probe = probes(n);
        float[] work = inputs[which].data.clone();
        double diff2 = 0;
        double num2 = 0;
        double ana2 = 0;
        double maxDiff = 0;
        double maxNum = 0;
        double maxAna = 0;
        int worst = -1;
        double worstNum = 0;
        for (int j : probe) {
            float x0 = work[j];
            float xp = (float) (x0 + eps);
            float xm = (float) (x0 - eps);
            work[j] = xp;
            double fp = evaluate(inputs, which, work, weights);
            work[j] = xm;
            double fm = evaluate(inputs, which, work, weights);
            work[j] = x0;
            double num = (fp - fm) / ((double) xp - (double) xm);
            double ana = analytic[j];
            double d = Math.abs(num - ana);
            diff2 += d * d;
            num2 += num * num;
            ana2 += ana * ana;
            maxNum = Math.max(maxNum, Math.abs(num));
            maxAna = Math.max(maxAna, Math.abs(ana));
            if (d > maxDiff) {
                maxDiff = d;
                worst = j;
                worstNum = num;
            }
        }
        double normErr = Math.sqrt(diff2) / Math.max(Math.sqrt(Math.max(num2, ana2)), 1e-6);
        double maxErr = maxDiff / Math.max(Math.max(maxNum, maxAna), 1e-6);
        if (!(normErr <= tol && maxErr <= tol)) {
            fail(String.format("gradient of input %d %s: norm-relative error %.3g, max-relative error %.3g (tol %.1g); "
                    + "worst element %d: numeric %.6g, analytic %.6g", which, Arrays.toString(inputs[which].shape),
                    normErr, maxErr, tol, worst, worstNum, worst < 0 ? Double.NaN : analytic[worst]));
        }
    }

    private int[] probes(int n) {
        if (n <= maxChecks) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Random r = new Random(seed ^ n);
        return r.ints(0, n).distinct().limit(maxChecks).toArray();
    }

    /** {@code Σ out·W} in double, with input {@code which} replaced by {@code data}, without recording a graph. */
    private double evaluate(Input[] inputs, int which, float[] data, float[] weights) {
        try (Scope s = Scope.open(); GradMode g = GradMode.disable()) {
            Tensor[] ts = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                ts[i] = Tensor.of(i == which ? data : inputs[i].data, inputs[i].shape);
            }
            float[] out = op.apply(ts).toArray();
            double sum = 0;
            for (int k = 0; k < out.length; k++) {
                sum += (double) out[k] * weights[k];
            }
            return sum;
        }
    }
}
