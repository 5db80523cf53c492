/**
 * Evaluation metrics of CryoETGAN (paper Table 2) and two diagnostics, on plain arrays: volumes are
 * {@code float[]} with x fastest ({@link org.cryoetgan.gan.metrics.VolumeShape}), feature sets are
 * {@code double[][]} or {@code float[][]} with one sample per row.
 *
 * <ul>
 *   <li>{@link org.cryoetgan.gan.metrics.Ssim}: SSIM as scikit-image defines it (box or Gaussian
 *       {@link org.cryoetgan.gan.metrics.SsimWindow}), mean and full map.</li>
 *   <li>{@link org.cryoetgan.gan.metrics.Prdc}: precision, recall, density, coverage (Naeem et al. 2020), on
 *       classifier features or flattened volumes.</li>
 *   <li>{@link org.cryoetgan.gan.metrics.Fid}: Fréchet distance with
 *       {@link org.cryoetgan.gan.metrics.GaussianStatistics} and {@link org.cryoetgan.gan.metrics.MatrixSqrt}
 *       (EJML).</li>
 *   <li>{@link org.cryoetgan.gan.metrics.InceptionScore}: from class probabilities, 10 splits.</li>
 *   <li>{@link org.cryoetgan.gan.metrics.RadialPowerSpectrum} and
 *       {@link org.cryoetgan.gan.metrics.IntensityDistance}: whether generated volumes have the spectrum and the
 *       grey values of real ones.</li>
 * </ul>
 *
 * <p>Reference values come from {@code tools/metrics_fixtures.py} (scikit-image, SciPy, NumPy, mpmath) and are
 * committed under {@code gan/src/test/resources/metrics/}.
 */
package org.cryoetgan.gan.metrics;
