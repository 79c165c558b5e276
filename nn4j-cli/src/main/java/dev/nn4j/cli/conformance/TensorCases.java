package dev.nn4j.cli.conformance;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Conformance mappings of kind "tensor": {@code torch.<op>} / {@code Tensor.<op>} with PyTorch's parameter
 * names and defaults (the reference runner calls {@code getattr(torch, op)(**inputs, **args)} except for the
 * few ops of its TENSOR table, whose conventions are mirrored here: {@code reshape} transposes dims 0 and 1
 * first, {@code cat}/{@code stack}/{@code einsum} take their tensors in input order).
 */
final class TensorCases {
    private TensorCases() {}

    static void register(Registry r) {
        registerElementwise(r);
        registerReductions(r);
        registerShapes(r);
        registerIndexing(r);
        registerLinAlg(r);
    }

    // ---------------------------------------------------------------- elementwise

    private static void registerElementwise(Registry r) {
        unary(r, "neg", Tensor::neg);
        unary(r, "negative", Tensor::neg);
        unary(r, "abs", Tensor::abs);
        unary(r, "exp", Tensor::exp);
        unary(r, "expm1", Tensor::expm1);
        unary(r, "log", Tensor::log);
        unary(r, "log1p", Tensor::log1p);
        unary(r, "log2", Tensor::log2);
        unary(r, "log10", Tensor::log10);
        unary(r, "sqrt", Tensor::sqrt);
        unary(r, "rsqrt", Tensor::rsqrt);
        unary(r, "square", Tensor::square);
        unary(r, "reciprocal", Tensor::reciprocal);
        unary(r, "sin", Tensor::sin);
        unary(r, "cos", Tensor::cos);
        unary(r, "tan", Tensor::tan);
        unary(r, "asin", Tensor::asin);
        unary(r, "acos", Tensor::acos);
        unary(r, "atan", Tensor::atan);
        unary(r, "sinh", Tensor::sinh);
        unary(r, "cosh", Tensor::cosh);
        unary(r, "tanh", Tensor::tanh);
        unary(r, "sigmoid", Tensor::sigmoid);
        unary(r, "relu", Tensor::relu);
        unary(r, "sign", Tensor::sign);
        unary(r, "floor", Tensor::floor);
        unary(r, "ceil", Tensor::ceil);
        unary(r, "round", Tensor::round);
        unary(r, "trunc", Tensor::trunc);
        unary(r, "frac", Tensor::frac);
        unary(r, "erf", Tensor::erf);
        unary(r, "erfc", Tensor::erfc);
        unary(r, "erfinv", Tensor::erfinv);
        unary(r, "lgamma", Tensor::lgamma);
        unary(r, "digamma", Tensor::digamma);
        unary(r, "logical_not", Tensor::logicalNot);
        unary(r, "isnan", Tensor::isnan);
        unary(r, "isinf", Tensor::isinf);
        unary(r, "isfinite", Tensor::isfinite);

        // torch.add(input, other, *, alpha=1): other is a tensor input or a number argument
        r.tensor("add", (in, a) -> input(in).add(other(in, a, "other"), a.getDouble("alpha", 1)));
        r.tensor("sub", (in, a) -> input(in).sub(other(in, a, "other"), a.getDouble("alpha", 1)));
        r.tensor("subtract", (in, a) -> input(in).sub(other(in, a, "other"), a.getDouble("alpha", 1)));
        r.tensor("rsub", (in, a) -> other(in, a, "other").sub(input(in), a.getDouble("alpha", 1)));
        r.tensor("mul", (in, a) -> input(in).mul(other(in, a, "other")));
        r.tensor("multiply", (in, a) -> input(in).mul(other(in, a, "other")));
        r.tensor("div", TensorCases::div);
        r.tensor("divide", TensorCases::div);
        r.tensor("true_divide", (in, a) -> input(in).div(other(in, a, "other")));
        r.tensor("pow", (in, a) -> {
            // torch.pow(input, exponent) or torch.pow(self: Number, exponent: Tensor)
            Tensor base = in.containsKey("input") ? in.get("input") : null;
            if (base == null) {
                Tensor e = in.get("exponent");
                return Tensor.fullLike(e, a.getDouble(a.has("self") ? "self" : "input", 0)).pow(e);
            }
            if (in.containsKey("exponent")) return base.pow(in.get("exponent"));
            // a Python float exponent makes an integer base float (2 ** -1.0 == 0.5); an int one keeps it integer
            if (!base.isFloatingPoint() && a.has("exponent") && !a.raw("exponent").isIntegralNumber()) {
                return base.pow(other(in, a, "exponent"));
            }
            return base.pow(a.getDouble("exponent", 1));
        });
        binary(r, "maximum", Tensor::maximum);
        binary(r, "minimum", Tensor::minimum);
        binary(r, "fmax", Tensor::fmax);
        binary(r, "fmin", Tensor::fmin);
        binary(r, "atan2", Tensor::atan2);
        binary(r, "arctan2", Tensor::atan2);
        binary(r, "fmod", Tensor::fmod);
        binary(r, "remainder", Tensor::remainder);
        binary(r, "floor_divide", Tensor::floorDivide);
        binary(r, "eq", Tensor::eq);
        binary(r, "ne", Tensor::ne);
        binary(r, "not_equal", Tensor::ne);
        binary(r, "lt", Tensor::lt);
        binary(r, "less", Tensor::lt);
        binary(r, "le", Tensor::le);
        binary(r, "less_equal", Tensor::le);
        binary(r, "gt", Tensor::gt);
        binary(r, "greater", Tensor::gt);
        binary(r, "ge", Tensor::ge);
        binary(r, "greater_equal", Tensor::ge);
        binary(r, "logical_and", Tensor::logicalAnd);
        binary(r, "logical_or", Tensor::logicalOr);
        binary(r, "logical_xor", Tensor::logicalXor);

        // torch.clamp(input, min=None, max=None): numbers or tensors
        r.tensor("clamp", TensorCases::clamp);
        r.tensor("clip", TensorCases::clamp);
        r.tensor("clamp_min", (in, a) -> in.containsKey("min") ? input(in).maximum(in.get("min")) : input(in).clampMin(a.getDouble("min", 0)));
        r.tensor("clamp_max", (in, a) -> in.containsKey("max") ? input(in).minimum(in.get("max")) : input(in).clampMax(a.getDouble("max", 0)));
        // torch.addcmul / addcdiv(input, tensor1, tensor2, *, value=1), torch.lerp(input, end, weight)
        r.tensor("addcmul", (in, a) -> input(in).add(in.get("tensor1").mul(in.get("tensor2")).mul(a.getDouble("value", 1))));
        r.tensor("addcdiv", (in, a) -> input(in).add(in.get("tensor1").div(in.get("tensor2")).mul(a.getDouble("value", 1))));
        r.tensor("lerp", (in, a) -> {
            Tensor x = input(in), end = in.get("end");
            Tensor w = other(in, a, "weight");
            return x.add(end.sub(x).mul(w));
        });
        r.tensor("where", (in, a) -> Tensor.where(in.get("condition"), other(in, a, "input"), other(in, a, "other")));
        r.tensor("masked_fill", (in, a) -> in.containsKey("value")
                ? input(in).maskedFill(in.get("mask"), in.get("value"))
                : input(in).maskedFill(in.get("mask"), a.getDouble("value", 0)));
    }

