package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ConvArgs.expand;
import static dev.nn4j.nn.functional.ConvArgs.str;
import static dev.nn4j.nn.functional.ConvArgs.to3;

import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.ConvGeometry;
import java.util.Arrays;

/**
 * The convolution ops behind {@link F}: argument checks with PyTorch's rules, shapes, and the call into
 * {@link ConvFunction} / {@link UnfoldFunction}. Unbatched inputs (no N dim) run as a batch of one.
 */
final class Convolutions {
    private Convolutions() {}

    static Tensor conv(String op, int dims, Tensor input, Tensor weight, Tensor bias, Conv o) {
        checkTensors(op, dims, input, weight, bias, "(out_channels, in_channels/groups, ");
        boolean batched = input.dim() == dims + 2;
        Tensor x = batched ? input : input.unsqueeze(0);
        int[] xs = x.shape(), ws = weight.shape();
        int groups = o.groups(), cout = ws[0], cin = xs[1];
        if (cout % groups != 0) {
            throw new IllegalArgumentException(op + ": weight of shape " + str(ws) + " has " + cout
                    + " output channels, which is not divisible by groups=" + groups);
        }
        if (cin != ws[1] * groups) {
            throw new IllegalArgumentException(op + ": weight of shape " + str(ws) + " needs input with " + ws[1] * groups
                    + " channels (groups=" + groups + "), got input of shape " + str(input.shape()));
        }
        checkBias(op, bias, cout);
        int[] k = Arrays.copyOfRange(ws, 2, 2 + dims), in = Arrays.copyOfRange(xs, 2, 2 + dims);
        int[] stride = expand(op, "stride", o.stride(), dims), dil = expand(op, "dilation", o.dilation(), dims);
        int[] padL = new int[dims], padR = new int[dims];
        if ("same".equals(o.paddingMode())) {
            for (int d = 0; d < dims; d++) {
                if (stride[d] != 1) {
                    throw new IllegalArgumentException(op + ": padding='same' is not supported for strided convolutions, got stride "
                            + Arrays.toString(stride));
                }
                int total = dil[d] * (k[d] - 1);
                padL[d] = total / 2;
                padR[d] = total - padL[d];
            }
        } else if (o.paddingMode() == null) {
            padL = expand(op, "padding", o.padding(), dims);
            padR = padL.clone();
        }
        int[] out = new int[dims];
        for (int d = 0; d < dims; d++) {
            int padded = in[d] + padL[d] + padR[d], span = dil[d] * (k[d] - 1) + 1;
            if (padded < span) {
                int[] paddedSize = new int[dims];
                for (int e = 0; e < dims; e++) paddedSize[e] = in[e] + padL[e] + padR[e];
                throw new IllegalArgumentException(op + ": padded input size per channel " + str(paddedSize)
                        + " is smaller than the kernel size " + str(k) + (span != k[d] ? " with dilation " + str(dil) : "")
                        + "; input of shape " + str(input.shape()) + ", weight of shape " + str(ws));
            }
            out[d] = (padded - span) / stride[d] + 1;
        }
        ConvGeometry g = new ConvGeometry(xs[0], cin, cout, groups, to3(in, 1), to3(k, 1), to3(out, 1),
                to3(stride, 1), to3(padL, 0), to3(dil, 1));
        int[] outShape = new int[dims + 2];
        outShape[0] = xs[0];
        outShape[1] = cout;
        System.arraycopy(out, 0, outShape, 2, dims);
        Tensor y = new ConvFunction(g, false, xs, outShape).apply(x, weight, bias);
        return batched ? y : y.squeeze(0);
    }

