package dev.nn4j.cli.train;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.data.DataLoader;
import dev.nn4j.data.Dataset;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.functional.CrossEntropy;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/** Test-set loss, accuracy and confusion matrix of a classifier, in eval mode without autograd. */
public record Evaluation(double loss, long correct, long total, long[][] confusion) {

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public static Evaluation run(Module model, Dataset<Tensor[]> data, int numClasses, int batchSize) {
        boolean wasTraining = model.isTraining();
        model.eval();
        double lossSum = 0;
        long correct = 0, total = 0;
        long[][] confusion = new long[numClasses][numClasses];
        try (var g = Autograd.noGrad()) {
            for (Tensor[] b : DataLoader.builder(data).batchSize(batchSize).build()) {
                Tensor logits = model.call(b[0]);
                lossSum += F.crossEntropy(logits, b[1], CrossEntropy.opts().reduction(Reduction.SUM)).item();
                long[] pred = logits.argmax(1).toLongArray(), y = b[1].toLongArray();
                for (int i = 0; i < y.length; i++) {
                    confusion[(int) y[i]][(int) pred[i]]++;
                    if (pred[i] == y[i]) correct++;
                }
                total += y.length;
            }
        } finally {
            model.train(wasTraining);
        }
        return new Evaluation(total == 0 ? 0 : lossSum / total, correct, total, confusion);
    }
}
