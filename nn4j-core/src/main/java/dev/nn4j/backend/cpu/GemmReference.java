package dev.nn4j.backend.cpu;

/**
 * Scalar twin of {@link Gemm}: plain triple loops with the same signatures and semantics.
 * It is the test oracle for the packed Vector API kernels and the fallback when
 * {@link Gemm#USE_VECTOR_API} is false. {@code sgemm} accumulates in double, so it is at least as
 * accurate as the fast path.
 */
public final class GemmReference {
    private GemmReference() {}

    /** {@code C = alpha * op(A) * op(B) + beta * C}; see {@link Gemm#sgemm} for the layout. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int offA, int lda, float[] b, int offB, int ldb,
                             float beta, float[] c, int offC, int ldc) {
        Gemm.checkArgs("sgemm", transA, transB, m, n, k, a.length, offA, lda, b.length, offB, ldb, c.length, offC, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[offA + p * lda + i] : a[offA + i * lda + p];
                    float bv = transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
                    sum += (double) av * bv;
                }
                int ci = offC + i * ldc + j;
                double r = alpha == 0f ? 0 : (double) alpha * sum; // BLAS: alpha == 0 does not read A or B
                c[ci] = (float) (beta == 0f ? r : r + (double) beta * c[ci]);
            }
        }
    }

    /** {@code C = alpha * op(A) * op(B) + beta * C}; see {@link Gemm#dgemm} for the layout. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int offA, int lda, double[] b, int offB, int ldb,
                             double beta, double[] c, int offC, int ldc) {
        Gemm.checkArgs("dgemm", transA, transB, m, n, k, a.length, offA, lda, b.length, offB, ldb, c.length, offC, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[offA + p * lda + i] : a[offA + i * lda + p];
                    double bv = transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
                    sum += av * bv;
                }
                int ci = offC + i * ldc + j;
                double r = alpha == 0.0 ? 0 : alpha * sum;
                c[ci] = beta == 0.0 ? r : r + beta * c[ci];
            }
        }
    }
}
