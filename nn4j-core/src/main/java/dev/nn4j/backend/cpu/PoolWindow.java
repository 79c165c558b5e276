package dev.nn4j.backend.cpu;

/**
 * The pooling windows along one spatial dim: output index {@code o} reads the {@code count[o]} inputs
 * {@code start[o], start[o] + step, ...} (only positions inside the input; padding is already cut off),
 * and an average divides by the product over dims of {@code divisor[o]}.
 * <p>
 * Every pooling op is described this way: sliding windows (max/avg/lp pool), adaptive windows and
 * fractional windows; the kernels in {@link PoolKernels} only walk the windows.
 */
public record PoolWindow(int[] start, int[] count, int step, int[] divisor) {

    public int size() {
        return start.length;
    }

    /** A dim of size 1 with a window of 1, to run 1-d and 2-d pooling as 3-d. */
    public static PoolWindow unit() {
        return new PoolWindow(new int[] {0}, new int[] {1}, 1, new int[] {1});
    }

    /**
     * Sliding windows as PyTorch's pooling: window {@code o} starts at {@code o * stride - pad} and has
     * {@code kernel} taps {@code dilation} apart. The avg divisor is the window size clipped to the padded
     * input when {@code countIncludePad}, else the number of taps inside the input.
     */
    public static PoolWindow sliding(int in, int out, int kernel, int stride, int pad, int dilation, boolean countIncludePad) {
        int[] start = new int[out], count = new int[out], divisor = new int[out];
        for (int o = 0; o < out; o++) {
            int s = o * stride - pad;
            int end = Math.min(s + (kernel - 1) * dilation + 1, in);
            int padded = Math.min(s + kernel, in + pad) - s;
            int first = s;
            while (first < 0) first += dilation;
            int n = first < end ? (end - first + dilation - 1) / dilation : 0;
            start[o] = first;
            count[o] = n;
            divisor[o] = countIncludePad ? padded : n;
        }
        return new PoolWindow(start, count, dilation, divisor);
    }

    /** Adaptive windows: output {@code o} covers {@code [floor(o * in / out), ceil((o + 1) * in / out))}. */
    public static PoolWindow adaptive(int in, int out) {
        int[] start = new int[out], count = new int[out];
        for (int o = 0; o < out; o++) {
            int s = (int) ((long) o * in / out);
            int e = (int) (((long) (o + 1) * in + out - 1) / out);
            start[o] = s;
            count[o] = e - s;
        }
        return new PoolWindow(start, count, 1, count.clone());
    }

    /** Windows of {@code poolSize} taps starting at the given positions (fractional max pooling). */
    public static PoolWindow fixed(int[] starts, int poolSize) {
        int[] count = new int[starts.length];
        java.util.Arrays.fill(count, poolSize);
        return new PoolWindow(starts.clone(), count, 1, count.clone());
    }
}
