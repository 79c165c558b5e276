package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ConvArgs.dense;
import static dev.nn4j.nn.functional.ConvArgs.f32;
import static dev.nn4j.nn.functional.ConvArgs.f64;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.MaxPool2x2Kernels;
import dev.nn4j.backend.cpu.PoolKernels;
import dev.nn4j.backend.cpu.PoolWindow;

/** The pooling primitives with their own backward, over {@code planes} contiguous (D, H, W) planes. */
final class PoolFunctions {
    private PoolFunctions() {}

    /**
     * Max over windows: {@code y = max_{i in window} x_i}, with the argmax (flat index in the input plane) kept as
     * {@link #indices()}; {@code dx[argmax] += dy}. {@code windows} holds one set of windows shared by every plane,
     * or one set per plane (fractional max pooling).
     */
    static final class Max extends Function {
        private final int planes;
        private final int[] in;
        private final PoolWindow[][] windows;
        private final int[] inShape, outShape;
        private Tensor indices;

        Max(int planes, int[] in, PoolWindow[][] windows, int[] inShape, int[] outShape) {
            this.planes = planes;
            this.in = in;
            this.windows = windows;
            this.inShape = inShape;
            this.outShape = outShape;
        }

        /** The 2x2/stride-2 fast path: its input and int32 argmax (null until needed). */
        private Tensor fastInput;
        private int[] fastIdx;

        /** The argmax of every output (int64, the output's shape); set by the forward. */
        Tensor indices() {
            if (indices == null && fastInput != null) {
                if (fastIdx == null) {
                    fastIdx = new int[java.util.Arrays.stream(outShape).reduce(1, (a, b) -> a * b)];
                    MaxPool2x2Kernels.forward(f32(fastInput), planes, in[1], in[2], new float[fastIdx.length], fastIdx);
                }
                long[] idx = new long[fastIdx.length];
                for (int i = 0; i < idx.length; i++) idx[i] = fastIdx[i];
                indices = Tensor.fromArray(idx, outShape);
            }
            return indices;
        }

        /** One window set of 2x2 windows at stride 2 over a 2-d plane, covering it from the top-left corner. */
        private boolean isTwoByTwo() {
            if (windows.length != 1 || in[0] != 1) return false;
            PoolWindow[] w = windows[0];
            if (w[0].size() != 1 || w[0].count()[0] != 1) return false;
            for (int d = 1; d <= 2; d++) {
                if (w[d].step() != 1 || w[d].size() != in[d] / 2) return false;
                for (int o = 0; o < w[d].size(); o++) {
                    if (w[d].start()[o] != 2 * o || w[d].count()[o] != 2) return false;
                }
            }
            return true;
        }

        @Override
        protected String name() {
            return "MaxPoolWithIndicesBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = dense(inputs[0]);
            int inPlane = in[0] * in[1] * in[2], outPlane = windows[0][0].size() * windows[0][1].size() * windows[0][2].size();
            if (x.dtype() == DType.FLOAT32 && isTwoByTwo()) {
                // argmax only when a backward will read it; indices() computes it on demand otherwise
                float[] y = new float[planes * outPlane];
                fastIdx = ctx.needsInputGrad(0) ? new int[y.length] : null;
                MaxPool2x2Kernels.forward(f32(x), planes, in[1], in[2], y, fastIdx);
                fastInput = x;
                return Tensor.fromArray(y, outShape);
            }
            long[] idx = new long[planes * outPlane];
            Tensor out;
            if (x.dtype() == DType.FLOAT32) {
                float[] src = f32(x), y = new float[idx.length];
                if (windows.length == 1) {
                    PoolKernels.maxForward(src, planes, in, windows[0], y, idx);
                } else {
                    for (int p = 0; p < planes; p++) PoolKernels.maxForward(src, p * inPlane, 1, in, windows[p], y, idx, p * outPlane);
                }
                out = Tensor.fromArray(y, outShape);
            } else {
                double[] src = f64(x), y = new double[idx.length];
                for (int p = 0; p < planes; p++) {
                    PoolKernels.maxForward(src, p * inPlane, 1, in, windows[windows.length == 1 ? 0 : p], y, idx, p * outPlane);
                }
                out = Tensor.fromArray(y, outShape);
            }
            indices = Tensor.fromArray(idx, outShape);
            return out;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor g = dense(gradOutput);
            if (fastIdx != null && g.dtype() == DType.FLOAT32) {
                float[] gin = new float[planes * in[1] * in[2]];
                MaxPool2x2Kernels.backward(f32(g), fastIdx, planes, in[1] * in[2], fastIdx.length / Math.max(1, planes), gin);
                return new Tensor[] {Tensor.fromArray(gin, inShape)};
            }
            long[] idx = indices().toLongArray();
            int inPlane = in[0] * in[1] * in[2], outPlane = idx.length / Math.max(1, planes);
            if (g.dtype() == DType.FLOAT32) {
                float[] gin = new float[planes * inPlane];
                PoolKernels.maxBackward(f32(g), idx, planes, inPlane, outPlane, gin);
                return new Tensor[] {Tensor.fromArray(gin, inShape)};
            }
            double[] gin = new double[planes * inPlane];
            PoolKernels.maxBackward(f64(g), idx, planes, inPlane, outPlane, gin);
            return new Tensor[] {Tensor.fromArray(gin, inShape)};
        }
    }

    /** Average over windows: {@code y = sum_{i in window} x_i / divisor}; every input of a window gets {@code dy / divisor}. */
    static final class Avg extends Function {
        private final int planes;
        private final int[] in;
        private final PoolWindow[] windows;
        private final int divisorOverride;
        private final int[] inShape, outShape;

        /** {@code divisorOverride} 0 means none. */
        Avg(int planes, int[] in, PoolWindow[] windows, int divisorOverride, int[] inShape, int[] outShape) {
            this.planes = planes;
            this.in = in;
            this.windows = windows;
            this.divisorOverride = divisorOverride;
            this.inShape = inShape;
            this.outShape = outShape;
        }

        @Override
        protected String name() {
            return "AvgPoolBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = dense(inputs[0]);
            int n = planes * windows[0].size() * windows[1].size() * windows[2].size();
            if (x.dtype() == DType.FLOAT32) {
                float[] y = new float[n];
                PoolKernels.avgForward(f32(x), planes, in, windows, divisorOverride, y);
                return Tensor.fromArray(y, outShape);
            }
            double[] y = new double[n];
            PoolKernels.avgForward(f64(x), planes, in, windows, divisorOverride, y);
            return Tensor.fromArray(y, outShape);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor g = dense(gradOutput);
            int n = planes * in[0] * in[1] * in[2];
            if (g.dtype() == DType.FLOAT32) {
                float[] gin = new float[n];
                PoolKernels.avgBackward(f32(g), planes, in, windows, divisorOverride, gin);
                return new Tensor[] {Tensor.fromArray(gin, inShape)};
            }
            double[] gin = new double[n];
            PoolKernels.avgBackward(f64(g), planes, in, windows, divisorOverride, gin);
            return new Tensor[] {Tensor.fromArray(gin, inShape)};
        }
    }
}
