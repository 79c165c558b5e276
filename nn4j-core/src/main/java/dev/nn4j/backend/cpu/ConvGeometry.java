package dev.nn4j.backend.cpu;

/**
 * The sizes of one convolution, always with three spatial dims (depth, height, width): a 1-d conv is a
 * 3-d conv with depth = height = 1, so one set of kernels serves conv1d/2d/3d, unfold and fold.
 * <p>
 * Input is {@code (batch, inChannels, in[0], in[1], in[2])}, weight {@code (outChannels, inChannels/groups,
 * kernel[0..2])}, output {@code (batch, outChannels, out[0..2])}; {@code padding} is the left (top, front)
 * padding, the right side follows from {@code out}. All arrays are contiguous row-major.
 */
public record ConvGeometry(int batch, int inChannels, int outChannels, int groups,
                           int[] in, int[] kernel, int[] out, int[] stride, int[] padding, int[] dilation) {

    public int inGroup() {
        return inChannels / groups;
    }

    public int outGroup() {
        return outChannels / groups;
    }

    /** Taps of one kernel window: kernel[0] * kernel[1] * kernel[2]. */
    public int kernelSize() {
        return kernel[0] * kernel[1] * kernel[2];
    }

    /** Rows of the im2col matrix of one group: inGroup * kernelSize. */
    public int colRows() {
        return inGroup() * kernelSize();
    }

    public int inPlane() {
        return in[0] * in[1] * in[2];
    }

    /** Output positions per channel (columns of the im2col matrix). */
    public int outPlane() {
        return out[0] * out[1] * out[2];
    }
}