    static Tensor convTranspose(String op, int dims, Tensor input, Tensor weight, Tensor bias, ConvTranspose o) {
        checkTensors(op, dims, input, weight, bias, "(in_channels, out_channels/groups, ");
        boolean batched = input.dim() == dims + 2;
        Tensor x = batched ? input : input.unsqueeze(0);
        int[] xs = x.shape(), ws = weight.shape();
        int groups = o.groups(), cin = xs[1];
        if (ws[0] != cin) {
            throw new IllegalArgumentException(op + ": weight of shape " + str(ws) + " needs input with " + ws[0]
                    + " channels, got input of shape " + str(input.shape()));
        }
        if (cin % groups != 0) {
            throw new IllegalArgumentException(op + ": weight of shape " + str(ws) + " has " + cin
                    + " input channels, which is not divisible by groups=" + groups);
        }
        int cout = ws[1] * groups;
        checkBias(op, bias, cout);
        int[] k = Arrays.copyOfRange(ws, 2, 2 + dims), in = Arrays.copyOfRange(xs, 2, 2 + dims);
        int[] stride = expand(op, "stride", o.stride(), dims), dil = expand(op, "dilation", o.dilation(), dims);
        int[] pad = expand(op, "padding", o.padding(), dims), outPad = expand(op, "output_padding", o.outputPadding(), dims);
        int[] out = new int[dims];
        for (int d = 0; d < dims; d++) {
            if (outPad[d] >= stride[d] && outPad[d] >= dil[d]) {
                throw new IllegalArgumentException(op + ": output_padding " + Arrays.toString(outPad)
                        + " must be smaller than either stride " + Arrays.toString(stride) + " or dilation " + Arrays.toString(dil));
            }
            out[d] = (in[d] - 1) * stride[d] - 2 * pad[d] + dil[d] * (k[d] - 1) + outPad[d] + 1;
        }
        for (int d = 0; d < dims; d++) {
            if (out[d] < 1) {
                throw new IllegalArgumentException(op + ": the output size " + str(out) + " is too small (input of shape "
                        + str(input.shape()) + ", weight of shape " + str(ws) + ", stride " + Arrays.toString(stride)
                        + ", padding " + Arrays.toString(pad) + ")");
            }
        }
        // The conv whose input gradient this op is: its input is our output, its output our input.
        ConvGeometry g = new ConvGeometry(xs[0], cout, cin, groups, to3(out, 1), to3(k, 1), to3(in, 1),
                to3(stride, 1), to3(pad, 0), to3(dil, 1));
        int[] outShape = new int[dims + 2];
        outShape[0] = xs[0];
        outShape[1] = cout;
        System.arraycopy(out, 0, outShape, 2, dims);
        Tensor y = new ConvFunction(g, true, outShape, xs).apply(x, weight, bias);
        return batched ? y : y.squeeze(0);
    }

