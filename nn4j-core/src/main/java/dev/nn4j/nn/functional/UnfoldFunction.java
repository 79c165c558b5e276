package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ConvArgs.dense;
import static dev.nn4j.nn.functional.ConvArgs.f32;
import static dev.nn4j.nn.functional.ConvArgs.f64;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.ConvGeometry;
import dev.nn4j.backend.cpu.Im2col;
import dev.nn4j.backend.cpu.Parallel;

/**
 * {@code unfold} (im2col: image (N, C, H, W) to columns (N, C*kH*kW, L)) and {@code fold} (col2im, summing
 * overlapping values); each is the other's gradient.
 */
final class UnfoldFunction extends Function {
    private final ConvGeometry g;
    private final boolean fold;
    private final int[] imageShape, colsShape;

    /** For unfold the input is the image; for fold ({@code fold = true}) the input is the columns. */
    UnfoldFunction(ConvGeometry g, boolean fold, int[] imageShape, int[] colsShape) {
        this.g = g;
        this.fold = fold;
        this.imageShape = imageShape;
        this.colsShape = colsShape;
    }

    @Override
    protected String name() {
        return fold ? "Col2ImBackward0" : "Im2ColBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        return fold ? col2im(dense(in[0])) : im2col(dense(in[0]));
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor g = dense(gradOutput);
        return new Tensor[] {fold ? im2col(g) : col2im(g)};
    }

    private Tensor im2col(Tensor x) {
        int c = g.inChannels(), imageSize = c * g.inPlane(), colsSize = c * g.kernelSize() * g.outPlane();
        if (x.dtype() == DType.FLOAT32) {
            float[] src = f32(x), cols = new float[g.batch() * colsSize];
            Parallel.forRange(g.batch(), 1, (s, e) -> {
                for (int n = s; n < e; n++) Im2col.im2col(src, n * imageSize, c, g, cols, n * colsSize);
            });
            return Tensor.fromArray(cols, colsShape);
        }
        double[] src = f64(x), cols = new double[g.batch() * colsSize];
        for (int n = 0; n < g.batch(); n++) Im2col.im2col(src, n * imageSize, c, g, cols, n * colsSize);
        return Tensor.fromArray(cols, colsShape);
    }

    private Tensor col2im(Tensor cols) {
        int c = g.inChannels(), imageSize = c * g.inPlane(), colsSize = c * g.kernelSize() * g.outPlane();
        if (cols.dtype() == DType.FLOAT32) {
            float[] src = f32(cols), image = new float[g.batch() * imageSize];
            Parallel.forRange(g.batch(), 1, (s, e) -> {
                for (int n = s; n < e; n++) Im2col.col2im(src, n * colsSize, c, g, image, n * imageSize);
            });
            return Tensor.fromArray(image, imageShape);
        }
        double[] src = f64(cols), image = new double[g.batch() * imageSize];
        for (int n = 0; n < g.batch(); n++) Im2col.col2im(src, n * colsSize, c, g, image, n * imageSize);
        return Tensor.fromArray(image, imageShape);
    }
}
