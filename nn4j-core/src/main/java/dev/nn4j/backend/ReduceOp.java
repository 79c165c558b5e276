package dev.nn4j.backend;

/** Reductions over the trailing, contiguous axis of a row-major buffer. */
public enum ReduceOp {
    SUM, PROD, MAX, MIN, ARGMAX, ARGMIN, ALL, ANY
}
