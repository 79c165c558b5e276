package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.ConvTranspose;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each module's default initialization, checked statistically as PyTorch defines it (pytorch-reference.md §3):
 * every value inside the bound, mean near 0 (or the constant), variance near the distribution's.
 */
class DefaultInitTest {
    @BeforeEach
    void seed() {
        Nn4j.manualSeed(2024);
    }

    /** Uniform in (-bound, bound): inside, mean ~0, variance ~bound²/3. */
    static void assertUniform(String what, Tensor t, double bound) {
        double[] v = t.toDoubleArray();
        double m = 0, s = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m += x;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        m /= v.length;
        for (double x : v) s += (x - m) * (x - m);
        s /= v.length;
        assertTrue(lo >= -bound && hi <= bound, what + ": values in [" + lo + ", " + hi + "] outside ±" + bound);
        assertTrue(hi > 0.8 * bound && lo < -0.8 * bound, what + ": values do not fill ±" + bound);
        double se = bound * bound / 3 * Math.sqrt(4.0 / v.length) * 3; // ~3 standard errors of the variance estimate
        assertEquals(0, m, bound * 4 / Math.sqrt(v.length), what + ": mean");
        assertEquals(bound * bound / 3, s, se + 1e-12, what + ": variance");
    }

    static void assertConstant(String what, Tensor t, double value) {
        for (double x : t.toDoubleArray()) assertEquals(value, x, 0.0, what);
    }

    @Test
    void linearAndBilinear() {
        Linear l = new Linear(300, 200);
        assertUniform("Linear.weight", l.weight, 1 / Math.sqrt(300));
        assertUniform("Linear.bias", l.bias, 1 / Math.sqrt(300));
        Bilinear b = new Bilinear(40, 30, 50);
        assertUniform("Bilinear.weight", b.weight, 1 / Math.sqrt(40));
        assertUniform("Bilinear.bias", b.bias, 1 / Math.sqrt(40));
        assertEquals(DType.FLOAT32, l.weight.dtype());
        assertTrue(l.weight.requiresGrad() && l.weight.isLeaf());
    }

    @Test
    void convolutionsUseFanInOfTheirWeightLayout() {
        Conv2d c = new Conv2d(16, 64, 3);
        assertUniform("Conv2d.weight", c.weight, 1 / Math.sqrt(16 * 9));
        assertUniform("Conv2d.bias", c.bias, 1 / Math.sqrt(16 * 9));
        Conv1d c1 = new Conv1d(8, 100, 5, dev.nn4j.nn.functional.Conv.opts().groups(4));
        assertUniform("Conv1d(groups).weight", c1.weight, 1 / Math.sqrt(2 * 5));
        Conv3d c3 = new Conv3d(4, 40, 3);
        assertUniform("Conv3d.weight", c3.weight, 1 / Math.sqrt(4 * 27));
        // transposed: weight (in, out/groups, *k), so fan_in = out/groups * prod(k)
        ConvTranspose2d t = new ConvTranspose2d(64, 12, 3, ConvTranspose.opts().groups(2));
        assertUniform("ConvTranspose2d.weight", t.weight, 1 / Math.sqrt(6 * 9));
        assertUniform("ConvTranspose2d.bias", t.bias, 1 / Math.sqrt(6 * 9));
    }

    @Test
    void embeddingsAreStandardNormalWithPaddingRowZero() {
        Embedding e = new Embedding(1000, 64, 3);
        double[] v = e.weight.toDoubleArray();
        double m = 0, s = 0;
        for (double x : v) m += x;
        m /= v.length;
        for (double x : v) s += (x - m) * (x - m);
        s /= v.length;
        assertEquals(0, m, 0.02);
        assertEquals(1, s, 0.03);
        assertConstant("padding row", e.weight.select(0, 3), 0);
        Embedding neg = new Embedding(10, 4, -1);
        assertEquals(9, neg.paddingIdx);
        assertConstant("padding row -1", neg.weight.select(0, 9), 0);
        EmbeddingBag bag = new EmbeddingBag(10, 4, null, 2.0, false, "sum", false, null, false, 2);
        assertConstant("EmbeddingBag padding row", bag.weight.select(0, 2), 0);
        Embedding frozen = Embedding.fromPretrained(Tensor.ones(3, 2));
        assertFalse(frozen.weight.requiresGrad());
        assertConstant("from_pretrained keeps the table", frozen.weight, 1);
    }

    @Test
    void recurrentParametersAreUniformInverseSqrtHidden() {
        for (Module m : new Module[] {new RNN(10, 64, 2), new LSTM(10, 64, RNNBase.opts().bidirectional(true).projSize(16)), new GRU(10, 64),
                new RNNCell(10, 64), new LSTMCell(10, 64), new GRUCell(10, 64)}) {
            for (Map.Entry<String, Tensor> p : m.namedParameters().entrySet()) {
                assertUniform(m.getName() + "." + p.getKey(), p.getValue(), 1 / Math.sqrt(64));
            }
        }
    }

