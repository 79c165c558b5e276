package dev.nn4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.backend.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link GradCheck} (float64 central differences) for every differentiable Tensor op: one dynamic test per
 * op and input configuration (broadcasting, strided inputs, in-place on non-leaves).
 */
class GradientTest {
    private final List<DynamicTest> cases = new ArrayList<>();
    private final Random r = new Random(7);

    /** A float64 leaf of {@code shape} with values drawn from [lo, hi). */
    private Tensor u(double lo, double hi, int... shape) {
        double[] v = new double[Ref.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = lo + (hi - lo) * r.nextDouble();
        return Tensor.fromArray(v, shape).requiresGrad_(true);
    }

    private Tensor n(int... shape) {
        return u(-2, 2, shape);
    }

    /** A float64 leaf with distinct values far apart (no ties for max/sort/clamp kinks). */
    private Tensor distinct(int... shape) {
        int count = Ref.numel(shape);
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < count; i++) v.add(i * 0.37 - count * 0.15);
        java.util.Collections.shuffle(v, r);
        return Tensor.fromArray(v.stream().mapToDouble(Double::doubleValue).toArray(), shape).requiresGrad_(true);
    }

    private static Tensor idx(long[] values, int... shape) {
        return Tensor.fromArray(values, shape);
    }

    private void add(String name, Function<Tensor[], Tensor> fn, Tensor... inputs) {
        cases.add(DynamicTest.dynamicTest(name, () -> GradCheck.check(fn, inputs)));
    }

    private void add(String name, Supplier<Tensor[]> inputs, Function<Tensor[], Tensor> fn) {
        cases.add(DynamicTest.dynamicTest(name, () -> GradCheck.check(fn, inputs.get())));
    }

    @TestFactory
    List<DynamicTest> unaryOps() {
        for (UnaryOp op : UnaryOp.values()) {
            if (op.isPredicate() || op == UnaryOp.TRIGAMMA) continue;   // trigamma is digamma's internal derivative
            Tensor x = switch (op) {
                case LOG, LOG2, LOG10, SQRT, RSQRT, LGAMMA, DIGAMMA, TRIGAMMA -> u(0.3, 3, 3, 4);
                case LOG1P -> u(-0.5, 3, 3, 4);
                case ASIN, ACOS, ERFINV -> u(-0.9, 0.9, 3, 4);
                case TAN -> u(-1.2, 1.2, 3, 4);
                // kinks at 0 / integers: keep away from them
                case ABS, RELU, RECIPROCAL, SIGN -> u(0.2, 2, 3, 4).detach().mul(Tensor.of(1.0, -1.0, 1.0, -1.0)).requiresGrad_(true);
                case FLOOR, CEIL, ROUND, TRUNC, FRAC -> u(0.1, 0.4, 3, 4).detach().add(Tensor.of(-2.0, -1.0, 0.0, 1.0)).requiresGrad_(true);
                default -> n(3, 4);
            };
            add(op.name(), in -> ElementwiseTest.callUnary(op, in[0]), x);
            // a transposed (strided) input through the same op
            add(op.name() + " strided", in -> ElementwiseTest.callUnary(op, in[0].t()), x.detach().clone().requiresGrad_(true));
        }
        return cases;
    }

