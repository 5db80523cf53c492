package org.cryoetgan.gan.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Losses;
import org.cryoetgan.gan.data.EpochSampler;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.nn.optim.Adam;
import org.cryoetgan.nn.optim.LearningRateSchedule;
import org.cryoetgan.nn.optim.Optimizer;
import org.cryoetgan.nn.optim.Sgd;

/**
 * Trains a CB3D classifier on labelled volumes with cross-entropy: mini-batches in an order that depends only on
 * the seed and the epoch (each volume randomly flipped along each axis when {@code flips} is set), SGD with
 * Nesterov momentum or Adam, and the accuracy on a held-out part reported
 * after every epoch. Class names are sorted, so that the output order does not depend on file order.
 */
public final class ClassifierTrainer {
    private final ClassifierSettings settings;
    private final Consumer<EpochReport> listener;

    /** @param listener receives each epoch's report as it finishes */
    public ClassifierTrainer(ClassifierSettings settings, Consumer<EpochReport> listener) {
        this.settings = settings.copy().validate();
        this.listener = listener;
    }

    public ClassifierTrainer(ClassifierSettings settings) {
        this(settings, r -> { });
    }

    /** Holds out {@code heldOutFraction} of the volumes (seeded) and trains on the rest. */
    public TrainedClassifier train(VolumeSet data) {
        if (settings.heldOutFraction > 0 && data.size() > 1) {
            VolumeSet[] parts = data.split(settings.heldOutFraction, settings.seed);
            return train(parts[0], parts[1]);
        }
        return train(data, null);
    }

    /** Trains on {@code train}, reporting accuracy on {@code heldOut} (may be null) after every epoch. */
    public TrainedClassifier train(VolumeSet train, VolumeSet heldOut) {
        List<String> classes = classes(train, heldOut);
        List<float[]> raw = new ArrayList<>();
        for (Sample s : train.samples()) {
            raw.add(s.volume().data());
        }
        VolumeScaler scaler = VolumeScaler.fit(settings.normalization, raw);
        LabeledVolumes trainData = LabeledVolumes.of(train, scaler, classes, true);
        LabeledVolumes heldOutData = heldOut == null ? null : LabeledVolumes.of(heldOut, scaler, classes, true);
        Cb3dArchitecture arch = settings.architecture(train.box(), classes.size());
        Cb3d model = Scope.unscoped(() -> new Cb3d(arch, new RandomGenerator(settings.seed)));
        long steps = (long) settings.epochs * ((trainData.size() + settings.batchSize - 1) / settings.batchSize);
        try (Optimizer opt = optimizer(model, steps)) {
            List<EpochReport> history = new ArrayList<>();
            EpochSampler sampler = new EpochSampler(trainData.size(), settings.seed * 7919 + 1);
            for (int epoch = 0; epoch < settings.epochs; epoch++) {
                EpochReport r = epoch(model, opt, trainData, heldOutData, sampler, epoch);
                history.add(r);
                listener.accept(r);
            }
            return new TrainedClassifier(model, classes, scaler, settings, history);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private EpochReport epoch(Cb3d model, Optimizer opt, LabeledVolumes data, LabeledVolumes heldOut,
                              EpochSampler sampler, int epoch) {
        model.train();
        int n = data.size();
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < n; start += settings.batchSize) {
            int[] idx = new int[Math.min(settings.batchSize, n - start)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = sampler.index((long) epoch * n + start + i);
            }
            int[] labels = data.labels(idx);
            int[] flips = new int[idx.length];
            if (settings.flips) {
                for (int i = 0; i < idx.length; i++) {
                    flips[i] = (int) (CounterHash.mix(settings.seed ^ 0x666c6970L, (long) epoch * n + start + i) & 7);
                }
            }
            try (Scope s = Scope.open()) {
                Tensor logits = model.forward(data.batch(idx, flips));
                Tensor loss = Losses.crossEntropy(logits, labels);
                opt.zeroGrad();
                loss.backward();
                opt.step();
                double l = loss.item();
                if (!Double.isFinite(l)) {
                    throw new ArithmeticException("classifier training diverged in epoch " + (epoch + 1)
                            + " (loss " + l + "): lower the learning rate");
                }
                lossSum += l * idx.length;
                float[] lv = logits.toArray();
                int c = logits.size(1);
                for (int i = 0; i < idx.length; i++) {
                    double[] row = new double[c];
                    for (int j = 0; j < c; j++) {
                        row[j] = lv[i * c + j];
                    }
                    if (Predictions.argmax(row) == labels[i]) {
                        correct++;
                    }
                }
            }
        }
        opt.zeroGrad();
        Double held = heldOut == null ? null
                : Inference.run(model, heldOut, settings.batchSize).accuracy(heldOut.labels());
        return new EpochReport(epoch + 1, lossSum / n, correct / (double) n, held);
    }

    private Optimizer optimizer(Cb3d model, long steps) {
        LearningRateSchedule lr = settings.learningRateDecay.schedule(settings.learningRate, steps);
        return switch (settings.optimizer) {
            case SGD -> new Sgd(model.parameters(), lr, settings.momentum, 0, true, settings.weightDecay);
            case ADAM -> new Adam(model.parameters(), lr, 0.9, 0.999, 1e-8, settings.weightDecay);
        };
    }

    private static List<String> classes(VolumeSet train, VolumeSet heldOut) {
        TreeSet<String> names = new TreeSet<>(train.labels());
        if (heldOut != null) {
            names.addAll(heldOut.labels());
        }
        for (Sample s : train.samples()) {
            if (s.label() == null || s.label().isEmpty()) {
                throw new IllegalArgumentException(s.source() + ": no class label (put the files in one sub-folder"
                        + " per class or give a labels CSV)");
            }
        }
        if (names.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, the " + train.domain()
                    + " have " + names);
        }
        return List.copyOf(names);
    }
}
