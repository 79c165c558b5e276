package dev.nn4j;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad calls per op family: each must fail up front with an IllegalArgumentException (IndexOutOfBoundsException
 * for out-of-range indices, IllegalStateException for autograd misuse) whose message names the op and what was
 * wrong, never an ArrayIndexOutOfBounds or NullPointerException from inside a kernel.
 */
class ErrorMessagesTest {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final Class<IndexOutOfBoundsException> IOOBE = IndexOutOfBoundsException.class;
    private final List<DynamicTest> rows = new ArrayList<>();

    private void bad(String name, Class<? extends RuntimeException> type, Executable call, String... fragments) {
        rows.add(DynamicTest.dynamicTest(name, () -> {
            try {
                call.execute();
            } catch (Throwable e) {
                if (e instanceof ArrayIndexOutOfBoundsException || e instanceof NullPointerException || e instanceof ClassCastException
                        || !type.isInstance(e)) {
                    throw new AssertionError("expected " + type.getSimpleName() + " but got " + e, e);
                }
                String msg = String.valueOf(e.getMessage());
                for (String f : fragments) assertTrue(msg.contains(f), () -> "message '" + msg + "' lacks '" + f + "'");
                return;
            }
            fail("no exception for " + name);
        }));
    }

    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    private static Tensor idx(long... v) {
        return Tensor.of(v);
    }