    @TestFactory
    List<DynamicTest> binaryOpsWithBroadcasting() {
        add("add", in -> in[0].add(in[1]), n(2, 3, 4), n(3, 1));
        add("add alpha", in -> in[0].add(in[1], 2.5), n(3, 4), n(4));
        add("sub", in -> in[0].sub(in[1]), n(4), n(2, 3, 4));
        add("sub alpha", in -> in[0].sub(in[1], -1.5), n(3, 4), n(3, 1));
        add("rsub", in -> in[0].rsub(3), n(3, 4));
        add("mul", in -> in[0].mul(in[1]), n(2, 1, 4), n(3, 1));
        add("mul self", in -> in[0].mul(in[0]), n(3, 4));
        add("div", in -> in[0].div(in[1]), n(3, 4), u(0.5, 2, 4));
        add("div scalar", in -> in[0].div(3), n(3, 4));
        add("pow tensor", in -> in[0].pow(in[1]), u(0.5, 2, 3, 4), n(4));
        add("pow scalar 3", in -> in[0].pow(3), n(3, 4));
        add("pow scalar -1.5", in -> in[0].pow(-1.5), u(0.5, 2, 3, 4));
        add("pow scalar 0.5", in -> in[0].pow(0.5), u(0.5, 2, 3, 4));
        add("pow scalar 0", in -> in[0].pow(0), n(3, 4));
        add("pow scalar 1", in -> in[0].pow(1), n(3, 4));
        add("pow scalar 2", in -> in[0].pow(2), n(3, 4));
        add("maximum", in -> in[0].maximum(in[1]), distinct(3, 4), distinct(4).detach().add(0.05).requiresGrad_(true));
        add("minimum", in -> in[0].minimum(in[1]), distinct(3, 4), distinct(3, 1).detach().add(0.05).requiresGrad_(true));
        add("atan2", in -> in[0].atan2(in[1]), n(3, 4), u(0.5, 2, 4));
        add("fmod", in -> in[0].fmod(in[1]), u(0.1, 0.9, 3, 4), u(1.1, 2, 4));
        add("remainder", in -> in[0].remainder(in[1]), u(0.1, 0.9, 3, 4), u(1.1, 2, 4));
        add("clamp", in -> in[0].clamp(-0.5, 0.5), distinct(3, 4).detach().add(0.01).requiresGrad_(true));
        add("clampMin", in -> in[0].clampMin(0.03), distinct(3, 4));
        add("clampMax", in -> in[0].clampMax(0.03), distinct(3, 4));
        add("clamp tensors", in -> in[0].clamp(in[1], in[2]), distinct(3, 4), distinct(4).detach().sub(1.01).requiresGrad_(true),
                distinct(3, 1).detach().add(0.51).requiresGrad_(true));
        Tensor cond = Tensor.fromArray(new boolean[] {true, false, false, true}, 4);
        add("where", in -> Tensor.where(cond, in[0], in[1]), n(3, 4), n(3, 1));
        add("where scalar", in -> Tensor.where(cond, in[0], 1.5), n(3, 4));
        add("maskedFill", in -> in[0].maskedFill(cond, -1), n(3, 4));
        add("maskedFill tensor", in -> in[0].maskedFill(cond, in[1]), n(3, 4), n());
        return cases;
    }

    @TestFactory
    List<DynamicTest> reductions() {
        add("sum", in -> in[0].sum(), n(3, 4));
        add("sum dim", in -> in[0].sum(1), n(3, 4));
        add("sum dims keepdim", in -> in[0].sum(new int[] {0, -1}, true), n(2, 3, 4));
        add("mean", in -> in[0].mean(), n(3, 4));
        add("mean dims", in -> in[0].mean(new int[] {1, 2}, false), n(2, 3, 4));
        add("prod", in -> in[0].prod(), u(0.5, 1.5, 3, 4));
        add("prod dim", in -> in[0].prod(1, true), u(0.5, 1.5, 3, 4));
        add("prod with a zero", in -> in[0].prod(1, false), Tensor.fromArray(new double[] {1.5, 0, 2, -1, 0.5, 3}, 2, 3).requiresGrad_(true));
        add("prod with two zeros", in -> in[0].prod(), Tensor.fromArray(new double[] {1.5, 0, 2, 0}, 4).requiresGrad_(true));
        add("amax", in -> in[0].amax(new int[] {1}, false), distinct(3, 4));
        add("amin keepdim", in -> in[0].amin(new int[] {0}, true), distinct(3, 4));
        add("max", in -> in[0].max(), distinct(3, 4));
        add("min", in -> in[0].min(), distinct(3, 4));
        add("max(dim) values", in -> in[0].max(1).values(), distinct(3, 4));
        add("min(dim) keepdim values", in -> in[0].min(0, true).values(), distinct(3, 4));
        add("var", in -> in[0].var(), n(3, 4));
        add("var dim correction 0", in -> in[0].var(new int[] {1}, 0, true), n(3, 4));
        add("std", in -> in[0].std(), n(3, 4));
        add("std dim", in -> in[0].std(0), n(3, 4));
        add("logsumexp", in -> in[0].logsumexp(1), n(3, 4));
        add("logsumexp dims keepdim", in -> in[0].logsumexp(new int[] {0, 1}, true), n(3, 4));
        add("norm", in -> in[0].norm(), n(3, 4));
        add("norm p=1 dim", in -> in[0].norm(1, new int[] {1}, false), u(0.2, 2, 3, 4));
        add("norm p=3 dim", in -> in[0].norm(3, new int[] {0}, true), n(3, 4));
        add("norm p=inf", in -> in[0].norm(Double.POSITIVE_INFINITY, new int[] {1}, false), distinct(3, 4));
        add("cumsum", in -> in[0].cumsum(1), n(3, 4));
        add("cumsum dim 0", in -> in[0].cumsum(-2), n(3, 4));
        add("cumprod", in -> in[0].cumprod(1), n(3, 4));
        add("cumprod with zero", in -> in[0].cumprod(0), Tensor.fromArray(new double[] {1.5, 0, 2, -1, 0.5}, 5).requiresGrad_(true));
        add("sumToSize", in -> in[0].sumToSize(3, 1), n(2, 3, 4));
        return cases;
    }

