package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ConvArgs.dense;
import static dev.nn4j.nn.functional.ConvArgs.f32;
import static dev.nn4j.nn.functional.ConvArgs.f64;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.ConvGeometry;
import dev.nn4j.backend.cpu.ConvKernels;
import dev.nn4j.backend.cpu.ConvReference;

/**
 * Convolution and transposed convolution as one primitive with its own backward. With {@code x} the
 * conv input, {@code y} the conv output and {@code W} the weight:
 * <pre>
 *   conv:            y  = conv(x, W) + b      dx = convBackwardInput(dy, W)   dW = convBackwardWeight(x, dy)
 *   conv transpose:  x' = convBackwardInput(u, W) + b, i.e. the gradient of conv w.r.t. its input, so
 *                    du = conv(dx', W)   dW = convBackwardWeight(dx', u)
 * </pre>
 * db is the sum of the output gradient over batch and positions. Inputs: (input, weight, bias or null).
 * float32 runs the GEMM kernels, float64 the direct loops of {@link ConvReference}.
 */
final class ConvFunction extends Function {
    private final ConvGeometry g;
    private final boolean transposed;
    /** Shapes of the conv's input (N, C_in, *in) and output (N, C_out, *out), in the caller's dims. */
    private final int[] convInShape, convOutShape;

    ConvFunction(ConvGeometry g, boolean transposed, int[] convInShape, int[] convOutShape) {
        this.g = g;
        this.transposed = transposed;
        this.convInShape = convInShape;
        this.convOutShape = convOutShape;
    }

    @Override
    protected String name() {
        return "ConvolutionBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = dense(in[0]), w = dense(in[1]), b = in[2] == null ? null : dense(in[2]);
        ctx.saveForBackward(x, w);
        if (!transposed) return conv(x, w, b);
        Tensor out = backwardInput(x, w);
        return b == null ? out : addBias(out, b);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor x = ctx.saved(0), w = ctx.saved(1), gy = dense(gradOutput);
        Tensor gx = null, gw = null, gb = null;
        if (!transposed) {
            if (ctx.needsInputGrad(0)) gx = backwardInput(gy, w);
            if (ctx.needsInputGrad(1)) gw = backwardWeight(x, gy);
        } else {
            if (ctx.needsInputGrad(0)) gx = conv(gy, w, null);
            if (ctx.needsInputGrad(1)) gw = backwardWeight(gy, x);
        }
        if (ctx.needsInputGrad(2)) gb = biasGrad(gy);
        return new Tensor[] {gx, gw, gb};
    }

    private Tensor conv(Tensor x, Tensor w, Tensor b) {
        if (x.dtype() == DType.FLOAT32) {
            float[] y = new float[numel(convOutShape)];
            ConvKernels.forward(f32(x), f32(w), b == null ? null : f32(b), y, g);
            return Tensor.fromArray(y, convOutShape);
        }
        return Tensor.fromArray(ConvReference.forward(f64(x), f64(w), b == null ? null : f64(b), g), convOutShape);
    }

    private Tensor backwardInput(Tensor dy, Tensor w) {
        if (dy.dtype() == DType.FLOAT32) {
            float[] dx = new float[numel(convInShape)];
            ConvKernels.backwardInput(f32(dy), f32(w), dx, g);
            return Tensor.fromArray(dx, convInShape);
        }
        return Tensor.fromArray(ConvReference.backwardInput(f64(dy), f64(w), g), convInShape);
    }

    private Tensor backwardWeight(Tensor x, Tensor dy) {
        int[] wShape = weightShape();
        if (x.dtype() == DType.FLOAT32) {
            float[] dw = new float[numel(wShape)];
            ConvKernels.backwardWeight(f32(x), f32(dy), dw, g);
            return Tensor.fromArray(dw, wShape);
        }
        return Tensor.fromArray(ConvReference.backwardWeight(f64(x), f64(dy), g), wShape);
    }

    /** The conv-view weight shape (C_out, C_in / groups, *kernel); the same array serves transposed conv. */
    private int[] weightShape() {
        int dims = convInShape.length - 2;
        int[] s = new int[dims + 2];
        s[0] = g.outChannels();
        s[1] = g.inGroup();
        for (int d = 0; d < dims; d++) s[2 + d] = g.kernel()[3 - dims + d];
        return s;
    }

    private static Tensor addBias(Tensor out, Tensor b) {
        int[] shape = new int[out.dim()];
        java.util.Arrays.fill(shape, 1);
        shape[1] = b.numel();
        return out.add(b.view(shape));
    }

    /** The sum of the output gradient over the batch and every position, per channel. */
    private static Tensor biasGrad(Tensor gy) {
        int[] s = gy.shape();
        int plane = 1;
        for (int d = 2; d < s.length; d++) plane *= s[d];
        if (gy.dtype() == DType.FLOAT32) return Tensor.fromArray(ConvKernels.backwardBias(f32(gy), s[0], s[1], plane), s[1]);
        double[] g = f64(gy), db = new double[s[1]];
        for (int i = 0; i < g.length; i++) db[(i / plane) % s[1]] += g[i];
        return Tensor.fromArray(db, s[1]);
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }
}
