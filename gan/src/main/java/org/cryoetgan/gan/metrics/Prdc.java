package org.cryoetgan.gan.metrics;

import java.util.Arrays;

/**
 * Precision, recall, density and coverage of a generated ("fake") sample against a real one, as defined by
 * Naeem et al. 2020 (ICML, "Reliable fidelity and diversity metrics for generative models") and computed by
 * their {@code prdc} package.
 *
 * <p>Distances are Euclidean. The radius of a point is its distance to the k-th nearest neighbour
 * <em>counting the point itself</em>, that is the (k+1)-th smallest distance in its row including the zero
 * self-distance. With {@code B(x, r)} the open ball ({@code <}, strict):
 * <pre>
 *   precision = fraction of fakes inside some B(real_i, r_i)
 *   recall    = fraction of reals inside some B(fake_j, r'_j)       (r' = radii among the fakes)
 *   density   = (1/k) mean over fakes of the number of B(real_i, r_i) that contain it
 *   coverage  = fraction of reals whose nearest fake lies inside B(real_i, r_i)
 * </pre>
 * For two samples from the same distribution, density and coverage have expectations 1 and
 * {@code 1 - 2^-k} (the paper's analysis); precision and recall tend to 1 only in low dimension.
 *
 * <p>Works on any features: classifier activations, or flattened volumes for the metrics on raw voxels.
 */
public final class Prdc {

    /** The paper's default number of neighbours. */
    public static final int DEFAULT_K = 5;

    /**
     * The four scores, each in [0, 1] except density, which is in [0, n_real / k].
     *
     * @param precision fidelity: fraction of fakes within the real manifold
     * @param recall    diversity: fraction of reals within the fake manifold
     * @param density   fidelity counting how many real neighbourhoods contain each fake
     * @param coverage  diversity: fraction of real neighbourhoods that contain a fake
     */
    public record Result(double precision, double recall, double density, double coverage) {
    }

    private Prdc() {
    }

    /** The scores for double-precision feature rows. */
    public static Result compute(double[][] real, double[][] fake, int k) {
        checkK(k, real.length, fake.length);
        return fromDistances(PairwiseDistances.within(real), PairwiseDistances.within(fake),
                PairwiseDistances.between(real, fake), k);
    }

    /** The scores for single-precision rows, for example one flattened volume per row (raw voxels). */
    public static Result compute(float[][] real, float[][] fake, int k) {
        checkK(k, real.length, fake.length);
        return fromDistances(PairwiseDistances.within(real), PairwiseDistances.within(fake),
                PairwiseDistances.between(real, fake), k);
    }

    /**
     * The scores from precomputed distances.
     *
     * @param realReal distances among the reals (n_real x n_real, zero diagonal)
     * @param fakeFake distances among the fakes
     * @param realFake {@code realFake[i][j] = |real_i - fake_j|}
     */
    static Result fromDistances(double[][] realReal, double[][] fakeFake, double[][] realFake, int k) {
        int nReal = realReal.length;
        int nFake = fakeFake.length;
        double[] realRadius = kthNeighbourRadii(realReal, k);
        double[] fakeRadius = kthNeighbourRadii(fakeFake, k);

        long fakesInsideReal = 0;
        long containingBalls = 0;
        for (int j = 0; j < nFake; j++) {
            int count = 0;
            for (int i = 0; i < nReal; i++) {
                if (realFake[i][j] < realRadius[i]) {
                    count++;
                }
            }
            containingBalls += count;
            if (count > 0) {
                fakesInsideReal++;
            }
        }
        long realsInsideFake = 0;
        long coveredReals = 0;
        for (int i = 0; i < nReal; i++) {
            double nearestFake = Double.POSITIVE_INFINITY;
            boolean inside = false;
            for (int j = 0; j < nFake; j++) {
                double dist = realFake[i][j];
                nearestFake = Math.min(nearestFake, dist);
                inside |= dist < fakeRadius[j];
            }
            if (inside) {
                realsInsideFake++;
            }
            if (nearestFake < realRadius[i]) {
                coveredReals++;
            }
        }
        return new Result((double) fakesInsideReal / nFake, (double) realsInsideFake / nReal,
                (double) containingBalls / ((double) k * nFake), (double) coveredReals / nReal);
    }

    /** For each row of a self-distance matrix, its (k+1)-th smallest entry (the zero self-distance included). */
    static double[] kthNeighbourRadii(double[][] selfDistances, int k) {
        double[] radii = new double[selfDistances.length];
        double[] row = new double[selfDistances.length];
        for (int i = 0; i < radii.length; i++) {
            System.arraycopy(selfDistances[i], 0, row, 0, row.length);
            Arrays.sort(row);
            radii[i] = row[k];
        }
        return radii;
    }

    private static void checkK(int k, int nReal, int nFake) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        if (k >= nReal || k >= nFake) {
            throw new IllegalArgumentException("k = " + k + " needs more than k samples on each side (real " + nReal
                    + ", fake " + nFake + ")");
        }
    }
}
