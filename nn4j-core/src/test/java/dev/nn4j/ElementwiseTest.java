package dev.nn4j;

import static dev.nn4j.Ref.assertFails;
import static dev.nn4j.Ref.assertShape;
import static dev.nn4j.Ref.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.backend.BinaryOp;
import dev.nn4j.backend.UnaryOp;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Broadcasting, type promotion and the values of every elementwise op against a naive reference. */
class ElementwiseTest {

    static Tensor callBinary(BinaryOp op, Tensor a, Tensor b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case POW -> a.pow(b);
            case MAXIMUM -> a.maximum(b);
            case MINIMUM -> a.minimum(b);
            case ATAN2 -> a.atan2(b);
            case FMOD -> a.fmod(b);
            case REMAINDER -> a.remainder(b);
            case FLOOR_DIVIDE -> a.floorDivide(b);
            case EQ -> a.eq(b);
            case NE -> a.ne(b);
            case LT -> a.lt(b);
            case LE -> a.le(b);
            case GT -> a.gt(b);
            case GE -> a.ge(b);
            case LOGICAL_AND -> a.logicalAnd(b);
            case LOGICAL_OR -> a.logicalOr(b);
            case LOGICAL_XOR -> a.logicalXor(b);
        };
    }

    static Tensor callUnary(UnaryOp op, Tensor x) {
        return switch (op) {
            case NEG -> x.neg();
            case ABS -> x.abs();
            case EXP -> x.exp();
            case EXPM1 -> x.expm1();
            case LOG -> x.log();
            case LOG1P -> x.log1p();
            case LOG2 -> x.log2();
            case LOG10 -> x.log10();
            case SQRT -> x.sqrt();
            case RSQRT -> x.rsqrt();
            case SQUARE -> x.square();
            case RECIPROCAL -> x.reciprocal();
            case SIN -> x.sin();
            case COS -> x.cos();
            case TAN -> x.tan();
            case ASIN -> x.asin();
            case ACOS -> x.acos();
            case ATAN -> x.atan();
            case SINH -> x.sinh();
            case COSH -> x.cosh();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case RELU -> x.relu();
            case SIGN -> x.sign();
            case FLOOR -> x.floor();
            case CEIL -> x.ceil();
            case ROUND -> x.round();
            case TRUNC -> x.trunc();
            case FRAC -> x.frac();
            case ERF -> x.erf();
            case ERFC -> x.erfc();
            case ERFINV -> x.erfinv();
            case LGAMMA -> x.lgamma();
            case DIGAMMA -> x.digamma();
            case LOGICAL_NOT -> x.logicalNot();
            case ISNAN -> x.isnan();
            case ISINF -> x.isinf();
            case ISFINITE -> x.isfinite();
            default -> Elementwise.unary(op, x);
        };
    }

    private static int category(DType d) {
        return switch (d) {
            case BOOL -> 0;
            case INT64 -> 1;
            default -> 2;
        };
    }

    /** PyTorch's result_type: dimensioned tensors win over 0-dim ones unless the 0-dim one is of a higher category. */
    static DType resultType(DType a, boolean aZeroDim, DType b, boolean bZeroDim) {
        if (aZeroDim == bZeroDim) return DType.promote(a, b);
        DType dimmed = aZeroDim ? b : a, zero = aZeroDim ? a : b;
        return category(zero) > category(dimmed) ? zero : dimmed;
    }

    static double cast(double v, DType d) {
        return switch (d) {
            case FLOAT32 -> (float) v;
            case FLOAT64 -> v;
            case INT64 -> (double) (long) v;
            case BOOL -> v != 0 ? 1 : 0;
        };
    }

    /** PyTorch's div_floor for floating point (c10/util/generic_math.h). */
    static double floorDivide(double a, double b) {
        if (b == 0) return a / b;
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
        if (div == 0) return Math.copySign(0, a / b);
        double f = Math.floor(div);
        if (div - f > 0.5) f += 1;
        return f;
    }

    static double reference(BinaryOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case MAXIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MINIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case FMOD -> a % b;
            case REMAINDER -> {
                double m = a % b;
                yield m != 0 && (m < 0) != (b < 0) ? m + b : m;
            }
            case FLOOR_DIVIDE -> floorDivide(a, b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LOGICAL_AND -> a != 0 && b != 0 ? 1 : 0;
            case LOGICAL_OR -> a != 0 || b != 0 ? 1 : 0;
            case LOGICAL_XOR -> (a != 0) != (b != 0) ? 1 : 0;
        };
    }

    private static final DType[] DTYPES = DType.values();

    /** Every binary op, random broadcastable shapes (zero-size and size-1 dims included), random layouts and dtypes. */
    @Property(tries = 60)
    void binaryOpsMatchNaiveBroadcastReference(@ForAll long seed) {
        Random r = new Random(seed);
        int[] out = Ref.randomShape(r, 4, 0, 4);
        int[] sa = r.nextBoolean() ? out : Ref.broadcastableTo(r, out);
        int[] sb = Ref.broadcastableTo(r, out);
        if (r.nextBoolean()) {
            int[] tmp = sa;
            sa = sb;
            sb = tmp;
        }
        int[] shape = Ref.broadcastShape(sa, sb);
        DType da = DTYPES[r.nextInt(4)], db = DTYPES[r.nextInt(4)];
        double[] va = Ref.randomValues(r, da, Ref.numel(sa)), vb = Ref.randomValues(r, db, Ref.numel(sb));
        Tensor a = Ref.layout(va, da, sa, r.nextInt(4)), b = Ref.layout(vb, db, sb, r.nextInt(4));
        if (r.nextInt(4) == 0) a = a.expand(Ref.broadcastShape(sa, shape));
        double[] ea = Ref.broadcast(va, sa, shape), eb = Ref.broadcast(vb, sb, shape);
        for (BinaryOp op : BinaryOp.values()) {
            DType compute = resultType(da, a.dim() == 0, db, b.dim() == 0);
            boolean bothBool = compute == DType.BOOL;
            if (bothBool && op != BinaryOp.ADD && op != BinaryOp.MUL && op != BinaryOp.MAXIMUM && op != BinaryOp.MINIMUM
                    && !op.isPredicate()) {
                continue;   // sub/pow/div-like ops on bool pairs are errors or int64 in PyTorch, tested separately
            }
            boolean intDiv = compute == DType.INT64 && (op == BinaryOp.FMOD || op == BinaryOp.REMAINDER || op == BinaryOp.FLOOR_DIVIDE);
            boolean intPow = compute == DType.INT64 && op == BinaryOp.POW;
            Tensor bb = b;
            double[] ebb = eb;
            if (intDiv || intPow) {
                // integer division by zero and negative integer powers are errors in PyTorch
                double[] fixed = vb.clone();
                for (int i = 0; i < fixed.length; i++) fixed[i] = cast(intPow ? Math.abs(fixed[i]) % 5 : (fixed[i] == 0 ? 3 : fixed[i]), db);
                bb = Ref.layout(fixed, db, sb, 0);
                ebb = Ref.broadcast(fixed, sb, shape);
            }
            DType outType = op.isPredicate() ? DType.BOOL
                    : (op == BinaryOp.DIV || op == BinaryOp.ATAN2) && !compute.isFloatingPoint() ? DType.FLOAT32 : compute;
            DType computeType = op.isPredicate() ? compute : outType;
            Tensor res = callBinary(op, a, bb);
            String what = op + " " + da + Ref.numel(sa) + " " + db;
            assertEquals(outType, res.dtype(), what);
            assertArrayEquals(shape, res.shape(), what);
            double[] expected = new double[ea.length];
            for (int i = 0; i < expected.length; i++) {
                double x = cast(ea[i], computeType), y = cast(ebb[i], computeType);
                expected[i] = cast(reference(op, x, y), outType);
            }
            assertValues(what + " " + java.util.Arrays.toString(sa) + " " + java.util.Arrays.toString(sb), expected, res, 0);
        }
    }

    /** Every unary op on random layouts of every dtype, against the op's scalar definition. */
    @Property(tries = 40)
    void unaryOpsMatchScalarDefinitions(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = Ref.randomShape(r, 3, 0, 5);
        DType dt = DTYPES[r.nextInt(3)];
        double[] v = Ref.randomValues(r, dt, Ref.numel(shape));
        if (v.length > 2 && dt.isFloatingPoint()) {
            v[0] = Double.NaN;
            v[1] = r.nextBoolean() ? Double.POSITIVE_INFINITY : -0.0;
            v[2] = r.nextDouble() * 2 - 1;
        }
        Tensor x = Ref.layout(v, dt, shape, r.nextInt(4));
        for (UnaryOp op : UnaryOp.values()) {
            Tensor y = callUnary(op, x);
            DType outType = op.isPredicate() ? DType.BOOL : dt.isFloatingPoint() || !op.keepsIntegers() ? dt.toFloating() : dt;
            assertEquals(outType, y.dtype(), op + " of " + dt);
            assertShape(shape, y);
            double[] expected = new double[v.length];
            for (int i = 0; i < v.length; i++) expected[i] = cast(op.apply(cast(v[i], outType == DType.BOOL ? dt : outType)), outType);
            // float32 transcendental kernels may use the Vector API's approximations (within a few ulps)
            double tol = outType == DType.FLOAT32 ? 3e-6 : 1e-12;
            assertValues(op + " " + dt, expected, y, tol);
        }
    }

    /** float64 unary ops on NaN, infinities, signed zeros and halves against PyTorch (tools/golden/unary_special_values.py). */
    @org.junit.jupiter.api.TestFactory
    java.util.List<org.junit.jupiter.api.DynamicTest> unaryOpsOnSpecialValuesMatchPyTorch() throws java.io.IOException {
        String text;
        try (var in = ElementwiseTest.class.getResourceAsStream("/golden/unary_special_values.txt")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String[] lines = text.strip().split("\n");
        double[] inputs = parse(lines[0]);
        Tensor x = Tensor.fromArray(inputs, inputs.length);
        java.util.List<org.junit.jupiter.api.DynamicTest> tests = new java.util.ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            String name = lines[l].substring(0, lines[l].indexOf(' '));
            double[] expected = parse(lines[l]);
            UnaryOp op = UnaryOp.valueOf(name.toUpperCase());
            tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> {
                double[] got = callUnary(op, x).toDoubleArray();
                for (int i = 0; i < got.length; i++) {
                    String at = name + "(" + inputs[i] + ")";
                    double e = expected[i];
                    if (Double.isNaN(e) || Double.isInfinite(e) || e == 0) {
                        assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(got[i]), at + " = " + e + ", got " + got[i]);
                    } else {
                        assertEquals(e, got[i], 1e-13 * Math.abs(e), at);
                    }
                }
            }));
        }
        return tests;
    }

    /** float64 binary ops on every pair of special values against PyTorch (tools/golden/binary_special_values.py). */
    @org.junit.jupiter.api.TestFactory
    java.util.List<org.junit.jupiter.api.DynamicTest> binaryOpsOnSpecialValuesMatchPyTorch() throws java.io.IOException {
        String text;
        try (var in = ElementwiseTest.class.getResourceAsStream("/golden/binary_special_values.txt")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String[] lines = text.strip().split("\n");
        double[] va = parse(lines[0]), vb = parse(lines[1]);
        Tensor a = Tensor.fromArray(va, va.length), b = Tensor.fromArray(vb, vb.length);
        java.util.List<org.junit.jupiter.api.DynamicTest> tests = new java.util.ArrayList<>();
        for (int l = 2; l < lines.length; l++) {
            String name = lines[l].substring(0, lines[l].indexOf(' '));
            double[] expected = parse(lines[l]);
            BinaryOp op = BinaryOp.valueOf(name.toUpperCase());
            tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> {
                double[] got = callBinary(op, a, b).toDoubleArray();
                StringBuilder bad = new StringBuilder();
                for (int i = 0; i < got.length; i++) {
                    double e = expected[i];
                    boolean ok = Double.isNaN(e) || Double.isInfinite(e) || e == 0
                            ? Double.doubleToLongBits(e) == Double.doubleToLongBits(got[i])
                            : Math.abs(e - got[i]) <= 1e-13 * Math.abs(e);
                    if (!ok) bad.append(String.format(" %s(%s, %s) = %s, got %s;", name, va[i], vb[i], e, got[i]));
                }
                assertTrue(bad.isEmpty(), bad.toString());
            }));
        }
        return tests;
    }

    private static double[] parse(String line) {
        String[] parts = line.trim().split(" ");
        double[] v = new double[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            v[i - 1] = switch (parts[i]) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(parts[i]);
            };
        }
        return v;
    }

    @Test
    void typePromotion() {
        Tensor i = Tensor.of(1L, 2L, 3L), f = Tensor.of(0.5f, 1f, 1.5f), d = Tensor.of(1.0, 2.0, 3.0), b = Tensor.of(true, false, true);
        assertEquals(DType.FLOAT32, i.add(f).dtype());
        assertEquals(DType.FLOAT64, f.add(d).dtype());
        assertEquals(DType.INT64, i.add(b).dtype());
        assertEquals(DType.FLOAT32, i.div(Tensor.of(2L, 2L, 2L)).dtype());
        assertValues(new double[] {0.5, 1, 1.5}, i.div(Tensor.of(2L, 2L, 2L)), 0);
        assertEquals(DType.FLOAT32, i.div(2).dtype());
        assertEquals(DType.INT64, i.mul(2).dtype());
        assertEquals(DType.FLOAT32, i.mul(2.5).dtype());
        assertEquals(DType.INT64, b.add(1).dtype());
        assertEquals(DType.BOOL, i.lt(f).dtype());
        assertEquals(DType.BOOL, i.eq(2).dtype());
        assertArrayEquals(new boolean[] {false, true, false}, i.eq(2.0).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false}, i.eq(2.5).toBooleanArray());
        // 0-dim tensors don't promote dimensioned ones of the same category: torch.ones(2) + torch.tensor(1., dtype=float64) is float32
        assertEquals(DType.FLOAT32, f.add(Tensor.scalar(1, DType.FLOAT64)).dtype());
        assertEquals(DType.FLOAT64, i.add(Tensor.scalar(1, DType.FLOAT64)).dtype());
        assertEquals(DType.INT64, b.add(Tensor.scalar(1, DType.INT64)).dtype());
        assertEquals(DType.FLOAT64, Tensor.scalar(1, DType.FLOAT32).add(Tensor.scalar(1, DType.FLOAT64)).dtype());
        // bool (+) bool stays bool in PyTorch (logical or); (*) is logical and
        assertArrayEquals(new boolean[] {true, true, true}, b.add(Tensor.of(true, true, false)).toBooleanArray());
        assertEquals(DType.BOOL, b.mul(b).dtype());
        assertFails(IllegalArgumentException.class, () -> b.sub(b), "bool");
        assertFails(IllegalArgumentException.class, () -> b.neg(), "bool");
        // unary math on integers gives float32; sign/abs/relu keep int64
        assertEquals(DType.FLOAT32, i.sqrt().dtype());
        assertEquals(DType.FLOAT32, i.exp().dtype());
        assertEquals(DType.INT64, i.abs().dtype());
        assertEquals(DType.INT64, i.neg().dtype());
        assertEquals(DType.FLOAT32, b.sqrt().dtype());
        // torch.pow(int, int) stays int, a float exponent makes float32, a negative integer scalar power fails
        // (a tensor of negative integer exponents does not: PyTorch's powi, see integerPowWithTensorExponent...)
        assertEquals(DType.INT64, i.pow(2).dtype());
        assertArrayEquals(new long[] {1, 8, 27}, i.pow(3).toLongArray());
        assertEquals(DType.FLOAT32, i.pow(0.5).dtype());
        assertFails(IllegalArgumentException.class, () -> i.pow(-1), "negative integer powers");
        assertArrayEquals(new long[] {1, 0, 0}, i.pow(Tensor.of(-1L, -1L, -2L)).toLongArray());
    }

    @Test
    void scalarOverloads() {
        Tensor x = Tensor.of(1f, -2f, 3f);
        assertValues(new double[] {3, 0, 5}, x.add(2), 0);
        assertValues(new double[] {-1, -4, 1}, x.sub(2), 0);
        assertValues(new double[] {1, 4, -1}, x.rsub(2), 0);
        assertValues(new double[] {2, -4, 6}, x.mul(2), 0);
        assertValues(new double[] {0.5, -1, 1.5}, x.div(2), 0);
        assertValues(new double[] {1, 4, 9}, x.pow(2), 0);
        assertValues(new double[] {1, -8, 27}, x.pow(3), 0);
        assertValues(new double[] {1, Double.NaN, Math.sqrt(3)}, x.pow(0.5), 1e-7);
        assertValues(new double[] {1, 1, 1}, x.pow(0), 0);
        assertValues(new double[] {1, 0, 1}, x.remainder(2), 0);
        assertValues(new double[] {1, -0.0, 1}, x.fmod(2), 0);
        assertValues(new double[] {0, -1, 1}, x.floorDivide(2), 0);
        assertValues(new double[] {5, 0, 9}, x.add(Tensor.of(2f, 1f, 3f), 2), 0);
        assertValues(new double[] {-3, -4, -3}, x.sub(Tensor.of(2f, 1f, 3f), 2), 0);
        assertArrayEquals(new boolean[] {false, true, false}, x.lt(0).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, false}, x.le(1).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, true}, x.gt(0).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, true}, x.ge(1).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, false}, x.eq(1).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, true}, x.ne(1).toBooleanArray());
        assertValues(new double[] {1, -1, 2}, x.clamp(-1, 2), 0);
        assertValues(new double[] {1, -1, 3}, x.clampMin(-1), 0);
        assertValues(new double[] {1, -2, 2}, x.clampMax(2), 0);
        assertFails(IllegalArgumentException.class, () -> x.clamp(Double.NaN, Double.NaN), "clamp");
        // torch.floor_divide(torch.tensor([1.]), torch.tensor([0.1])) == 9 (floor of the exact quotient)
        assertValues(new double[] {9}, Tensor.of(1f).floorDivide(Tensor.of(0.1f)), 0);
        assertValues(new double[] {9}, Tensor.of(1.0).floorDivide(Tensor.of(0.1)), 0);
        assertValues(new double[] {-4, -4}, Tensor.of(-7L, 7L).floorDivide(Tensor.of(2L, -2L)), 0);
        assertValues(new double[] {1, -1}, Tensor.of(-7L, 7L).remainder(Tensor.of(2L, -2L)), 0);
        assertValues(new double[] {-1, 1}, Tensor.of(-7L, 7L).fmod(Tensor.of(2L, -2L)), 0);
    }

    @Test
    void nanPropagation() {
        Tensor x = Tensor.of(Float.NaN, 1f, 2f);
        Tensor y = Tensor.of(0f, Float.NaN, 1f);
        assertValues(new double[] {Double.NaN, Double.NaN, 2}, x.maximum(y), 0);
        assertValues(new double[] {Double.NaN, Double.NaN, 1}, x.minimum(y), 0);
        assertValues(new double[] {Double.NaN, 1, 2}, x.relu(), 0);
        assertValues(new double[] {Double.NaN, 1, 1}, x.clamp(0, 1), 0);
        assertArrayEquals(new boolean[] {true, false, false}, x.isnan().toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false}, x.eq(x).logicalAnd(x.isnan()).toBooleanArray());
        // longer rows take the vector path
        Tensor big = Tensor.full(new int[] {67}, 1f);
        big.set(Double.NaN, 40);
        assertTrue(Double.isNaN(big.maximum(Tensor.zeros(67)).get(40)));
        assertTrue(Double.isNaN(big.minimum(Tensor.zeros(67)).get(40)));
    }

    @Test
    void whereMaskedFillAndClampTensors() {
        Tensor c = Tensor.of(true, false, true);
        Tensor a = Tensor.of(1f, 2f, 3f), b = Tensor.of(10f, 20f, 30f);
        assertValues(new double[] {1, 20, 3}, Tensor.where(c, a, b), 0);
        assertValues(new double[] {1, 0, 3}, Tensor.where(c, a, 0), 0);
        assertValues(new double[] {5, 2, 5}, a.maskedFill(c, 5), 0);
        assertValues(new double[] {10, 2, 30}, a.maskedFill(c, b), 0);
        // broadcast condition over rows
        Tensor m = Tensor.arange(0, 6, 1, DType.FLOAT32).reshape(2, 3);
        assertValues(new double[] {-1, 1, -1, -1, 4, -1}, m.maskedFill(c, -1), 0);
        assertEquals(DType.FLOAT32, Tensor.where(c, Tensor.of(1L, 2L, 3L), 2.5).dtype());
        assertEquals(DType.FLOAT32, Tensor.where(c, a, Tensor.scalar(2, DType.FLOAT64)).dtype());
        assertValues(new double[] {1, 2.5, 2.5}, a.clamp(Tensor.of(0f, 2.5f, 2f), Tensor.of(5f, 5f, 2.5f)), 0);
        assertFails(IllegalArgumentException.class, () -> a.maskedFill(Tensor.of(1L, 0L, 1L), 1), "masked_fill", "bool");
        assertFails(IllegalArgumentException.class, () -> Tensor.where(Tensor.of(1f), a, b), "where", "bool");
        assertFails(IllegalArgumentException.class, () -> Tensor.of(1f).maskedFill(c, 1), "masked_fill");
    }

    @Test
    void equalAndAllclose() {
        Tensor a = Tensor.of(1f, 2f, 3f);
        assertTrue(a.equal(Tensor.of(1.0, 2.0, 3.0)));
        assertTrue(!a.equal(Tensor.of(1f, 2f)));
        assertTrue(!Tensor.of(Float.NaN).equal(Tensor.of(Float.NaN)));
        assertTrue(a.allclose(Tensor.of(1f, 2f, 3.00001f)));
        assertTrue(!a.allclose(Tensor.of(1f, 2f, 3.001f)));
        assertTrue(a.allclose(Tensor.of(1f, 2f, 3.001f), 1e-3, 0));
        // torch.allclose broadcasts both ways
        assertTrue(Tensor.ones(2, 3).allclose(Tensor.ones(3)));
        assertTrue(Tensor.ones(3).allclose(Tensor.ones(2, 3)));
        assertTrue(Tensor.of(Float.POSITIVE_INFINITY).allclose(Tensor.of(Float.POSITIVE_INFINITY)));
        assertTrue(!Tensor.of(Float.NaN).allclose(Tensor.of(Float.NaN)));
    }

    @Test
    void outerBroadcastOfColumnAndRow() {
        Tensor col = Tensor.of(1f, 2f).view(2, 1), row = Tensor.of(10f, 20f, 30f);
        Tensor s = col.add(row);
        assertShape(new int[] {2, 3}, s);
        assertValues(new double[] {11, 21, 31, 12, 22, 32}, s, 0);
        assertShape(new int[] {0, 3}, Tensor.zeros(0, 1).add(row));
        assertFails(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(2)), "add", "(2, 3)", "(2,)");
    }

    @Test
    void maximumMinimumGradientWithNaNGoesToBothSides() {
        // PyTorch: where(a == b, g / 2, g) masked where the other side wins; a NaN comparison masks neither side
        for (boolean max : new boolean[] {true, false}) {
            Tensor a = Tensor.of(Float.NaN, 1f, 2f, 3f).requiresGrad_();
            Tensor b = Tensor.of(1f, Float.NaN, 2f, 5f).requiresGrad_();
            (max ? a.maximum(b) : a.minimum(b)).backward(Tensor.of(1f, 2f, 4f, 8f));
            assertValues(new double[] {1, 2, 2, max ? 0 : 8}, a.grad(), 0);
            assertValues(new double[] {1, 2, 2, max ? 8 : 0}, b.grad(), 0);
        }
    }

    @Test
    void fmaxFminIgnoreNaNAndGiveTiesToInput() {
        Tensor a = Tensor.of(Float.NaN, 1f, Float.NaN, 2f, -1f).requiresGrad_();
        Tensor b = Tensor.of(1f, Float.NaN, Float.NaN, 2f, 3f).requiresGrad_();
        Tensor mx = a.fmax(b);
        assertValues(new double[] {1, 1, Double.NaN, 2, 3}, mx, 0);
        assertValues(new double[] {1, 1, Double.NaN, 2, -1}, a.fmin(b), 0);
        mx.backward(Tensor.of(1f, 2f, 4f, 8f, 16f));
        // torch: a gets g where a >= b or b is NaN (ties included), b gets the rest
        assertValues(new double[] {0, 2, 4, 8, 0}, a.grad(), 0);
        assertValues(new double[] {1, 0, 0, 0, 16}, b.grad(), 0);
        // promotion: int64 with float32 is float32
        assertEquals(DType.FLOAT32, Tensor.of(1L, 5L).fmin(Tensor.of(2f, Float.NaN)).dtype());
        assertValues(new double[] {1, 5}, Tensor.of(1L, 5L).fmin(Tensor.of(2f, Float.NaN)), 0);
    }

    @Test
    void clampWithTensorBoundsDifferentiatesLikePyTorch() {
        Tensor x = Tensor.of(-1f, 0.5f, 2f, 3f, -3f, 0.2f).requiresGrad_();
        Tensor min = Tensor.of(1f, -1f, 0f, 0.5f, 0.5f, -1f).requiresGrad_();
        Tensor max = Tensor.of(0f, 1f, -1f, 0.5f, 0.5f, 1f).requiresGrad_();
        Tensor y = x.clamp(min, max);
        assertValues(new double[] {0, 0.5, -1, 0.5, 0.5, 0.2}, y, 1e-7);
        y.backward(Tensor.of(1f, 2f, 4f, 8f, 16f, 32f));
        // x: min <= x <= max; min: x < min and min < max; max: x > max or max < min
        assertValues(new double[] {0, 2, 0, 0, 0, 32}, x.grad(), 0);
        assertValues(new double[] {0, 0, 0, 0, 0, 0}, min.grad(), 0);
        assertValues(new double[] {1, 0, 4, 8, 0, 0}, max.grad(), 0);
        // one bound only
        Tensor x2 = Tensor.of(-1f, 0.5f, 2f).requiresGrad_();
        Tensor lo = Tensor.of(0f, 0.5f, 0f).requiresGrad_();
        x2.clamp(lo, null).backward(Tensor.of(1f, 2f, 4f));
        assertValues(new double[] {0, 2, 4}, x2.grad(), 0);
        assertValues(new double[] {1, 0, 0}, lo.grad(), 0);
    }

    @Test
    void integerPowWithTensorExponentIsExactAndAllowsNegativeExponents() {
        // PyTorch's powi: negative exponents give 1 for base 1, +-1 for base -1 and 0 otherwise (0 included)
        Tensor r = Tensor.of(2L, 0L, -1L, -1L, 1L, 3L).pow(Tensor.of(-1L, -2L, -3L, -2L, -5L, 39L));
        assertEquals(DType.INT64, r.dtype());
        assertArrayEquals(new long[] {0, 0, -1, 1, 1, 4052555153018976267L}, r.toLongArray());
        Tensor bools = Tensor.of(true, false).pow(Tensor.of(-2L, -2L));
        assertArrayEquals(new long[] {1, 0}, bools.toLongArray());
        // a Python float exponent makes float32 (2 ** -1.0 == 0.5)
        assertValues(new double[] {0.5, 0.25}, Tensor.of(2L, 4L).pow(Tensor.scalar(-1.0, DType.FLOAT32)), 0);
    }

    @Test
    void divRoundingModesAreExactForIntegers() {
        Tensor a = Tensor.of(7L, -7L, 7L, -7L, 123456789L, -987654321L), b = Tensor.of(2L, 2L, -2L, -2L, 10L, 7L);
        Tensor floor = a.div(b, "floor"), trunc = a.div(b, "trunc");
        assertEquals(DType.INT64, floor.dtype());
        assertEquals(DType.INT64, trunc.dtype());
        assertArrayEquals(new long[] {3, -4, -4, 3, 12345678, -141093475}, floor.toLongArray());
        assertArrayEquals(new long[] {3, -3, -3, 3, 12345678, -141093474}, trunc.toLongArray());
        assertValues(new double[] {3, -4, -4}, Tensor.of(7.5f, -7.5f, 7.5f).div(Tensor.of(2f, 2f, -2f), "floor"), 0);
        assertValues(new double[] {3, -3, -3}, Tensor.of(7.5f, -7.5f, 7.5f).div(Tensor.of(2f, 2f, -2f), "trunc"), 0);
        assertFails(IllegalArgumentException.class, () -> a.div(b, "round"), "rounding_mode");
    }
}
