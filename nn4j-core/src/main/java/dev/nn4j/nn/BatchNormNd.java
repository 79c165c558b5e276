package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Batch normalization (PyTorch's {@code _BatchNorm}): y = (x - E[x]) / √(Var[x] + ε) · γ + β per channel.
 * In training the batch statistics are used and the running ones updated
 * ({@code running = (1 - momentum) · running + momentum · batch}, unbiased variance; with momentum null
 * the factor is 1 / num_batches_tracked); in evaluation the running statistics are used, or the batch's
 * when the module does not track them.
 */
public abstract class BatchNormNd extends NormBase {
    BatchNormNd(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    /** Throws the module's error for an input of the wrong rank. */
    abstract void checkInputDim(Tensor input);

    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = momentum == null ? 0.0 : momentum;
        if (training && trackRunningStats && numBatchesTracked != null) {
            numBatchesTracked.add_(1);
            factor = momentum == null ? 1.0 / numBatchesTracked.item() : momentum;
        }
        boolean bnTraining = training || (runningMean == null && runningVar == null);
        boolean passStats = !training || trackRunningStats;
        return F.batchNorm(input, passStats ? runningMean : null, passStats ? runningVar : null, weight, bias, bnTraining, factor, eps);
    }
}
