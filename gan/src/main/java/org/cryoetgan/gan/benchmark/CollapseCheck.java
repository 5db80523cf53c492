package org.cryoetgan.gan.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.invariant.InvariantClassifier;
import org.cryoetgan.gan.metrics.ModeCollapse;

/**
 * The benchmark's mode-collapse check: {@link ModeCollapse} over the draws of up to {@code maxMaps} maps (chosen
 * in a seeded random order), the same distance between those input maps for reference, and the invariant-feature
 * classifier trained on the generated volumes of half the maps and tested on those of the other half.
 */
final class CollapseCheck {
    private final int maxMaps;
    private final long seed;
    private final double lambda;

    CollapseCheck(int maxMaps, long seed, double lambda) {
        this.maxMaps = maxMaps;
        this.seed = seed;
        this.lambda = lambda;
    }

    CollapseScore run(GeneratedDraws draws, VolumeSet density, List<String> notes) {
        List<String> order = shuffled(draws.maps());
        Map<String, Sample> densityByName = new HashMap<>();
        for (Sample s : density.samples()) {
            densityByName.put(GeneratedDraws.fileName(s.source()), s);
        }
        List<List<float[]>> outputs = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (String m : order.subList(0, Math.min(maxMaps, order.size()))) {
            outputs.add(draws.draws(m).stream().map(s -> s.volume().data()).toList());
            Sample input = densityByName.get(GeneratedDraws.fileName(m));
            if (input == null) {
                throw new IllegalStateException(m + ": generated from a map that is not in the density maps read");
            }
            inputs.add(input.volume().data());
        }
        ModeCollapse.Result r = ModeCollapse.compute(outputs);

        Set<String> trainMaps = new HashSet<>(order.subList(0, order.size() / 2));
        List<Sample> train = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        for (String m : order) {
            (trainMaps.contains(m) ? train : test).addAll(draws.draws(m));
        }
        Double inDomain = null;
        try {
            double acc = InvariantClassifier.train(new VolumeSet("GAN output (half the maps)", train), lambda)
                    .accuracy(new VolumeSet("GAN output (the other maps)", test));
            inDomain = Double.isNaN(acc) ? null : acc;
        } catch (IllegalArgumentException e) {
            notes.add("collapse check: no in-domain separability: " + e.getMessage());
        }
        return new CollapseScore(r, Double.isInfinite(r.ratio()) ? null : r.ratio(),
                ModeCollapse.meanCorrelationDistance(inputs), inDomain, train.size(), test.size());
    }

    private List<String> shuffled(List<String> list) {
        int[] idx = new int[list.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        new RandomGenerator(seed).shuffle(idx);
        List<String> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(list.get(i));
        }
        return out;
    }
}
