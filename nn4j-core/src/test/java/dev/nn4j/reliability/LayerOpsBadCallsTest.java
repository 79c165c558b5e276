package dev.nn4j.reliability;

import static dev.nn4j.reliability.BadCalls.IOOBE;
import static dev.nn4j.reliability.BadCalls.ISE;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.BatchNorm;
import dev.nn4j.nn.functional.EmbeddingOptions;
import dev.nn4j.nn.functional.F;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Bad calls of activations, linear layers, normalization, dropout, embedding and distance functions. */
class LayerOpsBadCallsTest {
    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

    @TestFactory
    List<DynamicTest> activations() {
        BadCalls t = new BadCalls();
        Tensor ints = Tensor.zeros(DType.INT64, 3);
        t.iae("softmax dim", () -> F.softmax(z(2, 3), 2), "softmax", "2", "[-2, 1]");
        t.iae("logSoftmax dim", () -> F.logSoftmax(z(2, 3), -3), "log_softmax", "-3");
        t.iae("softmin dim", () -> F.softmin(z(2, 3), 5), "5");
        t.iae("softmax int input", () -> F.softmax(ints, 0), "softmax", "int64");
        t.iae("softmax int dtype", () -> F.softmax(z(3), 0, DType.INT64), "softmax", "int64");
        t.iae("relu int", () -> F.gelu(ints), "gelu", "int64");
        t.iae("hardtanh min > max", () -> F.hardtanh(z(3), 2, 1), "hardtanh", "min_val=2", "max_val=1");
        t.iae("celu alpha 0", () -> F.celu(z(3), 0), "celu", "alpha");
        t.iae("prelu weight count", () -> F.prelu(z(2, 3, 4), z(2)), "prelu", "(2,)");
        t.iae("prelu null weight", () -> F.prelu(z(2, 3), null), "prelu", "null");
        t.iae("rrelu lower > upper", () -> F.rrelu(z(3), 0.5, 0.1, true), "rrelu", "lower=0.5");
        t.iae("glu odd", () -> F.glu(z(2, 3), 1), "glu", "dimension 1 is size 3");
        t.iae("glu scalar", () -> F.glu(Tensor.scalar(1)), "glu", "scalars");
        t.iae("glu dim", () -> F.glu(z(2, 4), 2), "glu", "2");
        t.iae("gelu approximate", () -> F.gelu(z(3), "fast"), "gelu", "'fast'", "none or tanh");
        t.iae("softshrink lambda", () -> F.softshrink(z(3), -1), "softshrink", "-1");
        t.iae("gumbelSoftmax dim", () -> F.gumbelSoftmax(z(2, 3), 1, false, 1e-10, 2), "2");
        t.row("relu_ on a leaf", ISE, () -> F.relu_(z(3).requiresGrad_(true)), "relu_", "leaf Variable");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> linearLayers() {
        BadCalls t = new BadCalls();
        t.iae("linear in_features", () -> F.linear(z(2, 3), z(4, 5)), "linear", "(2, 3)", "5");
        t.iae("linear 3-D weight", () -> F.linear(z(2, 3), z(1, 4, 3)), "linear", "(out_features, in_features)", "(1, 4, 3)");
        t.iae("linear bias", () -> F.linear(z(2, 3), z(4, 3), z(5)), "linear", "bias of shape (5,)", "(2, 4)", "(4,)");
        t.iae("linear 0-dim input", () -> F.linear(Tensor.scalar(1), z(4, 1)), "linear", "0-dim");
        t.iae("linear dtype", () -> F.linear(z(2, 3), Tensor.zeros(DType.FLOAT64, 4, 3)), "linear", "float32", "float64");
        t.iae("linear null weight", () -> F.linear(z(2, 3), null), "linear", "weight", "null");
        t.iae("bilinear input1", () -> F.bilinear(z(2, 3), z(2, 4), z(5, 4, 4)), "bilinear", "input1", "(2, 3)", "in1_features=4");
        t.iae("bilinear input2", () -> F.bilinear(z(2, 4), z(2, 3), z(5, 4, 4)), "bilinear", "input2", "(2, 3)");
        t.iae("bilinear batch", () -> F.bilinear(z(2, 4), z(3, 4), z(5, 4, 4)), "bilinear", "same batch dimensions");
        t.iae("bilinear weight", () -> F.bilinear(z(2, 4), z(2, 4), z(5, 4)), "bilinear", "(5, 4)");
        t.iae("bilinear bias", () -> F.bilinear(z(2, 4), z(2, 4), z(5, 4, 4), z(4)), "bilinear", "bias", "(4,)");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> normalization() {
        BadCalls t = new BadCalls();
        t.iae("batchNorm 1-D", () -> F.batchNorm(z(4), z(4), Tensor.ones(4)), "batch_norm", "at least 2 dimensions", "(4,)");
        t.iae("batchNorm running_mean size", () -> F.batchNorm(z(2, 3), z(4), Tensor.ones(3)), "batch_norm", "running_mean", "3");
        t.iae("batchNorm weight size", () -> F.batchNorm(z(2, 3), z(3), Tensor.ones(3), z(2), null, BatchNorm.opts()),
                "batch_norm", "weight", "3");
        t.iae("batchNorm eval without stats", () -> F.batchNorm(z(2, 3), null, null), "batch_norm", "running_mean and running_var");
        t.iae("batchNorm one value per channel", () -> F.batchNorm(z(1, 3), null, null, null, null, BatchNorm.opts().training(true)),
                "batch_norm", "more than 1 value per channel");
        t.iae("batchNorm int input", () -> F.batchNorm(Tensor.zeros(DType.INT64, 2, 3), z(3), Tensor.ones(3)), "batch_norm", "int64");
        t.iae("instanceNorm 2-D", () -> F.instanceNorm(z(2, 3)), "instance_norm", "(2, 3)");
        t.iae("instanceNorm one spatial element", () -> F.instanceNorm(z(2, 3, 1)), "instance_norm", "more than 1 spatial element");
        t.iae("layerNorm shape", () -> F.layerNorm(z(2, 3), new int[] {4}), "layer_norm", "normalized_shape=[4]", "(2, 3)");
        t.iae("layerNorm empty shape", () -> F.layerNorm(z(2, 3), new int[0]), "layer_norm", "at least 1-dimensional");
        t.iae("layerNorm weight", () -> F.layerNorm(z(2, 3), new int[] {3}, z(4), null), "layer_norm", "weight", "(3,)", "(4,)");
        t.iae("groupNorm groups", () -> F.groupNorm(z(2, 6, 4), 4), "group_norm", "divisible by num_groups", "(2, 6, 4)");
        t.iae("groupNorm 1-D", () -> F.groupNorm(z(6), 2), "group_norm", "at least 2 dimensions");
        t.iae("groupNorm groups 0", () -> F.groupNorm(z(2, 6, 4), 0), "group_norm", "num_groups", "0");
        t.iae("groupNorm weight", () -> F.groupNorm(z(2, 6, 4), 2, z(5), null), "group_norm", "weight", "6");
        t.iae("rmsNorm shape", () -> F.rmsNorm(z(2, 3), new int[] {2}, null), "rms_norm", "[2]", "(2, 3)");
        t.iae("localResponseNorm 2-D", () -> F.localResponseNorm(z(2, 3), 2), "local_response_norm", "3D");
        t.iae("localResponseNorm size 0", () -> F.localResponseNorm(z(2, 3, 4), 0), "local_response_norm", "size", "0");
        t.iae("normalize dim", () -> F.normalize(z(2, 3), 2, 2), "normalize", "2");
        t.iae("normalize int", () -> F.normalize(Tensor.zeros(DType.INT64, 2, 3)), "normalize", "int64");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> dropout() {
        BadCalls t = new BadCalls();
        t.iae("dropout p > 1", () -> F.dropout(z(3), 1.5), "dropout", "between 0 and 1", "1.5");
        t.iae("dropout p < 0", () -> F.dropout(z(3), -0.1), "dropout", "-0.1");
        t.iae("dropout p NaN", () -> F.dropout(z(3), Double.NaN), "dropout", "NaN");
        t.iae("dropout p > 1 in eval", () -> F.dropout(z(3), 2, false), "dropout", "2");
        t.iae("alphaDropout p", () -> F.alphaDropout(z(3), 1.1, true), "alpha_dropout", "1.1");
        t.iae("featureAlphaDropout p", () -> F.featureAlphaDropout(z(2, 3), -1, true), "feature_alpha_dropout", "-1");
        t.iae("dropout1d 4-D", () -> F.dropout1d(z(1, 2, 3, 4), 0.5, true), "dropout1d", "2D or 3D", "4D");
        t.iae("dropout2d p", () -> F.dropout2d(z(1, 2, 3, 4), 3, true), "dropout2d", "3");
        t.iae("dropout3d p", () -> F.dropout3d(z(1, 2, 3, 4, 5), -2, true), "dropout3d", "-2");
        t.iae("dropout int", () -> F.dropout(Tensor.zeros(DType.INT64, 3), 0.5), "dropout", "int64");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> embeddingAndSparse() {
        BadCalls t = new BadCalls();
        Tensor w = z(5, 3);
        t.row("embedding index too large", IOOBE, () -> F.embedding(longs(0, 5), w), "embedding", "index out of range", "5");
        t.row("embedding negative index", IOOBE, () -> F.embedding(longs(-1), w), "embedding", "-1");
        t.iae("embedding float indices", () -> F.embedding(Tensor.of(0f, 1f), w), "embedding", "int64", "float32");
        t.iae("embedding 1-D weight", () -> F.embedding(longs(0), z(5)), "embedding", "(num_embeddings, embedding_dim)", "(5,)");
        t.iae("embedding padding_idx", () -> F.embedding(longs(0), w, EmbeddingOptions.opts().paddingIdx(5)), "embedding", "padding_idx", "5");
        t.iae("embedding padding_idx negative", () -> F.embedding(longs(0), w, EmbeddingOptions.opts().paddingIdx(-6)), "embedding", "-6");
        t.iae("embedding int weight", () -> F.embedding(longs(0), Tensor.zeros(DType.INT64, 5, 3)), "embedding", "int64");
        t.row("embeddingBag index", IOOBE, () -> F.embeddingBag(longs(0, 7), w, longs(0)), "embedding_bag", "7");
        t.iae("embeddingBag offsets start", () -> F.embeddingBag(longs(0, 1), w, longs(1)), "embedding_bag", "offsets[0]", "1");
        t.iae("embeddingBag offsets order", () -> F.embeddingBag(longs(0, 1, 2), w, longs(0, 2, 1)), "embedding_bag", "non-decreasing");
        t.iae("embeddingBag offsets past end", () -> F.embeddingBag(longs(0, 1), w, longs(0, 3)), "embedding_bag", "offsets");
        t.iae("embeddingBag 2-D offsets", () -> F.embeddingBag(longs(0, 1), w, Tensor.zeros(DType.INT64, 1, 1)), "embedding_bag", "1D");
        t.iae("embeddingBag 1-D without offsets", () -> F.embeddingBag(longs(0, 1), w, null), "embedding_bag", "offsets", "None");
        t.iae("embeddingBag 3-D input", () -> F.embeddingBag(Tensor.zeros(DType.INT64, 1, 1, 1), w, null), "embedding_bag", "dimension 3");
        t.iae("oneHot float", () -> F.oneHot(Tensor.of(1f)), "one_hot", "float32");
        t.iae("oneHot too large", () -> F.oneHot(longs(0, 3), 3), "one_hot", "num_classes (3)", "3");
        t.iae("oneHot negative", () -> F.oneHot(longs(-1), 3), "one_hot", "non-negative", "-1");
        t.iae("oneHot num_classes", () -> F.oneHot(longs(0), -2), "one_hot", "-2");
        t.iae("oneHot empty", () -> F.oneHot(Tensor.zeros(DType.INT64, 0)), "one_hot", "empty");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> distance() {
        BadCalls t = new BadCalls();
        t.iae("pairwiseDistance shapes", () -> F.pairwiseDistance(z(2, 3), z(2, 4)), "(2, 3)", "(2, 4)");
        t.iae("pairwiseDistance p", () -> F.pairwiseDistance(z(2, 3), z(2, 3), -1, 1e-6, false), "pairwise_distance", "p", "-1");
        t.iae("pairwiseDistance int", () -> F.pairwiseDistance(Tensor.zeros(DType.INT64, 2), z(2)), "pairwise_distance", "int64");
        t.iae("cosineSimilarity shapes", () -> F.cosineSimilarity(z(2, 3), z(3, 3)), "cosine_similarity", "(2, 3)", "(3, 3)");
        t.iae("cosineSimilarity dim", () -> F.cosineSimilarity(z(2, 3), z(2, 3), 2, 1e-8), "cosine_similarity", "2");
        t.iae("pdist 3-D", () -> F.pdist(z(2, 3, 4)), "pdist", "2D", "3D");
        t.iae("pdist p", () -> F.pdist(z(2, 3), -1), "pdist", "-1");
        return t.tests();
    }
}
