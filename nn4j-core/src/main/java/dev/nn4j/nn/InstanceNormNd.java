package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Instance normalization (PyTorch's {@code _InstanceNorm}): every (sample, channel) slice normalized by its
 * own statistics; with {@code trackRunningStats} the running averages are updated in training and used in
 * evaluation. An input without a batch dim is treated as a batch of one.
 */
public abstract class InstanceNormNd extends NormBase {
    InstanceNormNd(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    abstract void checkInputDim(Tensor input);

    /** The rank of an input without batch dim. */
    abstract int noBatchDim();

    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        int featureDim = input.dim() - noBatchDim();
        if (input.size(featureDim) != numFeatures && affine) {
            throw new IllegalArgumentException(getName() + ": expected input's size at dim=" + featureDim + " to match num_features ("
                    + numFeatures + "), but got: " + input.size(featureDim) + ".");
        }
        boolean useInputStats = training || !trackRunningStats;
        if (momentum == null && trackRunningStats && useInputStats) {
            throw new IllegalArgumentException(getName() + ": momentum=None (cumulative average) is not supported by instance norm");
        }
        double m = momentum == null ? 0.0 : momentum;
        if (input.dim() == noBatchDim()) {
            return F.instanceNorm(input.unsqueeze(0), runningMean, runningVar, weight, bias, useInputStats, m, eps).squeeze(0);
        }
        return F.instanceNorm(input, runningMean, runningVar, weight, bias, useInputStats, m, eps);
    }

    /** Running-stat entries for a module that does not track them come from pre-0.4 checkpoints: PyTorch rejects them. */
    @Override
    protected void beforeLoad(Map<String, Tensor> stateDict, String prefix, List<String> errors) {
        super.beforeLoad(stateDict, prefix, errors);
        if (trackRunningStats) return;
        List<String> keys = new ArrayList<>();
        for (String name : List.of("running_mean", "running_var")) if (stateDict.containsKey(prefix + name)) keys.add(prefix + name);
        if (keys.isEmpty()) return;
        List<String> quoted = new ArrayList<>();
        for (String k : keys) quoted.add("\"" + k + "\"");
        String klass = getName();
        errors.add("Unexpected running stats buffer(s) " + String.join(" and ", quoted) + " for " + klass
                + " with track_running_stats=False. If state_dict is a checkpoint saved before 0.4.0, this may be expected because "
                + klass + " does not track running stats by default since 0.4.0. Please remove these keys from state_dict. If the running "
                + "stats are actually needed, instead set track_running_stats=True in " + klass + " to enable them. See the documentation of "
                + klass + " for details.");
        for (String k : keys) stateDict.remove(k);
    }
}