    static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        String op = "unfold";
        ConvArgs.requireFloating(op, "input", input);
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException(op + ": expected 3-D (unbatched) or 4-D (batched) input, got input of shape "
                    + str(input.shape()));
        }
        boolean batched = input.dim() == 4;
        Tensor x = batched ? input : input.unsqueeze(0);
        int[] xs = x.shape();
        int[] k = expand(op, "kernel_size", ConvArgs.positive(op, "kernel_size", kernelSize), 2);
        int[] dil = expand(op, "dilation", ConvArgs.positive(op, "dilation", dilation), 2);
        int[] pad = expand(op, "padding", ConvArgs.nonNegative(op, "padding", padding), 2);
        int[] st = expand(op, "stride", ConvArgs.positive(op, "stride", stride), 2);
        int[] in = {xs[2], xs[3]};
        int[] blocks = blocks(in, k, dil, pad, st);
        if (blocks[0] < 1 || blocks[1] < 1) {
            throw new IllegalArgumentException(op + ": input of shape " + str(input.shape()) + " with kernel_size " + str(k)
                    + ", dilation " + str(dil) + ", padding " + str(pad) + ", stride " + str(st)
                    + " gives " + str(blocks) + " sliding blocks; each must be at least 1");
        }
        ConvGeometry g = geometry(xs[0], xs[1], in, k, blocks, st, pad, dil);
        int[] outShape = {xs[0], xs[1] * k[0] * k[1], blocks[0] * blocks[1]};
        Tensor y = new UnfoldFunction(g, false, xs, outShape).apply(x);
        return batched ? y : y.squeeze(0);
    }

    static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        String op = "fold";
        ConvArgs.requireFloating(op, "input", input);
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(op + ": expected 2-D (unbatched) or 3-D (batched) input, got input of shape "
                    + str(input.shape()));
        }
        boolean batched = input.dim() == 3;
        Tensor x = batched ? input : input.unsqueeze(0);
        int[] xs = x.shape();
        int[] size = expand(op, "output_size", ConvArgs.positive(op, "output_size", outputSize), 2);
        int[] k = expand(op, "kernel_size", ConvArgs.positive(op, "kernel_size", kernelSize), 2);
        int[] dil = expand(op, "dilation", ConvArgs.positive(op, "dilation", dilation), 2);
        int[] pad = expand(op, "padding", ConvArgs.nonNegative(op, "padding", padding), 2);
        int[] st = expand(op, "stride", ConvArgs.positive(op, "stride", stride), 2);
        int kk = k[0] * k[1];
        if (xs[1] % kk != 0) {
            throw new IllegalArgumentException(op + ": expected size of input's dimension 1 to be divisible by the product of kernel_size "
                    + str(k) + " = " + kk + ", got input of shape " + str(input.shape()));
        }
        int[] blocks = blocks(size, k, dil, pad, st);
        if (blocks[0] < 1 || blocks[1] < 1 || xs[2] != blocks[0] * blocks[1]) {
            throw new IllegalArgumentException(op + ": output_size " + str(size) + ", kernel_size " + str(k) + ", dilation " + str(dil)
                    + ", padding " + str(pad) + ", stride " + str(st) + " give " + blocks[0] + " * " + blocks[1]
                    + " sliding blocks, so input's dimension 2 must be " + blocks[0] * blocks[1] + ", got input of shape " + str(input.shape()));
        }
        ConvGeometry g = geometry(xs[0], xs[1] / kk, size, k, blocks, st, pad, dil);
        int[] outShape = {xs[0], xs[1] / kk, size[0], size[1]};
        Tensor y = new UnfoldFunction(g, true, outShape, xs).apply(x);
        return batched ? y : y.squeeze(0);
    }

    private static int[] blocks(int[] in, int[] k, int[] dil, int[] pad, int[] st) {
        int[] b = new int[2];
        for (int d = 0; d < 2; d++) b[d] = Math.floorDiv(in[d] + 2 * pad[d] - dil[d] * (k[d] - 1) - 1, st[d]) + 1;
        return b;
    }

    private static ConvGeometry geometry(int n, int c, int[] in, int[] k, int[] out, int[] st, int[] pad, int[] dil) {
        return new ConvGeometry(n, c, c, 1, to3(in, 1), to3(k, 1), to3(out, 1), to3(st, 1), to3(pad, 0), to3(dil, 1));
    }

    private static void checkTensors(String op, int dims, Tensor input, Tensor weight, Tensor bias, String weightLayout) {
        if (input == null || weight == null) throw new IllegalArgumentException(op + ": input and weight must not be null");
        ConvArgs.requireFloating(op, "input", input);
        ConvArgs.requireSameDtype(op, input, "weight", weight);
        ConvArgs.requireSameDtype(op, input, "bias", bias);
        if (weight.dim() != dims + 2) {
            throw new IllegalArgumentException(op + ": expected weight of " + (dims + 2) + " dims " + weightLayout
                    + "*kernel_size), got weight of shape " + str(weight.shape()));
        }
        if (input.dim() != dims + 1 && input.dim() != dims + 2) {
            throw new IllegalArgumentException(op + ": expected " + (dims + 1) + "-D (unbatched) or " + (dims + 2)
                    + "-D (batched) input, got input of shape " + str(input.shape()));
        }
    }

    private static void checkBias(String op, Tensor bias, int channels) {
        if (bias != null && (bias.dim() != 1 || bias.size(0) != channels)) {
            throw new IllegalArgumentException(op + ": expected bias of shape (" + channels + ",), got bias of shape " + str(bias.shape()));
        }
    }
}
