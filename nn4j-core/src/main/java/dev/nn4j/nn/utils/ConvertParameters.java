package dev.nn4j.nn.utils;

import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattening parameters to one vector and back, as {@code torch.nn.utils.parameters_to_vector} and
 * {@code vector_to_parameters}.
 *
 * <pre>{@code
 * Tensor v = ConvertParameters.parametersToVector(model.parameters());   // 1-D, numel = total params
 * ConvertParameters.vectorToParameters(v.mul(0.5), model.parameters());
 * }</pre>
 */
public final class ConvertParameters {
    private ConvertParameters() {}

    /** The parameters flattened and concatenated into one 1-D tensor (differentiable). */
    public static Tensor parametersToVector(Iterable<Tensor> parameters) {
        List<Tensor> flat = new ArrayList<>();
        for (Tensor p : parameters) flat.add(p.reshape(-1));
        if (flat.isEmpty()) return Tensor.zeros(0);
        return Tensor.cat(flat, 0);
    }

    /**
     * Makes each parameter's data the matching slice of {@code vec} (as PyTorch's {@code param.data = ...}:
     * the parameters keep their identity and then share {@code vec}'s storage).
     */
    public static void vectorToParameters(Tensor vec, Iterable<Tensor> parameters) {
        if (vec.dim() != 1) throw new IllegalArgumentException("vectorToParameters: expected vec to be a 1-D tensor, got shape "
                + java.util.Arrays.toString(vec.shape()));
        int total = 0;
        for (Tensor p : parameters) total += p.numel();
        if (total != vec.numel()) {
            throw new IllegalArgumentException("vectorToParameters: vec has " + vec.numel() + " elements but the parameters have " + total);
        }
        int pointer = 0;
        Tensor data = vec.detach();
        for (Tensor p : parameters) {
            int n = p.numel();
            p.setData(data.narrow(0, pointer, n).view(p.shape()).to(p.dtype()));
            pointer += n;
        }
    }
}
