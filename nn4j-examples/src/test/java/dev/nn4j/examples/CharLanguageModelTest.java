package dev.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CharLanguageModelTest {
    @Test
    void lossFallsFarBelowAUniformGuess() {
        String text = ExampleResources.text("alice.txt");
        var s = new CharLanguageModel.Settings(16, 64, 250, 16, 32, 1e-2, 0);
        CharLanguageModel.Result r = CharLanguageModel.train(text, s);
        assertEquals(250, r.losses().size());
        double first = r.meanOfFirst(5), last = r.meanOfLast(20);
        System.out.printf("char LSTM: loss %.3f -> %.3f (ln V = %.3f); %s%n", first, last, r.uniformLoss(), r.sample());
        // starts near ln(vocabulary) (a uniform guess), ends well below it
        assertTrue(Math.abs(first - r.uniformLoss()) < 0.5, "first losses " + first + " vs ln(V) " + r.uniformLoss());
        assertTrue(last < 0.35 * r.uniformLoss(), "loss fell only from " + first + " to " + last);
        assertTrue(r.sample().startsWith("Alice ") && r.sample().length() == 6 + 120, r.sample());
    }

    @Test
    void vocabularyRoundTrips() {
        var v = CharLanguageModel.Vocabulary.of("hello world");
        assertEquals(" dehlorw", v.chars());
        assertEquals(2, v.encode("e")[0]);
    }
}
