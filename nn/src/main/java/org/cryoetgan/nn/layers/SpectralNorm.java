package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.engine.ops.Movement;
import org.cryoetgan.nn.Module;

/**
 * Spectral normalisation of a convolution or linear layer, with the semantics of PyTorch's
 * {@code torch.nn.utils.spectral_norm}: the weight is viewed as a matrix W of shape C_out × rest (the output
 * axis first; axis 1 for transposed convolutions), and the layer runs with {@code W / σ}, σ = uᵀ W v.
 *
 * <p>In training mode every forward pass first runs power iterations under no-grad,
 * {@code v = normalize(Wᵀu)}, {@code u = normalize(Wv)}, updating the buffers; in evaluation mode the stored
 * u and v are used unchanged. The gradient flows through σ and W (u and v are constants of the graph, copied
 * so that later updates do not alter a pending backward pass). {@code normalize(x) = x / max(‖x‖, eps)}.
 *
 * <p>State names follow PyTorch: the wrapped layer's weight becomes {@code weight_orig}, u and v are buffers
 * {@code weight_u} and {@code weight_v}, and the layer's bias keeps its name (the layer is an inlined child).
 */
public final class SpectralNorm extends Module {
    /** PyTorch's default eps. */
    public static final float DEFAULT_EPS = 1e-12f;

    private final WeightedLayer layer;
    private final Tensor weightOrig;
    private final Tensor u;
    private final Tensor v;
    private final int powerIterations;
    private final float eps;
    private final int rows;
    private final int cols;

    /** One power iteration per training forward, eps 1e-12; u and v start as normalised N(0,1) draws. */
    public SpectralNorm(WeightedLayer layer, RandomGenerator rng) {
        this(layer, 1, DEFAULT_EPS, rng);
    }

    public SpectralNorm(WeightedLayer layer, int powerIterations, float eps, RandomGenerator rng) {
        if (powerIterations < 0) {
            throw new IllegalArgumentException("powerIterations must be >= 0");
        }
        this.layer = layer;
        this.powerIterations = powerIterations;
        this.eps = eps;
        this.weightOrig = registerParameter("weight_orig", layer.releaseWeight());
        this.rows = weightOrig.size(layer.outputAxis());
        this.cols = (int) (weightOrig.numel() / rows);
        registerInlined(layer);
        this.u = registerBuffer("weight_u", Scope.unscoped(() -> normalizedNormal(rng, rows)));
        this.v = registerBuffer("weight_v", Scope.unscoped(() -> normalizedNormal(rng, cols)));
    }

    private Tensor normalizedNormal(RandomGenerator rng, int n) {
        try (GradMode g = GradMode.disable(); Scope s = Scope.open()) {
            Tensor x = normalize(Tensor.randn(rng, n));
            return Movement.contiguousCopy(x).escape();
        }
    }

    /** The wrapped layer. */
    public WeightedLayer layer() {
        return layer;
    }

    /** The current left singular vector estimate (live buffer). */
    public Tensor u() {
        return u;
    }

    /** The current right singular vector estimate (live buffer). */
    public Tensor v() {
        return v;
    }

    @Override
    public Tensor forward(Tensor input) {
        return layer.forwardWith(input, normalizedWeight());
    }

    /**
     * {@code W / σ}, running the power iterations first in training mode. Recorded in the graph: its gradient
     * reaches {@code weight_orig} through both W and σ.
     */
    public Tensor normalizedWeight() {
        Tensor mat = weightMatrix();
        if (isTraining()) {
            powerIterate(mat);
        }
        Tensor sigma = sigma(mat);
        return weightOrig.div(sigma);
    }

    /** σ = uᵀ W v with the current buffers, as a plain number (no graph, no update). */
    public float currentSigma() {
        try (GradMode g = GradMode.disable(); Scope s = Scope.open()) {
            return sigma(weightMatrix()).item();
        }
    }

    private Tensor weightMatrix() {
        Tensor w = layer.outputAxis() == 0 ? weightOrig : weightOrig.transpose(0, layer.outputAxis());
        return w.reshape(rows, cols);
    }

    private void powerIterate(Tensor mat) {
        try (GradMode g = GradMode.disable(); Scope s = Scope.open()) {
            Tensor matT = mat.transpose(0, 1);
            for (int i = 0; i < powerIterations; i++) {
                Elementwise.copyInto(v, normalize(matT.matmul(u.reshape(rows, 1))).reshape(cols));
                Elementwise.copyInto(u, normalize(mat.matmul(v.reshape(cols, 1))).reshape(rows));
            }
        }
    }

    private Tensor sigma(Tensor mat) {
        Tensor uc;
        Tensor vc;
        try (GradMode g = GradMode.disable()) {
            uc = Movement.contiguousCopy(u).reshape(rows, 1);
            vc = Movement.contiguousCopy(v).reshape(cols, 1);
        }
        return uc.mul(mat.matmul(vc)).sum();
    }

    private Tensor normalize(Tensor x) {
        Tensor norm = x.mul(x).sum().sqrt().clamp(eps, Float.MAX_VALUE);
        return x.div(norm);
    }

    @Override
    public String toString() {
        return "SpectralNorm(" + layer + ")";
    }
}
