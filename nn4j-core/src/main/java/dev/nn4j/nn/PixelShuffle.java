package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Rearranges (*, C·r², H, W) into (*, C, H·r, W·r), as {@code torch.nn.PixelShuffle(upscale_factor)}
 * (sub-pixel convolution, Shi et al. 2016).
 *
 * <pre>{@code
 * Tensor y = new PixelShuffle(3).forward(Tensor.randn(1, 9, 4, 4));   // (1, 1, 12, 12)
 * }</pre>
 */
public class PixelShuffle extends Module {
    public final int upscaleFactor;

    public PixelShuffle(int upscaleFactor) {
        if (upscaleFactor <= 0) throw new IllegalArgumentException("PixelShuffle: upscale_factor must be positive, got " + upscaleFactor);
        this.upscaleFactor = upscaleFactor;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.pixelShuffle(input, upscaleFactor);
    }

    @Override
    public String extraRepr() {
        return "upscale_factor=" + upscaleFactor;
    }
}
