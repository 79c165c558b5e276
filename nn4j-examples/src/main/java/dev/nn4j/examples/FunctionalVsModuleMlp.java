package dev.nn4j.examples;

import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;
import dev.nn4j.optim.SGD;
import java.util.List;

/**
 * Function or module? The same MLP written twice: once with {@link F} only (the caller owns the weight tensors and
 * passes them to every call), once with modules ({@link Linear} owns its weight and bias; {@link Sequential} chains
 * the layers). Seeded alike, initialized alike and trained alike, the two give bit-for-bit the same outputs: a
 * module is only a place to keep parameters, and its {@code forward} is a call into {@code F}.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... dev.nn4j.examples.FunctionalVsModuleMlp
 * </pre>
 */
public final class FunctionalVsModuleMlp {
    private FunctionalVsModuleMlp() {}

    static final int IN = 64, HIDDEN = 32, CLASSES = 10;

    /** The MLP with {@code F} only: four tensors and a pure function of (input, tensors). */
    public static final class FunctionalMlp {
        final Tensor w1, b1, w2, b2;

        /** Draws the weights exactly as {@code new Linear(in, out)} does, layer by layer: weight, then bias. */
        public FunctionalMlp(int in, int hidden, int out) {
            w1 = linearWeight(hidden, in);
            b1 = linearBias(hidden, in);
            w2 = linearWeight(out, hidden);
            b2 = linearBias(out, hidden);
        }

        private static Tensor linearWeight(int out, int in) {
            return Init.kaimingUniform_(Tensor.empty(out, in), Math.sqrt(5)).requiresGrad_();
        }

        private static Tensor linearBias(int out, int in) {
            double bound = 1 / Math.sqrt(in);
            return Init.uniform_(Tensor.empty(out), -bound, bound).requiresGrad_();
        }

        public Tensor forward(Tensor x) {
            Tensor h = F.relu(F.linear(x.flatten(1, -1), w1, b1));
            return F.linear(h, w2, b2);
        }

        public List<Tensor> parameters() {
            return List.of(w1, b1, w2, b2);
        }
    }

    /** The same MLP with modules: {@code Sequential(Flatten, Linear, ReLU, Linear)}. */
    public static Module moduleMlp(int in, int hidden, int out) {
        return new Sequential(new Flatten(), new Linear(in, hidden), new ReLU(), new Linear(hidden, out));
    }

    /** The two models' outputs on a held-out batch after training, and their final training losses. */
    public record Result(Tensor functionalOutput, Tensor moduleOutput, double functionalLoss, double moduleLoss) {
        public boolean identical() {
            return functionalOutput.equal(moduleOutput) && functionalLoss == moduleLoss;
        }
    }

    /** Builds both MLPs from {@code seed}, trains each for {@code steps} SGD steps on the same data, and evaluates both. */
    public static Result run(int steps, long seed) {
        Generator data = new Generator(seed + 1);
        Tensor x = Tensor.randn(data, 128, 1, 8, 8);            // 128 "images" of 8x8 = IN features
        Tensor y = Tensor.randint(0, CLASSES, data, 128);       // random class labels to fit
        Tensor heldOut = Tensor.randn(data, 16, 1, 8, 8);

        Nn4j.manualSeed(seed);
        FunctionalMlp f = new FunctionalMlp(IN, HIDDEN, CLASSES);
        double fLoss = train(f::forward, f.parameters(), x, y, steps);

        Nn4j.manualSeed(seed);
        Module m = moduleMlp(IN, HIDDEN, CLASSES);
        double mLoss = train(m::call, m.parameters(), x, y, steps);

        return new Result(f.forward(heldOut).detach(), m.call(heldOut).detach(), fLoss, mLoss);
    }

    private static double train(java.util.function.UnaryOperator<Tensor> model, List<Tensor> params, Tensor x, Tensor y, int steps) {
        SGD opt = new SGD(params, SGD.options().lr(0.1).momentum(0.9));
        double last = Double.NaN;
        for (int step = 0; step < steps; step++) {
            opt.zeroGrad();
            Tensor loss = F.crossEntropy(model.apply(x), y);
            loss.backward();
            opt.step();
            last = loss.item();
        }
        return last;
    }

    public static void main(String[] args) {
        Result r = run(100, 42);
        System.out.printf("functional MLP: final training loss %.6f%n", r.functionalLoss());
        System.out.printf("module MLP:     final training loss %.6f%n", r.moduleLoss());
        System.out.println("held-out logits, functional (first row): " + r.functionalOutput().select(0, 0));
        System.out.println("held-out logits, module     (first row): " + r.moduleOutput().select(0, 0));
        System.out.println("identical outputs: " + r.identical());
    }
}
