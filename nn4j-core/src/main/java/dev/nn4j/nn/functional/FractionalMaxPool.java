package dev.nn4j.nn.functional;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * Options of {@code fractionalMaxPool2d/3d} (Graham, "Fractional Max-Pooling"): PyTorch's {@code kernel_size}
 * (required) and exactly one of {@code output_size} / {@code output_ratio}. Window starts are pseudo-random:
 * drawn per (sample, channel) from {@code generator} (default: the global one), or given as
 * {@code randomSamples} of shape (N, C, dims) in [0, 1) (PyTorch's {@code _random_samples}), which makes the
 * op deterministic. Immutable.
 *
 * <pre>{@code
 * Tensor y = F.fractionalMaxPool2d(x, FractionalMaxPool.opts(3).outputRatio(0.5));   // about half the size
 * }</pre>
 */
public final class FractionalMaxPool {
    private final int[] kernelSize;
    private final int[] outputSize;
    private final double[] outputRatio;
    private final Generator generator;
    private final Tensor randomSamples;

    private FractionalMaxPool(int[] kernelSize, int[] outputSize, double[] outputRatio, Generator generator, Tensor randomSamples) {
        this.kernelSize = kernelSize;
        this.outputSize = outputSize;
        this.outputRatio = outputRatio;
        this.generator = generator;
        this.randomSamples = randomSamples;
    }

    /** Windows of {@code kernelSize} (one value or one per spatial dim); set an output size or ratio next. */
    public static FractionalMaxPool opts(int... kernelSize) {
        return new FractionalMaxPool(ConvArgs.positive("FractionalMaxPool", "kernel_size", kernelSize), null, null, null, null);
    }

    /** The output's spatial size (one value or one per spatial dim); replaces any output ratio. */
    public FractionalMaxPool outputSize(int... outputSize) {
        return new FractionalMaxPool(kernelSize, ConvArgs.positive("FractionalMaxPool", "output_size", outputSize), null, generator, randomSamples);
    }

    /** The output size as a fraction of the input size, each in (0, 1); replaces any output size. */
    public FractionalMaxPool outputRatio(double... outputRatio) {
        if (outputRatio == null || outputRatio.length == 0) {
            throw new IllegalArgumentException("FractionalMaxPool: output_ratio needs at least one value");
        }
        for (double r : outputRatio) {
            if (!(r > 0 && r < 1)) {
                throw new IllegalArgumentException("FractionalMaxPool: output_ratio must be between 0 and 1 (exclusive), got "
                        + Arrays.toString(outputRatio));
            }
        }
        return new FractionalMaxPool(kernelSize, null, outputRatio.clone(), generator, randomSamples);
    }

    /** The generator the window offsets are drawn from (null = the global default). */
    public FractionalMaxPool generator(Generator generator) {
        return new FractionalMaxPool(kernelSize, outputSize, outputRatio, generator, randomSamples);
    }

    /** Fixed samples in [0, 1) of shape (N, C, dims) (or (1, C, dims) for unbatched input) instead of random ones. */
    public FractionalMaxPool randomSamples(Tensor randomSamples) {
        return new FractionalMaxPool(kernelSize, outputSize, outputRatio, generator, randomSamples);
    }

    public int[] kernelSize() { return kernelSize.clone(); }
    public int[] outputSize() { return outputSize == null ? null : outputSize.clone(); }
    public double[] outputRatio() { return outputRatio == null ? null : outputRatio.clone(); }
    public Generator generator() { return generator; }
    public Tensor randomSamples() { return randomSamples; }

    /** Pools a batched input (N, C, H, W) or (N, C, D, H, W). */
    public Tensor apply(Tensor input) {
        return applyWithIndices(input).values();
    }

    public Tensor.ValuesIndices applyWithIndices(Tensor input) {
        int dims = Pooling.primitiveDims("FractionalMaxPool.apply", input);
        return Pooling.fractionalMaxPool("fractionalMaxPool" + dims + "d", dims, input, this);
    }

    @Override
    public String toString() {
        return "FractionalMaxPool(kernel_size=" + Arrays.toString(kernelSize) + ", output_size="
                + (outputSize == null ? "None" : Arrays.toString(outputSize)) + ", output_ratio="
                + (outputRatio == null ? "None" : Arrays.toString(outputRatio)) + ")";
    }
}