    @Test
    void normalizationStartsAsIdentity() {
        for (NormBase n : new NormBase[] {new BatchNorm1d(5), new BatchNorm2d(5), new BatchNorm3d(5), new SyncBatchNorm(5),
                new InstanceNorm2d(5, 1e-5, 0.1, true, true)}) {
            assertConstant(n.getName() + ".weight", n.weight, 1);
            assertConstant(n.getName() + ".bias", n.bias, 0);
            assertConstant(n.getName() + ".running_mean", n.runningMean, 0);
            assertConstant(n.getName() + ".running_var", n.runningVar, 1);
            assertEquals(DType.INT64, n.numBatchesTracked.dtype());
            assertEquals(0, n.numBatchesTracked.item());
        }
        LayerNorm ln = new LayerNorm(3, 4);
        assertConstant("LayerNorm.weight", ln.weight, 1);
        assertConstant("LayerNorm.bias", ln.bias, 0);
        GroupNorm gn = new GroupNorm(2, 6);
        assertConstant("GroupNorm.weight", gn.weight, 1);
        assertConstant("GroupNorm.bias", gn.bias, 0);
        assertConstant("RMSNorm.weight", new RMSNorm(7).weight, 1);
        assertConstant("PReLU.weight", new PReLU(4).weight, 0.25);
    }

    @Test
    void multiheadAttentionIsXavierWithZeroBiases() {
        MultiheadAttention a = new MultiheadAttention(64, 4);
        assertUniform("in_proj_weight", a.inProjWeight, Math.sqrt(6.0 / (64 + 3 * 64)));
        assertConstant("in_proj_bias", a.inProjBias, 0);
        assertConstant("out_proj.bias", a.outProj.bias, 0);
        assertUniform("out_proj.weight", a.outProj.weight, 1 / Math.sqrt(64));
        MultiheadAttention sep = new MultiheadAttention(64, 4, MultiheadAttention.opts().kdim(32).vdim(16).addBiasKv(true));
        assertUniform("k_proj_weight", sep.kProjWeight, Math.sqrt(6.0 / (64 + 32)));
        assertUniform("v_proj_weight", sep.vProjWeight, Math.sqrt(6.0 / (64 + 16)));
        // bias_k (1, 1, E): xavier_normal_ with fan_in = fan_out = E (the trailing dim is the receptive field), std = 1/sqrt(E)
        assertEquals(64, sep.biasK.numel());
        double var = sep.biasK.square().mean().item();
        assertTrue(var > 0.3 / 64 && var < 3.0 / 64, "bias_k variance " + var);
    }

    @Test
    void transformerReinitializesMatricesAndEncoderCopiesAreIdentical() {
        Transformer t = new Transformer(32, 4, 1, 1, TransformerOptions.opts().dimFeedforward(64));
        Map<String, Tensor> p = t.namedParameters();
        // every >1-D parameter is xavier_uniform_: linear1.weight (64, 32) -> bound sqrt(6 / 96)
        assertUniform("linear1.weight", p.get("encoder.layers.0.linear1.weight"), Math.sqrt(6.0 / 96));
        assertUniform("out_proj.weight", p.get("decoder.layers.0.self_attn.out_proj.weight"), Math.sqrt(6.0 / 64));
        assertConstant("norm weight", p.get("encoder.norm.weight"), 1);

        TransformerEncoder enc = new TransformerEncoder(new TransformerEncoderLayer(16, 2), 3);
        Map<String, Tensor> e = enc.namedParameters();
        assertTrue(e.get("layers.0.linear1.weight").equal(e.get("layers.2.linear1.weight")));
        assertFalse(e.get("layers.0.linear1.weight") == e.get("layers.2.linear1.weight")); // copies, not shared
        assertEquals(3 * 12, enc.parameters().size());
    }

    @Test
    void adaptiveSoftmaxTailSizes() {
        AdaptiveLogSoftmaxWithLoss a = new AdaptiveLogSoftmaxWithLoss(64, 1000, new int[] {10, 100});
        assertEquals(64 / 4, ((Linear) ((Sequential) a.tail.get(0)).get(0)).outFeatures);
        assertEquals(64 / 16, ((Linear) ((Sequential) a.tail.get(1)).get(0)).outFeatures);
        assertEquals(12, a.head.outFeatures);
        assertUniform("head.weight", a.head.weight, 1 / Math.sqrt(64));
    }

    @Test
    void seedMakesInitReproducible() {
        Nn4j.manualSeed(5);
        Linear a = new Linear(4, 4);
        Nn4j.manualSeed(5);
        Linear b = new Linear(4, 4);
        assertTrue(a.weight.equal(b.weight) && a.bias.equal(b.bias));
    }
}
