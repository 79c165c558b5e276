package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.BinaryCrossEntropyWithLogits;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.ConvTranspose;
import dev.nn4j.nn.functional.CrossEntropy;
import dev.nn4j.nn.functional.Ctc;
import dev.nn4j.nn.functional.FractionalMaxPool;
import dev.nn4j.nn.functional.GaussianNll;
import dev.nn4j.nn.functional.MultiMargin;
import dev.nn4j.nn.functional.Nll;
import dev.nn4j.nn.functional.PoissonNll;
import dev.nn4j.nn.functional.Reduction;
import dev.nn4j.nn.functional.TripletMargin;
import dev.nn4j.nn.functional.TripletMarginWithDistance;
import dev.nn4j.nn.utils.PackedSequence;
import dev.nn4j.nn.utils.Rnn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden module case of tools/golden/module_cases.py, each module built with nn4j's Java API as a user
 * would write it (the PyTorch constructor call is in the comment of each group). See {@link ModuleGolden}.
 */
class ModuleGoldenTest {
    private final Map<String, Supplier<Module>> modules = new LinkedHashMap<>();
    private final Map<String, ModuleGolden.Forward> forwards = new LinkedHashMap<>();

    private void add(String id, Supplier<Module> m) {
        modules.put(id, m);
    }

    private void add(String id, Supplier<Module> m, ModuleGolden.Forward fwd) {
        modules.put(id, m);
        forwards.put(id, fwd);
    }

    private static Tensor w(Map<String, Object> ctorArg) {
        return ModuleGolden.tensor(ctorArg, dev.nn4j.DType.FLOAT32);
    }

    /** A tensor-valued constructor argument of a case (loss weights). */
    @SuppressWarnings("unchecked")
    private static Tensor ctorTensor(String id, String name) {
        return w((Map<String, Object>) ((Map<String, Object>) ModuleGolden.get(id).get("ctor")).get(name));
    }