    @TestFactory
    List<DynamicTest> shapeMismatches() {
        bad("add", IAE, () -> z(2, 3).add(z(4)), "add", "(2, 3)", "(4,)");
        bad("mul", IAE, () -> z(2, 3).mul(z(3, 2)), "mul", "(2, 3)", "(3, 2)");
        bad("where", IAE, () -> Tensor.where(z(2).gt(0), z(3), z(2)), "where", "(3,)");
        bad("maximum", IAE, () -> z(2).maximum(z(3)), "maximum", "(2,)", "(3,)");
        bad("matmul 2D", IAE, () -> z(2, 3).matmul(z(4, 5)), "matmul", "(2, 3)", "(4, 5)");
        bad("matmul 2D 1D", IAE, () -> z(2, 3).matmul(z(4)), "matmul", "(2, 3)", "(4,)");
        bad("matmul 1D 1D", IAE, () -> z(3).matmul(z(4)), "matmul", "(3,)", "(4,)");
        bad("matmul batched", IAE, () -> z(2, 2, 3).matmul(z(4, 5)), "matmul", "(2, 2, 3)", "(4, 5)");
        bad("matmul batch broadcast", IAE, () -> z(2, 2, 3).matmul(z(3, 3, 5)), "matmul", "not broadcastable");
        bad("matmul 0-D", IAE, () -> Tensor.scalar(1).matmul(z(2)), "matmul", "1D");
        bad("matmul dtypes", IAE, () -> z(2, 2).matmul(Tensor.zeros(DType.FLOAT64, 2, 2)), "same dtype", "float32", "float64");
        bad("mm", IAE, () -> z(2, 3).mm(z(4, 5)), "mm", "2x3", "4x5");
        bad("mm 1D", IAE, () -> z(3).mm(z(3, 2)), "mm", "2-D", "(3,)");
        bad("bmm", IAE, () -> z(2, 3, 4).bmm(z(3, 4, 5)), "bmm", "(2, 3, 4)", "(3, 4, 5)");
        bad("mv", IAE, () -> z(2, 3).mv(z(4)), "mv", "(2, 3)", "(4,)");
        bad("dot", IAE, () -> z(3).dot(z(4)), "dot", "3", "4");
        bad("dot 2D", IAE, () -> z(3, 1).dot(z(3)), "dot", "1D");
        bad("einsum operand count", IAE, () -> Tensor.einsum("ij,jk->ik", z(2, 3)), "einsum", "2 operands");
        bad("einsum subscripts", IAE, () -> Tensor.einsum("ijk->i", z(2, 3)), "einsum", "ijk");
        bad("einsum sizes", IAE, () -> Tensor.einsum("ij,jk->ik", z(2, 3), z(4, 5)), "einsum", "'j'");
        bad("einsum output", IAE, () -> Tensor.einsum("ij->k", z(2, 3)), "einsum", "'k'");
        bad("cat sizes", IAE, () -> Tensor.cat(0, z(2, 3), z(2, 4)), "cat", "Expected size 3 but got size 4", "tensor number 1");
        bad("cat ndim", IAE, () -> Tensor.cat(0, z(2, 3), z(3)), "cat", "same number of dimensions");
        bad("cat empty", IAE, () -> Tensor.cat(List.of(), 0), "cat", "non-empty");
        bad("cat 0-D", IAE, () -> Tensor.cat(0, Tensor.scalar(1), Tensor.scalar(2)), "cat", "zero-dimensional");
        bad("stack", IAE, () -> Tensor.stack(0, z(2, 3), z(3, 2)), "stack", "(2, 3)", "(3, 2)");
        bad("expand", IAE, () -> z(2, 3).expand(4, 3), "expand", "4", "2");
        bad("in-place broadcast", IAE, () -> z(3).add_(z(2, 3)), "add_", "(3,)", "(2, 3)");
        bad("copy_", IAE, () -> z(3).copy_(z(4)), "copy_", "(4,)", "(3,)");
        bad("masked_fill", IAE, () -> z(3).maskedFill(Tensor.zeros(DType.BOOL, 2, 3), 1), "masked_fill", "(2, 3)", "(3,)");
        bad("index_add source", IAE, () -> z(3, 2).indexAdd(0, idx(0), z(2, 2)), "index_add", "(2, 2)");
        bad("scatter src ndim", IAE, () -> z(3, 4).scatter(1, Tensor.zeros(DType.INT64, 1, 2), z(2)), "scatter", "(2,)");
        bad("scatter src small", IAE, () -> z(3, 4).scatter(1, Tensor.zeros(DType.INT64, 2, 3), z(2, 2)), "scatter", "(2, 3)", "(2, 2)");
        bad("gather ndim", IAE, () -> z(3, 4).gather(1, idx(0, 1)), "gather", "(2,)", "(3, 4)");
        bad("gather size", IAE, () -> z(3, 4).gather(1, Tensor.zeros(DType.INT64, 4, 1)), "gather", "(4, 1)", "(3, 4)");
        bad("repeat", IAE, () -> z(2, 3).repeat(2), "repeat");
        bad("split sizes", IAE, () -> z(5).split(new int[] {2, 2}, 0), "split", "5");
        bad("triu 1D", IAE, () -> z(3).triu(), "triu", "(3,)");
        bad("topk", IAE, () -> z(2, 3).topk(4), "topk", "4", "3");
        bad("allclose shapes", IAE, () -> z(2).allclose(z(3)), "allclose");
        return rows;
    }

