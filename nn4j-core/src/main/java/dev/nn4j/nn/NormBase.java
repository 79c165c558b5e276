package dev.nn4j.nn;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.nn.init.Init;
import java.util.List;
import java.util.Map;

/**
 * What batch and instance normalization share (PyTorch's {@code _NormBase}): per-channel affine
 * parameters {@code weight} (ones) and {@code bias} (zeros) when {@code affine}, and, when
 * {@code trackRunningStats}, the buffers {@code running_mean} (zeros), {@code running_var} (ones) and
 * {@code num_batches_tracked} (int64 0). {@code momentum} null means a cumulative moving average.
 */
public abstract class NormBase extends Module {
    public final int numFeatures;
    public final double eps;
    /** The running-statistics update factor, or null for a cumulative average (1 / num_batches_tracked). */
    public final Double momentum;
    public final boolean affine;
    public final boolean trackRunningStats;
    public final Tensor weight;
    public final Tensor bias;
    public final Tensor runningMean;
    public final Tensor runningVar;
    public final Tensor numBatchesTracked;

    NormBase(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures < 0) throw new IllegalArgumentException(getName() + ": num_features must be non-negative, got " + numFeatures);
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.weight = registerParameter("weight", affine ? Parameter.of(Tensor.empty(numFeatures)) : null);
        this.bias = registerParameter("bias", affine ? Parameter.of(Tensor.empty(numFeatures)) : null);
        this.runningMean = registerBuffer("running_mean", trackRunningStats ? Tensor.zeros(numFeatures) : null);
        this.runningVar = registerBuffer("running_var", trackRunningStats ? Tensor.ones(numFeatures) : null);
        this.numBatchesTracked = registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.zeros(DType.INT64) : null);
        resetParameters();
    }

    /** Running statistics back to mean 0, variance 1, no batches seen. */
    public void resetRunningStats() {
        if (!trackRunningStats) return;
        try (var g = dev.nn4j.Autograd.noGrad()) {
            runningMean.zero_();
            runningVar.fill_(1);
            numBatchesTracked.zero_();
        }
    }

    /** Resets the running statistics and sets weight to ones, bias to zeros. */
    public void resetParameters() {
        resetRunningStats();
        if (affine) {
            Init.ones_(weight);
            Init.zeros_(bias);
        }
    }

    /** A checkpoint without {@code num_batches_tracked} (saved before PyTorch 0.4.1) loads with 0. */
    @Override
    protected void beforeLoad(Map<String, Tensor> stateDict, String prefix, List<String> errors) {
        if (trackRunningStats) stateDict.putIfAbsent(prefix + "num_batches_tracked", Tensor.zeros(DType.INT64));
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + Repr.py(eps) + ", momentum=" + (momentum == null ? "None" : Repr.py(momentum.doubleValue()))
                + ", affine=" + Repr.py(affine) + ", track_running_stats=" + Repr.py(trackRunningStats);
    }
}
