package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.ConvTranspose;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.FractionalMaxPool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the golden cases cannot show: train/eval behaviour of random modules, running-statistics bookkeeping,
 * state-dict compatibility rules and the errors a bad constructor argument or input gives.
 */
class ModuleBehaviourTest {
    private static String error(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void dropoutDropsOnlyInTraining() {
        Nn4j.manualSeed(1);
        Dropout d = new Dropout(0.3);
        Tensor x = Tensor.ones(200, 100);
        Tensor y = d.forward(x);
        double zeros = y.eq(0).toFloat().mean().item();
        assertEquals(0.3, zeros, 0.02);
        assertEquals(1 / 0.7, y.amax(new int[] {0, 1}, false).item(), 1e-5); // survivors scaled by 1 / (1 - p)
        d.eval();
        assertTrue(d.forward(x).equal(x));

        Dropout2d d2 = new Dropout2d(0.5);
        Tensor z = d2.forward(Tensor.ones(8, 16, 3, 3));
        for (int n = 0; n < 8; n++) {
            for (int c = 0; c < 16; c++) {
                double s = z.select(0, n).select(0, c).sum().item();
                assertTrue(s == 0 || Math.abs(s - 18) < 1e-4, "a whole channel is dropped or kept");
            }
        }
        Tensor a = new AlphaDropout(0.2).forward(Tensor.randn(300, 300));
        assertEquals(0, a.mean().item(), 0.02);
        assertEquals(1, a.var().item(), 0.05); // keeps SELU's self-normalizing statistics
        assertTrue(error(() -> new Dropout(1.5)).contains("dropout probability has to be between 0 and 1, but got 1.5"));
    }

    @Test
    void rreluSamplesSlopesInTraining() {
        RReLU r = new RReLU(0.1, 0.3);
        Tensor x = Tensor.full(new int[] {1000}, -1.0);
        Tensor y = r.forward(x);
        assertTrue(y.max().item() <= -0.1 + 1e-6 && y.min().item() >= -0.3 - 1e-6);
        assertTrue(y.var().item() > 1e-4, "slopes vary");
        r.eval();
        assertEquals(-0.2, r.forward(x).mean().item(), 1e-6);
    }

    @Test
    void batchNormCumulativeAverageWithMomentumNone() {
        BatchNorm1d bn = new BatchNorm1d(2, 1e-5, null, false, true);
        Tensor[] batches = {Tensor.randn(5, 2), Tensor.randn(5, 2).add(1), Tensor.randn(5, 2).mul(3)};
        Tensor sum = Tensor.zeros(2);
        for (Tensor b : batches) {
            bn.forward(b);
            sum = sum.add(b.mean(0));
        }
        assertEquals(3, bn.numBatchesTracked.item());
        assertTrue(bn.runningMean.allclose(sum.div(3), 1e-5, 1e-6), "running mean is the plain average of the batch means");
        bn.eval();
        Tensor x = Tensor.randn(4, 2);
        Tensor expect = x.sub(bn.runningMean).div(bn.runningVar.add(1e-5).sqrt());
        assertTrue(bn.forward(x).allclose(expect, 1e-5, 1e-6));
    }

    @Test
    void batchNormWithoutRunningStatsNormalizesByTheBatchInEval() {
        BatchNorm2d bn = new BatchNorm2d(3, 1e-5, 0.1, true, false);
        assertEquals(List.of("weight", "bias"), List.copyOf(bn.stateDict().keySet()));
        bn.eval();
        Tensor y = bn.forward(Tensor.randn(4, 3, 2, 2).mul(5).add(2));
        assertEquals(0, y.mean().item(), 1e-5);
        assertTrue(error(() -> bn.forward(Tensor.randn(3, 2, 2))).contains("expected 4D input (got 3D input)"));
        assertTrue(error(() -> new BatchNorm1d(3).forward(Tensor.randn(2, 3, 4, 5))).contains("expected 2D or 3D input (got 4D input)"));
    }

    @Test
    void normStateDictCompatibility() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Map<String, Tensor> sd = new LinkedHashMap<>(bn.stateDict());
        sd.remove("num_batches_tracked"); // a checkpoint from before PyTorch 0.4.1
        sd.put("running_mean", Tensor.of(1f, 2f));
        assertTrue(bn.loadStateDict(sd).allMatched());
        assertArrayEquals(new float[] {1, 2}, bn.runningMean.toFloatArray());
        assertEquals(0, bn.numBatchesTracked.item());

        InstanceNorm1d in = new InstanceNorm1d(2);
        String msg = error(() -> in.loadStateDict(Map.of("running_mean", Tensor.zeros(2))));
        assertTrue(msg.startsWith("Error(s) in loading state_dict for InstanceNorm1d:\n\tUnexpected running stats buffer(s) \"running_mean\" for InstanceNorm1d"));
    }