    private static Object div(Map<String, Tensor> in, Args a) {
        return input(in).div(other(in, a, "other"), a.getString("rounding_mode", null));
    }

    private static Object clamp(Map<String, Tensor> in, Args a) {
        Tensor x = input(in);
        if (in.containsKey("min") || in.containsKey("max")) return x.clamp(bound(in, a, "min"), bound(in, a, "max"));
        Double min = a.getDoubleOrNull("min"), max = a.getDoubleOrNull("max");
        if (min == null && max == null) throw new IllegalArgumentException("clamp: at least one of 'min' or 'max' must not be None");
        return x.clamp(min == null ? Double.NaN : min, max == null ? Double.NaN : max);
    }

    private static Tensor bound(Map<String, Tensor> in, Args a, String name) {
        if (in.containsKey(name)) return in.get(name);
        Double v = a.getDoubleOrNull(name);
        return v == null ? null : Tensor.fullLike(input(in), v);
    }

    // ---------------------------------------------------------------- reductions

    private static void registerReductions(Registry r) {
        // sum/mean(input, dim=None, keepdim=False, *, dtype=None): dim an int, a tuple, or None (all dims)
        r.tensor("sum", (in, a) -> input(in).sum(dims(a, "dim"), a.getBool("keepdim", false)));
        r.tensor("nansum", (in, a) -> {
            Tensor x = input(in);
            return Tensor.where(x.isnan(), 0.0, x).sum(dims(a, "dim"), a.getBool("keepdim", false));
        });
        r.tensor("mean", (in, a) -> input(in).mean(dims(a, "dim"), a.getBool("keepdim", false)));
        // prod(input, dim, keepdim=False): one dim only
        r.tensor("prod", (in, a) -> a.has("dim") ? input(in).prod(a.getInt("dim", 0), a.getBool("keepdim", false)) : input(in).prod());
        // amax/amin(input, dim=(), keepdim=False): () means all dims
        r.tensor("amax", (in, a) -> input(in).amax(dims(a, "dim"), a.getBool("keepdim", false)));
        r.tensor("amin", (in, a) -> input(in).amin(dims(a, "dim"), a.getBool("keepdim", false)));
        r.tensor("logsumexp", (in, a) -> input(in).logsumexp(dims(a, "dim"), a.getBool("keepdim", false)));
        // var/std(input, dim=None, unbiased=True, keepdim=False) and (input, dim=None, *, correction=1, keepdim=False)
        r.tensor("var", (in, a) -> input(in).var(dims(a, "dim"), correction(a), a.getBool("keepdim", false)));
        r.tensor("std", (in, a) -> input(in).std(dims(a, "dim"), correction(a), a.getBool("keepdim", false)));
        r.tensor("var_mean", (in, a) -> {
            int[] d = dims(a, "dim");
            boolean keep = a.getBool("keepdim", false);
            return new Tensor[] {input(in).var(d, correction(a), keep), input(in).mean(d, keep)};
        });
        r.tensor("std_mean", (in, a) -> {
            int[] d = dims(a, "dim");
            boolean keep = a.getBool("keepdim", false);
            return new Tensor[] {input(in).std(d, correction(a), keep), input(in).mean(d, keep)};
        });
        // max/min(input) -> value; (input, dim, keepdim=False) -> (values, indices); (input, other) -> elementwise
        r.tensor("max", (in, a) -> extreme(in, a, true));
        r.tensor("min", (in, a) -> extreme(in, a, false));
        r.tensor("argmax", (in, a) -> a.has("dim") ? input(in).argmax(a.getInt("dim", 0), a.getBool("keepdim", false)) : argAll(in, a, true));
        r.tensor("argmin", (in, a) -> a.has("dim") ? input(in).argmin(a.getInt("dim", 0), a.getBool("keepdim", false)) : argAll(in, a, false));
        // norm(input, p='fro', dim=None, keepdim=False): 'fro' is the 2-norm over the dims, 'nuc' is not supported
        r.tensor("norm", (in, a) -> input(in).norm(normOrder(a), dims(a, "dim"), a.getBool("keepdim", false)));
        r.tensor("all", (in, a) -> logical(in, a, true));
        r.tensor("any", (in, a) -> logical(in, a, false));
        r.tensor("count_nonzero", (in, a) -> {
            int[] d = dims(a, "dim");
            return d == null ? input(in).countNonzero() : input(in).ne(0).sum(d, false);
        });
        r.tensor("cumsum", (in, a) -> input(in).cumsum(a.getInt("dim", 0)));
        r.tensor("cumprod", (in, a) -> input(in).cumprod(a.getInt("dim", 0)));
    }

