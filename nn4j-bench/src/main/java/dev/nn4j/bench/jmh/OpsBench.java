package dev.nn4j.bench.jmh;

import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.F;
import dev.nn4j.optim.Adam;
import dev.nn4j.optim.SGD;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ops inside the CNN and MLP steps, one at a time, on the CNN's shapes: conv forward and backward, relu and
 * its backward, dropout, max pooling, cross-entropy, the optimizer steps over the CNN's 1.2M parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class OpsBench {
    @Param({"0"})
    public int threads;

    private Tensor x2, w2, y2, gy2, act, gAct, pooled, logits;
    private Tensor target;
    private Tensor conv2In;
    private Adam adam;
    private SGD sgd;
    private final Conv valid = Conv.opts();

    @Setup
    public void setUp() {
        if (threads > 0) Nn4j.setNumThreads(threads);
        Generator g = new Generator(1);
        // conv2 of the CNN (batch 64): (64, 32, 26, 26) * (64, 32, 3, 3) -> (64, 64, 24, 24)
        x2 = Tensor.randn(g, 64, 32, 26, 26);
        w2 = Tensor.randn(g, 64, 32, 3, 3);
        conv2In = x2.detach().requiresGrad_(true);
        y2 = F.conv2d(x2, w2, null, valid);
        gy2 = Tensor.randn(g, y2.shape());
        act = Tensor.randn(g, 64, 64, 24, 24);
        gAct = Tensor.randn(g, 64, 64, 24, 24);
        pooled = Tensor.randn(g, 64, 64, 12, 12);
        logits = Tensor.randn(g, 64, 10);
        target = Tensor.randint(0, 10, g, 64);
        List<Tensor> params = List.of(Tensor.randn(g, 128, 9216).requiresGrad_(true), Tensor.randn(g, 64, 32, 3, 3).requiresGrad_(true));
        for (Tensor p : params) p.setGrad(Tensor.randn(g, p.shape()));
        adam = new Adam(params, 1e-3);
        sgd = new SGD(params, SGD.options().lr(1e-2).momentum(0.9));
    }

    @Benchmark
    public Tensor conv2Forward() {
        return F.conv2d(x2, w2, null, valid);
    }

    @Benchmark
    public Tensor conv2ForwardBackward() {
        Tensor w = w2.detach().requiresGrad_(true);
        Tensor y = F.conv2d(conv2In, w, null, valid);
        y.backward(gy2);
        conv2In.setGrad(null);
        return w.grad();
    }

    @Benchmark
    public Tensor reluForwardBackward() {
        Tensor a = act.detach().requiresGrad_(true);
        a.relu().backward(gAct);
        return a.grad();
    }

    @Benchmark
    public Tensor dropout() {
        return F.dropout(pooled, 0.25, true, false);
    }

    @Benchmark
    public Tensor crossEntropyForwardBackward() {
        Tensor l = logits.detach().requiresGrad_(true);
        F.crossEntropy(l, target).backward();
        return l.grad();
    }

    @Benchmark
    public void adamStep() {
        adam.step();
    }

    @Benchmark
    public void sgdStep() {
        sgd.step();
    }
}
