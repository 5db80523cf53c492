package org.cryoetgan.gan.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Losses;
import org.cryoetgan.engine.ops.Reductions;
import org.cryoetgan.gan.model.CycleGenerator;
import org.cryoetgan.gan.model.CycleWgan;
import org.cryoetgan.gan.model.PatchCritic;
import org.cryoetgan.gan.model.SpectrumCritic;
import org.cryoetgan.nn.optim.Adam;
import org.cryoetgan.nn.optim.LearningRateSchedule;
import org.cryoetgan.nn.optim.LinearDecay;
import org.cryoetgan.nn.optim.Optimizer;
import org.cryoetgan.nn.optim.RmsProp;
import org.cryoetgan.nn.optim.WeightAverage;
import org.cryoetgan.nn.optim.WeightClipping;

/**
 * One training step of the cycle-consistent GAN: a generator update of both generators (adversarial terms of
 * both critics, cycle L1 both ways weighted by λ, optional identity L1), then {@code criticSteps} updates of
 * both critics (and the spectrum critic of subtomograms, when configured, whose adversarial term enters the
 * generator loss times its weight) on real samples and (pooled, detached) fakes, with the WGAN-GP and/or R1 gradient penalty when
 * configured (the interpolation weights drawn from the step's generator), each followed by weight clipping
 * when enabled; the moving average of G_ds's weights, when configured, follows each generator update.
 * All randomness of step k (density noise, generator noise channels, dropout masks, pool choices) derives from
 * (seed, k), and the batches from {@link TrainingData}, so a run resumed from a checkpoint repeats exactly.
 */
public final class CycleWganTrainer implements AutoCloseable {
    private final TrainingConfig cfg;
    private final CycleWgan model;
    private final TrainingData data;
    private final AdversarialObjective objective;
    private final Optimizer generatorOptimizer;
    private final Optimizer criticOptimizer;
    private final List<Tensor> criticParameters;
    private final ImagePool subtomogramPool;
    private final ImagePool densityPool;
    private final WeightAverage generatorAverage;
    private long step;

    public CycleWganTrainer(TrainingConfig cfg, CycleWgan model, TrainingData data) {
        this.cfg = cfg.validate();
        this.model = model;
        this.data = data;
        this.objective = new AdversarialObjective(cfg.adversarialLoss, cfg.realTarget);
        List<Tensor> gParams = new ArrayList<>(model.densityToSubtomogram().parameters());
        gParams.addAll(model.subtomogramToDensity().parameters());
        List<Tensor> dParams = new ArrayList<>(model.subtomogramCritic().parameters());
        dParams.addAll(model.densityCritic().parameters());
        model.subtomogramSpectrumCritic().ifPresent(c -> dParams.addAll(c.parameters()));
        this.generatorOptimizer = optimizer(cfg, gParams);
        this.criticOptimizer = optimizer(cfg, dParams);
        this.criticParameters = List.copyOf(dParams);
        this.subtomogramPool = new ImagePool(cfg.imagePool);
        this.densityPool = new ImagePool(cfg.imagePool);
        this.generatorAverage = model.densityToSubtomogramAverage()
                .map(avg -> new WeightAverage(model.densityToSubtomogram(), avg, cfg.generatorAverage)).orElse(null);
        model.train();
    }

    private static Optimizer optimizer(TrainingConfig c, List<Tensor> params) {
        LearningRateSchedule lr = c.decayFrom < c.steps
                ? new LinearDecay(c.learningRate, c.decayFrom, c.steps)
                : LearningRateSchedule.constant(c.learningRate);
        if (c.optimizer == OptimizerKind.ADAM) {
            return new Adam(params, lr, c.adamBeta1, c.adamBeta2, 1e-8, 0);
        }
        return new RmsProp(params, lr, RmsProp.Options.pytorch());
    }

    public CycleWgan model() {
        return model;
    }

    public Optimizer generatorOptimizer() {
        return generatorOptimizer;
    }

