package dev.nn4j.data;

/** A stream-style dataset ({@code torch.utils.data.IterableDataset}): samples come from iteration, not indexing. */
public interface IterableDataset<T> extends Iterable<T> {}
