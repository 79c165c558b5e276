package dev.nn4j.data;

/** Yields dataset indices for one epoch; each iteration is a new epoch. */
public interface Sampler extends Iterable<Integer> {
    /** Number of indices per epoch. */
    int size();
}
