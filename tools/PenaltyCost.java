import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.model.PatchCritic;
import org.cryoetgan.gan.train.GradientPenalty;

/**
 * Times one critic step (forward on a real and a fake batch, the WGAN loss, backward) without and with the
 * WGAN-GP penalty, and prints the ratio; tools/penalty_cost.py times the same step in PyTorch. Run from the
 * repository root after building (./mvnw -B -ntp -DskipTests package):
 *   java --add-modules jdk.incubator.vector -cp engine/target/classes:nn/target/classes:gan/target/classes \
 *       tools/PenaltyCost.java BOX WIDTH STRIDE REPEATS
 */
public class PenaltyCost {
    public static void main(String[] args) {
        int box = Integer.parseInt(args[0]);
        int width = Integer.parseInt(args[1]);
        int stride = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        RandomGenerator rng = new RandomGenerator(1);
        try (PatchCritic d = new PatchCritic(width, 3, stride, true, rng)) {
            d.train();
            Tensor real = Scope.unscoped(() -> Tensor.randn(rng, 1, 1, box, box, box));
            Tensor fake = Scope.unscoped(() -> Tensor.randn(rng, 1, 1, box, box, box));
            double plain = Double.MAX_VALUE;
            double penalised = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                plain = Math.min(plain, step(d, real, fake, rng, false));
                penalised = Math.min(penalised, step(d, real, fake, rng, true));
            }
            System.out.printf("engine %d^3 width %d stride %d: critic step %.1f ms, with WGAN-GP %.1f ms, ratio %.2f%n",
                    box, width, stride, plain * 1e3, penalised * 1e3, penalised / plain);
        }
    }

    private static double step(PatchCritic d, Tensor real, Tensor fake, RandomGenerator rng, boolean gp) {
        long t0 = System.nanoTime();
        try (Scope s = Scope.open()) {
            Tensor loss = d.forward(fake).mean().sub(d.forward(real).mean());
            if (gp) {
                loss = loss.add(GradientPenalty.wganGp(d, real, fake, rng).mul(10f));
            }
            loss.backward();
        }
        d.parameters().forEach(Tensor::zeroGrad);
        return (System.nanoTime() - t0) / 1e9;
    }
}
