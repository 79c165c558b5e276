package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies log(1 / (1 + exp(-x))) elementwise, as {@code torch.nn.LogSigmoid}.
 *
 * <p>Shapes: input (*), output (*) of the same shape.
 *
 * <pre>{@code
 * Tensor y = new LogSigmoid().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class LogSigmoid extends Module {
    public LogSigmoid() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.logsigmoid(input);
    }
}
