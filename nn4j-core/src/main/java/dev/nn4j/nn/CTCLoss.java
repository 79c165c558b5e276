package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.Ctc;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The connectionist temporal classification loss between unsegmented sequences of log-probabilities and target label sequences, as {@code torch.nn.CTCLoss(blank=0, reduction='mean', zero_infinity=False)}; the settings come in the functional {@link Ctc} options.
 *
 * <p>Shapes: log_probs (T, N, C) or (T, C), targets (N, S) or concatenated (Σ target_lengths), input_lengths (N), target_lengths (N) (int64); output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new CTCLoss().forward(F.logSoftmax(x, 2), targets, inputLengths, targetLengths);
 * }</pre>
 */
public class CTCLoss extends Loss {
    public final int blank;
    public final boolean zeroInfinity;
    private final Ctc options;

    public CTCLoss() {
        this(Ctc.opts());
    }

    public CTCLoss(Ctc options) {
        super(options.reduction());
        this.blank = options.blank();
        this.zeroInfinity = options.zeroInfinity();
        this.options = options;
    }

    public Tensor forward(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, options);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 4, "logProbs, targets, inputLengths, targetLengths");
        return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2], (Tensor) a[3]);
    }
}