    @Test
    void mismatchedShapesInNestedModulesReportTheirKeys() {
        Sequential s = new Sequential(new Conv2d(1, 4, 3), new ReLU(), new Linear(4, 2));
        Map<String, Tensor> sd = new LinkedHashMap<>(s.stateDict());
        sd.put("0.weight", Tensor.zeros(4, 2, 3, 3));
        sd.put("2.bias", Tensor.zeros(3));
        assertEquals("Error(s) in loading state_dict for Sequential:\n"
                + "\tsize mismatch for 0.weight: copying a param with shape torch.Size([4, 2, 3, 3]) from checkpoint, the shape in current model is torch.Size([4, 1, 3, 3]).\n"
                + "\tsize mismatch for 2.bias: copying a param with shape torch.Size([3]) from checkpoint, the shape in current model is torch.Size([2]).",
                error(() -> s.loadStateDict(sd)));
    }

    @Test
    void loadingConvertsDtypeAndKeepsTheModulesDtype() {
        Linear l = new Linear(2, 2).toDouble() instanceof Linear lin ? lin : null;
        Map<String, Tensor> sd = Map.of("weight", Tensor.ones(2, 2), "bias", Tensor.zeros(2));
        l.loadStateDict(sd);
        assertEquals(DType.FLOAT64, l.weight.dtype());
        assertEquals(1.0, l.weight.get(1, 1));
    }

    @Test
    void constructorErrorsNameTheProblem() {
        assertTrue(error(() -> new Conv2d(3, 4, 3, Conv.opts().groups(2))).contains("in_channels (3) must be divisible by groups (2)"));
        assertTrue(error(() -> new Conv2d(4, 4, 3, Conv.opts().padding("same").stride(2))).contains("padding='same' is not supported for strided convolutions"));
        assertTrue(error(() -> new Conv1d(2, 2, 3, Conv.opts(), true, "mirror")).contains("padding_mode must be one of"));
        assertTrue(error(() -> new ConvTranspose2d(2, 2, 3, ConvTranspose.opts(), true, "reflect")).contains("only \"zeros\" padding mode"));
        assertTrue(error(() -> new MultiheadAttention(10, 3)).contains("embed_dim must be divisible by num_heads"));
        assertTrue(error(() -> new LSTM(3, 4, RNNBase.opts().projSize(4))).contains("proj_size has to be smaller than hidden_size"));
        assertTrue(error(() -> new GRU(3, 4, RNNBase.opts().projSize(2))).contains("proj_size argument is only supported for LSTM"));
        assertTrue(error(() -> new RNN(3, 4, RNNBase.opts().nonlinearity("gelu"))).contains("Unknown nonlinearity 'gelu'"));
        assertTrue(error(() -> new RNN(3, 4, RNNBase.opts().dropout(2))).contains("dropout should be a number in range [0, 1]"));
        assertTrue(error(() -> new GroupNorm(4, 6)).contains("num_channels (6) must be divisible by num_groups (4)"));
        assertTrue(error(() -> new Embedding(5, 2, 5)).contains("padding_idx (5) must be within num_embeddings (5)"));
        assertTrue(error(() -> new EmbeddingBag(5, 2, "median")).contains("mode has to be one of sum, mean or max"));
        assertTrue(error(() -> new Hardtanh(1, -1)).contains("max_val (-1) must be greater than min_val (1)"));
        assertTrue(error(() -> new GELU("erf")).contains("approximate must be 'none' or 'tanh'"));
        assertTrue(error(() -> new AdaptiveLogSoftmaxWithLoss(8, 10, new int[] {5, 3})).contains("cutoffs should be a sequence of unique, positive integers"));
        assertTrue(error(() -> new FractionalMaxPool2d(FractionalMaxPool.opts(2))).contains("requires specifying either an output size, or a pooling ratio"));
        assertTrue(error(() -> new MaxPool2d(new int[] {2, 2, 2})).contains("kernel_size must be an int or a tuple of 2 ints, got (2, 2, 2)"));
        assertTrue(error(() -> new ReflectionPad2d(1, 2, 3)).contains("padding must be an int or a tuple of 4 ints"));
        assertTrue(error(() -> TransformerOptions.opts().activation("tanh")).contains("activation should be relu/gelu, not tanh"));
    }

