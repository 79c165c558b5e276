package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.ConvTranspose;
import org.junit.jupiter.api.Test;

/** toString() of modules built with non-default arguments, against PyTorch 1.13's repr (constructor in each comment). */
class ReprTest {
    @Test
    void activations() {
        assertEquals("ReLU(inplace=True)", new ReLU(true).toString()); // nn.ReLU(inplace=True)
        assertEquals("Hardsigmoid()", new Hardsigmoid(true).toString()); // nn.Hardsigmoid(True)
        assertEquals("ELU(alpha=1.0, inplace=True)", new ELU(1.0, true).toString());
        assertEquals("Softmax(dim=None)", new Softmax().toString());
        assertEquals("RReLU(lower=0.125, upper=0.3333333333333333)", new RReLU().toString());
        assertEquals("Threshold(threshold=0.5, value=0)", new Threshold(0.5, 0).toString());
        assertEquals("Softplus(beta=1, threshold=20)", new Softplus().toString());
        assertEquals("Hardtanh(min_val=-1.0, max_val=1.0)", new Hardtanh().toString());
        assertEquals("LeakyReLU(negative_slope=0.01, inplace=True)", new LeakyReLU(0.01, true).toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("Dropout(p=0.2, inplace=True)", new Dropout(0.2, true).toString());
        assertEquals("MultiheadAttention(\n  (out_proj): NonDynamicallyQuantizableLinear(in_features=4, out_features=4, bias=True)\n)",
                new MultiheadAttention(4, 2, MultiheadAttention.opts().kdim(3)).toString());
    }

    @Test
    void convolutionsAndPooling() {
        // nn.Conv2d(1, 2, 3, padding='same')
        assertEquals("Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1), padding=same)", new Conv2d(1, 2, 3, Conv.opts().padding("same")).toString());
        // nn.Conv1d(2, 2, 3, padding='valid', padding_mode='reflect')
        assertEquals("Conv1d(2, 2, kernel_size=(3,), stride=(1,), padding=valid, padding_mode=reflect)",
                new Conv1d(2, 2, 3, Conv.opts().padding("valid"), true, "reflect").toString());
        // nn.ConvTranspose2d(4, 2, 3, stride=2, dilation=2, groups=2)
        assertEquals("ConvTranspose2d(4, 2, kernel_size=(3, 3), stride=(2, 2), dilation=(2, 2), groups=2)",
                new ConvTranspose2d(4, 2, 3, ConvTranspose.opts().stride(2).dilation(2).groups(2)).toString());
        // nn.Conv3d(2, 2, (1, 2, 3), bias=False, padding_mode='replicate', padding=(0, 1, 1))
        assertEquals("Conv3d(2, 2, kernel_size=(1, 2, 3), stride=(1, 1, 1), padding=(0, 1, 1), bias=False, padding_mode=replicate)",
                new Conv3d(2, 2, new int[] {1, 2, 3}, Conv.opts().padding(0, 1, 1), false, "replicate").toString());
        // nn.MaxPool2d(3, 2, 1, ceil_mode=True)
        assertEquals("MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=True)",
                new MaxPool2d(IntArg.of(3), IntArg.of(2), IntArg.of(1), IntArg.of(1), false, true).toString());
        assertEquals("AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))", new AvgPool1d(3).toString());
        assertEquals("ZeroPad2d((2, 2, 2, 2))", new ZeroPad2d(2).toString());
        assertEquals("ConstantPad2d(padding=(1, 1, 1, 1), value=0)", new ConstantPad2d(1, 0).toString());
        assertEquals("Upsample(size=4, mode=nearest)", new Upsample(4, "nearest").toString());
        assertEquals("Upsample(scale_factor=(2.0, 3.0), mode=bilinear)", new Upsample(null, new double[] {2, 3}, "bilinear", null, null).toString());
    }

    @Test
    void normalizationRecurrentSparse() {
        assertEquals("BatchNorm2d(3, eps=1e-05, momentum=None, affine=False, track_running_stats=True)",
                new BatchNorm2d(3, 1e-5, null, false, true).toString());
        assertEquals("InstanceNorm1d(4, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)", new InstanceNorm1d(4).toString());
        assertEquals("GroupNorm(1, 4, eps=1e-05, affine=False)", new GroupNorm(1, 4, 1e-5, false).toString());
        assertEquals("LocalResponseNorm(5, alpha=0.0001, beta=0.75, k=2)", new LocalResponseNorm(5, 1e-4, 0.75, 2).toString());
        assertEquals("CrossMapLRN2d(5, alpha=0.0001, beta=0.75, k=1)", new CrossMapLRN2d(5).toString());
        assertEquals("LSTM(3, 4, bias=False, dropout=0.5)", new LSTM(3, 4, RNNBase.opts().bias(false).dropout(0.5)).toString());
        assertEquals("RNNCell(3, 4, nonlinearity=relu)", new RNNCell(3, 4, true, "relu").toString());
        assertEquals("GRUCell(3, 4, bias=False)", new GRUCell(3, 4, false).toString());
        // nn.Embedding(10, 3, padding_idx=1, max_norm=2, norm_type=1.0, scale_grad_by_freq=True, sparse=True)
        assertEquals("Embedding(10, 3, padding_idx=1, max_norm=2, norm_type=1.0, scale_grad_by_freq=True, sparse=True)",
                new Embedding(10, 3, 1, 2, 1.0, true, true).toString());
        assertEquals("EmbeddingBag(10, 3, mode=mean)", new EmbeddingBag(10, 3).toString());
        assertEquals("EmbeddingBag(10, 3, max_norm=1.5, mode=max, padding_idx=0)",
                new EmbeddingBag(10, 3, 1.5, 2.0, false, "max", false, null, false, 0).toString());
    }

    @Test
    void pythonFloatRepr() {
        assertEquals("1e-05", Repr.py(1e-5));
        assertEquals("0.0001", Repr.py(1e-4));
        assertEquals("0.1", Repr.py(0.1));
        assertEquals("2.0", Repr.py(2.0));
        assertEquals("-0.5", Repr.py(-0.5));
        assertEquals("1e+16", Repr.py(1e16));
        assertEquals("1234567.5", Repr.py(1234567.5));
        assertEquals("1.5e-07", Repr.py(1.5e-7));
        assertEquals("inf", Repr.py(Double.POSITIVE_INFINITY));
        assertEquals("(3,)", Repr.tuple(3));
        assertEquals("'tanh'", Repr.quote("tanh"));
    }
}