    public Optimizer criticOptimizer() {
        return criticOptimizer;
    }

    public ImagePool subtomogramPool() {
        return subtomogramPool;
    }

    public ImagePool densityPool() {
        return densityPool;
    }

    /** Generator steps completed. */
    public long step() {
        return step;
    }

    /**
     * Sets the step counter (when resuming from a checkpoint, after the model, averaged generator included, was
     * restored); the weight average counts one update per step.
     */
    public void setStep(long step) {
        this.step = step;
        if (generatorAverage != null) {
            generatorAverage.setUpdates(step);
        }
    }

    /**
     * Runs one generator step and its critic steps; returns the losses and Wasserstein estimates by name.
     *
     * @throws TrainingDivergedException when a loss is NaN or infinite (nothing is updated in that case)
     */
    public Map<String, Double> trainStep() {
        long k = step;
        RandomGenerator rng = new RandomGenerator(CounterHash.mix(cfg.seed, k));
        CycleGenerator gDs = model.densityToSubtomogram();
        CycleGenerator gSd = model.subtomogramToDensity();
        PatchCritic dA = model.subtomogramCritic();
        PatchCritic dB = model.densityCritic();
        SpectrumCritic spectrumCritic = model.subtomogramSpectrumCritic().orElse(null);
        gDs.reseed(CounterHash.mix(cfg.seed ^ 0x6473L, k));
        gSd.reseed(CounterHash.mix(cfg.seed ^ 0x7364L, k));
        Map<String, Double> out = new LinkedHashMap<>();
        try (Scope s = Scope.open()) {
            Tensor realD = data.densityBatch(0, k, rng);
            Tensor realS = data.subtomogramBatch(0, k);

            // ---- generators -------------------------------------------------------------------------------
            // the critics' weights need no gradient here (the critic update starts from zero gradients), so the
            // backward pass skips their weight-gradient convolutions
            Tensor fakeS;
            Tensor fakeD;
            setRequiresGrad(criticParameters, false);
            try {
                generatorOptimizer.zeroGrad();
                fakeS = gDs.forward(realD);
                Tensor recD = gSd.forward(cfg.cycleNoiseStd > 0
                        ? fakeS.add(Tensor.normal(rng, 0f, (float) cfg.cycleNoiseStd, fakeS.shape())) : fakeS);
                fakeD = gSd.forward(realS);
                Tensor recS = gDs.forward(fakeD);
                Tensor advA = objective.generatorLoss(dA.forward(fakeS));
                Tensor advB = objective.generatorLoss(dB.forward(fakeD));
                Tensor cycD = Losses.l1(recD, realD);
                Tensor cycS = Losses.l1(recS, realS);
                Tensor lossG = advA.add(advB).add(cycD.add(cycS).mul((float) cfg.cycleWeight));
                if (spectrumCritic != null) {
                    Tensor advSpectrum = objective.generatorLoss(spectrumCritic.forward(fakeS));
                    lossG = lossG.add(advSpectrum.mul((float) cfg.spectrumCriticWeight));
                    out.put("loss_G_adv_spectrum", (double) advSpectrum.item());
                }
                if (cfg.identityWeight > 0) {
                    Tensor idt = Losses.l1(gDs.forward(realS), realS).add(Losses.l1(gSd.forward(realD), realD));
                    lossG = lossG.add(idt.mul((float) (cfg.identityWeight * cfg.cycleWeight)));
                    out.put("loss_identity", (double) idt.item());
                }
                out.put("loss_G", (double) lossG.item());
                out.put("loss_G_adv_ds", (double) advA.item());
                out.put("loss_G_adv_sd", (double) advB.item());
                out.put("loss_cycle_d", (double) cycD.item());
                out.put("loss_cycle_s", (double) cycS.item());
                requireFinite(out, k);
                lossG.backward();
            } finally {
                setRequiresGrad(criticParameters, true);
            }
            generatorOptimizer.step();
            if (generatorAverage != null) {
                generatorAverage.update();
            }

            // ---- critics ----------------------------------------------------------------------------------
            for (int c = 0; c < cfg.criticSteps; c++) {
                Tensor rD = realD;
                Tensor rS = realS;
                Tensor fS = fakeS;
                Tensor fD = fakeD;
                if (c > 0) {
                    long draw = k * (cfg.criticSteps - 1) + c - 1;
                    rD = data.densityBatch(1, draw, rng);
                    rS = data.subtomogramBatch(1, draw);
                    Tensor inS = rD;
                    Tensor inD = rS;
                    fS = Tensor.noGrad(() -> gDs.forward(inS));
                    fD = Tensor.noGrad(() -> gSd.forward(inD));
                }
                criticOptimizer.zeroGrad();
                Tensor poolS = subtomogramPool.query(fS, rng);
                Tensor poolD = densityPool.query(fD, rng);
                Tensor onRealS = dA.forward(rS);
                Tensor onFakeS = dA.forward(poolS);
                Tensor onRealD = dB.forward(rD);
                Tensor onFakeD = dB.forward(poolD);
                Tensor lossA = objective.criticLoss(onRealS, onFakeS);
                Tensor lossB = objective.criticLoss(onRealD, onFakeD);
                out.put("loss_D_A", (double) lossA.item());
                out.put("loss_D_B", (double) lossB.item());
                out.put("wasserstein_A", (double) Reductions.mean(onRealS).sub(Reductions.mean(onFakeS)).item());
                out.put("wasserstein_B", (double) Reductions.mean(onRealD).sub(Reductions.mean(onFakeD)).item());
                Tensor lossD = lossA.add(lossB);
                if (spectrumCritic != null) {
                    Tensor lossSpectrum = objective.criticLoss(spectrumCritic.forward(rS), spectrumCritic.forward(poolS));
                    out.put("loss_D_A_spectrum", (double) lossSpectrum.item());
                    lossD = lossD.add(lossSpectrum);
                }
                if (cfg.adversarialLoss == AdversarialLoss.WGAN_GP && cfg.gpWeight > 0) {
                    Tensor gpA = GradientPenalty.wganGp(dA, rS, poolS, rng);
                    Tensor gpB = GradientPenalty.wganGp(dB, rD, poolD, rng);
                    out.put("gp_A", (double) gpA.item());
                    out.put("gp_B", (double) gpB.item());
                    lossD = lossD.add(gpA.add(gpB).mul((float) cfg.gpWeight));
                }
                if (cfg.r1Weight > 0) {
                    Tensor r1A = GradientPenalty.r1(dA, rS);
                    Tensor r1B = GradientPenalty.r1(dB, rD);
                    out.put("r1_A", (double) r1A.item());
                    out.put("r1_B", (double) r1B.item());
                    lossD = lossD.add(r1A.add(r1B).mul((float) cfg.r1Weight));
                }
                requireFinite(out, k);
                lossD.backward();
                criticOptimizer.step();
                if (cfg.weightClipping) {
                    WeightClipping.clip(dA, cfg.clipValue);
                    WeightClipping.clip(dB, cfg.clipValue);
                    if (spectrumCritic != null) {
                        WeightClipping.clip(spectrumCritic, cfg.clipValue);
                    }
                }
            }
        }
        step++;
        return out;
    }

    private static void setRequiresGrad(List<Tensor> params, boolean value) {
        for (Tensor p : params) {
            p.requiresGrad(value);
        }
    }

    private static void requireFinite(Map<String, Double> losses, long k) {
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new TrainingDivergedException("step " + (k + 1) + ": " + e.getKey() + " is " + e.getValue()
                        + " (all losses: " + losses + "); the run stops and keeps its last good checkpoint. Try a"
                        + " lower learning rate, weight clipping or spectral norm.");
            }
        }
    }

    @Override
    public void close() {
        generatorOptimizer.close();
        criticOptimizer.close();
        subtomogramPool.close();
        densityPool.close();
    }
}
