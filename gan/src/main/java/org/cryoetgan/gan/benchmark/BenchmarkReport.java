package org.cryoetgan.gan.benchmark;

import java.util.List;
import java.util.Map;
import org.cryoetgan.gan.evaluate.EvaluationReport;

/**
 * Everything a {@link BenchmarkRun} measured, as written to report.json.
 *
 * @param data          the data folder
 * @param box           volume edge in voxels
 * @param classes       classes of S-test
 * @param densityMaps   maps in D
 * @param trainSubtomograms volumes in S-train
 * @param testSubtomograms  volumes in S-test
 * @param ganRun        the training run used
 * @param ganStep       the training step of its checkpoint
 * @param settings      the benchmark's settings
 * @param trainingSets  the four training sets scored on S-test by both yardsticks
 * @param metrics       FID, IS, PRDC, SSIM of the GAN output, the simulator and clean D against S-test, with CB3D
 *                      trained on S-train as the feature network; null when CB3D was not run
 * @param collapse      the mode-collapse check
 * @param minutes       wall-clock minutes of each stage, in order
 * @param montages      montage files (per class: D input, GAN output, simulator, S-test)
 * @param notes         caveats and why values are missing
 */
public record BenchmarkReport(String data, int box, List<String> classes, int densityMaps, int trainSubtomograms,
                              int testSubtomograms, String ganRun, long ganStep, BenchmarkSettings settings,
                              List<TrainingSetScore> trainingSets, EvaluationReport metrics, CollapseScore collapse,
                              Map<String, Double> minutes, List<String> montages, List<String> notes) {
}