    @Test
    void forwardErrorsNameTheProblem() {
        LSTM lstm = new LSTM(3, 20);
        String m = error(() -> lstm.forward(Tensor.randn(5, 3, 3), Tensor.zeros(1, 3, 10), Tensor.zeros(1, 3, 20)));
        assertTrue(m.contains("Expected hidden[0] size (1, 3, 20), got [1, 3, 10]"), m);
        assertTrue(error(() -> lstm.forward(Tensor.randn(5, 3, 4))).contains("input.size(-1) must be equal to input_size. Expected 3, got 4"));
        assertTrue(error(() -> new GRU(3, 4).forward(Tensor.randn(5, 3), Tensor.zeros(1, 1, 4))).contains("For unbatched 2-D input, hx should also be 2-D"));
        assertTrue(error(() -> new RNNCell(3, 4).forward(Tensor.randn(2, 2, 3))).contains("Expected input to be 1-D or 2-D"));
        assertTrue(error(() -> new Softmax2d().forward(Tensor.randn(2, 3))).contains("expected input to be 3D or 4D, got 2D instead"));
        assertTrue(error(() -> new Bilinear(2, 2, 2).call(Tensor.ones(2))).contains("expected 2 tensors (input1, input2)"));
        assertTrue(error(() -> new MSELoss().call(Tensor.ones(2))).contains("expected 2 arguments (input, target)"));
        assertTrue(assertThrows(UnsupportedOperationException.class, () -> new MSELoss().forward(Tensor.ones(2)))
                .getMessage().contains("Module [MSELoss] is missing the required \"forward\" function"));
        assertTrue(error(() -> new AdaptiveLogSoftmaxWithLoss(4, 6, new int[] {2}).forward(Tensor.randn(2, 4), Tensor.of(1L, 6L)))
                .contains("Target values should be in [0, 5]"));
        var up = new ConvTranspose2d(2, 3, 3, ConvTranspose.opts().stride(2).padding(1));
        assertTrue(error(() -> up.forward(Tensor.randn(1, 2, 4, 4), new int[] {10, 10}))
                .contains("requested an output size of [10, 10], but valid sizes range from [7, 7] to [8, 8]"));
    }

    @Test
    void recurrentModulesAcceptPackedAndUnbatchedInput() {
        GRU gru = new GRU(2, 3, RNNBase.opts().batchFirst(true));
        Tensor x = Tensor.randn(2, 4, 2);
        RNNBase.Output full = gru.forward(x, null);
        assertArrayEquals(new int[] {2, 4, 3}, full.output().shape());
        RNNBase.Output single = gru.forward(x.select(0, 1), null);
        assertTrue(single.output().allclose(full.output().select(0, 1), 1e-5, 1e-6), "unbatched = one row of the batch");
        // a packed batch where every sequence is full length equals the padded run
        var packed = dev.nn4j.nn.utils.Rnn.packPaddedSequence(x, new long[] {4, 4}, true, true);
        RNNBase.Output p = gru.forward(packed, null);
        assertTrue(p.hN().allclose(full.hN(), 1e-5, 1e-6));
        assertNull(full.cN());
        // forward(Tensor) is the output sequence; call() returns PyTorch's (output, h_n, c_n), so in a Sequential
        // the next layer receives that tuple and fails, as in PyTorch
        LSTM lstm = new LSTM(2, 3, RNNBase.opts().batchFirst(true));
        assertArrayEquals(new int[] {2, 4, 3}, lstm.forward(x).shape());
        assertTrue(lstm.call((Object) x) instanceof RNNBase.Output);
        assertThrows(IllegalStateException.class, () -> lstm.call(x));
        assertTrue(error(() -> new Sequential(lstm, new Linear(3, 1)).forward(x)).contains("Linear.forward: expected 1 tensor argument, got 1 (Output)"));
    }