    @TestFactory
    List<DynamicTest> badDims() {
        bad("sum", IAE, () -> z(2, 3).sum(3), "sum", "3", "[-2, 1]");
        bad("mean", IAE, () -> z(2, 3).mean(-3), "mean", "-3");
        bad("amax dup", IAE, () -> z(2, 3).amax(new int[] {1, -1}, false), "amax", "multiple times");
        bad("max", IAE, () -> z(2, 3).max(2), "max", "2");
        bad("argmax", IAE, () -> z(2, 3).argmax(2), "argmax", "2");
        bad("softmax-like logsumexp", IAE, () -> z(2, 3).logsumexp(5), "5");
        bad("cumsum", IAE, () -> z(2).cumsum(1), "cumsum", "1");
        bad("transpose", IAE, () -> z(2, 3).transpose(0, 2), "transpose", "2");
        bad("permute", IAE, () -> z(2, 3).permute(0, 2), "permute", "2");
        bad("squeeze", IAE, () -> z(2, 3).squeeze(2), "squeeze", "2");
        bad("unsqueeze", IAE, () -> z(2, 3).unsqueeze(-4), "unsqueeze", "-4");
        bad("narrow", IAE, () -> z(2, 3).narrow(2, 0, 1), "narrow", "2");
        bad("select dim", IAE, () -> z(2, 3).select(2, 0), "select", "2");
        bad("flatten", IAE, () -> z(2, 3, 4).flatten(2, 1), "flatten", "start_dim");
        bad("movedim", IAE, () -> z(2, 3).movedim(0, 2), "movedim", "2");
        bad("cat dim", IAE, () -> Tensor.cat(2, z(2, 3), z(2, 3)), "cat", "2");
        bad("stack dim", IAE, () -> Tensor.stack(3, z(2, 3), z(2, 3)), "stack", "3");
        bad("gather dim", IAE, () -> z(2, 3).gather(2, Tensor.zeros(DType.INT64, 2, 3)), "gather", "2");
        bad("index_select dim", IAE, () -> z(2, 3).indexSelect(2, idx(0)), "index_select", "2");
        bad("sort dim", IAE, () -> z(2, 3).sort(2, false), "sort", "2");
        bad("flip dup", IAE, () -> z(2, 3).flip(0, 0), "flip", "multiple times");
        bad("roll dim", IAE, () -> z(2, 3).roll(1, 2), "roll", "2");
        bad("roll 0-D", IAE, () -> Tensor.scalar(1).roll(1, 0), "roll");
        bad("split dim", IAE, () -> z(2, 3).split(1, 2), "split", "2");
        bad("chunk count", IAE, () -> z(2, 3).chunk(0, 0), "chunk");
        bad("unbind dim", IAE, () -> z(2, 3).unbind(2), "unbind", "2");
        bad("size", IAE, () -> z(2, 3).size(2), "size", "2");
        return rows;
    }

    @TestFactory
    List<DynamicTest> badViewsAndValues() {
        bad("view size", IAE, () -> z(2, 3).view(4), "view", "[4]", "6");
        bad("view strides", IAE, () -> z(2, 3).t().view(6), "view", "reshape");
        bad("view two -1", IAE, () -> z(2, 3).view(-1, -1), "view", "only one dimension");
        bad("reshape", IAE, () -> z(2, 3).reshape(-1, 4), "reshape", "6");
        bad("unflatten", IAE, () -> z(2, 6).unflatten(1, 4, 2), "unflatten", "6");
        bad("negative size", IAE, () -> Tensor.zeros(2, -3), "negative dimension");
        bad("item", IAE, () -> z(2).item(), "item", "2 elements");
        bad("fromArray", IAE, () -> Tensor.fromArray(new float[3], 2, 2), "fromArray", "(2, 2)", "3");
        bad("arange", IAE, () -> Tensor.arange(0, 10, -1), "arange");
        bad("clamp", IAE, () -> z(2).clamp(Double.NaN, Double.NaN), "clamp");
        bad("slice step", IAE, () -> z(4).slice(0, 0, 4, -1), "slice", "step");
        bad("setGrad", IAE, () -> z(2).setGrad(z(3)), "setGrad", "(3,)", "(2,)");
        return rows;
    }

