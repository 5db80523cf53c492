package org.cryoetgan.gan.classify;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.init.Init;
import org.cryoetgan.nn.init.ModuleInit;
import org.cryoetgan.nn.layers.BatchNorm3d;
import org.cryoetgan.nn.layers.Conv3d;
import org.cryoetgan.nn.layers.Dropout;
import org.cryoetgan.nn.layers.Flatten;
import org.cryoetgan.nn.layers.Linear;
import org.cryoetgan.nn.layers.MaxPool3d;
import org.cryoetgan.nn.layers.ReLU;
import org.cryoetgan.nn.layers.Sequential;

/**
 * The CB3D subtomogram classifier (see {@link Cb3dArchitecture}). Input N×1×n×n×n, output class scores
 * (logits) N×classes. {@link #pass} also returns the fc6 activations (after ReLU, before dropout), which serve as
 * the embedding for FID and precision/recall/density/coverage, as Inception's pool features do for images.
 *
 * <p>Deliberate deviation from the paper: by default ({@link Cb3dArchitecture#batchNorm()}) every convolution
 * is followed by batch normalisation before its ReLU (and has no bias of its own). Che et al.'s network has none,
 * and with their optimiser (Nesterov SGD at 0.005) it does not learn on 28³ subtomograms (measured on simulated
 * and on RELION-made ones): within the first ~20 steps the class scores stop depending on the input (their
 * spread across a batch falls from 1.7 to 0.05, half of fc6's units die), and the loss stays at ln(classes).
 * The convolutions' gradients are 1–3 times
 * their weights' norm at initialisation (a 3³ kernel sums over 28³ positions), so the first momentum steps move
 * the weights by a large fraction of themselves; batch normalisation makes each layer's output independent of
 * its weights' scale, and the same optimiser then learns. With {@code batchNorm} off the network is the paper's.
 *
 * <p>Weights are He-initialised (normal, ReLU gain) with zero biases, the usual choice for a deep ReLU stack
 * (Che et al. do not state theirs). The fan-in of a convolution counts only the taps
 * that can touch the volume: once pooling has shrunk it below 3 voxels (stage 5 at 28³, stages 4–5 at 12³) a
 * padded 3³ kernel sees 2³ or 1³ of its taps, and initialising by the full 27 shrinks the signal by √27 per layer
 * until the class scores are constant and training stalls at loss ln 2.
 *
 * <p>State names: {@code conv.*} (the convolution stack), {@code fc6.*}, {@code fc7.*}, {@code out.*}.
 */
public final class Cb3d extends Module {
    private final Cb3dArchitecture arch;
    private final Sequential conv;
    private final Linear fc6;
    private final Sequential head;

    /** The activations of one forward pass. */
    public record Pass(Tensor fc6, Tensor logits) {
    }

    public Cb3d(Cb3dArchitecture arch, RandomGenerator rng) {
        this.arch = arch;
        Sequential stack = new Sequential();
        int in = 1;
        int size = arch.inputSize();
        for (Cb3dArchitecture.Stage s : arch.stages()) {
            for (int i = 0; i < s.convolutions(); i++) {
                Conv3d conv = new Conv3d(in, s.channels(), 3, 1, 1, !arch.batchNorm(), rng);
                int taps = Math.min(3, size);
                Init.normal(conv.weight(), 0, Math.sqrt(2.0 / (in * taps * taps * taps)), rng);
                if (conv.bias() != null) {
                    Init.zeros(conv.bias());
                }
                stack.add(conv);
                if (arch.batchNorm()) {
                    stack.add(new BatchNorm3d(s.channels()));
                }
                stack.add(new ReLU());
                in = s.channels();
            }
            if (s.pooled()) {
                stack.add(new MaxPool3d(2, 2));
                size /= 2;
            }
        }
        stack.add(new Flatten());
        this.conv = registerModule("conv", stack);
        this.fc6 = registerModule("fc6", new Linear(arch.flattenedFeatures(), arch.fcWidth(), true, rng));
        float p = (float) arch.dropout();
        Sequential rest = new Sequential(new Dropout(p, rng.fork()),
                new Linear(arch.fcWidth(), arch.fcWidth(), true, rng), new ReLU(), new Dropout(p, rng.fork()),
                new Linear(arch.fcWidth(), arch.classes(), true, rng));
        this.head = registerModule("head", rest);
        ModuleInit.kaiming(fc6, rng);
        ModuleInit.kaiming(head, rng);
    }

    public Cb3dArchitecture architecture() {
        return arch;
    }

    /** Class scores (logits) of a batch N×1×n×n×n. */
    @Override
    public Tensor forward(Tensor input) {
        return pass(input).logits();
    }

    /** fc6 activations and class scores of a batch in one pass. */
    public Pass pass(Tensor input) {
        int n = arch.inputSize();
        if (input.rank() != 5 || input.size(1) != 1 || input.size(2) != n || input.size(3) != n
                || input.size(4) != n) {
            throw new IllegalArgumentException("the classifier expects N×1×" + n + "×" + n + "×" + n
                    + " volumes, got " + java.util.Arrays.toString(input.shape()));
        }
        Tensor features = fc6.forward(conv.forward(input)).relu();
        return new Pass(features, head.forward(features));
    }
}
