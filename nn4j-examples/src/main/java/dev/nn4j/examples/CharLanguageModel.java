package dev.nn4j.examples;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.Embedding;
import dev.nn4j.nn.LSTM;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.RNNBase;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.utils.ClipGrad;
import dev.nn4j.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A character-level language model: embedding → LSTM → linear, trained to predict the next character of a
 * paragraph of <i>Alice's Adventures in Wonderland</i> (Lewis Carroll, 1865; public domain) shipped with the
 * examples, then sampled one character at a time, carrying the LSTM state (h, c) from step to step.
 *
 * <p>{@code main} trains for 400 steps and prints samples; the test trains a smaller model for fewer steps and
 * checks that the loss falls far below that of a uniform guess (ln(vocabulary size)).
 */
public final class CharLanguageModel {
    private CharLanguageModel() {}

    /** The characters of the text, sorted; a character's index is its token id. */
    public record Vocabulary(String chars) {
        public static Vocabulary of(String text) {
            return new Vocabulary(text.chars().distinct().sorted()
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        }

        public int size() {
            return chars.length();
        }

        public long[] encode(String s) {
            long[] ids = new long[s.length()];
            for (int i = 0; i < ids.length; i++) {
                int id = chars.indexOf(s.charAt(i));
                if (id < 0) throw new IllegalArgumentException("character '" + s.charAt(i) + "' is not in the vocabulary");
                ids[i] = id;
            }
            return ids;
        }
    }

    /** Token ids (N, L) → next-token logits (N, L, vocabulary). */
    public static final class CharLstm extends Module {
        public final Embedding embed;
        public final LSTM lstm;
        public final Linear head;

        public CharLstm(int vocabulary, int embedDim, int hidden) {
            embed = registerModule("embed", new Embedding(vocabulary, embedDim));
            lstm = registerModule("lstm", new LSTM(embedDim, hidden, RNNBase.opts().batchFirst(true)));
            head = registerModule("head", new Linear(hidden, vocabulary));
        }

        @Override
        public Tensor forward(Tensor tokens) {
            return step(tokens, null, null).output();
        }

        /** One call with an explicit state: {@code output} holds the logits, {@code hN}/{@code cN} the next state. */
        public RNNBase.Output step(Tensor tokens, Tensor h, Tensor c) {
            RNNBase.Output o = lstm.forward(embed.call(tokens), h, c);
            return new RNNBase.Output(head.call(o.output()), o.hN(), o.cN(), null);
        }
    }

    /** Sizes and schedule of a run. */
    public record Settings(int embedDim, int hidden, int steps, int batch, int seqLen, double lr, long seed) {}

    /** Loss per step, and a sample of generated text. */
    public record Result(List<Double> losses, double uniformLoss, String sample) {
        /** Mean loss over the first (or last) {@code k} steps. */
        public double meanOfFirst(int k) {
            return losses.subList(0, k).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        public double meanOfLast(int k) {
            return losses.subList(losses.size() - k, losses.size()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    public static Result train(String text, Settings s) {
        Vocabulary vocab = Vocabulary.of(text);
        long[] ids = vocab.encode(text);
        Nn4j.manualSeed(s.seed());
        Generator windows = new Generator(s.seed() + 1);
        CharLstm model = new CharLstm(vocab.size(), s.embedDim(), s.hidden());
        Adam opt = new Adam(model.parameters(), Adam.options().lr(s.lr()));
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < s.steps(); step++) {
            // a batch of random windows: input = chars [i, i+L), target = chars [i+1, i+L+1)
            long[] x = new long[s.batch() * s.seqLen()], y = new long[x.length];
            for (int b = 0; b < s.batch(); b++) {
                int start = windows.nextInt(ids.length - s.seqLen() - 1);
                System.arraycopy(ids, start, x, b * s.seqLen(), s.seqLen());
                System.arraycopy(ids, start + 1, y, b * s.seqLen(), s.seqLen());
            }
            Tensor logits = model.call(Tensor.fromArray(x, s.batch(), s.seqLen()));
            Tensor loss = F.crossEntropy(logits.reshape(-1, vocab.size()), Tensor.fromArray(y, y.length));
            opt.zeroGrad();
            loss.backward();
            ClipGrad.clipGradNorm_(model.parameters(), 1.0);       // the usual guard against exploding RNN gradients
            opt.step();
            losses.add(loss.item());
        }
        String sample = sample(model, vocab, "Alice ", 120, 0.5, new Generator(s.seed() + 2));
        return new Result(losses, Math.log(vocab.size()), sample);
    }

    /** Feeds {@code prompt}, then draws {@code n} characters from softmax(logits / temperature). */
    public static String sample(CharLstm model, Vocabulary vocab, String prompt, int n, double temperature, Generator g) {
        model.eval();
        StringBuilder out = new StringBuilder(prompt);
        try (var ng = Autograd.noGrad()) {
            long[] p = vocab.encode(prompt);
            RNNBase.Output o = model.step(Tensor.fromArray(p, 1, p.length), null, null);
            for (int i = 0; i < n; i++) {
                Tensor last = o.output().select(1, o.output().shape()[1] - 1).reshape(-1);   // logits of the last position
                float[] probs = F.softmax(last.div(temperature), 0).toFloatArray();
                int next = draw(probs, g.nextDouble());
                out.append(vocab.chars().charAt(next));
                o = model.step(Tensor.fromArray(new long[] {next}, 1, 1), o.hN(), o.cN());
            }
        } finally {
            model.train();
        }
        return out.toString();
    }

    private static int draw(float[] probs, double u) {
        double acc = 0;
        for (int i = 0; i < probs.length; i++) {
            acc += probs[i];
            if (u < acc) return i;
        }
        return probs.length - 1;
    }

    public static void main(String[] args) {
        String text = ExampleResources.text("alice.txt");
        Settings s = new Settings(32, 128, 400, 32, 48, 3e-3, 0);
        long t0 = System.nanoTime();
        Result r = train(text, s);
        for (int i = 0; i < r.losses().size(); i += 50) {
            System.out.printf(Locale.ROOT, "step %4d: loss %.3f%n", i, r.losses().get(i));
        }
        System.out.printf(Locale.ROOT, "last 20 steps: mean loss %.3f (uniform guess: %.3f), %.1f s%n",
                r.meanOfLast(20), r.uniformLoss(), (System.nanoTime() - t0) / 1e9);
        System.out.println("sample: " + r.sample());
    }
}