    ModuleGoldenTest() {
        // activations
        add("ReLU", ReLU::new);
        add("ReLU6", ReLU6::new);
        add("SELU", SELU::new);
        add("SiLU", SiLU::new);
        add("Mish", Mish::new);
        add("Hardsigmoid", Hardsigmoid::new);
        add("Hardswish", Hardswish::new);
        add("Sigmoid", Sigmoid::new);
        add("Tanh", Tanh::new);
        add("LogSigmoid", LogSigmoid::new);
        add("Softsign", Softsign::new);
        add("Tanhshrink", Tanhshrink::new);
        add("ELU/alpha", () -> new ELU(0.5));
        add("CELU/alpha", () -> new CELU(2.0));
        add("GELU", GELU::new);
        add("GELU/tanh", () -> new GELU("tanh"));
        add("GLU", GLU::new);
        add("GLU/dim1", () -> new GLU(1));
        add("Hardshrink", () -> new Hardshrink(0.3));
        add("Softshrink", Softshrink::new);
        add("Hardtanh/range", () -> new Hardtanh(-0.5, 0.7));
        add("Hardtanh/int", () -> new Hardtanh(0, 6));
        add("LeakyReLU", () -> new LeakyReLU(0.2));
        add("RReLU/eval", () -> new RReLU(0.1, 0.3));
        add("Softplus", () -> new Softplus(2, 1));
        add("Threshold", () -> new Threshold(0.1, 20));
        add("PReLU/shared", PReLU::new);
        add("PReLU/channels", () -> new PReLU(3, 0.1));
        add("Softmax/dim1", () -> new Softmax(1));
        add("Softmax/implicit", Softmax::new);
        add("Softmin", () -> new Softmin(-1));
        add("LogSoftmax", () -> new LogSoftmax(2));
        add("Softmax2d", Softmax2d::new);

        // dropout (evaluation mode)
        add("Dropout/eval", () -> new Dropout(0.3));
        add("Dropout1d/eval", () -> new Dropout1d(0.3));
        add("Dropout2d/eval", () -> new Dropout2d(0.3));
        add("Dropout3d/eval", () -> new Dropout3d(0.3));
        add("AlphaDropout/eval", () -> new AlphaDropout(0.3));
        add("FeatureAlphaDropout/eval", () -> new FeatureAlphaDropout(0.3));
        add("Dropout/p0", () -> new Dropout(0));

        // linear and shape
        add("Identity", () -> new Identity(3, "x"));
        add("Linear/3d", () -> new Linear(4, 3));
        add("Bilinear/nobias", () -> new Bilinear(3, 4, 2, false));
        add("Flatten/range", () -> new Flatten(0, 1));
        add("Unflatten/last", () -> new Unflatten(-1, 2, 2));

        // convolution
        add("Conv1d/same_replicate", () -> new Conv1d(2, 4, 3, Conv.opts().padding("same").dilation(2), true, "replicate"));
        add("Conv1d/valid", () -> new Conv1d(2, 3, 2, Conv.opts().padding("valid"), false, "zeros"));
        add("Conv2d/groups", () -> new Conv2d(4, 6, new int[] {3, 2}, Conv.opts().stride(2, 1).padding(1, 0).dilation(1, 2).groups(2)));
        add("Conv2d/same", () -> new Conv2d(2, 3, 4, Conv.opts().padding("same")));
        add("Conv2d/replicate", () -> new Conv2d(2, 2, 3, Conv.opts().padding(2), true, "replicate"));
        add("Conv2d/unbatched", () -> new Conv2d(2, 3, 2));
        add("Conv3d/circular", () -> new Conv3d(2, 4, new int[] {2, 3, 2}, Conv.opts().stride(2).padding(1), true, "circular"));
        add("Conv3d/dilation", () -> new Conv3d(1, 2, 2, Conv.opts().dilation(2), false, "zeros"));
        add("ConvTranspose1d", () -> new ConvTranspose1d(3, 2, 3, ConvTranspose.opts().stride(2).outputPadding(1).dilation(2)));
        add("ConvTranspose2d/groups", () -> new ConvTranspose2d(4, 6, new int[] {2, 3},
                ConvTranspose.opts().stride(2, 1).padding(0, 1).groups(2), false, "zeros"));
        add("ConvTranspose2d/output_size", () -> new ConvTranspose2d(2, 3, 3, ConvTranspose.opts().stride(2).padding(1)),
                (m, in) -> ((ConvTranspose2d) m).forward(in.get("input"), new int[] {8, 8}));
        add("ConvTranspose3d", () -> new ConvTranspose3d(2, 2, 2, ConvTranspose.opts().stride(2)));
        add("Fold", () -> new Fold(new int[] {4, 5}, new int[] {2}));
        add("Fold/strided", () -> new Fold(new int[] {5, 5}, new int[] {2, 3}, new int[] {1}, new int[] {1}, new int[] {2}));
        add("Unfold", () -> new Unfold(new int[] {2, 3}, new int[] {1}, new int[] {1}, new int[] {2}));
        add("Unfold/int", () -> new Unfold(2));

        // lazy modules
        add("LazyLinear", () -> new LazyLinear(3));
        add("LazyConv2d", () -> new LazyConv2d(4, 3, Conv.opts().padding(1)));
        add("LazyConvTranspose1d", () -> new LazyConvTranspose1d(2, 3, ConvTranspose.opts().stride(2)));
        add("LazyBatchNorm1d", LazyBatchNorm1d::new);
        add("LazyInstanceNorm2d", LazyInstanceNorm2d::new);

        // pooling
        add("MaxPool1d/ceil_dilation", () -> new MaxPool1d(IntArg.of(3), IntArg.of(2), IntArg.of(1), IntArg.of(2), false, true));
        add("MaxPool2d/indices", () -> new MaxPool2d(IntArg.of(2), null, IntArg.of(0), IntArg.of(1), true, false));
        add("MaxPool2d/tuple", () -> new MaxPool2d(IntArg.of(3, 2), IntArg.of(2, 1), IntArg.of(1, 0), IntArg.of(1), false, false));
        add("MaxPool3d", () -> new MaxPool3d(2, 1));
        add("AvgPool1d/ceil_exclude", () -> new AvgPool1d(IntArg.of(3), IntArg.of(2), IntArg.of(1), true, false));
        add("AvgPool2d/divisor", () -> new AvgPool2d(IntArg.of(3, 2), IntArg.of(2, 1), IntArg.of(1, 0), false, true, 3));
        add("AvgPool2d", () -> new AvgPool2d(2));
        add("AvgPool3d/ceil", () -> new AvgPool3d(IntArg.of(2), IntArg.of(1, 2, 1), IntArg.of(0), true, true, null));
        add("LPPool1d", () -> new LPPool1d(2, IntArg.of(3), IntArg.of(2), false));
        add("LPPool2d/frac", () -> new LPPool2d(1.5, new int[] {2, 3}));
        add("LPPool2d/ceil", () -> new LPPool2d(3, IntArg.of(2), null, true));
        add("LPPool3d", () -> new LPPool3d(2, new int[] {2, 2, 1}));
        add("AdaptiveAvgPool1d", () -> new AdaptiveAvgPool1d(3));
        add("AdaptiveAvgPool2d/none", () -> new AdaptiveAvgPool2d(null, 3));
        add("AdaptiveAvgPool3d", () -> new AdaptiveAvgPool3d(2));
        add("AdaptiveMaxPool1d/indices", () -> new AdaptiveMaxPool1d(3, true));
        add("AdaptiveMaxPool2d", () -> new AdaptiveMaxPool2d(new int[] {2, 3}));
        add("AdaptiveMaxPool3d/none", () -> new AdaptiveMaxPool3d(new Integer[] {1, null, 2}, false));
        add("MaxUnpool1d", () -> new MaxUnpool1d(2));
        add("MaxUnpool2d", () -> new MaxUnpool2d(2));
        add("MaxUnpool3d", () -> new MaxUnpool3d(2));
        add("MaxUnpool2d/output_size", () -> new MaxUnpool2d(2, 2),
                (m, in) -> ((MaxUnpool2d) m).forward(in.get("input"), in.get("indices"), new int[] {5, 5}));
        add("FractionalMaxPool2d", () -> new FractionalMaxPool2d(FractionalMaxPool.opts(3).outputSize(5, 4), true,
                ctorTensor("FractionalMaxPool2d", "_random_samples")));
        add("FractionalMaxPool3d/ratio", () -> new FractionalMaxPool3d(FractionalMaxPool.opts(2).outputRatio(0.5), false,
                ctorTensor("FractionalMaxPool3d/ratio", "_random_samples")));

        // padding
        add("ReflectionPad1d", () -> new ReflectionPad1d(1, 2));
        add("ReplicationPad1d", () -> new ReplicationPad1d(2));
        add("ConstantPad1d", () -> new ConstantPad1d(new int[] {1, 2}, 3.5));
        add("CircularPad1d", () -> new CircularPad1d(1, 2));
        add("ReflectionPad2d", () -> new ReflectionPad2d(1, 2, 2, 0));
        add("ReplicationPad2d", () -> new ReplicationPad2d(2));
        add("ConstantPad2d", () -> new ConstantPad2d(new int[] {1, 2, 2, 0}, 3.5));
        add("CircularPad2d", () -> new CircularPad2d(1, 2, 2, 0));
        add("ReflectionPad3d", () -> new ReflectionPad3d(1, 2, 2, 0, 0, 1));
        add("ReplicationPad3d", () -> new ReplicationPad3d(2));
        add("ConstantPad3d", () -> new ConstantPad3d(new int[] {1, 2, 2, 0, 0, 1}, 3.5));
        add("CircularPad3d", () -> new CircularPad3d(1, 2, 2, 0, 0, 1));
        add("ZeroPad2d", () -> new ZeroPad2d(1, 0, 2, 1));
        add("ZeroPad1d", () -> new ZeroPad1d(2));
        add("ZeroPad3d", () -> new ZeroPad3d(1, 0, 0, 1, 1, 1));
        add("ConstantPad1d/int", () -> new ConstantPad1d(1, 2));

        // vision, distance
        add("PixelShuffle", () -> new PixelShuffle(2));
        add("PixelUnshuffle", () -> new PixelUnshuffle(2));
        add("ChannelShuffle", () -> new ChannelShuffle(2));
        add("Upsample/size_nearest", () -> new Upsample(new int[] {5, 7}, null, "nearest", null, null));
        add("Upsample/bicubic_align", () -> new Upsample(2, "bicubic", true));
        add("Upsample/trilinear", () -> new Upsample(null, new double[] {1.5, 2.0, 1.0}, "trilinear", null, null));
        add("Upsample/linear_size", () -> new Upsample(7, "linear"));
        add("UpsamplingNearest2d", () -> new UpsamplingNearest2d(2.0));
        add("UpsamplingBilinear2d", () -> new UpsamplingBilinear2d(new int[] {5, 6}, null));
        add("CosineSimilarity", () -> new CosineSimilarity(1, 1e-6));
        add("PairwiseDistance", () -> new PairwiseDistance(1.5, 1e-6, true));

        // normalization
        add("BatchNorm1d/3d_train", () -> new BatchNorm1d(3));
        add("BatchNorm1d/eval", () -> new BatchNorm1d(3, 1e-5, 0.3, true, true));
        add("BatchNorm3d/train", () -> new BatchNorm3d(2, 1e-3, null, true, true));
        add("BatchNorm2d/no_stats_train", () -> new BatchNorm2d(2, 1e-5, 0.1, true, false));
        add("InstanceNorm1d", () -> new InstanceNorm1d(3));
        add("InstanceNorm1d/unbatched_affine", () -> new InstanceNorm1d(3, 1e-5, 0.1, true, false));
        add("InstanceNorm3d/affine", () -> new InstanceNorm3d(2, 1e-3, 0.1, true, false));
        add("InstanceNorm2d/running_eval", () -> new InstanceNorm2d(2, 1e-5, 0.1, false, true));
        add("LayerNorm/2d_noaffine", () -> new LayerNorm(new int[] {3, 4}, 1e-6, false));
        add("LayerNorm/int", () -> new LayerNorm(4));
        add("GroupNorm/noaffine", () -> new GroupNorm(3, 6, 1e-5, false));
        add("GroupNorm/4d", () -> new GroupNorm(2, 4, 1e-3, true));
        add("LocalResponseNorm", () -> new LocalResponseNorm(3, 2e-4, 0.5, 2));
        add("LocalResponseNorm/3d", () -> new LocalResponseNorm(2));
        add("CrossMapLRN2d", () -> new CrossMapLRN2d(3, 1e-2, 0.75, 1));
        add("RMSNorm", () -> new RMSNorm(4));
        add("RMSNorm/eps", () -> new RMSNorm(new int[] {3, 4}, 1e-3, false));

        // sparse
        add("Embedding", () -> new Embedding(10, 4));
        add("Embedding/max_norm", () -> new Embedding(10, 3, null, 1.0, 1.5, false, false));
        add("Embedding/scale_grad", () -> new Embedding(6, 3, -1, null, 2.0, true, false));
        add("EmbeddingBag/sum_offsets", () -> new EmbeddingBag(10, 3, "sum"));
        add("EmbeddingBag/max_2d", () -> new EmbeddingBag(10, 3, "max"));
        add("EmbeddingBag/weights", () -> new EmbeddingBag(10, 3, null, 2.0, false, "sum", false, null, true, 2));

        // losses
        add("L1Loss/sum", () -> new L1Loss(Reduction.SUM));
        add("MSELoss/none", () -> new MSELoss(Reduction.NONE));
        add("MSELoss/legacy", () -> new MSELoss(Reduction.legacy(false, null)));
        add("CrossEntropyLoss/weight_ignore", () -> new CrossEntropyLoss(CrossEntropy.opts()
                .weight(ctorTensor("CrossEntropyLoss/weight_ignore", "weight")).ignoreIndex(1)));
        add("CrossEntropyLoss/probs", () -> new CrossEntropyLoss(CrossEntropy.opts().reduction(Reduction.SUM).labelSmoothing(0.1)));
        add("CrossEntropyLoss/2d", CrossEntropyLoss::new);
        add("NLLLoss", () -> new NLLLoss(Nll.opts().weight(ctorTensor("NLLLoss", "weight"))));
        add("NLLLoss2d", NLLLoss2d::new);
        add("PoissonNLLLoss", PoissonNLLLoss::new);
        add("PoissonNLLLoss/full", () -> new PoissonNLLLoss(PoissonNll.opts().logInput(false).full(true)));
        add("GaussianNLLLoss", () -> new GaussianNLLLoss(GaussianNll.opts().full(true)));
        add("GaussianNLLLoss/var1", () -> new GaussianNLLLoss(GaussianNll.opts().reduction(Reduction.SUM)));
        add("KLDivLoss", () -> new KLDivLoss(Reduction.BATCHMEAN, false));
        add("KLDivLoss/log_target", () -> new KLDivLoss(Reduction.SUM, true));
        add("BCELoss", () -> new BCELoss(ctorTensor("BCELoss", "weight"), Reduction.MEAN));
        add("BCEWithLogitsLoss", () -> new BCEWithLogitsLoss(BinaryCrossEntropyWithLogits.opts().posWeight(ctorTensor("BCEWithLogitsLoss", "pos_weight"))));
        add("BCEWithLogitsLoss/weight", () -> new BCEWithLogitsLoss(BinaryCrossEntropyWithLogits.opts()
                .weight(ctorTensor("BCEWithLogitsLoss/weight", "weight")).reduction(Reduction.NONE)));
        add("MarginRankingLoss", () -> new MarginRankingLoss(0.3, Reduction.MEAN));
        add("HingeEmbeddingLoss", () -> new HingeEmbeddingLoss(1.5, Reduction.MEAN));
        add("MultiLabelMarginLoss", MultiLabelMarginLoss::new);
        add("HuberLoss", () -> new HuberLoss(Reduction.MEAN, 0.5));
        add("SmoothL1Loss", () -> new SmoothL1Loss(Reduction.SUM, 0.5));
        add("SoftMarginLoss", SoftMarginLoss::new);
        add("MultiLabelSoftMarginLoss", () -> new MultiLabelSoftMarginLoss(ctorTensor("MultiLabelSoftMarginLoss", "weight"), Reduction.MEAN));
        add("CosineEmbeddingLoss", () -> new CosineEmbeddingLoss(0.2, Reduction.MEAN));
        add("MultiMarginLoss", () -> new MultiMarginLoss(MultiMargin.opts().p(2).margin(0.5).weight(ctorTensor("MultiMarginLoss", "weight"))));
        add("TripletMarginLoss", () -> new TripletMarginLoss(TripletMargin.opts().margin(0.5).p(1.5).swap(true)));
        add("TripletMarginWithDistanceLoss", () -> new TripletMarginWithDistanceLoss(TripletMarginWithDistance.opts().margin(2.0)));
        add("CTCLoss", () -> new CTCLoss(Ctc.opts().zeroInfinity(true)));

        add("AdaptiveLogSoftmaxWithLoss", () -> new AdaptiveLogSoftmaxWithLoss(8, 10, new int[] {3, 6}, 2.0, true));
        add("AdaptiveLogSoftmaxWithLoss/unbatched", () -> new AdaptiveLogSoftmaxWithLoss(8, 6, new int[] {2}));

        // recurrent
        add("RNN/relu_bidir_h0", () -> new RNN(3, 4, RNNBase.opts().nonlinearity("relu").bidirectional(true)));
        add("RNN/unbatched", () -> new RNN(3, 4, 2));
        add("RNN/nobias", () -> new RNN(3, 4, RNNBase.opts().bias(false).batchFirst(true)));
        add("LSTM/proj_h0c0", () -> new LSTM(3, 5, RNNBase.opts().projSize(2).numLayers(2)),
                (m, in) -> ((LSTM) m).forward(in.get("input"), in.get("h0"), in.get("c0")));
        add("LSTM/bidir_proj", () -> new LSTM(3, 4, RNNBase.opts().projSize(3).bidirectional(true).batchFirst(true)));
        add("GRU/bidir_h0", () -> new GRU(3, 4, RNNBase.opts().bidirectional(true).batchFirst(true).numLayers(2)));
        add("GRU/unbatched", () -> new GRU(3, 4));
        add("RNNCell/relu_hx", () -> new RNNCell(3, 4, true, "relu"));
        add("RNNCell/unbatched_nobias", () -> new RNNCell(3, 4, false, "tanh"));
        add("LSTMCell/state", () -> new LSTMCell(3, 4), (m, in) -> ((LSTMCell) m).forward(in.get("input"), in.get("h0"), in.get("c0")));
        add("GRUCell/hx", () -> new GRUCell(3, 4));
        add("GRUCell/unbatched", () -> new GRUCell(3, 4, false));
        add("LSTM/packed", () -> new LSTM(3, 4, RNNBase.opts().batchFirst(true).bidirectional(true)), (m, in) -> {
            PackedSequence p = Rnn.packPaddedSequence(in.get("input"), in.get("lengths"), true, false);
            RNNBase.Output r = ((LSTM) m).forward(p, null, null);
            return List.of(Rnn.padPackedSequence(r.packedOutput(), true).padded(), r.hN(), r.cN());
        });
        add("GRU/packed_h0", () -> new GRU(2, 3, 2), (m, in) -> {
            PackedSequence p = Rnn.packPaddedSequence(in.get("input"), in.get("lengths"), false, true);
            RNNBase.Output r = ((GRU) m).forward(p, in.get("hx"));
            return List.of(Rnn.padPackedSequence(r.packedOutput(), false, 0, 6).padded(), r.hN());
        });

        // a Sequential written as PyTorch's layer reprs in the case (parsed by the conformance runner)
        add("Sequential/reprs", () -> new Sequential(new Conv1d(2, 4, 3, Conv.opts().padding(1), true, "reflect"), new Upsample(2.0, "linear"),
                new GELU("tanh"), new AvgPool1d(3), new Flatten(), new Linear(16, 3), new Softmax(1)));

        // attention and transformer
        var small = TransformerOptions.opts().dimFeedforward(16).dropout(0.0);
        add("MultiheadAttention/kv_dims", () -> new MultiheadAttention(8, 2, MultiheadAttention.opts().kdim(5).vdim(3)));
        add("MultiheadAttention/bias_kv_zero_attn", () -> new MultiheadAttention(8, 4, MultiheadAttention.opts().addBiasKv(true).addZeroAttn(true)));
        add("MultiheadAttention/masks", () -> new MultiheadAttention(8, 2, MultiheadAttention.opts().batchFirst(true)),
                (m, in) -> ((MultiheadAttention) m).forward(in.get("query"), in.get("key"), in.get("value"),
                        kwarg("MultiheadAttention/masks", "key_padding_mask"), true, kwarg("MultiheadAttention/masks", "attn_mask"), false));
        add("MultiheadAttention/no_weights_unbatched", () -> new MultiheadAttention(8, 2, MultiheadAttention.opts().bias(false)),
                (m, in) -> ((MultiheadAttention) m).forward(in.get("query"), in.get("key"), in.get("value"), null, false,
                        kwarg("MultiheadAttention/no_weights_unbatched", "attn_mask"), true));
        add("TransformerEncoderLayer/masks", () -> new TransformerEncoderLayer(8, 2, small),
                (m, in) -> ((TransformerEncoderLayer) m).forward(in.get("src"), Transformer.generateSquareSubsequentMask(4),
                        kwarg("TransformerEncoderLayer/masks", "src_key_padding_mask")));
        add("TransformerDecoderLayer/norm_first_gelu", () -> new TransformerDecoderLayer(8, 2, small.normFirst(true).activation("gelu").layerNormEps(1e-6)),
                (m, in) -> ((TransformerDecoderLayer) m).forward(in.get("tgt"), in.get("memory"), Transformer.generateSquareSubsequentMask(3), null, null,
                        kwarg("TransformerDecoderLayer/norm_first_gelu", "memory_key_padding_mask")));
        add("TransformerEncoder", () -> new TransformerEncoder(new TransformerEncoderLayer(8, 2, small.batchFirst(true)), 2, new LayerNorm(8)),
                (m, in) -> ((TransformerEncoder) m).forward(in.get("src"), null, kwarg("TransformerEncoder", "src_key_padding_mask")));
        add("TransformerDecoder", () -> new TransformerDecoder(new TransformerDecoderLayer(8, 2, small), 2),
                (m, in) -> ((TransformerDecoder) m).forward(in.get("tgt"), in.get("memory"), Transformer.generateSquareSubsequentMask(3), null, null, null));
        add("Transformer", () -> new Transformer(8, 2, 1, 1, small.batchFirst(true)),
                (m, in) -> ((Transformer) m).forward(in.get("src"), in.get("tgt"), null, Transformer.generateSquareSubsequentMask(3), null, null, null, null));
    }

    @SuppressWarnings("unchecked")
    private static Tensor kwarg(String id, String name) {
        return ModuleGolden.tensor(((Map<String, Object>) ModuleGolden.get(id).get("forward_kwargs")).get(name), dev.nn4j.DType.FLOAT32);
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        List<DynamicTest> tests = new ArrayList<>();
        modules.forEach((id, make) -> tests.add(ModuleGolden.test(id, make, forwards.get(id))));
        return tests.stream();
    }

    @Test
    void everyGoldenCaseHasATest() {
        List<String> missing = new ArrayList<>(ModuleGolden.ids());
        missing.removeAll(modules.keySet());
        assertEquals(List.of(), missing, "golden cases without a Java test");
    }
}
