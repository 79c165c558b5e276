package dev.nn4j.nn;

import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Holds parameters in a list, registered as {@code "0", "1", ...}, as {@code torch.nn.ParameterList}.
 * A tensor that is not already a parameter (a leaf requiring grad) is wrapped with {@link Parameter#of}.
 *
 * <pre>{@code
 * var ws = new ParameterList(List.of(Tensor.randn(3, 3), Tensor.randn(3, 3)));
 * Tensor y = x.matmul(ws.get(0));
 * }</pre>
 */
public class ParameterList extends Module implements Iterable<Tensor> {
    public ParameterList() {}

    public ParameterList(Iterable<Tensor> values) {
        extend(values);
    }

    static Tensor asParameter(Tensor t) {
        return t.isLeaf() && t.requiresGrad() ? t : Parameter.of(t);
    }

    public int size() {
        return parameterMap().size();
    }

    private String key(int idx) {
        int n = size();
        if (idx < -n || idx >= n) throw new IndexOutOfBoundsException("ParameterList: index " + idx + " is out of range for " + n + " parameters");
        return Integer.toString(idx < 0 ? idx + n : idx);
    }

    public Tensor get(int idx) {
        return parameterMap().get(key(idx));
    }

    /** Replaces the parameter at {@code idx}. */
    public void set(int idx, Tensor value) {
        String k = key(idx);
        parameterMap().put(k, asParameter(value));
    }

    public ParameterList append(Tensor value) {
        registerParameter(Integer.toString(size()), asParameter(value));
        return this;
    }

    public ParameterList extend(Iterable<Tensor> values) {
        for (Tensor t : values) append(t);
        return this;
    }

    @Override
    public Iterator<Tensor> iterator() {
        List<Tensor> l = new ArrayList<>(parameterMap().values());
        return l.iterator();
    }

    @Override
    public String extraRepr() {
        StringJoiner j = new StringJoiner("\n");
        int k = 0;
        for (Tensor p : this) j.add("  (" + k++ + "): " + describe(p, p.dtype().toString()));
        return j.toString();
    }

    static String describe(Tensor p, String typeName) {
        StringJoiner size = new StringJoiner("x");
        for (int s : p.shape()) size.add(Integer.toString(s));
        return "Parameter containing: [" + typeName + " of size " + size + "]";
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        throw new UnsupportedOperationException("ParameterList should not be called.");
    }
}
