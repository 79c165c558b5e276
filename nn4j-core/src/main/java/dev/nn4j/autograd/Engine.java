package dev.nn4j.autograd;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Reverse-mode differentiation over the recorded graph, in dependency order (Kahn's algorithm). */
public final class Engine {
    private Engine() {}

    /**
     * Back-propagates {@code grads} from {@code outputs}. With {@code inputs == null} gradients accumulate
     * into the leaves' {@code .grad} ({@code backward()}); otherwise they are returned for {@code inputs}
     * and no {@code .grad} is touched ({@code autograd.grad}).
     */
    public static Tensor[] run(List<Tensor> outputs, List<Tensor> grads, boolean retainGraph, List<Tensor> inputs) {
        // gradients whose storage is created after this point were computed by this backward
        long firstSerial = dev.nn4j.internal.Storage.nextSerial();
        java.util.Set<Object> handedOut = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Node, Tensor> nodeGrads = new IdentityHashMap<>();
        Map<Tensor, Tensor> captured = new IdentityHashMap<>();
        Map<Node, List<Tensor>> captureAtNode = new IdentityHashMap<>();
        if (inputs != null) {
            for (Tensor in : inputs) {
                if (!in.requiresGrad()) {
                    throw new IllegalArgumentException("grad: one of the differentiated Tensors does not require grad");
                }
                if (in.gradFn() != null) captureAtNode.computeIfAbsent(in.gradFn(), k -> new ArrayList<>()).add(in);
            }
        }
        List<Node> roots = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            Tensor g = grads.get(i);
            if (!out.requiresGrad()) {
                throw new IllegalStateException("element " + i + " of tensors does not require grad and does not have a grad_fn");
            }
            if (out.gradFn() == null) {
                deliverToLeaf(out, g, inputs, captured, firstSerial, handedOut);
                continue;
            }
            nodeGrads.merge(out.gradFn(), g, Tensor::add);
            roots.add(out.gradFn());
        }
        // count, for every reachable node, how many edges lead into it
        Map<Node, int[]> deps = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        for (Node r : roots) {
            if (deps.putIfAbsent(r, new int[1]) == null) stack.push(r);
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Node next : n.nextNodes) {
                if (next == null) continue;
                int[] d = deps.get(next);
                if (d == null) {
                    deps.put(next, new int[] {1});
                    stack.push(next);
                } else {
                    d[0]++;
                }
            }
        }
        ArrayDeque<Node> ready = new ArrayDeque<>();
        for (Node r : roots) {
            int[] d = deps.get(r);
            if (d[0] == 0) {
                d[0] = -1;
                ready.add(r);
            }
        }
        boolean prev = GradMode.set(false);
        try {
            while (!ready.isEmpty()) {
                Node n = ready.poll();
                Tensor g = nodeGrads.remove(n);
                if (g != null) {
                    List<Tensor> cap = captureAtNode.get(n);
                    if (cap != null) for (Tensor t : cap) captured.merge(t, g, Tensor::add);
                    if (n.retainTarget != null && inputs == null) {
                        Tensor t = n.retainTarget;
                        t.setGrad(t.grad() == null ? g.clone() : t.grad().add(g));
                    }
                    Tensor[] res = apply(n, g);
                    if (!retainGraph) n.release();
                    for (int i = 0; i < n.nextNodes.length; i++) {
                        Tensor gi = i < res.length ? res[i] : null;
                        if (gi == null || n.inputShapes[i] == null) continue;
                        gi = fitShape(n, i, gi);
                        if (n.nextNodes[i] != null) nodeGrads.merge(n.nextNodes[i], gi, Tensor::add);
                        else if (n.nextLeaves[i] != null) deliverToLeaf(n.nextLeaves[i], gi, inputs, captured, firstSerial, handedOut);
                    }
                } else if (!retainGraph) {
                    n.release();
                }
                for (Node next : n.nextNodes) {
                    if (next == null) continue;
                    int[] d = deps.get(next);
                    if (--d[0] == 0) ready.add(next);
                }
            }
        } finally {
            GradMode.set(prev);
        }
        if (inputs == null) return null;
        Tensor[] result = new Tensor[inputs.size()];
        for (int i = 0; i < result.length; i++) result[i] = captured.get(inputs.get(i));
        return result;
    }

    private static Tensor[] apply(Node n, Tensor g) {
        if (n.backward == null) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access saved "
                    + "tensors after they have already been freed). Saved intermediate values of the graph are freed "
                    + "when you call .backward() or autograd.grad(). Specify retainGraph=true if you need to backward "
                    + "through the graph a second time (node " + n.name() + ")");
        }
        if (n.saved != null) {
            for (int i = 0; i < n.saved.length; i++) {
                Tensor s = n.saved[i];
                if (s != null && s.version() != n.savedVersions[i]) {
                    throw new IllegalStateException("one of the variables needed for gradient computation has been "
                            + "modified by an inplace operation: [" + s.dtype() + " " + Shapes.str(s.shape())
                            + "], which is saved by " + n.name() + ", is at version " + s.version()
                            + "; expected version " + n.savedVersions[i] + " instead.");
                }
            }
        }
        Tensor[] res = n.backward.apply(g);
        if (n.creationTrace != null) {
            for (int i = 0; i < res.length; i++) {
                if (res[i] == null || !res[i].dtype().isFloatingPoint()) continue;
                String bad = res[i].isnan().any().item() != 0 ? "nan"
                        : n.anomalyChecksInf && res[i].isinf().any().item() != 0 ? "inf" : null;
                if (bad != null) {
                    throw new IllegalStateException("Function '" + n.name() + "' returned " + bad + " values in its " + i
                            + "th output.", n.creationTrace);
                }
            }
        }
        return res;
    }

    /** The gradient for input i in that input's shape and dtype (PyTorch's validate_outputs). */
    private static Tensor fitShape(Node n, int i, Tensor g) {
        int[] want = n.inputShapes[i];
        if (!Arrays.equals(g.shape(), want)) g = g.sumToSize(want);
        if (g.dtype() != n.inputDtypes[i]) g = g.to(n.inputDtypes[i]);
        return g;
    }

    private static void deliverToLeaf(Tensor leaf, Tensor g, List<Tensor> inputs, Map<Tensor, Tensor> captured,
                                      long firstSerial, java.util.Set<Object> handedOut) {
        if (inputs != null) {
            for (Tensor in : inputs) {
                if (in == leaf) captured.merge(leaf, g, Tensor::add);
            }
            return;
        }
        if (g.dtype() != leaf.dtype()) g = g.to(leaf.dtype());
        if (leaf.grad() != null) {
            leaf.setGrad(leaf.grad().add(g));
        } else if (owned(g, firstSerial) && handedOut.add(g.storage())) {
            // computed by this backward, not a view, and not given to another leaf: .grad may take it as is
            // (PyTorch steals such a buffer too); every later accumulation allocates, so nothing else sees a change
            leaf.setGrad(g);
        } else {
            // gradients flowing in may alias each other (add's backward passes g twice) or the caller's tensors
            leaf.setGrad(g.clone());
        }
    }

    private static boolean owned(Tensor g, long firstSerial) {
        return g.storage().serial() >= firstSerial && g.storageOffset() == 0 && g.isContiguous()
                && g.storage().size() == g.numel() && g.gradFn() == null && !g.requiresGrad();
    }
}
