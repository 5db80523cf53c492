package org.cryoetgan.gan.invariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fit against PyTorch's L-BFGS on the same objective, and the objective's gradient by finite differences. */
class LogisticRegressionTest {

    @Test
    void reachesTheMinimiserFoundByPyTorch() throws IOException {
        String[] lines;
        try (InputStream in = getClass().getResourceAsStream("/invariant/logistic.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        }
        String[] head = lines[0].split(" ");
        int n = Integer.parseInt(head[0]);
        int d = Integer.parseInt(head[1]);
        int k = Integer.parseInt(head[2]);
        double lambda = Double.parseDouble(head[3]);
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines[1 + i].split(" ");
            y[i] = Integer.parseInt(f[0]);
            for (int j = 0; j < d; j++) {
                x[i][j] = Double.parseDouble(f[1 + j]);
            }
        }
        LogisticRegression m = LogisticRegression.fit(x, y, k, lambda);
        assertTrue(m.fitResult().gradientMax() < 1e-6, m.fitResult().toString());
        for (int c = 0; c < k; c++) {
            String[] f = lines[1 + n + c].split(" ");
            assertEquals(Double.parseDouble(f[0]), m.bias(c), 1e-5, "bias " + c);
            for (int j = 0; j < d; j++) {
                assertEquals(Double.parseDouble(f[1 + j]), m.weight(c, j), 1e-5, "weight " + c + "," + j);
            }
        }
    }

    @Test
    void objectiveGradientMatchesFiniteDifferences() {
        Random r = new Random(5);
        double[][] x = new double[9][3];
        int[] y = new int[9];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
        }
        SoftmaxObjective f = new SoftmaxObjective(x, y, 3, 0.3);
        double[] theta = new double[f.parameters()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = r.nextGaussian();
        }
        double[] g = new double[theta.length];
        f.valueAndGradient(theta, g);
        double[] scratch = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-6;
            double keep = theta[i];
            theta[i] = keep + h;
            double up = f.valueAndGradient(theta, scratch);
            theta[i] = keep - h;
            double down = f.valueAndGradient(theta, scratch);
            theta[i] = keep;
            assertEquals((up - down) / (2 * h), g[i], 1e-7, "parameter " + i);
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] x = {{1}, {2}};
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[] {0, 0}, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[] {0, 2}, 2, 0.1));
    }
}
