package dev.nn4j.cli.conformance;

import dev.nn4j.Tensor;
import dev.nn4j.nn.*;
import dev.nn4j.nn.Module;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds nn4j modules from PyTorch class names and constructor arguments (PyTorch names and defaults):
 * one entry per {@code torch.nn} class, with its positional parameter order so that layer reprs such as
 * {@code Conv2d(1, 4, kernel_size=3)} can be parsed too.
 */
final class ModuleFactory {
    private ModuleFactory() {}

    /** A constructor: parameter names in PyTorch's positional order, and the builder. */
    record Spec(List<String> params, Function<Kw, Module> build) {}

    private static final Map<String, Spec> SPECS = new HashMap<>();

    /** Classes whose constructor takes and ignores any arguments ({@code Identity(*args, **kwargs)}). */
    private static final java.util.Set<String> ANY_ARGS = java.util.Set.of("Identity");

    /** The PyTorch class names this factory builds. */
    static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(SPECS.keySet());
    }

    static Spec get(String name) {
        return SPECS.get(name);
    }

    /** Builds {@code name(**kwargs)}. */
    static Module build(String name, Kw kw) {
        Spec s = SPECS.get(name);
        if (s == null) throw new UnsupportedOperationException("module not implemented: nn." + name);
        if (ANY_ARGS.contains(name)) return s.build().apply(kw);
        for (String k : kw.keys()) {
            if (!s.params().contains(k)) throw new CaseFormatException(name + ": unknown constructor argument '" + k + "'");
        }
        return s.build().apply(kw);
    }

    /** Builds a module from its Python constructor call, e.g. {@code "Linear(36, 5)"}. */
    static Module fromRepr(String text) {
        PyLiteral.Call call = PyLiteral.parseCall(text);
        Spec s = SPECS.get(call.name());
        if (s == null) throw new UnsupportedOperationException("module not implemented: nn." + call.name());
        if (ANY_ARGS.contains(call.name())) return s.build().apply(Kw.fromCall(new PyLiteral.Call(call.name(), List.of(), call.kwargs()), s.params()));
        return build(call.name(), Kw.fromCall(call, s.params()));
    }

    private static void def(String name, String params, Function<Kw, Module> build) {
        SPECS.put(name, new Spec(params.isBlank() ? List.of() : Arrays.asList(params.trim().split("\\s+")), build));
    }

    // ------------------------------------------------------------------ argument helpers

    static Reduction reduction(Kw kw) {
        if (kw.has("size_average") || kw.has("reduce")) return Reduction.legacy(kw.getBoolOrNull("size_average"), kw.getBoolOrNull("reduce"));
        return Reduction.of(kw.getString("reduction", "mean"));
    }

    private static Conv conv(Kw kw) {
        Conv o = Conv.opts();
        if (kw.has("stride")) o = o.stride(kw.getInts("stride"));
        if (kw.raw("padding") instanceof String s) o = o.padding(s);
        else if (kw.has("padding")) o = o.padding(kw.getInts("padding"));
        if (kw.has("dilation")) o = o.dilation(kw.getInts("dilation"));
        return o.groups(kw.getInt("groups", 1));
    }

    private static ConvTranspose convTranspose(Kw kw) {
        ConvTranspose o = ConvTranspose.opts();
        if (kw.has("stride")) o = o.stride(kw.getInts("stride"));
        if (kw.has("padding")) o = o.padding(kw.getInts("padding"));
        if (kw.has("output_padding")) o = o.outputPadding(kw.getInts("output_padding"));
        if (kw.has("dilation")) o = o.dilation(kw.getInts("dilation"));
        return o.groups(kw.getInt("groups", 1));
    }

    /** The number of a Python float default that may have been given as an int. */
    private static Number num(Kw kw, String k, Number def) {
        return kw.getNumber(k, def);
    }

    private static Double momentum(Kw kw) {
        return kw.keys().contains("momentum") ? kw.getDoubleOrNull("momentum") : Double.valueOf(0.1);
    }

    private static Module pad(Kw kw, Function<Integer, Module> ofInt, Function<int[], Module> ofTuple) {
        return kw.isList("padding") ? ofTuple.apply(kw.getInts("padding")) : ofInt.apply(kw.getInt("padding"));
    }

    static {
        // ---------------------------------------------------------------- containers and linear
        def("Identity", "", kw -> new Identity());
        def("Linear", "in_features out_features bias device dtype",
                kw -> new Linear(kw.getInt("in_features"), kw.getInt("out_features"), kw.getBool("bias", true)));
        def("NonDynamicallyQuantizableLinear", "in_features out_features bias device dtype",
                kw -> new NonDynamicallyQuantizableLinear(kw.getInt("in_features"), kw.getInt("out_features"), kw.getBool("bias", true)));
        def("Bilinear", "in1_features in2_features out_features bias device dtype",
                kw -> new Bilinear(kw.getInt("in1_features"), kw.getInt("in2_features"), kw.getInt("out_features"), kw.getBool("bias", true)));
        def("Flatten", "start_dim end_dim", kw -> new Flatten(kw.getInt("start_dim", 1), kw.getInt("end_dim", -1)));
        def("Unflatten", "dim unflattened_size", kw -> new Unflatten(kw.getInt("dim"), kw.getInts("unflattened_size")));

        // ---------------------------------------------------------------- activations
        def("ReLU", "inplace", kw -> new ReLU(kw.getBool("inplace", false)));
        def("ReLU6", "inplace", kw -> new ReLU6(kw.getBool("inplace", false)));
        def("SELU", "inplace", kw -> new SELU(kw.getBool("inplace", false)));
        def("SiLU", "inplace", kw -> new SiLU(kw.getBool("inplace", false)));
        def("Mish", "inplace", kw -> new Mish(kw.getBool("inplace", false)));
        def("Hardsigmoid", "inplace", kw -> new Hardsigmoid(kw.getBool("inplace", false)));
        def("Hardswish", "inplace", kw -> new Hardswish(kw.getBool("inplace", false)));
        def("Sigmoid", "", kw -> new Sigmoid());
        def("Tanh", "", kw -> new Tanh());
        def("LogSigmoid", "", kw -> new LogSigmoid());
        def("Softsign", "", kw -> new Softsign());
        def("Tanhshrink", "", kw -> new Tanhshrink());
        def("Softmax2d", "", kw -> new Softmax2d());
        def("ELU", "alpha inplace", kw -> new ELU(num(kw, "alpha", 1.0), kw.getBool("inplace", false)));
        def("CELU", "alpha inplace", kw -> new CELU(num(kw, "alpha", 1.0), kw.getBool("inplace", false)));
        def("GELU", "approximate", kw -> new GELU(kw.getString("approximate", "none")));
        def("GLU", "dim", kw -> new GLU(kw.getInt("dim", -1)));
        def("Hardshrink", "lambd", kw -> new Hardshrink(num(kw, "lambd", 0.5)));
        def("Softshrink", "lambd", kw -> new Softshrink(num(kw, "lambd", 0.5)));
        def("Hardtanh", "min_val max_val inplace min_value max_value",
                kw -> new Hardtanh(kw.has("min_value") ? num(kw, "min_value", null) : num(kw, "min_val", -1.0),
                        kw.has("max_value") ? num(kw, "max_value", null) : num(kw, "max_val", 1.0), kw.getBool("inplace", false)));
        def("LeakyReLU", "negative_slope inplace", kw -> new LeakyReLU(num(kw, "negative_slope", 0.01), kw.getBool("inplace", false)));
        def("RReLU", "lower upper inplace", kw -> new RReLU(num(kw, "lower", 1.0 / 8), num(kw, "upper", 1.0 / 3), kw.getBool("inplace", false)));
        def("Softplus", "beta threshold", kw -> new Softplus(num(kw, "beta", 1), num(kw, "threshold", 20)));
        def("Threshold", "threshold value inplace",
                kw -> new Threshold(num(kw, "threshold", null), num(kw, "value", null), kw.getBool("inplace", false)));
        def("PReLU", "num_parameters init device dtype", kw -> new PReLU(kw.getInt("num_parameters", 1), kw.getDouble("init", 0.25)));
        def("Softmax", "dim", kw -> new Softmax(kw.getIntOrNull("dim")));
        def("Softmin", "dim", kw -> new Softmin(kw.getIntOrNull("dim")));
        def("LogSoftmax", "dim", kw -> new LogSoftmax(kw.getIntOrNull("dim")));

        // ---------------------------------------------------------------- dropout
        def("Dropout", "p inplace", kw -> new Dropout(num(kw, "p", 0.5), kw.getBool("inplace", false)));
        def("Dropout1d", "p inplace", kw -> new Dropout1d(num(kw, "p", 0.5), kw.getBool("inplace", false)));
        def("Dropout2d", "p inplace", kw -> new Dropout2d(num(kw, "p", 0.5), kw.getBool("inplace", false)));
        def("Dropout3d", "p inplace", kw -> new Dropout3d(num(kw, "p", 0.5), kw.getBool("inplace", false)));
        def("AlphaDropout", "p inplace", kw -> new AlphaDropout(num(kw, "p", 0.5), kw.getBool("inplace", false)));
        def("FeatureAlphaDropout", "p inplace", kw -> new FeatureAlphaDropout(num(kw, "p", 0.5), kw.getBool("inplace", false)));

        // ---------------------------------------------------------------- convolution
        String convParams = "in_channels out_channels kernel_size stride padding dilation groups bias padding_mode device dtype";
        def("Conv1d", convParams, kw -> kw.isList("kernel_size")
                ? new Conv1d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInts("kernel_size"), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros"))
                : new Conv1d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInt("kernel_size"), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("Conv2d", convParams, kw -> kw.isList("kernel_size")
                ? new Conv2d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInts("kernel_size"), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros"))
                : new Conv2d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInt("kernel_size"), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("Conv3d", convParams, kw -> kw.isList("kernel_size")
                ? new Conv3d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInts("kernel_size"), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros"))
                : new Conv3d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInt("kernel_size"), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        String convTParams = "in_channels out_channels kernel_size stride padding output_padding groups bias dilation padding_mode device dtype";
        def("ConvTranspose1d", convTParams, kw -> kw.isList("kernel_size")
                ? new ConvTranspose1d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInts("kernel_size"), convTranspose(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros"))
                : new ConvTranspose1d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInt("kernel_size"), convTranspose(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("ConvTranspose2d", convTParams, kw -> kw.isList("kernel_size")
                ? new ConvTranspose2d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInts("kernel_size"), convTranspose(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros"))
                : new ConvTranspose2d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInt("kernel_size"), convTranspose(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("ConvTranspose3d", convTParams, kw -> kw.isList("kernel_size")
                ? new ConvTranspose3d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInts("kernel_size"), convTranspose(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros"))
                : new ConvTranspose3d(kw.getInt("in_channels"), kw.getInt("out_channels"), kw.getInt("kernel_size"), convTranspose(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("Fold", "output_size kernel_size dilation padding stride", kw -> new Fold(kw.getInts("output_size"), kw.getInts("kernel_size"),
                ints(kw, "dilation", 1), ints(kw, "padding", 0), ints(kw, "stride", 1)));
        def("Unfold", "kernel_size dilation padding stride", kw -> new Unfold(kw.getInts("kernel_size"),
                ints(kw, "dilation", 1), ints(kw, "padding", 0), ints(kw, "stride", 1)));

        // ---------------------------------------------------------------- lazy modules
        def("LazyLinear", "out_features bias device dtype", kw -> new LazyLinear(kw.getInt("out_features"), kw.getBool("bias", true)));
        String lazyConv = "out_channels kernel_size stride padding dilation groups bias padding_mode device dtype";
        def("LazyConv1d", lazyConv, kw -> new LazyConv1d(kw.getInt("out_channels"), kernel(kw), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("LazyConv2d", lazyConv, kw -> new LazyConv2d(kw.getInt("out_channels"), kernel(kw), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("LazyConv3d", lazyConv, kw -> new LazyConv3d(kw.getInt("out_channels"), kernel(kw), conv(kw), kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        String lazyConvT = "out_channels kernel_size stride padding output_padding groups bias dilation padding_mode device dtype";
        def("LazyConvTranspose1d", lazyConvT, kw -> new LazyConvTranspose1d(kw.getInt("out_channels"), kernel(kw), convTranspose(kw),
                kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("LazyConvTranspose2d", lazyConvT, kw -> new LazyConvTranspose2d(kw.getInt("out_channels"), kernel(kw), convTranspose(kw),
                kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        def("LazyConvTranspose3d", lazyConvT, kw -> new LazyConvTranspose3d(kw.getInt("out_channels"), kernel(kw), convTranspose(kw),
                kw.getBool("bias", true), kw.getString("padding_mode", "zeros")));
        String lazyNorm = "eps momentum affine track_running_stats device dtype";
        def("LazyBatchNorm1d", lazyNorm, kw -> new LazyBatchNorm1d(kw.getDouble("eps", 1e-5), momentum(kw), kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("LazyBatchNorm2d", lazyNorm, kw -> new LazyBatchNorm2d(kw.getDouble("eps", 1e-5), momentum(kw), kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("LazyBatchNorm3d", lazyNorm, kw -> new LazyBatchNorm3d(kw.getDouble("eps", 1e-5), momentum(kw), kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("LazyInstanceNorm1d", lazyNorm, kw -> new LazyInstanceNorm1d(kw.getDouble("eps", 1e-5), momentum(kw), kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("LazyInstanceNorm2d", lazyNorm, kw -> new LazyInstanceNorm2d(kw.getDouble("eps", 1e-5), momentum(kw), kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("LazyInstanceNorm3d", lazyNorm, kw -> new LazyInstanceNorm3d(kw.getDouble("eps", 1e-5), momentum(kw), kw.getBool("affine", true), kw.getBool("track_running_stats", true)));

        // ---------------------------------------------------------------- pooling
        String maxParams = "kernel_size stride padding dilation return_indices ceil_mode";
        def("MaxPool1d", maxParams, kw -> new MaxPool1d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0), arg(kw, "dilation", 1),
                kw.getBool("return_indices", false), kw.getBool("ceil_mode", false)));
        def("MaxPool2d", maxParams, kw -> new MaxPool2d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0), arg(kw, "dilation", 1),
                kw.getBool("return_indices", false), kw.getBool("ceil_mode", false)));
        def("MaxPool3d", maxParams, kw -> new MaxPool3d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0), arg(kw, "dilation", 1),
                kw.getBool("return_indices", false), kw.getBool("ceil_mode", false)));
        def("AvgPool1d", "kernel_size stride padding ceil_mode count_include_pad", kw -> new AvgPool1d(arg(kw, "kernel_size"), arg(kw, "stride"),
                arg(kw, "padding", 0), kw.getBool("ceil_mode", false), kw.getBool("count_include_pad", true)));
        String avgParams = "kernel_size stride padding ceil_mode count_include_pad divisor_override";
        def("AvgPool2d", avgParams, kw -> new AvgPool2d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0), kw.getBool("ceil_mode", false),
                kw.getBool("count_include_pad", true), kw.getIntOrNull("divisor_override")));
        def("AvgPool3d", avgParams, kw -> new AvgPool3d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0), kw.getBool("ceil_mode", false),
                kw.getBool("count_include_pad", true), kw.getIntOrNull("divisor_override")));
        String lpParams = "norm_type kernel_size stride ceil_mode";
        def("LPPool1d", lpParams, kw -> new LPPool1d(num(kw, "norm_type", null), arg(kw, "kernel_size"), arg(kw, "stride"), kw.getBool("ceil_mode", false)));
        def("LPPool2d", lpParams, kw -> new LPPool2d(num(kw, "norm_type", null), arg(kw, "kernel_size"), arg(kw, "stride"), kw.getBool("ceil_mode", false)));
        def("LPPool3d", lpParams, kw -> new LPPool3d(num(kw, "norm_type", null), arg(kw, "kernel_size"), arg(kw, "stride"), kw.getBool("ceil_mode", false)));
        def("AdaptiveAvgPool1d", "output_size", kw -> kw.isList("output_size") ? new AdaptiveAvgPool1d(kw.getNullableInts("output_size"))
                : new AdaptiveAvgPool1d(kw.getInt("output_size")));
        def("AdaptiveAvgPool2d", "output_size", kw -> kw.isList("output_size") ? new AdaptiveAvgPool2d(kw.getNullableInts("output_size"))
                : new AdaptiveAvgPool2d(kw.getInt("output_size")));
        def("AdaptiveAvgPool3d", "output_size", kw -> kw.isList("output_size") ? new AdaptiveAvgPool3d(kw.getNullableInts("output_size"))
                : new AdaptiveAvgPool3d(kw.getInt("output_size")));
        def("AdaptiveMaxPool1d", "output_size return_indices", kw -> kw.isList("output_size")
                ? new AdaptiveMaxPool1d(kw.getNullableInts("output_size"), kw.getBool("return_indices", false))
                : new AdaptiveMaxPool1d(kw.getInt("output_size"), kw.getBool("return_indices", false)));
        def("AdaptiveMaxPool2d", "output_size return_indices", kw -> kw.isList("output_size")
                ? new AdaptiveMaxPool2d(kw.getNullableInts("output_size"), kw.getBool("return_indices", false))
                : new AdaptiveMaxPool2d(kw.getInt("output_size"), kw.getBool("return_indices", false)));
        def("AdaptiveMaxPool3d", "output_size return_indices", kw -> kw.isList("output_size")
                ? new AdaptiveMaxPool3d(kw.getNullableInts("output_size"), kw.getBool("return_indices", false))
                : new AdaptiveMaxPool3d(kw.getInt("output_size"), kw.getBool("return_indices", false)));
        def("MaxUnpool1d", "kernel_size stride padding", kw -> new MaxUnpool1d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0)));
        def("MaxUnpool2d", "kernel_size stride padding", kw -> new MaxUnpool2d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0)));
        def("MaxUnpool3d", "kernel_size stride padding", kw -> new MaxUnpool3d(arg(kw, "kernel_size"), arg(kw, "stride"), arg(kw, "padding", 0)));
        String fracParams = "kernel_size output_size output_ratio return_indices _random_samples";
        def("FractionalMaxPool2d", fracParams, kw -> new FractionalMaxPool2d(fractional(kw), kw.getBool("return_indices", false),
                kw.getTensor("_random_samples")));
        def("FractionalMaxPool3d", fracParams, kw -> new FractionalMaxPool3d(fractional(kw), kw.getBool("return_indices", false),
                kw.getTensor("_random_samples")));

        // ---------------------------------------------------------------- padding
        def("ReflectionPad1d", "padding", kw -> pad(kw, ReflectionPad1d::new, ReflectionPad1d::new));
        def("ReflectionPad2d", "padding", kw -> pad(kw, ReflectionPad2d::new, ReflectionPad2d::new));
        def("ReflectionPad3d", "padding", kw -> pad(kw, ReflectionPad3d::new, ReflectionPad3d::new));
        def("ReplicationPad1d", "padding", kw -> pad(kw, ReplicationPad1d::new, ReplicationPad1d::new));
        def("ReplicationPad2d", "padding", kw -> pad(kw, ReplicationPad2d::new, ReplicationPad2d::new));
        def("ReplicationPad3d", "padding", kw -> pad(kw, ReplicationPad3d::new, ReplicationPad3d::new));
        def("CircularPad1d", "padding", kw -> pad(kw, CircularPad1d::new, CircularPad1d::new));
        def("CircularPad2d", "padding", kw -> pad(kw, CircularPad2d::new, CircularPad2d::new));
        def("CircularPad3d", "padding", kw -> pad(kw, CircularPad3d::new, CircularPad3d::new));
        def("ZeroPad1d", "padding", kw -> pad(kw, ZeroPad1d::new, ZeroPad1d::new));
        def("ZeroPad2d", "padding", kw -> pad(kw, ZeroPad2d::new, ZeroPad2d::new));
        def("ZeroPad3d", "padding", kw -> pad(kw, ZeroPad3d::new, ZeroPad3d::new));
        def("ConstantPad1d", "padding value", kw -> new ConstantPad1d(kw.getInts("padding"), num(kw, "value", null)));
        def("ConstantPad2d", "padding value", kw -> new ConstantPad2d(kw.getInts("padding"), num(kw, "value", null)));
        def("ConstantPad3d", "padding value", kw -> new ConstantPad3d(kw.getInts("padding"), num(kw, "value", null)));

        // ---------------------------------------------------------------- vision and distance
        def("PixelShuffle", "upscale_factor", kw -> new PixelShuffle(kw.getInt("upscale_factor")));
        def("PixelUnshuffle", "downscale_factor", kw -> new PixelUnshuffle(kw.getInt("downscale_factor")));
        def("ChannelShuffle", "groups", kw -> new ChannelShuffle(kw.getInt("groups")));
        def("Upsample", "size scale_factor mode align_corners recompute_scale_factor", kw -> upsample(kw, kw.getString("mode", "nearest"),
                kw.getBoolOrNull("align_corners"), kw.getBoolOrNull("recompute_scale_factor")));
        def("UpsamplingNearest2d", "size scale_factor", kw -> kw.has("scale_factor") && !kw.isList("scale_factor")
                ? new UpsamplingNearest2d(kw.getDouble("scale_factor", 1))
                : kw.has("size") && !kw.isList("size") ? new UpsamplingNearest2d(kw.getInt("size"))
                : new UpsamplingNearest2d(kw.getInts("size"), kw.getDoubles("scale_factor")));
        def("UpsamplingBilinear2d", "size scale_factor", kw -> kw.has("scale_factor") && !kw.isList("scale_factor")
                ? new UpsamplingBilinear2d(kw.getDouble("scale_factor", 1))
                : kw.has("size") && !kw.isList("size") ? new UpsamplingBilinear2d(kw.getInt("size"))
                : new UpsamplingBilinear2d(kw.getInts("size"), kw.getDoubles("scale_factor")));
        def("CosineSimilarity", "dim eps", kw -> new CosineSimilarity(kw.getInt("dim", 1), kw.getDouble("eps", 1e-8)));
        def("PairwiseDistance", "p eps keepdim", kw -> new PairwiseDistance(kw.getDouble("p", 2.0), kw.getDouble("eps", 1e-6), kw.getBool("keepdim", false)));

        // ---------------------------------------------------------------- normalization
        String normParams = "num_features eps momentum affine track_running_stats device dtype";
        def("BatchNorm1d", normParams, kw -> new BatchNorm1d(kw.getInt("num_features"), kw.getDouble("eps", 1e-5), momentum(kw),
                kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("BatchNorm2d", normParams, kw -> new BatchNorm2d(kw.getInt("num_features"), kw.getDouble("eps", 1e-5), momentum(kw),
                kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("BatchNorm3d", normParams, kw -> new BatchNorm3d(kw.getInt("num_features"), kw.getDouble("eps", 1e-5), momentum(kw),
                kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("SyncBatchNorm", "num_features eps momentum affine track_running_stats process_group device dtype",
                kw -> new SyncBatchNorm(kw.getInt("num_features"), kw.getDouble("eps", 1e-5), momentum(kw),
                        kw.getBool("affine", true), kw.getBool("track_running_stats", true)));
        def("InstanceNorm1d", normParams, kw -> new InstanceNorm1d(kw.getInt("num_features"), kw.getDouble("eps", 1e-5), momentum(kw),
                kw.getBool("affine", false), kw.getBool("track_running_stats", false)));
        def("InstanceNorm2d", normParams, kw -> new InstanceNorm2d(kw.getInt("num_features"), kw.getDouble("eps", 1e-5), momentum(kw),
                kw.getBool("affine", false), kw.getBool("track_running_stats", false)));
        def("InstanceNorm3d", normParams, kw -> new InstanceNorm3d(kw.getInt("num_features"), kw.getDouble("eps", 1e-5), momentum(kw),
                kw.getBool("affine", false), kw.getBool("track_running_stats", false)));
        def("LayerNorm", "normalized_shape eps elementwise_affine bias device dtype", kw -> new LayerNorm(kw.getInts("normalized_shape"),
                kw.getDouble("eps", 1e-5), kw.getBool("elementwise_affine", true), kw.getBool("bias", true)));
        def("GroupNorm", "num_groups num_channels eps affine device dtype", kw -> new GroupNorm(kw.getInt("num_groups"), kw.getInt("num_channels"),
                kw.getDouble("eps", 1e-5), kw.getBool("affine", true)));
        def("RMSNorm", "normalized_shape eps elementwise_affine device dtype", kw -> new RMSNorm(kw.getInts("normalized_shape"),
                kw.getDoubleOrNull("eps"), kw.getBool("elementwise_affine", true)));
        def("LocalResponseNorm", "size alpha beta k", kw -> new LocalResponseNorm(kw.getInt("size"), num(kw, "alpha", 1e-4),
                num(kw, "beta", 0.75), num(kw, "k", 1.0)));
        def("CrossMapLRN2d", "size alpha beta k", kw -> new CrossMapLRN2d(kw.getInt("size"), num(kw, "alpha", 1e-4),
                num(kw, "beta", 0.75), num(kw, "k", 1)));

        // ---------------------------------------------------------------- sparse
        def("Embedding", "num_embeddings embedding_dim padding_idx max_norm norm_type scale_grad_by_freq sparse _weight device dtype",
                kw -> new Embedding(kw.getInt("num_embeddings"), kw.getInt("embedding_dim"), kw.getIntOrNull("padding_idx"),
                        kw.has("max_norm") ? num(kw, "max_norm", null) : null, num(kw, "norm_type", 2.0), kw.getBool("scale_grad_by_freq", false),
                        kw.getBool("sparse", false), kw.getTensor("_weight")));
        def("EmbeddingBag", "num_embeddings embedding_dim max_norm norm_type scale_grad_by_freq mode sparse _weight include_last_offset padding_idx device dtype",
                kw -> new EmbeddingBag(kw.getInt("num_embeddings"), kw.getInt("embedding_dim"), kw.has("max_norm") ? num(kw, "max_norm", null) : null,
                        num(kw, "norm_type", 2.0), kw.getBool("scale_grad_by_freq", false), kw.getString("mode", "mean"), kw.getBool("sparse", false),
                        kw.getTensor("_weight"), kw.getBool("include_last_offset", false), kw.getIntOrNull("padding_idx")));

        def("AdaptiveLogSoftmaxWithLoss", "in_features n_classes cutoffs div_value head_bias device dtype", kw -> new AdaptiveLogSoftmaxWithLoss(
                kw.getInt("in_features"), kw.getInt("n_classes"), kw.getInts("cutoffs"), kw.getDouble("div_value", 4.0), kw.getBool("head_bias", false)));

        // ---------------------------------------------------------------- recurrent
        String rnnParams = "input_size hidden_size num_layers nonlinearity bias batch_first dropout bidirectional proj_size device dtype";
        def("RNN", rnnParams, kw -> new RNN(kw.getInt("input_size"), kw.getInt("hidden_size"), rnnOpts(kw)));
        def("LSTM", rnnParams.replace(" nonlinearity", ""), kw -> new LSTM(kw.getInt("input_size"), kw.getInt("hidden_size"), rnnOpts(kw)));
        def("GRU", rnnParams.replace(" nonlinearity", ""), kw -> new GRU(kw.getInt("input_size"), kw.getInt("hidden_size"), rnnOpts(kw)));
        def("RNNCell", "input_size hidden_size bias nonlinearity device dtype", kw -> new RNNCell(kw.getInt("input_size"), kw.getInt("hidden_size"),
                kw.getBool("bias", true), kw.getString("nonlinearity", "tanh")));
        def("LSTMCell", "input_size hidden_size bias device dtype", kw -> new LSTMCell(kw.getInt("input_size"), kw.getInt("hidden_size"), kw.getBool("bias", true)));
        def("GRUCell", "input_size hidden_size bias device dtype", kw -> new GRUCell(kw.getInt("input_size"), kw.getInt("hidden_size"), kw.getBool("bias", true)));

        // ---------------------------------------------------------------- attention and transformer
        def("MultiheadAttention", "embed_dim num_heads dropout bias add_bias_kv add_zero_attn kdim vdim batch_first device dtype",
                kw -> new MultiheadAttention(kw.getInt("embed_dim"), kw.getInt("num_heads"), MultiheadAttention.opts().dropout(kw.getDouble("dropout", 0.0))
                        .bias(kw.getBool("bias", true)).addBiasKv(kw.getBool("add_bias_kv", false)).addZeroAttn(kw.getBool("add_zero_attn", false))
                        .kdim(kw.getIntOrNull("kdim")).vdim(kw.getIntOrNull("vdim")).batchFirst(kw.getBool("batch_first", false))));
        String layerParams = "d_model nhead dim_feedforward dropout activation layer_norm_eps batch_first norm_first bias device dtype";
        def("TransformerEncoderLayer", layerParams, kw -> new TransformerEncoderLayer(kw.getInt("d_model"), kw.getInt("nhead"), transformerOpts(kw)));
        def("TransformerDecoderLayer", layerParams, kw -> new TransformerDecoderLayer(kw.getInt("d_model"), kw.getInt("nhead"), transformerOpts(kw)));
        def("TransformerEncoder", "encoder_layer num_layers norm enable_nested_tensor mask_check", kw -> new TransformerEncoder(
                (TransformerEncoderLayer) sub(kw, "encoder_layer"), kw.getInt("num_layers"), sub(kw, "norm")));
        def("TransformerDecoder", "decoder_layer num_layers norm", kw -> new TransformerDecoder(
                (TransformerDecoderLayer) sub(kw, "decoder_layer"), kw.getInt("num_layers"), sub(kw, "norm")));
        def("Transformer", "d_model nhead num_encoder_layers num_decoder_layers dim_feedforward dropout activation custom_encoder custom_decoder "
                + "layer_norm_eps batch_first norm_first bias device dtype", kw -> new Transformer(kw.getInt("d_model", 512), kw.getInt("nhead", 8),
                kw.getInt("num_encoder_layers", 6), kw.getInt("num_decoder_layers", 6), transformerOpts(kw), sub(kw, "custom_encoder"), sub(kw, "custom_decoder")));

        // ---------------------------------------------------------------- losses
        String legacy = " size_average reduce reduction";
        def("L1Loss", legacy.trim(), kw -> new L1Loss(reduction(kw)));
        def("MSELoss", legacy.trim(), kw -> new MSELoss(reduction(kw)));
        def("SoftMarginLoss", legacy.trim(), kw -> new SoftMarginLoss(reduction(kw)));
        def("MultiLabelMarginLoss", legacy.trim(), kw -> new MultiLabelMarginLoss(reduction(kw)));
        def("KLDivLoss", "size_average reduce reduction log_target", kw -> new KLDivLoss(reduction(kw), kw.getBool("log_target", false)));
        def("HuberLoss", "reduction delta", kw -> new HuberLoss(reduction(kw), kw.getDouble("delta", 1.0)));
        def("SmoothL1Loss", "size_average reduce reduction beta", kw -> new SmoothL1Loss(reduction(kw), kw.getDouble("beta", 1.0)));
        def("MarginRankingLoss", "margin" + legacy, kw -> new MarginRankingLoss(kw.getDouble("margin", 0.0), reduction(kw)));
        def("HingeEmbeddingLoss", "margin" + legacy, kw -> new HingeEmbeddingLoss(kw.getDouble("margin", 1.0), reduction(kw)));
        def("CosineEmbeddingLoss", "margin" + legacy, kw -> new CosineEmbeddingLoss(kw.getDouble("margin", 0.0), reduction(kw)));
        def("BCELoss", "weight" + legacy, kw -> new BCELoss(kw.getTensor("weight"), reduction(kw)));
        def("MultiLabelSoftMarginLoss", "weight" + legacy, kw -> new MultiLabelSoftMarginLoss(kw.getTensor("weight"), reduction(kw)));
        def("CrossEntropyLoss", "weight size_average ignore_index reduce reduction label_smoothing", kw -> new CrossEntropyLoss(CrossEntropy.opts()
                .weight(kw.getTensor("weight")).ignoreIndex(kw.getInt("ignore_index", -100)).reduction(reduction(kw))
                .labelSmoothing(kw.getDouble("label_smoothing", 0.0))));
        def("NLLLoss", "weight size_average ignore_index reduce reduction", kw -> new NLLLoss(Nll.opts()
                .weight(kw.getTensor("weight")).ignoreIndex(kw.getInt("ignore_index", -100)).reduction(reduction(kw))));
        def("NLLLoss2d", "weight size_average ignore_index reduce reduction", kw -> new NLLLoss2d(Nll.opts()
                .weight(kw.getTensor("weight")).ignoreIndex(kw.getInt("ignore_index", -100)).reduction(reduction(kw))));
        def("PoissonNLLLoss", "log_input full size_average eps reduce reduction", kw -> new PoissonNLLLoss(PoissonNll.opts()
                .logInput(kw.getBool("log_input", true)).full(kw.getBool("full", false)).eps(kw.getDouble("eps", 1e-8)).reduction(reduction(kw))));
        def("GaussianNLLLoss", "full eps reduction", kw -> new GaussianNLLLoss(GaussianNll.opts()
                .full(kw.getBool("full", false)).eps(kw.getDouble("eps", 1e-6)).reduction(reduction(kw))));
        def("BCEWithLogitsLoss", "weight size_average reduce reduction pos_weight", kw -> new BCEWithLogitsLoss(BinaryCrossEntropyWithLogits.opts()
                .weight(kw.getTensor("weight")).posWeight(kw.getTensor("pos_weight")).reduction(reduction(kw))));
        def("MultiMarginLoss", "p margin weight" + legacy, kw -> new MultiMarginLoss(MultiMargin.opts()
                .p(kw.getInt("p", 1)).margin(kw.getDouble("margin", 1.0)).weight(kw.getTensor("weight")).reduction(reduction(kw))));
        def("TripletMarginLoss", "margin p eps swap" + legacy, kw -> new TripletMarginLoss(TripletMargin.opts()
                .margin(kw.getDouble("margin", 1.0)).p(kw.getDouble("p", 2.0)).eps(kw.getDouble("eps", 1e-6)).swap(kw.getBool("swap", false))
                .reduction(reduction(kw))));
        def("TripletMarginWithDistanceLoss", "distance_function margin swap reduction", kw -> new TripletMarginWithDistanceLoss(
                TripletMarginWithDistance.opts().margin(kw.getDouble("margin", 1.0)).swap(kw.getBool("swap", false)).reduction(reduction(kw))));
        def("CTCLoss", "blank reduction zero_infinity", kw -> new CTCLoss(Ctc.opts().blank(kw.getInt("blank", 0)).reduction(reduction(kw))
                .zeroInfinity(kw.getBool("zero_infinity", false))));
    }

    private static TransformerOptions transformerOpts(Kw kw) {
        TransformerOptions o = TransformerOptions.opts().dimFeedforward(kw.getInt("dim_feedforward", 2048)).dropout(kw.getDouble("dropout", 0.1))
                .layerNormEps(kw.getDouble("layer_norm_eps", 1e-5)).batchFirst(kw.getBool("batch_first", false)).normFirst(kw.getBool("norm_first", false))
                .bias(kw.getBool("bias", true));
        if (kw.has("activation")) {
            String a = kw.getString("activation", "relu");
            o = a.contains("(") ? o.activation(fromRepr(a)) : o.activation(a);
        }
        return o;
    }

    /** A sub-module argument given as its Python repr (e.g. {@code "LayerNorm(8)"}), or null. */
    private static Module sub(Kw kw, String k) {
        return kw.has(k) ? fromRepr(kw.getString(k, null)) : null;
    }

    private static RNNBase.Options rnnOpts(Kw kw) {
        return RNNBase.opts().numLayers(kw.getInt("num_layers", 1)).nonlinearity(kw.getString("nonlinearity", "tanh")).bias(kw.getBool("bias", true))
                .batchFirst(kw.getBool("batch_first", false)).dropout(kw.getDouble("dropout", 0.0)).bidirectional(kw.getBool("bidirectional", false))
                .projSize(kw.getInt("proj_size", 0));
    }

    /** A kernel size: a one-element array stands for a single int. */
    private static int[] kernel(Kw kw) {
        return kw.getInts("kernel_size");
    }

    /** An int-or-tuple argument as given (null when absent). */
    private static IntArg arg(Kw kw, String k) {
        if (!kw.has(k)) return null;
        return kw.isList(k) ? IntArg.of(kw.getInts(k)) : IntArg.of(kw.getInt(k));
    }

    private static IntArg arg(Kw kw, String k, int def) {
        return kw.has(k) ? arg(kw, k) : IntArg.of(def);
    }

    private static FractionalMaxPool fractional(Kw kw) {
        FractionalMaxPool o = FractionalMaxPool.opts(kw.getInts("kernel_size"));
        if (kw.has("output_size")) o = o.outputSize(kw.getInts("output_size"));
        if (kw.has("output_ratio")) o = o.outputRatio(kw.getDoubles("output_ratio"));
        return o;
    }

    private static int[] ints(Kw kw, String k, int def) {
        return kw.has(k) ? kw.getInts(k) : new int[] {def};
    }

    private static Module upsample(Kw kw, String mode, Boolean alignCorners, Boolean recompute) {
        if (kw.has("scale_factor") && !kw.isList("scale_factor") && !kw.has("size")) {
            return new Upsample(kw.getDouble("scale_factor", 1), mode, alignCorners, recompute);
        }
        if (kw.has("size") && !kw.isList("size") && !kw.has("scale_factor")) return new Upsample(kw.getInt("size"), mode, alignCorners, recompute);
        return new Upsample(kw.getInts("size"), kw.getDoubles("scale_factor"), mode, alignCorners, recompute);
    }

}