    @TestFactory
    List<DynamicTest> linearAlgebra() {
        add("matmul 1D 1D", in -> in[0].matmul(in[1]), n(4), n(4));
        add("matmul 2D 1D", in -> in[0].matmul(in[1]), n(3, 4), n(4));
        add("matmul 1D 2D", in -> in[0].matmul(in[1]), n(3), n(3, 4));
        add("matmul 2D 2D", in -> in[0].matmul(in[1]), n(3, 4), n(4, 2));
        add("matmul transposed", in -> in[0].t().matmul(in[1].t()), n(4, 3), n(2, 4));
        add("matmul batched broadcast", in -> in[0].matmul(in[1]), n(2, 1, 3, 4), n(5, 4, 2));
        add("matmul 3D 2D", in -> in[0].matmul(in[1]), n(2, 3, 4), n(4, 5));
        add("matmul 2D 3D", in -> in[0].matmul(in[1]), n(3, 4), n(2, 4, 5));
        add("matmul 1D 3D", in -> in[0].matmul(in[1]), n(4), n(2, 4, 5));
        add("matmul 3D 1D", in -> in[0].matmul(in[1]), n(2, 3, 4), n(4));
        add("mm", in -> in[0].mm(in[1]), n(3, 4), n(4, 2));
        add("bmm", in -> in[0].bmm(in[1]), n(2, 3, 4), n(2, 4, 5));
        add("bmm strided", in -> in[0].transpose(1, 2).bmm(in[1]), n(2, 4, 3), n(2, 4, 5));
        add("mv", in -> in[0].mv(in[1]), n(3, 4), n(4));
        add("dot", in -> in[0].dot(in[1]), n(5), n(5));
        add("outer", in -> in[0].outer(in[1]), n(3), n(4));
        add("einsum ij,jk->ik", in -> Tensor.einsum("ij,jk->ik", in[0], in[1]), n(3, 4), n(4, 2));
        add("einsum bij,bjk->bik", in -> Tensor.einsum("bij,bjk->bik", in[0], in[1]), n(2, 3, 4), n(2, 4, 2));
        add("einsum ii->i", in -> Tensor.einsum("ii->i", in[0]), n(3, 3));
        add("einsum bii->bi permuted", in -> Tensor.einsum("bii->bi", in[0].permute(2, 0, 1)), n(3, 3, 2));
        add("einsum ij->", in -> Tensor.einsum("ij->", in[0]), n(3, 4));
        add("einsum i,i->", in -> Tensor.einsum("i,i->", in[0], in[1]), n(4), n(4));
        add("einsum ij->ji", in -> Tensor.einsum("ij->ji", in[0]), n(3, 4));
        add("einsum implicit", in -> Tensor.einsum("ij,jk", in[0], in[1]), n(3, 4), n(4, 2));
        add("einsum three operands", in -> Tensor.einsum("i,ij,j->", in[0], in[1], in[2]), n(3), n(3, 4), n(4));
        return cases;
    }

