package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** FID against pytorch-fid's recipe with SciPy's sqrtm ({@code tools/metrics_fixtures.py}) and closed forms. */
class FidTest {

    @Test
    void matchesScipyOnFullRankCovariances() {
        double[][] x = Fixtures.matrix("fid_x_50x6.txt");
        double[][] y = Fixtures.matrix("fid_y_40x6.txt");
        assertEquals(Fixtures.expected("fid.full_rank"), Fid.compute(x, y), 1e-11);
        assertEquals(Fixtures.expected("fid.full_rank.exact"), Fid.compute(x, y), 1e-11);
        assertEquals(Fixtures.expected("fid.full_rank.exact"), Fid.fromSamples(x, y), 1e-11);
    }

    @Test
    void fewerSamplesThanFeaturesMatchesTheExactValue() {
        // 12 and 15 samples of 20 features: both covariances singular. compute() then works in sample space
        // and matches the 40-digit value. Via the d x d covariances, the square roots of round-off eigenvalues
        // (~1e-15 -> ~3e-8 each) inflate Tr sqrtm(S1 S2): pytorch-fid's SciPy recipe is off by 2.2e-7 and the
        // symmetric form by 1.6e-7.
        double[][] x = Fixtures.matrix("fid_xr_12x20.txt");
        double[][] y = Fixtures.matrix("fid_yr_15x20.txt");
        double exact = Fixtures.expected("fid.rank_deficient.exact");
        assertEquals(exact, Fid.compute(x, y), 1e-12);
        assertEquals(exact, Fid.between(GaussianStatistics.of(x), GaussianStatistics.of(y)), 5e-7);
        assertEquals(Fixtures.expected("fid.rank_deficient"), Fid.compute(x, y), 5e-7);
    }

    @Test
    void productRootMatchesScipySqrtm() {
        DMatrixRMaj s1 = GaussianStatistics.of(Fixtures.matrix("fid_x_50x6.txt")).covariance();
        DMatrixRMaj s2 = GaussianStatistics.of(Fixtures.matrix("fid_y_40x6.txt")).covariance();
        DMatrixRMaj root = MatrixSqrt.ofProduct(s1, s2);
        double[][] expected = Fixtures.matrix("fid_sqrtm_product_6x6.txt");
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(expected[i][j], root.get(i, j), 1e-10, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void identicalSetsHaveZeroDistance() {
        double[][] x = Fixtures.matrix("fid_x_50x6.txt");
        assertEquals(0.0, Fid.compute(x, x), 1e-12);
        double[][] xr = Fixtures.matrix("fid_xr_12x20.txt");
        assertEquals(0.0, Fid.compute(xr, xr), 1e-12); // 12 samples of 20 features: the sample-space form
        assertEquals(0.0, Fid.between(GaussianStatistics.of(xr), GaussianStatistics.of(xr)), 1e-6); // round-off roots
    }

    @Test
    void commutingCovariancesFollowTheClosedForm() {
        // Diagonal covariances: FID = |dmu|^2 + sum (sqrt a_i - sqrt b_i)^2.
        double[] a = {1.0, 4.0, 0.25};
        double[] b = {9.0, 1.0, 0.25};
        double[] mu1 = {0, 1, 2};
        double[] mu2 = {1, -1, 2};
        double expected = 1 + 4 + 0 + (1 - 3) * (1 - 3) + (2 - 1) * (2 - 1) + 0;
        assertEquals(expected, Fid.between(new GaussianStatistics(mu1, diag(a)), new GaussianStatistics(mu2, diag(b))),
                1e-12);
    }

    @Test
    void nonCommutingTwoByTwoFollowsTheClosedForm() {
        // For 2x2 M with non-negative eigenvalues, Tr sqrtm(M) = sqrt(Tr M + 2 sqrt(det M)).
        double[][] s1 = {{2.0, 0.7}, {0.7, 1.0}};
        double[][] s2 = {{0.5, -0.3}, {-0.3, 3.0}};
        double trProduct = s1[0][0] * s2[0][0] + s1[0][1] * s2[1][0] + s1[1][0] * s2[0][1] + s1[1][1] * s2[1][1];
        double det = (s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0]) * (s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0]);
        double trRoot = Math.sqrt(trProduct + 2 * Math.sqrt(det));
        double expected = 0.5 * 0.5 + 2.0 * 2.0 + (3.0 + 3.5) - 2 * trRoot;
        double fid = Fid.between(new GaussianStatistics(new double[] {0.5, 0}, s1),
                new GaussianStatistics(new double[] {0, 2.0}, s2));
        assertEquals(expected, fid, 1e-12);
    }

    @Test
    void largeSamplesApproachThePopulationDistance() {
        // N(mu1, S1) vs N(mu2, S2) in 3-D with S2 = L L^T; 20000 samples each. Sampling error of the estimate is
        // about 0.02 here.
        double[][] l = {{1.0, 0, 0}, {0.5, 1.2, 0}, {-0.3, 0.4, 0.8}};
        double[] mu2 = {1.0, 0.0, -0.5};
        Random rng = new Random(11);
        double[][] x = new double[20000][3];
        double[][] y = new double[20000][3];
        for (int i = 0; i < x.length; i++) {
            double[] z = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian();
                y[i][j] = mu2[j] + l[j][0] * z[0] + l[j][1] * z[1] + l[j][2] * z[2];
            }
        }
        double[][] s2 = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    s2[i][j] += l[i][k] * l[j][k];
                }
            }
        }
        // Population value: |mu2|^2 + Tr I + Tr S2 - 2 Tr sqrt(S2), with Tr S2 = sum of L's squared entries.
        DMatrixRMaj rootS2 = MatrixSqrt.symmetric(new DMatrixRMaj(s2));
        DMatrixRMaj squared = new DMatrixRMaj(3, 3);
        org.ejml.dense.row.CommonOps_DDRM.mult(rootS2, rootS2, squared);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(s2[i][j], squared.get(i, j), 1e-12);
            }
        }
        double population = 1.25 + 3 + 3.58 - 2 * org.ejml.dense.row.CommonOps_DDRM.trace(rootS2);
        assertEquals(population, Fid.between(new GaussianStatistics(new double[3], diag(new double[] {1, 1, 1})),
                new GaussianStatistics(mu2, s2)), 1e-12);
        double sampled = Fid.compute(x, y);
        assertEquals(population, sampled, 0.06);
        assertEquals(sampled, Fid.compute(toFloat(x), toFloat(y)), 1e-5);
    }

    @Test
    void aNonPsdCovarianceIsAnError() {
        GaussianStatistics p = new GaussianStatistics(new double[2], diag(new double[] {1, 1}));
        GaussianStatistics bad = new GaussianStatistics(new double[2], diag(new double[] {1, -1}));
        assertThrows(ArithmeticException.class, () -> Fid.between(p, bad));
        // A round-off sized negative eigenvalue (-1e-8 -> imaginary root 1e-4) is dropped, as in pytorch-fid.
        GaussianStatistics nearlyPsd = new GaussianStatistics(new double[2], diag(new double[] {1, -1e-8}));
        assertEquals(1.0, Fid.between(p, nearlyPsd), 1e-7);
        GaussianStatistics nan = new GaussianStatistics(new double[2], diag(new double[] {1, Double.NaN}));
        assertThrows(ArithmeticException.class, () -> Fid.between(p, nan));
    }

    static double[][] diag(double[] d) {
        double[][] m = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            m[i][i] = d[i];
        }
        return m;
    }

    private static float[][] toFloat(double[][] x) {
        float[][] f = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return f;
    }
}
