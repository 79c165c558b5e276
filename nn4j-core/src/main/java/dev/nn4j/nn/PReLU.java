package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * Applies max(0, x) + a · min(0, x) with a learnable slope {@code a}, one shared value or one per channel
 * (dim 1), as {@code torch.nn.PReLU(num_parameters=1, init=0.25)}.
 *
 * <p>Shapes: input (N, C, *) or (*), output the same. Parameter {@code weight} (num_parameters), filled
 * with {@code init}.
 *
 * <pre>{@code
 * var act = new PReLU(16);   // one slope per channel of a (N, 16, H, W) input
 * }</pre>
 */
public class PReLU extends Module {
    public final int numParameters;
    /** (num_parameters). */
    public final Tensor weight;
    private final double init;

    public PReLU() {
        this(1, 0.25);
    }

    public PReLU(int numParameters) {
        this(numParameters, 0.25);
    }

    public PReLU(int numParameters, double init) {
        if (numParameters < 1) throw new IllegalArgumentException("PReLU: num_parameters must be at least 1, got " + numParameters);
        this.numParameters = numParameters;
        this.init = init;
        this.weight = registerParameter("weight", Parameter.of(Tensor.empty(numParameters)));
        resetParameters();
    }

    /** Fills the slopes with {@code init}. */
    public void resetParameters() {
        Init.constant_(weight, init);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.prelu(input, weight);
    }

    @Override
    public String extraRepr() {
        return "num_parameters=" + numParameters;
    }
}