    @Test
    void poolingReturnsIndicesThroughCall() {
        MaxPool2d pool = new MaxPool2d(IntArg.of(2), null, IntArg.of(0), IntArg.of(1), true, false);
        Tensor x = Tensor.randn(1, 1, 4, 4);
        Object r = pool.call((Object) x);
        assertTrue(r instanceof Tensor.ValuesIndices);
        Tensor.ValuesIndices vi = (Tensor.ValuesIndices) r;
        assertTrue(vi.values().equal(pool.forward(x)));
        Tensor back = new MaxUnpool2d(2).forward(vi.values(), vi.indices());
        assertEquals(x.amax(new int[] {0, 1, 2, 3}, false).item(), back.amax(new int[] {0, 1, 2, 3}, false).item());
        assertEquals(4, back.ne(0).sum().item());
    }

    @Test
    void adaptiveSoftmaxLogProbAgreesWithForward() {
        AdaptiveLogSoftmaxWithLoss a = new AdaptiveLogSoftmaxWithLoss(6, 9, new int[] {2, 5}, 2.0, false);
        Tensor x = Tensor.randn(5, 6), t = Tensor.of(0L, 3L, 8L, 1L, 6L);
        AdaptiveLogSoftmaxWithLoss.Output out = a.forward(x, t);
        Tensor lp = a.logProb(x);
        assertTrue(lp.exp().sum(1).allclose(Tensor.ones(5), 1e-5, 1e-5), "a distribution over all classes");
        assertTrue(lp.gather(1, t.unsqueeze(1)).squeeze(1).allclose(out.output(), 1e-5, 1e-6));
        assertEquals(-out.output().mean().item(), out.loss().item(), 1e-6);
        assertArrayEquals(lp.argmax(1).toLongArray(), a.predict(x).toLongArray());
    }

