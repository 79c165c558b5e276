package dev.nn4j.autograd;

import dev.nn4j.DType;
import dev.nn4j.Tensor;

/**
 * One recorded differentiable operation: where its gradient goes (the producers of its inputs, or the
 * leaf tensors themselves) and how to compute it ({@link Backward}, written next to the op's forward).
 */
public final class Node {
    /** Maps the gradient of the op's output to the gradients of its inputs (null where none is needed). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOutput);
    }

    private final String name;
    final Node[] nextNodes;
    final Tensor[] nextLeaves;
    final int[][] inputShapes;
    final DType[] inputDtypes;
    Backward backward;
    Tensor[] saved;
    int[] savedVersions;
    final Throwable creationTrace;
    /** Whether anomaly mode, when this node was created, also flags infinite gradients. */
    final boolean anomalyChecksInf;
    Tensor retainTarget;

    public Node(String name, Tensor[] inputs, Tensor[] saved, Backward backward) {
        this.name = name;
        int n = inputs.length;
        nextNodes = new Node[n];
        nextLeaves = new Tensor[n];
        inputShapes = new int[n][];
        inputDtypes = new DType[n];
        for (int i = 0; i < n; i++) {
            Tensor t = inputs[i];
            if (t == null || !t.requiresGrad()) continue;
            inputShapes[i] = t.shape();
            inputDtypes[i] = t.dtype();
            if (t.gradFn() != null) nextNodes[i] = t.gradFn();
            else nextLeaves[i] = t;
        }
        this.backward = backward;
        this.saved = saved;
        if (saved != null) {
            savedVersions = new int[saved.length];
            for (int i = 0; i < saved.length; i++) savedVersions[i] = saved[i] == null ? 0 : saved[i].version();
        }
        creationTrace = GradMode.isAnomalyEnabled() ? new Throwable("forward of " + name) : null;
        anomalyChecksInf = GradMode.anomalyMode() == GradMode.ANOMALY_NAN_INF;
    }

    /** PyTorch's name for this node, e.g. {@code MulBackward0}. */
    public String name() {
        return name;
    }

    /** Asks the engine to store the gradient reaching this node's output into {@code t.grad()}. */
    public void retainGradFor(Tensor t) {
        retainTarget = t;
    }

    void release() {
        backward = null;
        saved = null;
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
