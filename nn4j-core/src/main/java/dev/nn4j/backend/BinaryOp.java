package dev.nn4j.backend;

/**
 * Elementwise binary primitives with their scalar definitions (the reference for every kernel).
 */
public enum BinaryOp {
    ADD { public double apply(double a, double b) { return a + b; } },
    SUB { public double apply(double a, double b) { return a - b; } },
    MUL { public double apply(double a, double b) { return a * b; } },
    DIV { public double apply(double a, double b) { return a / b; } },
    /** C's pow: {@code pow(1, y) == 1} and {@code pow(-1, +-inf) == 1}, where Java's Math.pow gives NaN. */
    POW {
        public double apply(double a, double b) {
            if (a == 1 || a == -1 && Double.isInfinite(b)) return 1;
            return Math.pow(a, b);
        }
    },
    /** NaN-propagating; on ties (0.0 vs -0.0) the second operand, as PyTorch's kernel. */
    MAXIMUM { public double apply(double a, double b) { return a > b || Double.isNaN(a) ? a : b; } },
    MINIMUM { public double apply(double a, double b) { return a < b || Double.isNaN(a) ? a : b; } },
    ATAN2 { public double apply(double a, double b) { return Math.atan2(a, b); } },
    /** C's fmod: the result has the sign of the dividend ({@code torch.fmod}). */
    FMOD { public double apply(double a, double b) { return a % b; } },
    /** Python's modulo: the result has the sign of the divisor ({@code torch.remainder}). */
    REMAINDER {
        public double apply(double a, double b) {
            double r = a % b;
            return r != 0 && (r < 0) != (b < 0) ? r + b : r;
        }
    },
    /** Floor of the exact quotient, PyTorch's div_floor: {@code floor_divide(1., 0.1) == 9}, not {@code floor(1. / 0.1)}. */
    FLOOR_DIVIDE {
        public double apply(double a, double b) {
            if (b == 0) return a / b;
            double mod = a % b;
            double div = (a - mod) / b;
            if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
            if (div == 0) return Math.copySign(0, a / b);
            double floor = Math.floor(div);
            return div - floor > 0.5 ? floor + 1 : floor;
        }
    },
    EQ { public double apply(double a, double b) { return a == b ? 1 : 0; } },
    NE { public double apply(double a, double b) { return a != b ? 1 : 0; } },
    LT { public double apply(double a, double b) { return a < b ? 1 : 0; } },
    LE { public double apply(double a, double b) { return a <= b ? 1 : 0; } },
    GT { public double apply(double a, double b) { return a > b ? 1 : 0; } },
    GE { public double apply(double a, double b) { return a >= b ? 1 : 0; } },
    LOGICAL_AND { public double apply(double a, double b) { return a != 0 && b != 0 ? 1 : 0; } },
    LOGICAL_OR { public double apply(double a, double b) { return a != 0 || b != 0 ? 1 : 0; } },
    LOGICAL_XOR { public double apply(double a, double b) { return (a != 0) != (b != 0) ? 1 : 0; } };

    public abstract double apply(double a, double b);

    /** Whether the op yields a boolean tensor. */
    public boolean isPredicate() {
        return ordinal() >= EQ.ordinal();
    }
}
