package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * nn4j's functional tier: every {@code torch.nn.functional} op as a pure, stateless, differentiable
 * static method, named in camelCase with PyTorch's argument order and defaults.
 *
 * <p>Optional arguments: overloads for the one or two that nearly every call sets, an options object for
 * the rest. The options object is also the op's <em>primitive</em> (MindSpore's {@code ops.Conv2D}):
 * configured once, applied many times.
 *
 * <pre>{@code
 * Tensor y = F.relu(x);
 * Tensor z = F.conv2d(x, w, b, Conv.opts().stride(2).padding(1));
 * var conv = Conv.opts().stride(2).padding(1);   // a primitive
 * Tensor z2 = conv.apply(x, w, b);
 * }</pre>
 *
 * <p>F is the one front door; the work is done in topic classes of this package
 * ({@code Activations}, {@code Convolutions}, {@code Pooling}, {@code Normalization}, {@code Losses},
 * {@code Vision}, {@code Attention}, ...), so no file grows huge.
 */
public final class F {
    private F() {}

    // ===== ACTIVATIONS (Activations.java) =====

    // ===== LINEAR, DROPOUT, SPARSE, DISTANCE (Layers.java, Dropout.java, Sparse.java, Distance.java) =====

    // ===== NORMALIZATION (Normalization.java) =====

    // ===== ATTENTION (Attention.java) =====

    // ===== LOSSES (Losses.java) =====

    // ===== CONVOLUTION (Convolutions.java) =====

    // ===== POOLING (Pooling.java) =====

    // ===== VISION (Vision.java) =====
}
