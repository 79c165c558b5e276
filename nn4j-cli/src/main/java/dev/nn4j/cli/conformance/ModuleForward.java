package dev.nn4j.cli.conformance;

import dev.nn4j.Tensor;
import dev.nn4j.nn.ConvNd;
import dev.nn4j.nn.EmbeddingBag;
import dev.nn4j.nn.MaxUnpoolNd;
import dev.nn4j.nn.RNNBase;
import dev.nn4j.nn.RNNCellBase;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.MultiheadAttention;
import dev.nn4j.nn.Transformer;
import dev.nn4j.nn.TransformerDecoder;
import dev.nn4j.nn.TransformerDecoderLayer;
import dev.nn4j.nn.TransformerEncoder;
import dev.nn4j.nn.TransformerEncoderLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Calls a module the way PyTorch's runner does ({@code m(*inputs, **forward_kwargs)}): the positional
 * tensors and the keyword arguments are laid out in the order of the module's forward signature (PyTorch
 * names), then passed to {@link Module#call(Object...)}.
 */
final class ModuleForward {
    private ModuleForward() {}

    static Object call(String name, Module m, List<Tensor> inputs, Kw kwargs) {
        if (kwargs.keys().isEmpty()) return m.call(inputs.toArray());
        List<String> sig = signature(m);
        if (sig == null) throw new UnsupportedOperationException("forward keyword arguments " + kwargs.keys() + " not supported for nn." + name);
        for (String k : kwargs.keys()) {
            if (!sig.contains(k)) throw new CaseFormatException(name + ".forward: unknown keyword argument '" + k + "'");
        }
        List<Object> args = new ArrayList<>(inputs);
        for (int i = inputs.size(); i < sig.size(); i++) {
            String k = sig.get(i);
            args.add(kwargs.keys().contains(k) ? value(kwargs, k) : DEFAULTS.contains(k) ? Boolean.TRUE : null);
        }
        while (!args.isEmpty() && args.get(args.size() - 1) == null) args.remove(args.size() - 1);
        return m.call(args.toArray());
    }

    /** Boolean forward arguments whose PyTorch default is True. */
    private static final Set<String> DEFAULTS = Set.of("need_weights", "average_attn_weights");

    private static Object value(Kw kw, String k) {
        Object v = kw.raw(k);
        if (v instanceof List<?> l && k.equals("output_size")) return l;
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Tensor) return l; // a tuple of tensors, e.g. LSTM's (h_0, c_0)
        if (v instanceof List<?>) return kw.getTensor(k);
        return v;
    }

    /** The forward parameter names after {@code self}, in PyTorch's order. */
    private static List<String> signature(Module m) {
        if (m instanceof MultiheadAttention) {
            return List.of("query", "key", "value", "key_padding_mask", "need_weights", "attn_mask", "average_attn_weights");
        }
        if (m instanceof TransformerEncoderLayer) return List.of("src", "src_mask", "src_key_padding_mask");
        if (m instanceof TransformerEncoder) return List.of("src", "mask", "src_key_padding_mask");
        if (m instanceof TransformerDecoderLayer || m instanceof TransformerDecoder) {
            return List.of("tgt", "memory", "tgt_mask", "memory_mask", "tgt_key_padding_mask", "memory_key_padding_mask");
        }
        if (m instanceof Transformer) {
            return List.of("src", "tgt", "src_mask", "tgt_mask", "memory_mask", "src_key_padding_mask", "tgt_key_padding_mask", "memory_key_padding_mask");
        }
        if (m instanceof EmbeddingBag) return List.of("input", "offsets", "per_sample_weights");
        if (m instanceof ConvNd c && c.transposed) return List.of("input", "output_size");
        if (m instanceof MaxUnpoolNd) return List.of("input", "indices", "output_size");
        if (m instanceof RNNBase || m instanceof RNNCellBase) return List.of("input", "hx");
        return null;
    }
}