    /** A dim argument: an int, a list, or None / absent (all dims; also PyTorch 1.13's empty tuple). */
    private static int[] dims(Args a, String key) {
        int[] d = a.getIntsOrNull(key);
        return d == null || d.length == 0 ? null : d;
    }

    private static double correction(Args a) {
        if (a.has("correction")) return a.getDouble("correction", 1);
        return a.getBool("unbiased", true) ? 1 : 0;
    }

    private static double normOrder(Args a) {
        if (!a.has("p")) return 2;
        String p = a.getString("p", "fro");
        if (p.equals("fro")) return 2;
        if (p.equals("nuc")) throw new SkipCase("norm: p='nuc' (nuclear norm) not implemented");
        return a.getDouble("p", 2);
    }

    private static Object extreme(Map<String, Tensor> in, Args a, boolean max) {
        Tensor x = input(in);
        if (in.containsKey("other")) return max ? x.maximum(in.get("other")) : x.minimum(in.get("other"));
        if (!a.has("dim")) return max ? x.max() : x.min();
        int dim = a.getInt("dim", 0);
        boolean keep = a.getBool("keepdim", false);
        return max ? x.max(dim, keep) : x.min(dim, keep);
    }

    private static Tensor argAll(Map<String, Tensor> in, Args a, boolean max) {
        Tensor i = max ? input(in).argmax() : input(in).argmin();
        if (!a.getBool("keepdim", false)) return i;
        int[] ones = new int[input(in).dim()];
        java.util.Arrays.fill(ones, 1);
        return i.reshape(ones);
    }

