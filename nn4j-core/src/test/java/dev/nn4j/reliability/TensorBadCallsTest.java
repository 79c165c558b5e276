package dev.nn4j.reliability;

import static dev.nn4j.reliability.BadCalls.IOOBE;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad calls of Tensor that ErrorMessagesTest (shapes, dims, views, indices, dtypes, autograd misuse) leaves out:
 * factories, random fills, null operands, ranges of views and indexing, and in-place ops whose result does not
 * fit the destination.
 */
class TensorBadCallsTest {
    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    @TestFactory
    List<DynamicTest> factories() {
        BadCalls t = new BadCalls();
        Generator g = new Generator(0);
        t.iae("randint empty range", () -> Tensor.randint(5, 5, 3), "randint", "5");
        t.iae("randint reversed range", () -> Tensor.randint(5, 2, 3), "randint", "5", "2");
        t.iae("randperm negative", () -> Tensor.randperm(-1), "randperm", "-1");
        t.iae("linspace negative steps", () -> Tensor.linspace(0, 1, -2), "linspace", "-2");
        t.iae("eye negative", () -> Tensor.eye(-1), "eye", "-1");
        t.iae("eye negative columns", () -> Tensor.eye(2, -3, DType.FLOAT32), "eye", "-3");
        t.iae("arange zero step", () -> Tensor.arange(0, 10, 0), "arange", "step");
        t.iae("arange NaN bound", () -> Tensor.arange(0, Double.NaN, 1), "arange", "NaN");
        t.iae("arange infinite bound", () -> Tensor.arange(0, Double.POSITIVE_INFINITY, 1), "arange", "Infinity");
        t.iae("full negative shape", () -> Tensor.full(new int[] {-1, 2}, 1.0), "negative dimension", "-1");
        t.iae("zeros overflowing numel", () -> Tensor.zeros(1 << 16, 1 << 16, 4), "65536");
        t.iae("rand int dtype", () -> Tensor.rand(DType.INT64, g, 2), "rand", "int64");
        t.iae("fromArray null data", () -> Tensor.fromArray((float[]) null, 2), "fromArray", "null");
        t.iae("fromArray too much data", () -> Tensor.fromArray(new double[5], 2, 2), "fromArray", "(2, 2)", "5");
        t.iae("fromArray ragged rows", () -> Tensor.fromArray(new float[][] {{1, 2}, {3}}), "fromArray", "row 1");
        t.iae("uniform_ reversed", () -> z(3).uniform_(1, 0), "uniform_", "1", "0");
        t.iae("normal_ negative std", () -> z(3).normal_(0, -1), "normal_", "std", "-1");
        t.iae("bernoulli_ p", () -> z(3).bernoulli_(1.5, new Generator(0)), "bernoulli_", "1.5");
        t.iae("uniform_ on int64", () -> Tensor.zeros(DType.INT64, 3).uniform_(0, 1), "uniform_", "int64");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> nullOperands() {
        BadCalls t = new BadCalls();
        t.iae("add null", () -> z(2).add((Tensor) null), "add", "null");
        t.iae("mul null", () -> z(2).mul((Tensor) null), "mul", "null");
        t.iae("matmul null", () -> z(2, 2).matmul(null), "matmul", "null");
        t.iae("cat null element", () -> Tensor.cat(0, z(2), null), "cat", "null");
        t.iae("stack null list", () -> Tensor.stack((List<Tensor>) null, 0), "stack", "null");
        t.iae("where null", () -> Tensor.where(null, z(2), z(2)), "where", "null");
        t.iae("copy_ null", () -> z(2).copy_(null), "copy_", "null");
        t.iae("to null dtype", () -> z(2).to((DType) null), "to", "null");
        t.iae("view null shape", () -> z(2).view((int[]) null), "view", "null");
        t.iae("gather null index", () -> z(2).gather(0, null), "gather", "null");
        t.iae("maskedFill null mask", () -> z(2).maskedFill(null, 1.0), "masked_fill", "null");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> rangesAndInPlace() {
        BadCalls t = new BadCalls();
        t.iae("narrow past the end", () -> z(4, 3).narrow(0, 2, 3), "narrow", "2", "3", "4");
        t.iae("narrow negative length", () -> z(4).narrow(0, 1, -1), "narrow", "-1");
        t.iae("narrow start out of range", () -> z(4).narrow(0, 5, 0), "narrow", "5");
        t.iae("split negative size", () -> z(4).split(-1, 0), "split", "-1");
        t.iae("chunk negative", () -> z(4).chunk(-2, 0), "chunk", "-2");
        t.iae("repeatInterleave negative", () -> z(4).repeatInterleave(-1, 0), "repeat_interleave", "-1");
        t.iae("topk negative", () -> z(4).topk(-1), "topk", "-1");
        t.iae("repeat fewer dims", () -> z(2, 3).repeat(2), "repeat", "(1)", "(2)");
        t.iae("repeat negative", () -> z(2).repeat(-1), "repeat", "-1");
        t.iae("expand negative", () -> z(1, 3).expand(-2, 3), "expand", "-2");
        t.iae("flip dim", () -> z(2, 3).flip(2), "flip", "2");
        t.iae("sumToSize", () -> z(2, 3).sumToSize(4), "sumToSize", "(4,)", "(2, 3)");
        t.iae("broadcastTo", () -> z(2, 3).broadcastTo(3, 3), "expand", "[3, 3]", "[2, 3]");
        t.iae("get wrong index count", () -> z(2, 3).get(1), "get", "2 indices", "(2, 3)", "got 1");
        t.row("get negative", IOOBE, () -> z(2, 3).get(0, -4), "get", "-4");
        t.row("set out of range", IOOBE, () -> z(2, 3).set(5.0, 2, 0), "set", "2");
        t.iae("item of empty", () -> z(0).item(), "item", "0 elements");
        t.iae("in-place result does not fit", () -> z(3).add_(z(2, 3)), "add_", "(3,)", "(2, 3)");
        t.iae("in-place float into int", () -> Tensor.zeros(DType.INT64, 2).mul_(Tensor.of(0.5f, 0.5f)), "mul_", "int64");
        t.iae("in-place into bool", () -> Tensor.zeros(DType.BOOL, 2).add_(Tensor.of(1L, 1L)), "add_", "bool");
        t.iae("in-place on an expanded view", () -> z(1).expand(3).add_(Tensor.ones(3)), "add_", "memory location");
        t.iae("clamp bounds of the wrong shape", () -> z(3).clamp(z(2), z(3)), "clamp", "(3,)", "(2,)");
        t.iae("clamp without bounds", () -> z(3).clamp((Tensor) null, null), "clamp", "'min' or 'max'");
        t.iae("permute repeated", () -> z(2, 3).permute(0, 0), "permute", "repeated");
        t.iae("einsum ellipsis count", () -> Tensor.einsum("...ij,...jk", z(2, 2, 2)), "einsum");
        return t.tests();
    }

}