    @TestFactory
    List<DynamicTest> indexingAndJoining() {
        Tensor index = idx(new long[] {0, 2, 1, 3, 3, 0}, 3, 2);
        add("gather", in -> in[0].gather(1, index), n(3, 4));
        add("gather dim 0", in -> in[0].gather(0, idx(new long[] {2, 0, 1, 1}, 1, 4)), n(3, 4));
        Tensor unique = idx(new long[] {0, 2, 3, 1}, 2, 2);
        add("scatter", in -> in[0].scatter(1, unique, in[1]), n(2, 4), n(2, 3));
        add("scatter value", in -> in[0].scatter(1, unique, 2.0), n(2, 4));
        add("scatterAdd", in -> in[0].scatterAdd(1, index, in[1]), n(3, 4), n(3, 2));
        Tensor sel = idx(new long[] {2, 0, 2}, 3);
        add("indexSelect dim 0", in -> in[0].indexSelect(0, sel), n(3, 4));
        add("indexSelect dim 1", in -> in[0].indexSelect(1, sel), n(2, 3));
        add("indexAdd", in -> in[0].indexAdd(0, sel, in[1]), n(3, 4), n(3, 4));
        add("indexAdd dim 1", in -> in[0].indexAdd(1, sel, in[1]), n(2, 3), n(2, 3));
        Tensor mask = Tensor.fromArray(new boolean[] {true, false, true, true}, 4);
        add("maskedSelect", in -> in[0].maskedSelect(mask), n(3, 4));
        add("maskedSelect broadcast input", in -> in[0].maskedSelect(mask.view(2, 2).expand(3, 2, 2)), n(2, 2));
        add("cat", in -> Tensor.cat(1, in[0], in[1], in[2]), n(2, 3), n(2, 1), n(2, 2));
        add("cat dim 0", in -> Tensor.cat(0, in[0], in[1]), n(2, 3), n(1, 3));
        add("stack", in -> Tensor.stack(1, in[0], in[1]), n(2, 3), n(2, 3));
        add("stack dim -1", in -> Tensor.stack(-1, in[0], in[1]), n(2, 3), n(2, 3));
        add("split", in -> { Tensor[] p = in[0].split(2, 1); return p[0].sum(1).add(p[1].mul(3).sum(1)).add(p[2].sum(1)); }, n(3, 5));
        add("split sizes", in -> { Tensor[] p = in[0].split(new int[] {1, 3}, 1); return p[1].mul(p[0]); }, n(3, 4));
        add("chunk", in -> { Tensor[] p = in[0].chunk(2, 0); return p[0].mul(p[1]); }, n(4, 3));
        add("unbind", in -> { Tensor[] p = in[0].unbind(0); return p[0].mul(p[2]).add(p[1]); }, n(3, 4));
        add("triu", in -> in[0].triu(), n(3, 4));
        add("triu 1", in -> in[0].triu(1), n(2, 3, 4));
        add("tril -1", in -> in[0].tril(-1), n(4, 3));
        add("sort values", in -> in[0].sort(1, false).values(), distinct(3, 4));
        add("sort descending", in -> in[0].sort(0, true).values(), distinct(3, 4));
        add("topk values", in -> in[0].topk(2, 1).values(), distinct(3, 4));
        add("topk smallest", in -> in[0].topk(2, 0, false, true).values(), distinct(3, 4));
        add("flip", in -> in[0].flip(0, 1), n(3, 4));
        add("roll", in -> in[0].roll(1, 1), n(3, 4));
        add("roll negative", in -> in[0].roll(-2, 0), n(3, 4));
        add("repeat", in -> in[0].repeat(2, 1, 3), n(3, 2));
        add("repeatInterleave", in -> in[0].repeatInterleave(3, 1), n(3, 2));
        return cases;
    }