    private static Tensor logical(Map<String, Tensor> in, Args a, boolean all) {
        Tensor x = input(in);
        if (!a.has("dim")) return all ? x.all() : x.any();
        Tensor r = all ? x.all(a.getInt("dim", 0)) : x.any(a.getInt("dim", 0));
        return a.getBool("keepdim", false) ? r.unsqueeze(a.getInt("dim", 0)) : r;
    }

    // ---------------------------------------------------------------- shapes and views

    private static void registerShapes(Registry r) {
        r.tensor("transpose", (in, a) -> input(in).transpose(a.getInt("dim0", 0), a.getInt("dim1", 1)));
        r.tensor("swapaxes", (in, a) -> input(in).transpose(a.getInt("axis0", 0), a.getInt("axis1", 1)));
        r.tensor("swapdims", (in, a) -> input(in).transpose(a.getInt("dim0", 0), a.getInt("dim1", 1)));
        r.tensor("t", (in, a) -> input(in).t());
        r.tensor("permute", (in, a) -> input(in).permute(a.getInts("dims", null)));
        // the reference runner's reshape case is `input.transpose(0, 1).reshape(shape)`: a non-contiguous reshape
        r.tensor("reshape", (in, a) -> {
            Tensor x = input(in);
            return (x.dim() >= 2 ? x.transpose(0, 1) : x).reshape(a.getInts("shape", null));
        });
        r.tensor("expand", (in, a) -> input(in).expand(a.getInts("size", null)));
        r.tensor("broadcast_to", (in, a) -> input(in).expand(a.getInts("size", null)));
        r.tensor("squeeze", (in, a) -> a.has("dim") ? input(in).squeeze(a.getInt("dim", 0)) : input(in).squeeze());
        r.tensor("unsqueeze", (in, a) -> input(in).unsqueeze(a.getInt("dim", 0)));
        r.tensor("flatten", (in, a) -> input(in).flatten(a.getInt("start_dim", 0), a.getInt("end_dim", -1)));
        r.tensor("unflatten", (in, a) -> input(in).unflatten(a.getInt("dim", 0), a.getInts("sizes", null)));
        r.tensor("movedim", (in, a) -> movedim(input(in), a.getInts("source", null), a.getInts("destination", null)));
        r.tensor("moveaxis", (in, a) -> movedim(input(in), a.getInts("source", null), a.getInts("destination", null)));
        r.tensor("narrow", (in, a) -> input(in).narrow(a.getInt("dim", 0), a.getInt("start", 0), a.getInt("length", 0)));
        r.tensor("select", (in, a) -> input(in).select(a.getInt("dim", 0), a.getInt("index", 0)));
        r.tensor("flip", (in, a) -> input(in).flip(a.getInts("dims", null)));
        r.tensor("fliplr", (in, a) -> input(in).flip(1));
        r.tensor("flipud", (in, a) -> input(in).flip(0));
        r.tensor("roll", (in, a) -> {
            int[] shifts = a.getInts("shifts", null), dims = a.getIntsOrNull("dims");
            Tensor x = input(in);
            if (dims == null) return x.flatten().roll(shifts[0], 0).reshape(x.shape());
            if (shifts.length != dims.length) {
                throw new IllegalArgumentException("roll: shifts and dimensions must align. shifts: " + shifts.length + ", dims: " + dims.length);
            }
            for (int i = 0; i < dims.length; i++) x = x.roll(shifts[i], dims[i]);
            return x;
        });
        r.tensor("repeat", (in, a) -> input(in).repeat(a.getInts("repeats", null)));
        r.tensor("repeat_interleave", (in, a) -> {
            if (!a.isNumber("repeats")) throw new SkipCase("repeat_interleave: tensor repeats not implemented");
            Tensor x = input(in);
            Integer dim = a.getIntOrNull("dim");
            return dim == null ? x.flatten().repeatInterleave(a.getInt("repeats", 1), 0) : x.repeatInterleave(a.getInt("repeats", 1), dim);
        });
        // split(tensor, split_size_or_sections, dim=0), chunk(input, chunks, dim=0), unbind(input, dim=0)
        r.tensor("split", (in, a) -> {
            Tensor x = first(in);
            int dim = a.getInt("dim", 0);
            return a.isList("split_size_or_sections") ? x.split(a.getInts("split_size_or_sections", null), dim)
                    : x.split(a.getInt("split_size_or_sections", 1), dim);
        });
        r.tensor("chunk", (in, a) -> input(in).chunk(a.getInt("chunks", 1), a.getInt("dim", 0)));
        r.tensor("unbind", (in, a) -> input(in).unbind(a.getInt("dim", 0)));
        r.tensor("clone", (in, a) -> input(in).clone());
        r.tensor("contiguous", (in, a) -> input(in).contiguous());
    }

