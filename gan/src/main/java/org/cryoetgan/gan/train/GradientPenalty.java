package org.cryoetgan.gan.train;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.engine.ops.Reductions;
import org.cryoetgan.nn.Module;

/**
 * Critic regularisers that contain the critic's input gradient, differentiated again through a backward pass
 * recorded with createGraph. The gradient is that of the critic's summed output map (a PatchGAN map, like
 * pix2pix/CycleGAN's {@code cal_gradient_penalty} with {@code grad_outputs = ones}), one norm per sample.
 *
 * <ul>
 *   <li>WGAN-GP (Gulrajani et al. 2017): {@code E[(‖∇D(x̂)‖₂ − 1)²]} on interpolates
 *       {@code x̂ = ε·real + (1 − ε)·fake}, ε ~ U[0, 1) per sample;</li>
 *   <li>R1 (Mescheder et al. 2018): {@code ½·E[‖∇D(real)‖₂²]}.</li>
 * </ul>
 * Both return the unweighted penalty (a one-element tensor in the graph of the critic's parameters).
 */
public final class GradientPenalty {
    /** Added under the square root so that the norm stays differentiable at a zero gradient. */
    private static final float NORM_EPS = 1e-12f;

    private GradientPenalty() {
    }

    /** The WGAN-GP penalty; ε is drawn from {@code rng} (one number per sample). */
    public static Tensor wganGp(Module critic, Tensor real, Tensor fake, RandomGenerator rng) {
        int n = real.size(0);
        int[] perSample = new int[real.rank()];
        java.util.Arrays.fill(perSample, 1);
        perSample[0] = n;
        return wganGp(critic, real, fake, Tensor.uniform(rng, 0f, 1f, perSample));
    }

    /** The WGAN-GP penalty for given interpolation weights {@code eps} (shape [N, 1, 1, 1, 1]). */
    public static Tensor wganGp(Module critic, Tensor real, Tensor fake, Tensor eps) {
        Tensor mixed = Tensor.noGrad(() -> Elementwise.add(Elementwise.mul(eps, real.sub(fake)), fake))
                .requiresGrad(true);
        Tensor norms = Elementwise.sqrt(Elementwise.affine(squaredGradientNorms(critic, mixed), 1f, NORM_EPS));
        return Reductions.mean(Elementwise.pow(Elementwise.affine(norms, 1f, -1f), 2f));
    }

    /** The R1 penalty on real samples. */
    public static Tensor r1(Module critic, Tensor real) {
        Tensor leaf = real.detach().requiresGrad(true);
        return Elementwise.affine(Reductions.mean(squaredGradientNorms(critic, leaf)), 0.5f, 0f);
    }

    /** {@code ‖∇ₓ Σ D(x)‖₂²} of every sample, shape [N], in the graph (createGraph). */
    static Tensor squaredGradientNorms(Module critic, Tensor x) {
        Tensor out = critic.forward(x);
        Tensor g = Autograd.grad(new Tensor[] {Reductions.sum(out)}, new Tensor[] {x}, null, true)[0];
        int[] axes = new int[g.rank() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return Reductions.sum(Elementwise.mul(g, g), false, axes);
    }
}
