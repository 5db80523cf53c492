package org.cryoetgan.gan.invariant;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4, two-loop recursion with memory m) with a backtracking
 * Armijo line search, for smooth convex objectives. Deterministic: the same objective and start give the same
 * iterates.
 */
final class Lbfgs {
    /** A differentiable function of a flat parameter vector. */
    interface Objective {
        /** The value at {@code theta}; writes the gradient into {@code grad}. */
        double valueAndGradient(double[] theta, double[] grad);
    }

    /** How the minimisation ended: iterations taken, final value and largest gradient component. */
    record Result(int iterations, double value, double gradientMax) {
    }

    private final int memory;
    private final int maxIterations;
    private final double tolerance;

    /** @param tolerance stop when every gradient component is below it in magnitude */
    Lbfgs(int memory, int maxIterations, double tolerance) {
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** Minimises {@code f} from {@code theta}, which is updated in place. */
    Result minimize(Objective f, double[] theta) {
        int n = theta.length;
        double[][] s = new double[memory][n];
        double[][] yv = new double[memory][n];
        double[] rho = new double[memory];
        int stored = 0;
        int newest = -1;
        double[] g = new double[n];
        double value = f.valueAndGradient(theta, g);
        double[] dir = new double[n];
        double[] next = new double[n];
        double[] gNext = new double[n];
        double[] alpha = new double[memory];
        int it = 0;
        while (it < maxIterations && maxAbs(g) >= tolerance) {
            it++;
            // two-loop recursion: dir = -H g
            for (int i = 0; i < n; i++) {
                dir[i] = -g[i];
            }
            for (int c = 0; c < stored; c++) {
                int j = Math.floorMod(newest - c, memory);
                alpha[j] = rho[j] * dot(s[j], dir);
                axpy(-alpha[j], yv[j], dir);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], yv[newest]) / dot(yv[newest], yv[newest]);
                for (int i = 0; i < n; i++) {
                    dir[i] *= gamma;
                }
            }
            for (int c = stored - 1; c >= 0; c--) {
                int j = Math.floorMod(newest - c, memory);
                double beta = rho[j] * dot(yv[j], dir);
                axpy(alpha[j] - beta, s[j], dir);
            }
            double slope = dot(g, dir);
            if (slope >= 0) { // not a descent direction (round-off): restart from steepest descent
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i];
                }
                slope = dot(g, dir);
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
            double nextValue;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    next[i] = theta[i] + step * dir[i];
                }
                nextValue = f.valueAndGradient(next, gNext);
                if (nextValue <= value + 1e-4 * step * slope || ++tries > 50) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 50) {
                break; // no decrease possible at working precision
            }
            double sy = 0;
            for (int i = 0; i < n; i++) {
                sy += (next[i] - theta[i]) * (gNext[i] - g[i]);
            }
            if (sy > 1e-12) { // keep the curvature pair only when it is usable
                newest = (newest + 1) % memory;
                for (int i = 0; i < n; i++) {
                    s[newest][i] = next[i] - theta[i];
                    yv[newest][i] = gNext[i] - g[i];
                }
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(next, 0, theta, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            value = nextValue;
        }
        return new Result(it, value, maxAbs(g));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