    private static Tensor movedim(Tensor x, int[] source, int[] destination) {
        if (source.length != destination.length) {
            throw new IllegalArgumentException("movedim: Invalid source or destination dims: source (" + java.util.Arrays.toString(source)
                    + " dims) should contain the same number of dims as destination (" + java.util.Arrays.toString(destination) + " dims)");
        }
        int n = x.dim();
        int[] perm = new int[n];
        boolean[] usedSrc = new boolean[n], usedDst = new boolean[n];
        java.util.Arrays.fill(perm, -1);
        for (int i = 0; i < source.length; i++) {
            int s = Math.floorMod(source[i], Math.max(n, 1)), d = Math.floorMod(destination[i], Math.max(n, 1));
            perm[d] = s;
            usedSrc[s] = true;
            usedDst[d] = true;
        }
        int nextSrc = 0;
        for (int d = 0; d < n; d++) {
            if (usedDst[d]) continue;
            while (usedSrc[nextSrc]) nextSrc++;
            perm[d] = nextSrc++;
        }
        return x.permute(perm);
    }

    // ---------------------------------------------------------------- indexing, joining, sorting

    private static void registerIndexing(Registry r) {
        r.tensor("cat", (in, a) -> Tensor.cat(tensors(in), a.getInt("dim", 0)));
        r.tensor("concat", (in, a) -> Tensor.cat(tensors(in), a.getInt("dim", 0)));
        r.tensor("stack", (in, a) -> Tensor.stack(tensors(in), a.getInt("dim", 0)));
        r.tensor("gather", (in, a) -> input(in).gather(a.getInt("dim", 0), in.get("index")));
        r.tensor("index_select", (in, a) -> input(in).indexSelect(a.getInt("dim", 0), in.get("index")));
        r.tensor("scatter_add", (in, a) -> input(in).scatterAdd(a.getInt("dim", 0), in.get("index"), in.get("src")));
        r.tensor("scatter", (in, a) -> {
            if (a.has("reduce")) throw new SkipCase("scatter: reduce='" + a.getString("reduce", "") + "' not implemented");
            Tensor x = input(in);
            int dim = a.getInt("dim", 0);
            return in.containsKey("src") ? x.scatter(dim, in.get("index"), in.get("src")) : x.scatter(dim, in.get("index"), a.getDouble("value", 0));
        });
        r.tensor("index_add", (in, a) -> {
            Tensor src = in.get("source");
            double alpha = a.getDouble("alpha", 1);
            return input(in).indexAdd(a.getInt("dim", 0), in.get("index"), alpha == 1 ? src : src.mul(alpha));
        });
        r.tensor("masked_select", (in, a) -> input(in).maskedSelect(in.get("mask")));
        r.tensor("nonzero", (in, a) -> input(in).nonzero());
        r.tensor("triu", (in, a) -> input(in).triu(a.getInt("diagonal", 0)));
        r.tensor("tril", (in, a) -> input(in).tril(a.getInt("diagonal", 0)));
        // topk(input, k, dim=-1, largest=True, sorted=True), sort(input, dim=-1, descending=False, stable=False)
        r.tensor("topk", (in, a) -> input(in).topk(a.getInt("k", 1), a.getInt("dim", -1), a.getBool("largest", true), a.getBool("sorted", true)));
        r.tensor("sort", (in, a) -> input(in).sort(a.getInt("dim", -1), a.getBool("descending", false)));
        r.tensor("argsort", (in, a) -> input(in).argsort(a.getInt("dim", -1), a.getBool("descending", false)));
    }

