package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * Applies {@code y = x Wᵀ + b}, as {@code torch.nn.Linear}.
 *
 * <p>Shapes: input (*, in_features), output (*, out_features). Parameters: {@code weight}
 * (out_features, in_features) and {@code bias} (out_features), both initialized from
 * U(-1/√in_features, 1/√in_features) ({@code kaiming_uniform_(a=√5)} for the weight).
 *
 * <pre>{@code
 * var fc = new Linear(20, 30);
 * Tensor y = fc.forward(Tensor.randn(128, 20));   // (128, 30)
 * }</pre>
 */
public class Linear extends Module {
    public final int inFeatures;
    public final int outFeatures;
    /** (out_features, in_features). */
    public final Tensor weight;
    /** (out_features), or null when built with {@code bias = false}. */
    public final Tensor bias;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear: in_features and out_features must be non-negative, got " + inFeatures + ", " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Parameter.of(Tensor.empty(outFeatures, inFeatures)));
        this.bias = registerParameter("bias", bias ? Parameter.of(Tensor.empty(outFeatures)) : null);
        resetParameters();
    }

    /** Re-draws the weight with {@code kaiming_uniform_(a=√5)} and the bias from U(±1/√fan_in). */
    public void resetParameters() {
        Init.kaimingUniform_(weight, Math.sqrt(5));
        if (bias != null) {
            int fanIn = weight.dim() >= 2 ? Init.calculateFanInAndFanOut(weight)[0] : 0;
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias, -bound, bound);
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight, bias);
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Repr.py(bias != null);
    }
}
