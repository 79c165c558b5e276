package dev.nn4j.reliability;

import static dev.nn4j.reliability.BadCalls.IOOBE;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.nn.BatchNorm1d;
import dev.nn4j.nn.BatchNorm2d;
import dev.nn4j.nn.BatchNorm3d;
import dev.nn4j.nn.ChannelShuffle;
import dev.nn4j.nn.Conv1d;
import dev.nn4j.nn.Conv2d;
import dev.nn4j.nn.ConvTranspose2d;
import dev.nn4j.nn.CrossEntropyLoss;
import dev.nn4j.nn.Dropout;
import dev.nn4j.nn.Dropout2d;
import dev.nn4j.nn.Embedding;
import dev.nn4j.nn.EmbeddingBag;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.GroupNorm;
import dev.nn4j.nn.InstanceNorm2d;
import dev.nn4j.nn.LSTM;
import dev.nn4j.nn.LayerNorm;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.LocalResponseNorm;
import dev.nn4j.nn.MultiheadAttention;
import dev.nn4j.nn.PReLU;
import dev.nn4j.nn.PixelShuffle;
import dev.nn4j.nn.RNN;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.Softmax;
import dev.nn4j.nn.Unflatten;
import dev.nn4j.nn.Upsample;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.ConvTranspose;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Bad constructor arguments and forward calls with wrong input shapes or dtypes, per module family. */
class ModuleBadCallsTest {
    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    @TestFactory
    List<DynamicTest> constructors() {
        BadCalls t = new BadCalls();
        t.iae("Linear negative in_features", () -> new Linear(-1, 3), "Linear", "-1");
        t.iae("Linear negative out_features", () -> new Linear(3, -2), "Linear", "-2");
        t.iae("Conv2d groups not dividing in_channels", () -> new Conv2d(4, 8, 3, Conv.opts().groups(3)), "Conv2d", "in_channels (4)", "groups (3)");
        t.iae("Conv2d groups not dividing out_channels", () -> new Conv2d(4, 6, 3, Conv.opts().groups(4)), "Conv2d", "out_channels (6)", "groups (4)");
        t.iae("Conv2d padding_mode", () -> new Conv2d(3, 8, 3, Conv.opts(), true, "mirror"), "Conv2d", "padding_mode", "'mirror'");
        t.iae("Conv2d kernel 0", () -> new Conv2d(3, 8, 0), "Conv2d", "kernel_size", "0");
        t.iae("Conv2d negative kernel", () -> new Conv2d(3, 8, new int[] {3, -1}), "Conv2d", "kernel_size", "-1");
        t.iae("Conv2d kernel tuple", () -> new Conv2d(3, 8, new int[] {3, 3, 3}), "Conv2d", "kernel_size", "(3, 3, 3)");
        t.iae("Conv2d negative in_channels", () -> new Conv2d(-3, 8, 3), "Conv2d", "in_channels", "-3");
        t.iae("Conv2d zero out_channels", () -> new Conv2d(3, -8, 3), "Conv2d", "out_channels", "-8");
        t.iae("Conv1d same with stride", () -> new Conv1d(3, 8, 3, Conv.opts().padding("same").stride(2)), "padding='same'", "strided");
        t.iae("ConvTranspose2d groups", () -> new ConvTranspose2d(3, 8, 3, ConvTranspose.opts().groups(2)), "ConvTranspose2d", "in_channels (3)");
        t.iae("ConvTranspose2d padding_mode", () -> new ConvTranspose2d(3, 8, 3, ConvTranspose.opts(), true, "reflect"),
                "ConvTranspose2d", "padding mode", "'reflect'");
        t.iae("BatchNorm2d negative features", () -> new BatchNorm2d(-1), "BatchNorm2d", "num_features", "-1");
        t.iae("InstanceNorm2d negative features", () -> new InstanceNorm2d(-4), "InstanceNorm2d", "-4");
        t.iae("GroupNorm groups", () -> new GroupNorm(4, 6), "GroupNorm", "num_channels (6)", "num_groups (4)");
        t.iae("GroupNorm zero groups", () -> new GroupNorm(0, 6), "GroupNorm", "num_groups", "0");
        t.iae("LayerNorm empty shape", () -> new LayerNorm(new int[0]), "LayerNorm", "normalized_shape");
        t.iae("LayerNorm negative shape", () -> new LayerNorm(4, -2), "LayerNorm", "-2");
        t.iae("Embedding negative size", () -> new Embedding(-5, 3), "Embedding", "-5");
        t.iae("Embedding padding_idx", () -> new Embedding(5, 3, 5), "Embedding", "padding_idx (5)", "num_embeddings (5)");
        t.iae("Embedding padding_idx negative", () -> new Embedding(5, 3, -6), "Embedding", "padding_idx (-6)");
        t.iae("EmbeddingBag mode", () -> new EmbeddingBag(5, 3, "median"), "EmbeddingBag", "'median'");
        t.iae("Dropout p > 1", () -> new Dropout(1.5), "Dropout", "between 0 and 1", "1.5");
        t.iae("Dropout p < 0", () -> new Dropout(-0.5), "Dropout", "-0.5");
        t.iae("Dropout2d p", () -> new Dropout2d(2), "Dropout2d", "2");
        t.iae("PReLU zero parameters", () -> new PReLU(0), "PReLU", "num_parameters", "0");
        t.iae("MultiheadAttention heads", () -> new MultiheadAttention(6, 4), "MultiheadAttention", "divisible", "6", "4");
        t.iae("MultiheadAttention zero heads", () -> new MultiheadAttention(6, 0), "MultiheadAttention", "num_heads=0");
        t.iae("MultiheadAttention dropout", () -> new MultiheadAttention(4, 2, MultiheadAttention.opts().dropout(1.5)),
                "MultiheadAttention", "dropout", "1.5");
        t.iae("LSTM hidden 0", () -> new LSTM(4, 0), "LSTM", "hidden_size", "0");
        t.iae("LSTM layers 0", () -> new LSTM(4, 3, 0), "LSTM", "num_layers", "0");
        t.iae("LSTM negative input_size", () -> new LSTM(-4, 3), "LSTM", "input_size", "-4");
        t.iae("LSTM dropout", () -> new LSTM(4, 3, LSTM.opts().dropout(2)), "LSTM", "dropout", "2");
        t.iae("RNN nonlinearity", () -> new RNN(4, 3, RNN.opts().nonlinearity("sigmoid")), "RNN", "'sigmoid'");
        t.iae("Unflatten empty", () -> new Unflatten(1), "Unflatten", "unflattened_size");
        t.iae("PixelShuffle factor", () -> new PixelShuffle(0), "PixelShuffle", "upscale_factor", "0");
        t.iae("ChannelShuffle groups", () -> new ChannelShuffle(0), "ChannelShuffle", "groups", "0");
        t.iae("LocalResponseNorm size", () -> new LocalResponseNorm(0), "LocalResponseNorm", "size", "0");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> forwardWithWrongInputs() {
        BadCalls t = new BadCalls();
        t.iae("Linear features", () -> new Linear(4, 3).forward(z(2, 5)), "linear", "(2, 5)", "in_features=4");
        t.iae("Linear int input", () -> new Linear(4, 3).forward(Tensor.zeros(DType.INT64, 2, 4)), "linear", "int64");
        t.iae("Linear float64 input", () -> new Linear(4, 3).forward(Tensor.zeros(DType.FLOAT64, 2, 4)), "linear", "float64", "float32");
        t.iae("Conv2d channels", () -> new Conv2d(3, 8, 3).forward(z(2, 4, 8, 8)),
                "conv2d: weight of shape (8, 3, 3, 3) needs input with 3 channels (groups=1), got input of shape (2, 4, 8, 8)");
        t.iae("Conv2d 2-D input", () -> new Conv2d(3, 8, 3).forward(z(8, 8)), "conv2d", "(8, 8)");
        t.iae("Conv2d reflect padding too wide", () -> new Conv2d(1, 1, 3, Conv.opts().padding(4), true, "reflect").forward(z(1, 1, 3, 3)),
                "pad", "reflect");
        t.iae("Conv1d input too short", () -> new Conv1d(1, 1, 5).forward(z(1, 1, 3)), "conv1d", "(3,)", "kernel size (5,)", "(1, 1, 3)");
        t.iae("BatchNorm2d channels", () -> new BatchNorm2d(3).forward(z(2, 4, 5, 5)), "batch_norm", "3", "(2, 4, 5, 5)");
        t.iae("BatchNorm2d 3-D input", () -> new BatchNorm2d(3).forward(z(2, 3, 5)), "BatchNorm2d", "4D input", "3D");
        t.iae("BatchNorm1d 4-D input", () -> new BatchNorm1d(3).forward(z(2, 3, 5, 5)), "BatchNorm1d", "2D or 3D input", "4D");
        t.iae("BatchNorm3d 4-D input", () -> new BatchNorm3d(3).forward(z(2, 3, 5, 5)), "BatchNorm3d", "5D input", "4D");
        t.iae("BatchNorm training batch of one", () -> new BatchNorm1d(3).forward(z(1, 3)), "batch_norm", "more than 1 value per channel");
        t.iae("InstanceNorm2d channels", () -> new InstanceNorm2d(3, 1e-5, 0.1, true, false).forward(z(2, 4, 5, 5)), "InstanceNorm2d", "num_features (3)");
        t.iae("GroupNorm channels", () -> new GroupNorm(2, 6).forward(z(2, 4, 5)), "group_norm", "(2, 4, 5)");
        t.iae("LayerNorm shape", () -> new LayerNorm(4).forward(z(2, 3)), "layer_norm", "[4]", "(2, 3)");
        t.row("Embedding index", IOOBE, () -> new Embedding(5, 3).forward(Tensor.of(1L, 7L)), "embedding", "7");
        t.iae("Embedding float input", () -> new Embedding(5, 3).forward(Tensor.of(1f)), "embedding", "int64", "float32");
        t.iae("Softmax dim", () -> new Softmax(2).forward(z(2, 3)), "softmax", "2");
        t.iae("Flatten dims", () -> new Flatten(2, 3).forward(z(2, 3)), "flatten", "2");
        t.iae("Unflatten size", () -> new Unflatten(1, 2, 4).forward(z(2, 6)), "unflatten", "6");
        t.iae("Dropout2d 1-D", () -> new Dropout2d(0.5).forward(z(4)), "dropout2d", "at least 2 dimensions", "[4]");
        t.iae("LSTM input size", () -> new LSTM(4, 3).forward(z(5, 2, 6), null, null), "LSTM", "input_size", "Expected 4, got 6");
        t.iae("LSTM 4-D input", () -> new LSTM(4, 3).forward(z(1, 5, 2, 4), null, null), "LSTM", "2D or 3D", "4D");
        t.iae("MultiheadAttention embed dim", () -> new MultiheadAttention(4, 2).forward(z(3, 2, 6), z(3, 2, 6), z(3, 2, 6)),
                "multi_head_attention_forward", "embedding dimension of 4", "6");
        t.iae("Upsample mode", () -> new Upsample(2.0, "cubic").forward(z(1, 1, 4, 4)), "interpolate", "'cubic'");
        t.iae("Upsample scale", () -> new Upsample(-2.0).forward(z(1, 1, 4, 4)), "interpolate", "scale_factor", "-2");
        t.iae("PixelShuffle channels", () -> new PixelShuffle(2).forward(z(1, 3, 2, 2)), "pixel_shuffle", "3");
        t.iae("Sequential stops at the bad layer", () -> new Sequential(new Linear(4, 3), new ReLU(), new Linear(4, 2)).forward(z(2, 4)),
                "linear", "(2, 3)", "in_features=4");
        t.iae("CrossEntropyLoss target", () -> new CrossEntropyLoss().forward(z(2, 3), Tensor.of(0L, 3L)), "cross_entropy", "target 3", "[0, 2]");
        t.iae("CrossEntropyLoss null target", () -> new CrossEntropyLoss().forward(z(2, 3), null), "cross_entropy", "null");
        return t.tests();
    }
}