    @TestFactory
    List<DynamicTest> viewOps() {
        add("view", in -> in[0].view(4, 3).mul(Tensor.arange(0, 3, 1, DType.FLOAT64)), n(3, 4));
        add("reshape copy", in -> in[0].t().reshape(12).mul(Tensor.arange(0, 12, 1, DType.FLOAT64)), n(3, 4));
        add("viewAs", in -> in[0].viewAs(in[1]).mul(in[1]), n(12), n(3, 4));
        add("transpose", in -> in[0].transpose(0, 2), n(2, 3, 4));
        add("t", in -> in[0].t(), n(3, 4));
        add("mT", in -> in[0].mT(), n(2, 3, 4));
        add("permute", in -> in[0].permute(2, 0, 1), n(2, 3, 4));
        add("movedim", in -> in[0].movedim(0, -1), n(2, 3, 4));
        add("narrow", in -> in[0].narrow(1, 1, 2), n(3, 4));
        add("slice step", in -> in[0].slice(1, 0, 4, 2), n(3, 4));
        add("select", in -> in[0].select(1, -1), n(3, 4));
        add("expand", in -> in[0].expand(2, 3, 4), n(3, 1));
        add("expandAs", in -> in[0].expandAs(in[1]).mul(in[1]), n(4), n(3, 4));
        add("squeeze", in -> in[0].squeeze(), n(3, 1, 4, 1));
        add("squeeze dim", in -> in[0].squeeze(1), n(3, 1, 4));
        add("unsqueeze", in -> in[0].unsqueeze(1), n(3, 4));
        add("flatten", in -> in[0].flatten(1, 2), n(2, 3, 4));
        add("unflatten", in -> in[0].unflatten(1, 2, 2), n(3, 4));
        add("contiguous", in -> in[0].t().contiguous(), n(3, 4));
        add("clone", in -> in[0].clone().mul(in[0]), n(3, 4));
        add("view chain", in -> in[0].t().narrow(0, 1, 2).unsqueeze(0).expand(2, 2, 3).flip(2), n(3, 4));
        add("to float64 is identity", in -> in[0].to(DType.FLOAT64).mul(2), n(3, 4));
        cases.add(DynamicTest.dynamicTest("to float32 and back", () -> GradCheck.check(in -> in[0].to(DType.FLOAT32).mul(2).to(DType.FLOAT64),
                1e-3, 1e-3, 1e-2, n(3, 4))));
        return cases;
    }

