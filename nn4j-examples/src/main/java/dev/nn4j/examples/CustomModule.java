package dev.nn4j.examples;

import dev.nn4j.Autograd;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.Dropout;
import dev.nn4j.nn.LayerNorm;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.Parameter;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.functional.F;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A custom {@link Module}: a pre-norm residual MLP block {@code y = x + γ ⊙ fc2(dropout(gelu(fc1(norm(x)))))}
 * with its own parameter γ ("layer scale") next to three child modules. Shows what a module gives over plain
 * functions: registered parameters and children (found by the optimizer, named in the state dict), train/eval
 * behaviour (dropout), composition in {@link Sequential}, {@code toString} and saving/loading by name.
 */
public final class CustomModule {
    private CustomModule() {}

    /** The block; every sub-layer is registered, so {@code parameters()} and {@code stateDict()} see it. */
    public static final class ResidualBlock extends Module {
        public final LayerNorm norm;
        public final Linear fc1, fc2;
        public final Dropout dropout;
        /** γ, one scale per feature, starting small so the block starts near the identity. */
        public final Tensor layerScale;

        public ResidualBlock(int dim, int hidden, double p) {
            norm = registerModule("norm", new LayerNorm(dim));
            fc1 = registerModule("fc1", new Linear(dim, hidden));
            dropout = registerModule("dropout", new Dropout(p));
            fc2 = registerModule("fc2", new Linear(hidden, dim));
            layerScale = registerParameter("layer_scale", Parameter.of(Tensor.full(new int[] {dim}, 0.1)));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor h = fc2.call(dropout.call(F.gelu(fc1.call(norm.call(x)))));
            return x.add(h.mul(layerScale));
        }

        @Override
        public String extraRepr() {
            return "dim=" + layerScale.shape()[0];
        }
    }

    /** Two blocks and a classifier head, composed like any built-in layers. */
    public static Sequential model(int dim, int hidden, int classes, double p) {
        return new Sequential(new ResidualBlock(dim, hidden, p), new ResidualBlock(dim, hidden, p), new Linear(dim, classes));
    }

    /** What the example observes; the tests assert on it. */
    public record Result(Map<String, Tensor> stateDict, String repr, long parameterCount, boolean trainModeIsStochastic,
                         boolean evalModeIsDeterministic, boolean everyParameterGetsAGradient, boolean reloadedOutputsEqual) {}

    public static Result run(Path scratchDir) {
        Nn4j.manualSeed(7);
        Sequential net = model(16, 32, 4, 0.5);
        Tensor x = Tensor.randn(8, 16);

        net.train();                                   // dropout active: two calls draw two masks
        boolean stochastic = !net.call(x).equal(net.call(x));
        net.eval();                                    // dropout is the identity
        Tensor evalOut;
        boolean deterministic;
        try (var g = Autograd.noGrad()) {
            evalOut = net.call(x);
            deterministic = evalOut.equal(net.call(x));
        }

        net.train();
        net.zeroGrad();
        F.crossEntropy(net.call(x), Tensor.of(0L, 1L, 2L, 3L, 0L, 1L, 2L, 3L)).backward();
        boolean allGrads = net.parameters().stream().allMatch(p -> p.grad() != null && p.grad().abs().sum().item() > 0);

        // save by name, load into a freshly initialized model: the same outputs
        Path file = scratchDir.resolve("residual.safetensors");
        Nn4j.save(net.stateDict(), file);
        Nn4j.manualSeed(99);
        Sequential copy = model(16, 32, 4, 0.5);
        copy.loadStateDict(Nn4j.load(file));
        copy.eval();
        boolean reloaded;
        try (var g = Autograd.noGrad()) {
            reloaded = copy.call(x).equal(evalOut);
        }
        long count = net.parameters().stream().mapToLong(Tensor::numel).sum();
        return new Result(net.stateDict(), net.toString(), count, stochastic, deterministic, allGrads, reloaded);
    }

    public static void main(String[] args) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("nn4j-custom-module");
        Result r = run(dir);
        System.out.println(r.repr());
        System.out.println("state dict keys: " + r.stateDict().keySet());
        System.out.printf(Locale.ROOT, "%d parameters%n", r.parameterCount());
        System.out.println("train mode is stochastic (dropout): " + r.trainModeIsStochastic());
        System.out.println("eval mode is deterministic: " + r.evalModeIsDeterministic());
        System.out.println("every parameter gets a gradient: " + r.everyParameterGetsAGradient());
        System.out.println("saved, reloaded into a fresh model, same outputs: " + r.reloadedOutputsEqual());
    }
}