    @Test
    void transformerMaskAndEvalMode() {
        Tensor mask = Transformer.generateSquareSubsequentMask(3);
        assertEquals(0.0, mask.get(2, 0));
        assertEquals(Double.NEGATIVE_INFINITY, mask.get(0, 1));
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, TransformerOptions.opts().dimFeedforward(16));
        layer.eval();
        Tensor x = Tensor.randn(3, 2, 8);
        assertTrue(layer.forward(x).equal(layer.forward(x)), "dropout is off in eval mode");
        int[] fired = {0};
        layer.selfAttn.registerForwardHook((m, args, out) -> {
            fired[0]++;
            return null;
        });
        layer.forward(x);
        assertEquals(1, fired[0], "children are called through call(), so their hooks run, as in PyTorch");
        TransformerEncoderLayer withModule = new TransformerEncoderLayer(8, 2, TransformerOptions.opts().activation(new GELU()));
        assertTrue(withModule.toString().contains("(activation): GELU(approximate='none')"));
        TransformerEncoderLayer withFn = new TransformerEncoderLayer(8, 2, TransformerOptions.opts().activation(F::silu));
        assertFalse(withFn.toString().contains("activation"));
    }

    @Test
    void embeddingMaxNormRenormalizesRowsInPlace() {
        Embedding e = new Embedding(4, 3, null, 1.0, 2.0, false, false);
        try (var g = dev.nn4j.Autograd.noGrad()) {
            e.weight.fill_(2);
        }
        e.forward(Tensor.of(1L, 1L));
        assertEquals(1.0, e.weight.select(0, 1).norm().item(), 1e-4);
        assertEquals(2.0, e.weight.get(0, 0), 0.0); // rows not looked up are untouched
    }

    @Test
    void lazyModulesInferTheirInputSize() {
        LazyLinear l = new LazyLinear(3);
        assertEquals("LazyLinear(in_features=0, out_features=3, bias=True)", l.toString()); // PyTorch's repr before the first call
        assertEquals(List.of("weight", "bias"), List.copyOf(l.stateDict().keySet()));
        assertTrue(l.hasUninitializedParams());
        l.toDouble();
        Tensor y = l.forward(Tensor.randn(DType.FLOAT64, new dev.nn4j.Generator(1), 2, 5));
        assertArrayEquals(new int[] {2, 3}, y.shape());
        assertEquals("Linear(in_features=5, out_features=3, bias=True)", l.toString());
        assertEquals(DType.FLOAT64, l.module().weight.dtype());
        assertSame(l.module().weight, l.namedParameters().get("weight"));

        // a checkpoint fixes the size before any forward
        LazyConv2d c = new LazyConv2d(4, 3);
        assertEquals("LazyConv2d(0, 4, kernel_size=(3, 3), stride=(1, 1))", c.toString());
        c.loadStateDict(new Conv2d(2, 4, 3).stateDict());
        assertEquals(2, c.module().inChannels);
        assertEquals("LazyBatchNorm1d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", new LazyBatchNorm1d().toString());
    }

    @Test
    void everyLazyModuleBecomesItsRealClass() {
        Object[][] cases = {
                {new LazyConv1d(4, 3), Tensor.randn(2, 3, 8), "Conv1d(3, 4, kernel_size=(3,), stride=(1,))"},
                {new LazyConv3d(2, 2), Tensor.randn(1, 3, 3, 3, 3), "Conv3d(3, 2, kernel_size=(2, 2, 2), stride=(1, 1, 1))"},
                {new LazyConvTranspose2d(2, 3, ConvTranspose.opts().stride(2)), Tensor.randn(1, 4, 3, 3),
                        "ConvTranspose2d(4, 2, kernel_size=(3, 3), stride=(2, 2))"},
                {new LazyConvTranspose3d(2, 2), Tensor.randn(1, 3, 2, 2, 2), "ConvTranspose3d(3, 2, kernel_size=(2, 2, 2), stride=(1, 1, 1))"},
                {new LazyBatchNorm2d(), Tensor.randn(2, 5, 3, 3), "BatchNorm2d(5, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"},
                {new LazyBatchNorm3d(), Tensor.randn(2, 5, 2, 2, 2), "BatchNorm3d(5, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"},
                {new LazyInstanceNorm1d(), Tensor.randn(6, 7), "InstanceNorm1d(6, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"},
                {new LazyInstanceNorm3d(), Tensor.randn(1, 2, 3, 3, 3), "InstanceNorm3d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)"},
        };
        for (Object[] c : cases) {
            LazyModule<?> lazy = (LazyModule<?>) c[0];
            Tensor x = (Tensor) c[1];
            Tensor y = lazy.forward(x);
            assertEquals(c[2], lazy.toString());
            lazy.eval();
            lazy.module().eval();
            assertTrue(lazy.forward(x).equal(lazy.module().forward(x)), lazy.getName());
            assertArrayEquals(y.shape(), lazy.module().forward(x).shape());
        }
    }

    @Test
    void syncBatchNormIsBatchNormInOneProcess() {
        SyncBatchNorm s = new SyncBatchNorm(3);
        BatchNorm3d b = new BatchNorm3d(3);
        Tensor x = Tensor.randn(2, 3, 2, 2, 2);
        assertTrue(s.forward(x).allclose(b.forward(x), 1e-6, 1e-6));
        assertTrue(s.runningVar.allclose(b.runningVar, 1e-6, 1e-6));
        assertTrue(error(() -> s.forward(Tensor.randn(3))).contains("expected at least 2D input"));
    }

    @SuppressWarnings("deprecation")
    @Test
    void containerRegistersItsModules() {
        Container c = new Container(Map.of("fc", new Linear(2, 2)));
        assertEquals(List.of("fc.weight", "fc.bias"), List.copyOf(c.stateDict().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> c.forward(Tensor.ones(2)));
    }

    @Test
    void identityIgnoresArgumentsAndPassesAnything() {
        Identity id = new Identity(54, "unused");
        Tensor x = Tensor.ones(2);
        assertSame(x, id.forward(x));
        assertEquals("Identity()", id.toString());
    }
}