    // ---------------------------------------------------------------- linear algebra

    private static void registerLinAlg(Registry r) {
        r.tensor("matmul", (in, a) -> input(in).matmul(in.get("other")));
        r.tensor("mm", (in, a) -> input(in).mm(in.get("mat2")));
        r.tensor("bmm", (in, a) -> input(in).bmm(in.get("mat2")));
        r.tensor("mv", (in, a) -> input(in).mv(in.get("vec")));
        r.tensor("dot", (in, a) -> input(in).dot(first(in, "other", "tensor")));
        r.tensor("outer", (in, a) -> input(in).outer(first(in, "vec2", "other")));
        r.tensor("einsum", (in, a) -> Tensor.einsum(a.getString("equation", null), tensors(in).toArray(new Tensor[0])));
    }

    // ---------------------------------------------------------------- helpers

    private static void unary(Registry r, String op, UnaryOperator<Tensor> f) {
        r.tensor(op, (in, a) -> f.apply(input(in)));
    }

    private static void binary(Registry r, String op, BinaryOperator<Tensor> f) {
        r.tensor(op, (in, a) -> f.apply(input(in), other(in, a, "other")));
    }

    /** The case's main tensor: {@code input} (PyTorch's usual name), else its first tensor. */
    private static Tensor input(Map<String, Tensor> in) {
        Tensor x = in.get("input");
        return x != null ? x : first(in);
    }

    private static Tensor first(Map<String, Tensor> in) {
        if (in.isEmpty()) throw new CaseFormatException("case has no tensor inputs");
        return in.values().iterator().next();
    }

    private static Tensor first(Map<String, Tensor> in, String... names) {
        for (String n : names) if (in.containsKey(n)) return in.get(n);
        throw new CaseFormatException("case has none of the inputs " + String.join(", ", names));
    }

    /** A tensor argument that PyTorch also takes as a Python number: the input of that name, else the number (same dtype as input). */
    private static Tensor other(Map<String, Tensor> in, Args a, String name) {
        Tensor t = in.get(name);
        if (t != null) return t;
        if (!a.has(name)) throw new CaseFormatException("case has no '" + name + "' (tensor input or number argument)");
        // Python number -> 0-dim tensor typed as PyTorch's wrapped numbers: it takes a floating input's dtype
        Tensor like = in.containsKey("input") ? in.get("input") : first(in);
        double v = a.getDouble(name, 0);
        if (a.raw(name).isBoolean()) return Tensor.scalar(v, DType.BOOL);
        if (like.isFloatingPoint()) return Tensor.scalar(v, like.dtype());
        return Tensor.scalar(v, a.raw(name).isIntegralNumber() ? DType.INT64 : DType.FLOAT32);
    }

    /** All tensor inputs in the case's order (the tensors of cat, stack, einsum). */
    private static List<Tensor> tensors(Map<String, Tensor> in) {
        return new ArrayList<>(in.values());
    }
}
