/**
 * Parameter initialization, {@code torch.nn.init}: {@link dev.nn4j.nn.init.Init} fills tensors in place,
 * without recording autograd, from a seedable {@link dev.nn4j.Generator} (the default one when none is given).
 */
package dev.nn4j.nn.init;
