package dev.nn4j;

import java.util.SplittableRandom;

/**
 * A seedable source of random numbers, as {@code torch.Generator}. Every random op takes one or uses
 * the global default, which {@link Nn4j#manualSeed} reseeds. The same seed gives the same stream on
 * every machine.
 */
public final class Generator {
    private static final Generator DEFAULT = new Generator(System.nanoTime());
    private SplittableRandom random;
    private long seed;

    public Generator(long seed) {
        manualSeed(seed);
    }

    public static Generator getDefault() {
        return DEFAULT;
    }

    public synchronized Generator manualSeed(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        return this;
    }

    public long initialSeed() {
        return seed;
    }

    /** Uniform in [0, 1). */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** Standard normal, by the Box-Muller transform so the stream is fully specified by the seed. */
    public synchronized double nextGaussian() {
        double u1 = random.nextDouble(), u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Uniform in [0, bound). */
    public synchronized long nextLong(long bound) {
        return random.nextLong(bound);
    }

    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Fills {@code out[off, off + n)} with uniform [0, 1) draws rounded to float: the stream of n {@link #nextDouble()} calls. */
    public synchronized void fillUniform(float[] out, int off, int n) {
        for (int i = 0; i < n; i++) out[off + i] = (float) random.nextDouble();
    }

    /** Fills {@code out[off, off + n)} with standard normal draws rounded to float: the stream of n {@link #nextGaussian()} calls. */
    public synchronized void fillNormal(float[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            double u1 = random.nextDouble(), u2 = random.nextDouble();
            out[off + i] = (float) (Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2));
        }
    }

    /** A new generator seeded from this one, for worker threads. */
    public synchronized Generator fork() {
        return new Generator(random.nextLong());
    }
}
