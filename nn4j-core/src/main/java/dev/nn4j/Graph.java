package dev.nn4j;

import dev.nn4j.autograd.GradMode;
import dev.nn4j.autograd.Node;

/** Attaches autograd nodes to op results. Every differentiable op ends in one of these calls. */
final class Graph {
    private Graph() {}

    static boolean needsGrad(Tensor... inputs) {
        if (!GradMode.isEnabled()) return false;
        boolean needed = false;
        for (Tensor t : inputs) {
            if (t == null) continue;
            if (t.base != null) InPlace.refreshView(t);
            needed |= t.requiresGrad;
        }
        return needed;
    }

    /** Records {@code out = op(inputs)} whose backward needs no saved tensors beyond what the closure holds. */
    static Tensor record(String name, Tensor out, Tensor[] inputs, Node.Backward backward) {
        return record(name, out, inputs, null, backward);
    }

    /**
     * Records {@code out = op(inputs)}; {@code saved} are the tensors the backward reads, checked
     * against in-place modification before it runs.
     */
    static Tensor record(String name, Tensor out, Tensor[] inputs, Tensor[] saved, Node.Backward backward) {
        if (!needsGrad(inputs)) return out;
        out.gradFn = new Node(name, inputs, saved, backward);
        out.requiresGrad = true;
        return out;
    }

    static Tensor record(String name, Tensor out, Tensor input, Node.Backward backward) {
        return record(name, out, new Tensor[] {input}, null, backward);
    }
}
