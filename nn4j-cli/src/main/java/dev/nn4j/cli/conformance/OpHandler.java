package dev.nn4j.cli.conformance;

import dev.nn4j.Tensor;
import java.util.Map;

/**
 * Runs one tensor or functional op of a conformance case: {@code inputs} are the case's tensors by their
 * PyTorch parameter names (floating ones already require grad when the case has gradients for them),
 * {@code args} its non-tensor arguments. Returns a {@link Tensor}, or a {@code Tensor[]} / {@code List<Tensor>}
 * for ops with several outputs, in PyTorch's order.
 */
@FunctionalInterface
public interface OpHandler {
    Object apply(Map<String, Tensor> inputs, Args args);
}