    @TestFactory
    List<DynamicTest> indicesAndDtypes() {
        bad("gather range", IOOBE, () -> z(3, 4).gather(1, Tensor.fromArray(new long[] {5}, 1, 1)), "gather", "index 5", "size 4");
        bad("gather negative", IOOBE, () -> z(3, 4).gather(1, Tensor.fromArray(new long[] {-5}, 1, 1)), "gather", "-5");
        bad("index_select range", IOOBE, () -> z(3, 4).indexSelect(0, idx(3)), "index_select", "index 3", "size 3");
        bad("index_add range", IOOBE, () -> z(3, 4).indexAdd(0, idx(7), z(1, 4)), "index_add", "7");
        bad("scatter range", IOOBE, () -> z(3, 4).scatter(1, Tensor.fromArray(new long[] {4}, 1, 1), z(1, 1)), "scatter", "4");
        bad("scatter_add range", IOOBE, () -> z(3, 4).scatterAdd(0, Tensor.fromArray(new long[] {3}, 1, 1), z(1, 1)), "scatter_add", "3");
        bad("select range", IOOBE, () -> z(3, 4).select(1, 4), "select", "4");
        bad("get range", IOOBE, () -> z(3, 4).get(3, 0), "get", "3");
        bad("gather float index", IAE, () -> z(3, 4).gather(1, z(3, 1)), "gather", "int64", "float32");
        bad("index_select float index", IAE, () -> z(3, 4).indexSelect(0, Tensor.of(0f)), "index_select", "int64");
        bad("index_select 2-D index", IAE, () -> z(3, 4).indexSelect(0, Tensor.zeros(DType.INT64, 1, 1)), "index_select", "(1, 1)");
        bad("masked_fill int mask", IAE, () -> z(3).maskedFill(Tensor.of(1L, 0L, 1L), 1), "masked_fill", "bool", "int64");
        bad("masked_select float mask", IAE, () -> z(3).maskedSelect(z(3)), "masked_select", "bool");
        bad("where float condition", IAE, () -> Tensor.where(z(3), z(3), z(3)), "where", "bool");
        bad("mean of int64", IAE, () -> Tensor.of(1L, 2L).mean(), "mean", "int64");
        bad("var of int64", IAE, () -> Tensor.of(1L, 2L).var(), "var", "int64");
        bad("requires_grad int", IAE, () -> Tensor.of(1L).requiresGrad_(true), "floating point", "int64");
        bad("randn int", IAE, () -> Tensor.randn(DType.INT64, new Generator(1), 2), "randn", "int64");
        bad("matmul bool", IAE, () -> Tensor.zeros(DType.BOOL, 2, 2).matmul(Tensor.zeros(DType.BOOL, 2, 2)), "bool");
        bad("bool sub", IAE, () -> Tensor.of(true).sub(Tensor.of(false)), "sub", "bool");
        bad("int negative pow", IAE, () -> Tensor.of(2L).pow(-2), "pow", "negative");
        bad("int div_", IAE, () -> Tensor.of(1L, 2L).div_(2), "div_", "result type torch.float32 can't be cast to the desired output type torch.int64");
        bad("int mul_ float", IAE, () -> Tensor.of(1L, 2L).mul_(2.5), "mul_", "torch.int64");
        bad("bool add_", IAE, () -> Tensor.of(true).add_(1), "add_", "torch.bool");
        bad("int clamp_ float", IAE, () -> Tensor.of(1L).clamp_(0.5, 2), "clamp_", "torch.float32");
        bad("dtype name", IAE, () -> DType.fromName("float16"), "float16");
        return rows;
    }

    @TestFactory
    List<DynamicTest> autogradMisuse() {
        Class<IllegalStateException> ISE = IllegalStateException.class;
        bad("backward non-scalar", ISE, () -> Tensor.ones(2).requiresGrad_(true).mul(2).backward(), "backward", "scalar outputs", "(2,)");
        bad("backward no grad", ISE, () -> Tensor.ones(1).backward(), "does not require grad");
        bad("backward gradient shape", IAE, () -> Tensor.ones(2).requiresGrad_(true).mul(2).backward(z(3)), "backward", "(3,)", "(2,)");
        bad("in-place leaf", ISE, () -> Tensor.ones(2).requiresGrad_(true).mul_(2), "mul_", "leaf Variable");
        bad("requires_grad non-leaf", ISE, () -> Tensor.ones(2).requiresGrad_(true).mul(2).requiresGrad_(false), "leaf");
        return rows;
    }
}
