package dev.nn4j.nn;

import dev.nn4j.Function;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy Lua-Torch cross-map LRN behind {@link CrossMapLRN2d} (PyTorch's {@code _functions.CrossMapLRN2d}),
 * reproduced exactly, quirks included: the forward's running window sum never drops channel 0's square and
 * lags by one channel after it, while the backward is the textbook LRN gradient over a centred window. Both
 * are PyTorch 1.13's numbers, so the result (and the gradient it reports) match it, not an idealized LRN.
 */
final class CrossMapLrn extends Function {
    private final int size;
    private final double alpha, beta, k;

    CrossMapLrn(int size, double alpha, double beta, double k) {
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        int channels = x.size(1);
        Tensor sq = x.mul(x);
        int prePad = (int) ((size - 1) / 2.0 + 1);
        int prePadCrop = Math.min(prePad, channels);
        List<Tensor> scales = new ArrayList<>();
        Tensor s = Tensor.zerosLike(x.select(1, 0));
        for (int c = 0; c < prePadCrop; c++) s = s.add(sq.select(1, c));
        scales.add(s);
        for (int c = 1; c < channels; c++) {
            if (c < channels - prePad + 1) s = s.add(sq.select(1, c + prePad - 1));
            if (c > prePad) s = s.sub(sq.select(1, c - prePad));
            scales.add(s);
        }
        Tensor scale = Tensor.stack(scales, 1).mul(alpha / size).add(k);
        Tensor out = scale.pow(-beta).mul(x);
        ctx.saveForBackward(x, out, scale);
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor g) {
        Tensor x = ctx.saved(0), out = ctx.saved(1), scale = ctx.saved(2);
        int channels = x.size(1);
        Tensor grad = scale.pow(-beta).mul(g);
        double cache = 2 * alpha * beta / size;
        int inversePrePad = (int) (size - (size - 1) / 2.0);
        Tensor ratio = g.mul(out).div(scale);
        // padded_ratio has size - 1 zero channels around the ratio, starting it at inversePrePad
        List<Tensor> padded = new ArrayList<>();
        Tensor zero = Tensor.zerosLike(x.select(1, 0));
        for (int i = 0; i < channels + size - 1; i++) {
            int c = i - inversePrePad;
            padded.add(c >= 0 && c < channels ? ratio.select(1, c) : zero);
        }
        Tensor accum = zero;
        for (int i = 0; i < size - 1; i++) accum = accum.add(padded.get(i));
        List<Tensor> rows = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            accum = accum.add(padded.get(c + size - 1));
            rows.add(grad.select(1, c).sub(x.select(1, c).mul(accum).mul(cache)));
            accum = accum.sub(padded.get(c));
        }
        return new Tensor[] {Tensor.stack(rows, 1)};
    }

    @Override
    protected String name() {
        return "CrossMapLRN2dBackward";
    }
}
