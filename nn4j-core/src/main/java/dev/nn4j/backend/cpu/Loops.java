package dev.nn4j.backend.cpu;

import dev.nn4j.internal.Shapes;

/**
 * Strided iteration over several operands of one shape. Dims that are contiguous for every operand
 * are merged, so the innermost row is as long as possible and kernels see plain 1-D loops.
 */
final class Loops {
    private Loops() {}

    /** Processes one innermost row: {@code n} elements starting at {@code off[k]} with stride {@code inner[k]} per operand. */
    @FunctionalInterface
    interface RowKernel {
        void run(int n, int[] off, int[] inner);
    }

    private static final int GRAIN = 1 << 15;

    static void forEachRow(int[] shape, int[][] strides, int[] offsets, RowKernel kernel) {
        int ops = strides.length;
        int numel = Shapes.numel(shape);
        if (numel == 0) return;
        // collapse: drop size-1 dims, then merge neighbours that are contiguous in every operand
        int[] dims = new int[shape.length];
        int[][] st = new int[ops][shape.length];
        int nd = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) continue;
            if (nd > 0) {
                boolean merge = true;
                for (int k = 0; k < ops; k++) {
                    if (st[k][nd - 1] != strides[k][d] * shape[d]) {
                        merge = false;
                        break;
                    }
                }
                if (merge) {
                    dims[nd - 1] *= shape[d];
                    for (int k = 0; k < ops; k++) st[k][nd - 1] = strides[k][d];
                    continue;
                }
            }
            dims[nd] = shape[d];
            for (int k = 0; k < ops; k++) st[k][nd] = strides[k][d];
            nd++;
        }
        if (nd == 0) {
            int[] inner = new int[ops];
            kernel.run(1, offsets.clone(), inner);
            return;
        }
        final int n = dims[nd - 1];
        final int outerDims = nd - 1;
        final int rows = numel / n;
        final int[] inner = new int[ops];
        for (int k = 0; k < ops; k++) inner[k] = st[k][nd - 1];
        final int[] fdims = dims;
        final int[][] fst = st;
        if (rows == 1) {
            // one long row (every operand contiguous): split the row itself, or it would run on one thread
            Parallel.forRange(n, GRAIN, (start, end) -> {
                int[] off = new int[ops];
                for (int k = 0; k < ops; k++) off[k] = offsets[k] + start * inner[k];
                kernel.run(end - start, off, inner);
            });
            return;
        }
        int grainRows = Math.max(1, GRAIN / n);
        Parallel.forRange(rows, grainRows, (start, end) -> {
            int[] idx = new int[Math.max(outerDims, 1)];
            int[] off = new int[ops];
            // decompose the first row index into outer coordinates
            int r = start;
            for (int d = outerDims - 1; d >= 0; d--) {
                idx[d] = r % fdims[d];
                r /= fdims[d];
            }
            for (int k = 0; k < ops; k++) {
                int o = offsets[k];
                for (int d = 0; d < outerDims; d++) o += idx[d] * fst[k][d];
                off[k] = o;
            }
            for (int row = start; row < end; row++) {
                kernel.run(n, off, inner);
                // odometer increment over the outer dims
                for (int d = outerDims - 1; d >= 0; d--) {
                    idx[d]++;
                    for (int k = 0; k < ops; k++) off[k] += fst[k][d];
                    if (idx[d] < fdims[d]) break;
                    for (int k = 0; k < ops; k++) off[k] -= fst[k][d] * fdims[d];
                    idx[d] = 0;
                }
            }
        });
    }
}
