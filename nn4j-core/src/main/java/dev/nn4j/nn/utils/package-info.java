/**
 * {@code torch.nn.utils}: gradient clipping ({@link dev.nn4j.nn.utils.ClipGrad}), parameters to and from one
 * vector ({@link dev.nn4j.nn.utils.ConvertParameters}), and padding/packing of variable-length sequences for
 * the recurrent modules ({@link dev.nn4j.nn.utils.Rnn}, {@link dev.nn4j.nn.utils.PackedSequence}).
 */
package dev.nn4j.nn.utils;
