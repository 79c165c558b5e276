package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Rearranges (*, C, H·r, W·r) into (*, C·r², H, W), the inverse of {@link PixelShuffle}, as
 * {@code torch.nn.PixelUnshuffle(downscale_factor)}.
 *
 * <pre>{@code
 * Tensor y = new PixelUnshuffle(3).forward(Tensor.randn(1, 1, 12, 12));   // (1, 9, 4, 4)
 * }</pre>
 */
public class PixelUnshuffle extends Module {
    public final int downscaleFactor;

    public PixelUnshuffle(int downscaleFactor) {
        this.downscaleFactor = downscaleFactor;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.pixelUnshuffle(input, downscaleFactor);
    }

    @Override
    public String extraRepr() {
        return "downscale_factor=" + downscaleFactor;
    }
}