    @TestFactory
    List<DynamicTest> inPlaceOnNonLeaves() {
        add("add_", in -> in[0].mul(1).add_(in[1]), n(3, 4), n(4));
        add("add_ alpha", in -> in[0].mul(1).add_(in[1], 2), n(3, 4), n(3, 4));
        add("sub_", in -> in[0].mul(1).sub_(in[1]), n(3, 4), n(4));
        add("mul_", in -> in[0].mul(1).mul_(in[1]), n(3, 4), n(3, 4));
        add("mul_ scalar", in -> in[0].mul(1).mul_(3), n(3, 4));
        add("div_", in -> in[0].mul(1).div_(in[1]), n(3, 4), u(0.5, 2, 3, 4));
        add("pow_", in -> in[0].mul(1).pow_(3), n(3, 4));
        add("exp_", in -> in[0].mul(1).exp_(), n(3, 4));
        add("log_", in -> in[0].mul(1).log_(), u(0.5, 2, 3, 4));
        add("sqrt_", in -> in[0].mul(1).sqrt_(), u(0.5, 2, 3, 4));
        add("sigmoid_ tanh_ relu_", in -> in[0].mul(1).sigmoid_().tanh_().sub_(0.5).relu_(), n(3, 4));
        add("clamp_", in -> in[0].mul(1).clamp_(-0.5, 0.5), distinct(3, 4).detach().add(0.01).requiresGrad_(true));
        add("maskedFill_", in -> in[0].mul(1).maskedFill_(Tensor.of(true, false, true, false), 2), n(3, 4));
        add("addcmul_", in -> in[0].mul(1).addcmul_(in[1], in[2], 0.5), n(3, 4), n(3, 4), n(4));
        add("addcdiv_", in -> in[0].mul(1).addcdiv_(in[1], in[2], 0.5), n(3, 4), n(3, 4), u(0.5, 2, 4));
        add("lerp_", in -> in[0].mul(1).lerp_(in[1], 0.3), n(3, 4), n(3, 4));
        add("copy_ from a tensor requiring grad", in -> in[0].mul(1).copy_(in[1]).mul(in[0]), n(3, 4), n(4));
        add("in-place then used twice", in -> { Tensor y = in[0].mul(1.5); y.mul_(2); return y.mul(y); }, n(3, 4));
        add("in-place on a tensor that does not require grad", in -> Tensor.ones(DType.FLOAT64, 3, 4).mul_(in[0]), n(3, 4));
        add("in-place add into plain tensor", in -> Tensor.zeros(DType.FLOAT64, 3, 4).add_(in[0]).mul(in[0]), n(3, 4));
        add("fill_ on a non-leaf", in -> in[0].mul(1).fill_(2).mul(in[0]), n(3, 4));
        add("zero_ on a non-leaf view", in -> { Tensor b = in[0].mul(2); b.narrow(1, 1, 2).zero_(); return b.mul(in[0]); }, n(3, 4));
        add("copy_ constant into a non-leaf", in -> in[0].mul(2).copy_(Tensor.ones(DType.FLOAT64, 4)).mul(in[0]), n(3, 4));
        add("mul_ on a view of a non-leaf", in -> { Tensor b = in[0].mul(1); b.narrow(1, 1, 2).mul_(in[1]); return b.mul(b); }, n(3, 4), n(3, 2));
        add("add_ on a strided view", in -> { Tensor b = in[0].mul(1); b.t().select(0, 2).add_(in[1]); return b.sin(); }, n(3, 4), n(3));
        add("copy_ into slices of a plain tensor", in -> {
            Tensor out = Tensor.zeros(DType.FLOAT64, 2, 5);
            out.narrow(1, 0, 2).copy_(in[0]);
            out.narrow(1, 3, 2).copy_(in[1].exp());
            return out.mul(out);
        }, n(2, 2), n(2, 2));
        add("in-place on a view, then the view is used", in -> {
            Tensor b = in[0].mul(1);
            Tensor v = b.slice(0, 0, 3, 2);
            v.mul_(3);
            return v.add(b.sum());
        }, n(3, 4));
        add("view taken before an in-place op on its base", in -> {
            Tensor b = in[0].mul(1);
            Tensor v = b.t().narrow(0, 1, 2);
            b.mul_(in[1]);
            return v.mul(v);
        }, n(3, 4), n(4));
        add("two in-place ops on views of one base", in -> {
            Tensor b = in[0].mul(1);
            b.select(0, 0).mul_(in[1]);
            b.select(0, 1).copy_(in[1].square());
            return b;
        }, n(3, 4), n(4));
        return cases;
    }

    /** Where the composite formula gives 0 * inf, PyTorch's backward masks the gradient to 0. */
    @Test
    void normAndStdGradientsAreZeroWhereTheyVanish() {
        // x = torch.tensor([[0., 0.], [1., 2.]], requires_grad=True); x.norm(dim=1).sum().backward(); x.grad
        Tensor x = Tensor.fromArray(new double[] {0, 0, 1, 2}, 2, 2).requiresGrad_(true);
        x.norm(2, new int[] {1}, false).sum().backward();
        Ref.assertValues(new double[] {0, 0, 1 / Math.sqrt(5), 2 / Math.sqrt(5)}, x.grad(), 1e-12);
        for (double p : new double[] {2, 3, 1.5, 1, Double.POSITIVE_INFINITY}) {
            Tensor z = Tensor.zeros(DType.FLOAT64, 2, 3).requiresGrad_(true);
            z.norm(p, new int[] {1}, false).sum().backward();
            Ref.assertValues("norm p=" + p, new double[6], z.grad(), 0);
        }
        // torch.ones(2, 3, requires_grad=True).std(1).sum().backward() gives zeros
        Tensor c = Tensor.ones(DType.FLOAT64, 2, 3).requiresGrad_(true);
        c.std(1).sum().backward();
        Ref.assertValues(new double[6], c.grad(), 0);
        assertEquals("StdBackward0", c.std().gradFn().name());
        assertEquals("NormBackward1", c.norm().gradFn().name());
    }

    @Test
    void gradCheckCatchesAWrongBackward() {
        dev.nn4j.Function wrong = new dev.nn4j.Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(3);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(2.9)};
            }
        };
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> GradCheck.check(in -> wrong.apply(in[0]), n(3)));
        assertEquals(true, e.getMessage().contains("GradCheck: input 0"));
    }

}
