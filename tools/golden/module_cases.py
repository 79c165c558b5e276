#!/usr/bin/python3
"""Golden cases for nn4j's modules (dev.nn4j.nn): every torch.nn layer the shared conformance file does not
cover, and the variants of those it does (non-default arguments, masks, initial states, eval mode).

Same format as the "module" kind of /work/shared/conformance (FORMAT.md): module + ctor (PyTorch names),
state_dict loaded before the first call (the module's default state, perturbed so that ones/zeros do not hide
mistakes), mode, forward_calls, inputs, forward_kwargs, output, grad_output, grads (inputs and param:<key>),
state_dict_keys, state_dict_after, repr. Extra field "ctor_src": the PyTorch constructor call, for readers.
Inputs and state are float32 values; the reference ran in float64 (module.double()) from exactly those values.
Modules newer than PyTorch 1.13 (CircularPad*, ZeroPad1d/3d, RMSNorm) are computed with their functional
definition and the repr they print in PyTorch 2.x.

usage: /usr/bin/python3 tools/golden/module_cases.py > nn4j-core/src/test/resources/golden/module-cases.jsonl
"""
import inspect, json, math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1313)
D = torch.float64


def num(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def enc(t):
    t = t.detach()
    if t.dtype == torch.bool:
        return {"dtype": "bool", "shape": list(t.shape), "data": t.reshape(-1).tolist()}
    if t.is_floating_point():
        return {"dtype": "float32", "shape": list(t.shape), "data": [num(float(v)) for v in t.reshape(-1).tolist()]}
    return {"dtype": "int64", "shape": list(t.shape), "data": t.reshape(-1).tolist()}


class Mod:
    """A module argument: built from its constructor source, recorded as that source (without "nn.")."""
    def __init__(self, src):
        self.src = src
        self.obj = eval(src)


def jsonable(v):
    if isinstance(v, Mod):
        return v.src.replace("nn.", "")
    if isinstance(v, torch.Tensor):
        return enc(v)
    if isinstance(v, (tuple, list)):
        return [jsonable(x) for x in v]
    if isinstance(v, nn.Module):
        return repr(v)
    if callable(v):
        return v.__name__
    return num(v)


# ------------------------------------------------------------------ inputs (float32-exact values)
def f(*shape, scale=1.0):
    return (torch.randn(*shape) * scale).to(D)


def pos(*shape):
    return (torch.rand(*shape) + 0.1).to(D)


def prob(*shape):
    return (torch.rand(*shape) * 0.9 + 0.05).to(D)


def idx(high, *shape):
    return torch.randint(0, high, shape)


def sign(*shape):
    return (torch.randint(0, 2, shape) * 2 - 1).to(D)


def perturb(m):
    """The module's default state plus noise (float32-exact); running variances stay positive."""
    sd = {}
    for k, v in m.state_dict().items():
        if v.is_floating_point():
            if k.endswith("running_var"):
                v = torch.rand(v.shape) + 0.5
            else:
                v = v.float() + 0.2 * torch.randn(v.shape)
        sd[k] = v.clone()
    return sd


lines = []


def case(cid, cls, args=(), kwargs=None, inputs=None, mode="train", calls=1, fkw=None, fwd=None, tol=1e-4,
         name=None, params=None, repr_=None, grads=True, keep_state=False, const=None, custom=None, dry=None, ctor=None):
    """cls: a torch.nn class, or a factory (then `name`, `params` and `repr_` describe the module)."""
    kwargs = dict(kwargs or {})
    inputs = inputs or {}
    if const is None:  # loss targets are data, not something to differentiate
        const = ("target",) if (name or getattr(cls, "__name__", "")).endswith("Loss") else ()
    fkw = fkw or {}
    real = lambda v: v.obj if isinstance(v, Mod) else v
    m = cls(*[real(a) for a in args], **{k: real(v) for k, v in kwargs.items()})
    given_ctor = ctor
    if given_ctor is not None:
        ctor = given_ctor
    elif name is None:
        name = cls.__name__
        init = nn.RNNBase.__init__ if cls in (nn.RNN, nn.LSTM, nn.GRU) else cls.__init__
        sig = inspect.signature(init)
        if cls is nn.Identity:
            bound = sig.bind(None)
        elif init is nn.RNNBase.__init__:  # RNN takes nonlinearity besides RNNBase's arguments
            bound = sig.bind(None, "mode", *args, **{k: v for k, v in kwargs.items() if k != "nonlinearity"})
        else:
            bound = sig.bind(None, *args, **kwargs)
        skip = ("self", "mode") if init is nn.RNNBase.__init__ else ("self",)
        ctor = {k: jsonable(v) for k, v in bound.arguments.items() if k not in skip}
        if cls is nn.RNN and "nonlinearity" in kwargs:
            ctor["nonlinearity"] = kwargs["nonlinearity"]
    else:
        ctor = dict(zip(params, [jsonable(a) for a in args]))
        ctor.update({k: jsonable(v) for k, v in kwargs.items()})
    if name is None:
        name = cls.__name__
    if dry is not None:  # a lazy module: a dry run fixes its input size before its state is read
        with torch.no_grad():
            m(dry.float())
    sd = {k: v.clone() for k, v in m.state_dict().items()} if keep_state else perturb(m)
    m.load_state_dict(sd)
    m.double()
    m.train(mode == "train")
    ins = {}
    for k, v in inputs.items():
        t = v.clone()
        if t.is_floating_point() and grads and k not in const:
            t.requires_grad_(True)
        ins[k] = t
    call_kw = {k: (v.clone() if isinstance(v, torch.Tensor) else v) for k, v in fkw.items()}
    for _ in range(calls):
        out = fwd(m, ins, call_kw) if fwd else m(*ins.values(), **call_kw)
    outs = []
    for o in (out if isinstance(out, tuple) else [out]):
        outs += list(o) if isinstance(o, tuple) else ([o] if o is not None else [])
    c = {"id": "module/" + cid, "kind": "module", "module": name, "ctor": ctor, "ctor_src": repr_src(name, args, kwargs),
         "mode": mode, "forward_calls": calls, "state_dict": {k: enc(v) for k, v in sd.items()},
         "inputs": {k: enc(v) for k, v in inputs.items()}, "forward_kwargs": {k: jsonable(v) for k, v in fkw.items()},
         "output": enc(outs[0]) if len(outs) == 1 else [enc(o) for o in outs]}
    diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
    if grads and diff:
        gos = [torch.randn(o.shape).to(D) for o in diff]
        torch.autograd.backward(diff, gos)
        c["grad_output"] = enc(gos[0]) if len(gos) == 1 else [enc(g) for g in gos]
        g = {k: enc(t.grad if t.grad is not None else torch.zeros_like(t)) for k, t in ins.items() if t.requires_grad}
        for k, p in m.named_parameters():
            g["param:" + k] = enc(p.grad if p.grad is not None else torch.zeros_like(p))
        c["grads"] = g
    else:
        c["grads"] = {}
    c["state_dict_keys"] = list(m.state_dict().keys())
    c["state_dict_after"] = {k: enc(v) for k, v in m.state_dict().items()}
    c["repr"] = repr_ if repr_ is not None else repr(m)
    c["tol"] = {"rtol": tol, "atol": tol}
    if custom:  # the call is not m(*inputs, **forward_kwargs): nn4j's tests reproduce it by hand
        c["custom_forward"] = custom
    lines.append(json.dumps(c))


def repr_src(name, args, kwargs):
    r = lambda v: "tensor(...)" if isinstance(v, torch.Tensor) else v.src if isinstance(v, Mod) else repr(v)
    parts = [r(a) for a in args] + [k + "=" + r(v) for k, v in kwargs.items()]
    return name + "(" + ", ".join(parts) + ")"


X = lambda: {"input": f(2, 3, 4)}

# ------------------------------------------------------------------ activations
for cls in [nn.ReLU, nn.ReLU6, nn.SELU, nn.SiLU, nn.Mish, nn.Hardsigmoid, nn.Hardswish, nn.Sigmoid, nn.Tanh, nn.LogSigmoid,
            nn.Softsign, nn.Tanhshrink]:
    case(cls.__name__, cls, inputs={"input": f(2, 3, 4, scale=3.0)})
case("ELU/alpha", nn.ELU, kwargs={"alpha": 0.5}, inputs=X())
case("CELU/alpha", nn.CELU, (2.0,), inputs=X())
case("GELU", nn.GELU, inputs=X())
case("GELU/tanh", nn.GELU, kwargs={"approximate": "tanh"}, inputs=X())
case("GLU", nn.GLU, inputs={"input": f(2, 3, 6)})
case("GLU/dim1", nn.GLU, (1,), inputs={"input": f(2, 4, 3)})
case("Hardshrink", nn.Hardshrink, (0.3,), inputs=X())
case("Softshrink", nn.Softshrink, inputs=X())
case("Hardtanh/range", nn.Hardtanh, (-0.5, 0.7), inputs=X())
case("Hardtanh/int", nn.Hardtanh, (0, 6), inputs={"input": f(2, 3, 4, scale=4.0)})
case("LeakyReLU", nn.LeakyReLU, (0.2,), inputs=X())
case("RReLU/eval", nn.RReLU, (0.1, 0.3), inputs=X(), mode="eval")
case("Softplus", nn.Softplus, kwargs={"beta": 2, "threshold": 1}, inputs=X())
case("Threshold", nn.Threshold, (0.1, 20), inputs=X())
case("PReLU/shared", nn.PReLU, inputs=X())
case("PReLU/channels", nn.PReLU, (3,), kwargs={"init": 0.1}, inputs={"input": f(2, 3, 4, 2)})
case("Softmax/dim1", nn.Softmax, kwargs={"dim": 1}, inputs=X())
case("Softmax/implicit", nn.Softmax, inputs=X())
case("Softmin", nn.Softmin, (-1,), inputs=X())
case("LogSoftmax", nn.LogSoftmax, kwargs={"dim": 2}, inputs=X())
case("Softmax2d", nn.Softmax2d, inputs={"input": f(2, 3, 4, 4)})

# ------------------------------------------------------------------ dropout (eval: identity; train is random)
for cls, shape in [(nn.Dropout, (2, 3, 4)), (nn.Dropout1d, (2, 3, 4)), (nn.Dropout2d, (2, 3, 4, 5)), (nn.Dropout3d, (2, 3, 2, 2, 2)),
                   (nn.AlphaDropout, (2, 3)), (nn.FeatureAlphaDropout, (2, 3, 4, 5))]:
    case(cls.__name__ + "/eval", cls, (0.3,), inputs={"input": f(*shape)}, mode="eval")
case("Dropout/p0", nn.Dropout, (0,), inputs=X())

# ------------------------------------------------------------------ linear, shape
case("Identity", nn.Identity, (3,), {"x": 1}, inputs=X())
case("Linear/3d", nn.Linear, (4, 3), inputs=X())
case("Bilinear/nobias", nn.Bilinear, (3, 4, 2), {"bias": False}, inputs={"input1": f(5, 3), "input2": f(5, 4)})
case("Flatten/range", nn.Flatten, (0, 1), inputs=X())
case("Unflatten/last", nn.Unflatten, (-1, (2, 2)), inputs=X())

# ------------------------------------------------------------------ convolution
case("Conv1d/same_replicate", nn.Conv1d, (2, 4, 3), {"padding": "same", "dilation": 2, "padding_mode": "replicate"}, inputs={"input": f(2, 2, 9)})
case("Conv1d/valid", nn.Conv1d, (2, 3, 2), {"padding": "valid", "bias": False}, inputs={"input": f(1, 2, 5)})
case("Conv2d/groups", nn.Conv2d, (4, 6, (3, 2)), {"stride": (2, 1), "padding": (1, 0), "dilation": (1, 2), "groups": 2}, inputs={"input": f(2, 4, 7, 6)})
case("Conv2d/same", nn.Conv2d, (2, 3, 4), {"padding": "same"}, inputs={"input": f(1, 2, 5, 6)})
case("Conv2d/replicate", nn.Conv2d, (2, 2, 3), {"padding": 2, "padding_mode": "replicate"}, inputs={"input": f(1, 2, 4, 5)})
case("Conv2d/unbatched", nn.Conv2d, (2, 3, 2), inputs={"input": f(2, 4, 4)})
case("Conv3d/circular", nn.Conv3d, (2, 4, (2, 3, 2)), {"stride": 2, "padding": 1, "padding_mode": "circular"}, inputs={"input": f(1, 2, 4, 5, 4)})
case("Conv3d/dilation", nn.Conv3d, (1, 2, 2), {"dilation": 2, "bias": False}, inputs={"input": f(2, 1, 5, 5, 5)})
case("ConvTranspose1d", nn.ConvTranspose1d, (3, 2, 3), {"stride": 2, "output_padding": 1, "dilation": 2}, inputs={"input": f(2, 3, 5)})
case("ConvTranspose2d/groups", nn.ConvTranspose2d, (4, 6, (2, 3)), {"stride": (2, 1), "padding": (0, 1), "groups": 2, "bias": False}, inputs={"input": f(1, 4, 3, 4)})
case("ConvTranspose2d/output_size", nn.ConvTranspose2d, (2, 3, 3), {"stride": 2, "padding": 1}, inputs={"input": f(1, 2, 4, 4)},
     fkw={"output_size": [8, 8]})
case("ConvTranspose3d", nn.ConvTranspose3d, (2, 2, 2), {"stride": 2}, inputs={"input": f(1, 2, 2, 3, 2)})
case("Fold", nn.Fold, ((4, 5), 2), inputs={"input": f(2, 3 * 4, 12)})
case("Fold/strided", nn.Fold, ((5, 5), (2, 3)), {"dilation": 1, "padding": 1, "stride": 2}, inputs={"input": f(1, 2 * 6, 9)})
case("Unfold", nn.Unfold, ((2, 3),), {"padding": 1, "stride": 2}, inputs={"input": f(2, 3, 4, 5)})
case("Unfold/int", nn.Unfold, (2,), inputs={"input": f(1, 2, 3, 3)})

# ------------------------------------------------------------------ lazy modules (state dict loaded into the uninitialized module)
x = f(2, 5)
case("LazyLinear", nn.LazyLinear, (3,), inputs={"input": x}, dry=x)
x = f(1, 2, 5, 5)
case("LazyConv2d", nn.LazyConv2d, (4, 3), {"padding": 1}, inputs={"input": x}, dry=x)
x = f(2, 3, 4)
case("LazyConvTranspose1d", nn.LazyConvTranspose1d, (2, 3), {"stride": 2}, inputs={"input": x}, dry=x)
x = f(4, 3)
case("LazyBatchNorm1d", nn.LazyBatchNorm1d, inputs={"input": x}, dry=x)
x = f(2, 3, 4, 4)
case("LazyInstanceNorm2d", nn.LazyInstanceNorm2d, inputs={"input": x}, dry=x)

# ------------------------------------------------------------------ pooling
case("MaxPool1d/ceil_dilation", nn.MaxPool1d, (3,), {"stride": 2, "padding": 1, "dilation": 2, "ceil_mode": True}, inputs={"input": f(2, 3, 10)})
case("MaxPool2d/indices", nn.MaxPool2d, (2,), {"return_indices": True}, inputs={"input": f(2, 3, 4, 5)})
case("MaxPool2d/tuple", nn.MaxPool2d, ((3, 2),), {"stride": (2, 1), "padding": (1, 0)}, inputs={"input": f(1, 2, 5, 4)})
case("MaxPool3d", nn.MaxPool3d, (2,), {"stride": 1}, inputs={"input": f(1, 2, 3, 4, 3)})
case("AvgPool1d/ceil_exclude", nn.AvgPool1d, (3,), {"stride": 2, "padding": 1, "ceil_mode": True, "count_include_pad": False}, inputs={"input": f(2, 3, 8)})
case("AvgPool2d/divisor", nn.AvgPool2d, ((3, 2),), {"stride": (2, 1), "padding": (1, 0), "divisor_override": 3}, inputs={"input": f(1, 2, 5, 4)})
case("AvgPool2d", nn.AvgPool2d, (2,), inputs={"input": f(2, 2, 4, 4)})
case("AvgPool3d/ceil", nn.AvgPool3d, (2,), {"stride": (1, 2, 1), "ceil_mode": True}, inputs={"input": f(1, 2, 3, 5, 3)})
case("LPPool1d", nn.LPPool1d, (2, 3), {"stride": 2}, inputs={"input": f(2, 3, 9)})
case("LPPool2d/frac", nn.LPPool2d, (1.5, (2, 3)), inputs={"input": pos(1, 2, 4, 6)})
case("LPPool2d/ceil", nn.LPPool2d, (3, 2), {"ceil_mode": True}, inputs={"input": pos(1, 2, 5, 5)})


def lp3(m, ins, kw):
    x = ins["input"]
    out = F.avg_pool3d(x.pow(2), (2, 2, 1), None, 0, False)
    return (torch.sign(out) * F.relu(torch.abs(out))).mul(4).pow(0.5)


case("LPPool3d", nn.Identity, (2, (2, 2, 1)), name="LPPool3d", params=["norm_type", "kernel_size"],
     repr_="LPPool3d(norm_type=2, kernel_size=(2, 2, 1), stride=None, ceil_mode=False)", inputs={"input": f(1, 2, 4, 4, 3)}, fwd=lp3)
case("AdaptiveAvgPool1d", nn.AdaptiveAvgPool1d, (3,), inputs={"input": f(2, 3, 7)})
case("AdaptiveAvgPool2d/none", nn.AdaptiveAvgPool2d, ((None, 3),), inputs={"input": f(1, 2, 4, 7)})
case("AdaptiveAvgPool3d", nn.AdaptiveAvgPool3d, (2,), inputs={"input": f(1, 2, 3, 5, 4)})
case("AdaptiveMaxPool1d/indices", nn.AdaptiveMaxPool1d, (3,), {"return_indices": True}, inputs={"input": f(2, 3, 7)})
case("AdaptiveMaxPool2d", nn.AdaptiveMaxPool2d, ((2, 3),), inputs={"input": f(1, 2, 5, 7)})
case("AdaptiveMaxPool3d/none", nn.AdaptiveMaxPool3d, ((1, None, 2),), inputs={"input": f(1, 2, 3, 4, 5)})
for d, shape in [(1, (2, 3, 8)), (2, (1, 2, 4, 6)), (3, (1, 2, 4, 2, 4))]:
    v, i = getattr(F, f"max_pool{d}d")(f(*shape), 2, return_indices=True)
    case(f"MaxUnpool{d}d", getattr(nn, f"MaxUnpool{d}d"), (2,), inputs={"input": v.detach(), "indices": i})
v, i = F.max_pool2d(f(1, 2, 5, 5), 2, return_indices=True)
case("MaxUnpool2d/output_size", nn.MaxUnpool2d, (2,), {"stride": 2}, inputs={"input": v.detach(), "indices": i}, fkw={"output_size": [5, 5]})
case("FractionalMaxPool2d", nn.FractionalMaxPool2d, (3,), {"output_size": (5, 4), "return_indices": True, "_random_samples": torch.rand(2, 3, 2).to(D)},
     inputs={"input": f(2, 3, 9, 8)})
case("FractionalMaxPool3d/ratio", nn.FractionalMaxPool3d, (2,), {"output_ratio": 0.5, "_random_samples": torch.rand(1, 2, 3).to(D)},
     inputs={"input": f(1, 2, 6, 5, 6)})

# ------------------------------------------------------------------ padding
for d, shape in [(1, (2, 3, 6)), (2, (1, 2, 5, 6)), (3, (1, 2, 4, 5, 5))]:
    tup = tuple([1, 2, 2, 0, 0, 1][:2 * d])
    case(f"ReflectionPad{d}d", getattr(nn, f"ReflectionPad{d}d"), (tup,), inputs={"input": f(*shape)})
    case(f"ReplicationPad{d}d", getattr(nn, f"ReplicationPad{d}d"), (2,), inputs={"input": f(*shape)})
    case(f"ConstantPad{d}d", getattr(nn, f"ConstantPad{d}d"), (tup, 3.5), inputs={"input": f(*shape)})
    cpad = lambda tup=tup: (lambda m, ins, kw: F.pad(ins["input"], tup, mode="circular"))
    case(f"CircularPad{d}d", nn.Identity, (tup,), name=f"CircularPad{d}d", params=["padding"], repr_=f"CircularPad{d}d({tup})",
         inputs={"input": f(*shape)}, fwd=cpad())
case("ZeroPad2d", nn.ZeroPad2d, ((1, 0, 2, 1),), inputs={"input": f(1, 2, 3, 3)})
case("ZeroPad1d", nn.Identity, (2,), name="ZeroPad1d", params=["padding"], repr_="ZeroPad1d((2, 2))", inputs={"input": f(2, 3, 4)},
     fwd=lambda m, ins, kw: F.pad(ins["input"], (2, 2)))
case("ZeroPad3d", nn.Identity, ((1, 0, 0, 1, 1, 1),), name="ZeroPad3d", params=["padding"], repr_="ZeroPad3d((1, 0, 0, 1, 1, 1))",
     inputs={"input": f(1, 1, 2, 2, 2)}, fwd=lambda m, ins, kw: F.pad(ins["input"], (1, 0, 0, 1, 1, 1)))
case("ConstantPad1d/int", nn.ConstantPad1d, (1, 2), inputs={"input": f(2, 3)})

# ------------------------------------------------------------------ vision, distance
case("PixelShuffle", nn.PixelShuffle, (2,), inputs={"input": f(1, 8, 2, 3)})
case("PixelUnshuffle", nn.PixelUnshuffle, (2,), inputs={"input": f(1, 2, 4, 6)})
case("ChannelShuffle", nn.ChannelShuffle, (2,), inputs={"input": f(1, 4, 2, 2)}, grads=False)
case("Upsample/size_nearest", nn.Upsample, kwargs={"size": (5, 7)}, inputs={"input": f(1, 2, 3, 4)})
case("Upsample/bicubic_align", nn.Upsample, kwargs={"scale_factor": 2, "mode": "bicubic", "align_corners": True}, inputs={"input": f(1, 1, 3, 3)})
case("Upsample/trilinear", nn.Upsample, kwargs={"scale_factor": (1.5, 2.0, 1.0), "mode": "trilinear"}, inputs={"input": f(1, 1, 2, 3, 2)})
case("Upsample/linear_size", nn.Upsample, kwargs={"size": 7, "mode": "linear"}, inputs={"input": f(2, 2, 4)})
case("UpsamplingNearest2d", nn.UpsamplingNearest2d, kwargs={"scale_factor": 2}, inputs={"input": f(1, 2, 2, 3)})
case("UpsamplingBilinear2d", nn.UpsamplingBilinear2d, kwargs={"size": (5, 6)}, inputs={"input": f(1, 2, 3, 3)})
case("CosineSimilarity", nn.CosineSimilarity, kwargs={"dim": 1, "eps": 1e-6}, inputs={"x1": f(4, 5), "x2": f(4, 5)})
case("PairwiseDistance", nn.PairwiseDistance, kwargs={"p": 1.5, "keepdim": True}, inputs={"x1": f(4, 5), "x2": f(4, 5)})

# ------------------------------------------------------------------ normalization
case("BatchNorm1d/3d_train", nn.BatchNorm1d, (3,), inputs={"input": f(4, 3, 5)}, calls=2)
case("BatchNorm1d/eval", nn.BatchNorm1d, (3,), {"momentum": 0.3}, inputs={"input": f(4, 3)}, mode="eval")
case("BatchNorm3d/train", nn.BatchNorm3d, (2,), {"eps": 1e-3, "momentum": None}, inputs={"input": f(2, 2, 2, 3, 2)}, calls=2)
case("BatchNorm2d/no_stats_train", nn.BatchNorm2d, (2,), {"track_running_stats": False}, inputs={"input": f(3, 2, 2, 2)})
case("InstanceNorm1d", nn.InstanceNorm1d, (3,), inputs={"input": f(2, 3, 6)})
case("InstanceNorm1d/unbatched_affine", nn.InstanceNorm1d, (3,), {"affine": True}, inputs={"input": f(3, 6)})
case("InstanceNorm3d/affine", nn.InstanceNorm3d, (2,), {"affine": True, "eps": 1e-3}, inputs={"input": f(2, 2, 2, 3, 2)})
case("InstanceNorm2d/running_eval", nn.InstanceNorm2d, (2,), {"track_running_stats": True}, inputs={"input": f(2, 2, 3, 3)}, mode="eval")
case("LayerNorm/2d_noaffine", nn.LayerNorm, ((3, 4),), {"elementwise_affine": False, "eps": 1e-6}, inputs={"input": f(2, 3, 4)})
case("LayerNorm/int", nn.LayerNorm, (4,), inputs={"input": f(2, 3, 4)})
case("GroupNorm/noaffine", nn.GroupNorm, (3, 6), {"affine": False}, inputs={"input": f(2, 6, 4)})
case("GroupNorm/4d", nn.GroupNorm, (2, 4), {"eps": 1e-3}, inputs={"input": f(2, 4, 3, 2)})
case("LocalResponseNorm", nn.LocalResponseNorm, (3,), {"alpha": 2e-4, "beta": 0.5, "k": 2}, inputs={"input": f(2, 5, 3, 3)})
case("LocalResponseNorm/3d", nn.LocalResponseNorm, (2,), inputs={"input": f(2, 4, 5)})
case("CrossMapLRN2d", nn.CrossMapLRN2d, (3,), {"alpha": 1e-2, "beta": 0.75, "k": 1}, inputs={"input": f(2, 5, 3, 3)})


class _RMS(nn.Module):
    def __init__(self, shape, eps=None, elementwise_affine=True):
        super().__init__()
        self.shape = (shape,) if isinstance(shape, int) else tuple(shape)
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(self.shape)) if elementwise_affine else None

    def forward(self, x):
        eps = self.eps if self.eps is not None else torch.finfo(x.dtype).eps
        dims = tuple(range(-len(self.shape), 0))
        y = x * torch.rsqrt(x.pow(2).mean(dims, keepdim=True) + eps)
        return y * self.weight if self.weight is not None else y


case("RMSNorm", _RMS, (4,), name="RMSNorm", params=["normalized_shape"], repr_="RMSNorm((4,), eps=None, elementwise_affine=True)", inputs={"input": f(2, 3, 4)})
case("RMSNorm/eps", _RMS, ((3, 4),), {"eps": 1e-3, "elementwise_affine": False}, name="RMSNorm", params=["normalized_shape"],
     repr_="RMSNorm((3, 4), eps=0.001, elementwise_affine=False)", inputs={"input": f(2, 3, 4)})

# ------------------------------------------------------------------ sparse
case("Embedding", nn.Embedding, (10, 4), inputs={"input": idx(10, 2, 5)})
case("Embedding/max_norm", nn.Embedding, (10, 3), {"max_norm": 1.0, "norm_type": 1.5}, inputs={"input": idx(10, 7)})
case("Embedding/scale_grad", nn.Embedding, (6, 3), {"padding_idx": -1, "scale_grad_by_freq": True}, inputs={"input": torch.tensor([[0, 1, 1, 5], [1, 2, 5, 3]])})
case("EmbeddingBag/sum_offsets", nn.EmbeddingBag, (10, 3), {"mode": "sum"}, inputs={"input": idx(10, 8), "offsets": torch.tensor([0, 3, 3, 5])})
case("EmbeddingBag/max_2d", nn.EmbeddingBag, (10, 3), {"mode": "max"}, inputs={"input": idx(10, 3, 4)})
case("EmbeddingBag/weights", nn.EmbeddingBag, (10, 3), {"mode": "sum", "include_last_offset": True, "padding_idx": 2},
     inputs={"input": torch.tensor([1, 2, 4, 5, 4, 3, 2, 9]), "offsets": torch.tensor([0, 4, 8]), "per_sample_weights": f(8)})

# ------------------------------------------------------------------ losses
N, C = 4, 5
case("L1Loss/sum", nn.L1Loss, kwargs={"reduction": "sum"}, inputs={"input": f(N, C), "target": f(N, C)})
case("MSELoss/none", nn.MSELoss, kwargs={"reduction": "none"}, inputs={"input": f(N, C), "target": f(N, C)})
case("MSELoss/legacy", nn.MSELoss, kwargs={"size_average": False}, inputs={"input": f(N, C), "target": f(N, C)})
case("CrossEntropyLoss/weight_ignore", nn.CrossEntropyLoss, kwargs={"weight": pos(C).float(), "ignore_index": 1},
     inputs={"input": f(N, C), "target": torch.tensor([0, 1, 4, 2])})
case("CrossEntropyLoss/probs", nn.CrossEntropyLoss, kwargs={"reduction": "sum", "label_smoothing": 0.1},
     inputs={"input": f(N, C), "target": torch.softmax(f(N, C), 1).float().to(D)})
case("CrossEntropyLoss/2d", nn.CrossEntropyLoss, inputs={"input": f(2, C, 3, 2), "target": idx(C, 2, 3, 2)})
case("NLLLoss", nn.NLLLoss, kwargs={"weight": pos(C).float()}, inputs={"input": torch.log_softmax(f(N, C), 1).float().to(D), "target": idx(C, N)})
case("NLLLoss2d", nn.NLLLoss2d, inputs={"input": torch.log_softmax(f(2, C, 2, 2), 1).float().to(D), "target": idx(C, 2, 2, 2)})
case("PoissonNLLLoss", nn.PoissonNLLLoss, inputs={"input": f(N, C), "target": pos(N, C) * 3})
case("PoissonNLLLoss/full", nn.PoissonNLLLoss, kwargs={"log_input": False, "full": True}, inputs={"input": pos(N, C), "target": pos(N, C) * 3})
case("GaussianNLLLoss", nn.GaussianNLLLoss, kwargs={"full": True}, inputs={"input": f(N, C), "target": f(N, C), "var": pos(N, C)})
case("GaussianNLLLoss/var1", nn.GaussianNLLLoss, kwargs={"reduction": "sum"}, inputs={"input": f(N, C), "target": f(N, C), "var": pos(N, 1)})
case("KLDivLoss", nn.KLDivLoss, kwargs={"reduction": "batchmean"}, inputs={"input": torch.log_softmax(f(N, C), 1).float().to(D), "target": prob(N, C)})
case("KLDivLoss/log_target", nn.KLDivLoss, kwargs={"reduction": "sum", "log_target": True}, inputs={"input": f(N, C), "target": f(N, C)})
case("BCELoss", nn.BCELoss, kwargs={"weight": pos(C).float()}, inputs={"input": prob(N, C), "target": prob(N, C)})
case("BCEWithLogitsLoss", nn.BCEWithLogitsLoss, kwargs={"pos_weight": pos(C).float()}, inputs={"input": f(N, C), "target": prob(N, C)})
case("BCEWithLogitsLoss/weight", nn.BCEWithLogitsLoss, kwargs={"weight": pos(C).float(), "reduction": "none"}, inputs={"input": f(N, C), "target": prob(N, C)})
case("MarginRankingLoss", nn.MarginRankingLoss, kwargs={"margin": 0.3}, inputs={"input1": f(N), "input2": f(N), "target": sign(N)})
case("HingeEmbeddingLoss", nn.HingeEmbeddingLoss, kwargs={"margin": 1.5}, inputs={"input": f(N, C), "target": sign(N, C)})
case("MultiLabelMarginLoss", nn.MultiLabelMarginLoss, inputs={"input": f(2, 4), "target": torch.tensor([[3, 0, -1, 1], [1, 2, 3, -1]])})
case("HuberLoss", nn.HuberLoss, kwargs={"delta": 0.5}, inputs={"input": f(N, C), "target": f(N, C)})
case("SmoothL1Loss", nn.SmoothL1Loss, kwargs={"beta": 0.5, "reduction": "sum"}, inputs={"input": f(N, C), "target": f(N, C)})
case("SoftMarginLoss", nn.SoftMarginLoss, inputs={"input": f(N, C), "target": sign(N, C)})
case("MultiLabelSoftMarginLoss", nn.MultiLabelSoftMarginLoss, kwargs={"weight": pos(C).float()}, inputs={"input": f(N, C), "target": idx(2, N, C).to(D)})
case("CosineEmbeddingLoss", nn.CosineEmbeddingLoss, kwargs={"margin": 0.2}, inputs={"input1": f(N, C), "input2": f(N, C), "target": sign(N)})
case("MultiMarginLoss", nn.MultiMarginLoss, kwargs={"p": 2, "margin": 0.5, "weight": pos(C).float()}, inputs={"input": f(N, C), "target": idx(C, N)})
case("TripletMarginLoss", nn.TripletMarginLoss, kwargs={"margin": 0.5, "p": 1.5, "swap": True}, inputs={"anchor": f(N, C), "positive": f(N, C), "negative": f(N, C)})
case("TripletMarginWithDistanceLoss", nn.TripletMarginWithDistanceLoss, kwargs={"margin": 2.0},
     inputs={"anchor": f(N, C), "positive": f(N, C), "negative": f(N, C)})
T_, S_ = 6, 3
case("CTCLoss", nn.CTCLoss, kwargs={"blank": 0, "zero_infinity": True},
     inputs={"log_probs": torch.log_softmax(f(T_, 2, C), 2).float().to(D), "targets": torch.tensor([[1, 2, 2], [3, 4, 0]]),
             "input_lengths": torch.tensor([6, 5]), "target_lengths": torch.tensor([3, 2])})

case("AdaptiveLogSoftmaxWithLoss", nn.AdaptiveLogSoftmaxWithLoss, (8, 10, [3, 6]), {"div_value": 2.0, "head_bias": True},
     inputs={"input": f(6, 8), "target": torch.tensor([0, 4, 9, 2, 7, 5])})
case("AdaptiveLogSoftmaxWithLoss/unbatched", nn.AdaptiveLogSoftmaxWithLoss, (8, 6, [2]), inputs={"input": f(8), "target": torch.tensor(4)})

# ------------------------------------------------------------------ recurrent
case("RNN/relu_bidir_h0", nn.RNN, (3, 4), {"nonlinearity": "relu", "bidirectional": True}, inputs={"input": f(5, 2, 3), "hx": f(2, 2, 4)})
case("RNN/unbatched", nn.RNN, (3, 4, 2), inputs={"input": f(5, 3), "hx": f(2, 4)})
case("RNN/nobias", nn.RNN, (3, 4), {"bias": False, "batch_first": True}, inputs={"input": f(2, 5, 3)})
case("LSTM/proj_h0c0", nn.LSTM, (3, 5), {"proj_size": 2, "num_layers": 2}, inputs={"input": f(4, 2, 3), "h0": f(2, 2, 2), "c0": f(2, 2, 5)},
     fwd=lambda m, ins, kw: m(ins["input"], (ins["h0"], ins["c0"])))
case("LSTM/bidir_proj", nn.LSTM, (3, 4), {"proj_size": 3, "bidirectional": True, "batch_first": True}, inputs={"input": f(2, 4, 3)})
case("GRU/bidir_h0", nn.GRU, (3, 4), {"bidirectional": True, "batch_first": True, "num_layers": 2}, inputs={"input": f(2, 5, 3), "hx": f(4, 2, 4)})
case("GRU/unbatched", nn.GRU, (3, 4), inputs={"input": f(5, 3)})
case("RNNCell/relu_hx", nn.RNNCell, (3, 4), {"nonlinearity": "relu"}, inputs={"input": f(2, 3), "hx": f(2, 4)})
case("RNNCell/unbatched_nobias", nn.RNNCell, (3, 4), {"bias": False}, inputs={"input": f(3)})
case("LSTMCell/state", nn.LSTMCell, (3, 4), inputs={"input": f(2, 3), "h0": f(2, 4), "c0": f(2, 4)},
     fwd=lambda m, ins, kw: m(ins["input"], (ins["h0"], ins["c0"])))
case("GRUCell/hx", nn.GRUCell, (3, 4), inputs={"input": f(2, 3), "hx": f(2, 4)})
case("GRUCell/unbatched", nn.GRUCell, (3, 4), {"bias": False}, inputs={"input": f(3), "hx": f(4)})


def packed_lstm(m, ins, kw):
    p = nn.utils.rnn.pack_padded_sequence(ins["input"], ins["lengths"], batch_first=True, enforce_sorted=False)
    out, (h, c) = m(p)
    padded, lengths = nn.utils.rnn.pad_packed_sequence(out, batch_first=True)
    return padded, h, c


case("LSTM/packed", nn.LSTM, (3, 4), {"batch_first": True, "bidirectional": True}, inputs={"input": f(3, 5, 3), "lengths": torch.tensor([2, 5, 3])},
     fwd=packed_lstm, custom="pack_padded_sequence(input, lengths, batch_first=True, enforce_sorted=False) -> LSTM -> pad_packed_sequence")


def packed_gru(m, ins, kw):
    p = nn.utils.rnn.pack_padded_sequence(ins["input"], ins["lengths"], enforce_sorted=True)
    out, h = m(p, ins["hx"])
    return nn.utils.rnn.pad_packed_sequence(out, total_length=6)[0], h


case("GRU/packed_h0", nn.GRU, (2, 3, 2), inputs={"input": f(5, 3, 2), "lengths": torch.tensor([5, 4, 2]), "hx": f(2, 3, 3)}, fwd=packed_gru,
     custom="pack_padded_sequence(input, lengths) -> GRU(packed, hx) -> pad_packed_sequence(total_length=6)")

# ------------------------------------------------------------------ attention, transformer
E = 8
case("MultiheadAttention/kv_dims", nn.MultiheadAttention, (E, 2), {"kdim": 5, "vdim": 3},
     inputs={"query": f(3, 2, E), "key": f(4, 2, 5), "value": f(4, 2, 3)})
case("MultiheadAttention/bias_kv_zero_attn", nn.MultiheadAttention, (E, 4), {"add_bias_kv": True, "add_zero_attn": True},
     inputs={"query": f(3, 2, E), "key": f(4, 2, E), "value": f(4, 2, E)})
case("MultiheadAttention/masks", nn.MultiheadAttention, (E, 2), {"batch_first": True},
     inputs={"query": f(2, 3, E), "key": f(2, 4, E), "value": f(2, 4, E)},
     fkw={"key_padding_mask": torch.tensor([[False, False, True, False], [False, True, True, False]]),
          "attn_mask": f(3, 4), "average_attn_weights": False})
case("MultiheadAttention/no_weights_unbatched", nn.MultiheadAttention, (E, 2), {"bias": False},
     inputs={"query": f(3, E), "key": f(4, E), "value": f(4, E)}, fkw={"need_weights": False,
                                                                        "attn_mask": torch.tensor([[False, True, False, False]] * 3)})
lo = {"dim_feedforward": 16, "dropout": 0.0}
case("TransformerEncoderLayer/masks", nn.TransformerEncoderLayer, (E, 2), lo, inputs={"src": f(4, 2, E)},
     fkw={"src_mask": torch.triu(torch.full((4, 4), float("-inf")), 1), "src_key_padding_mask": torch.tensor([[False] * 4, [False, False, False, True]])})
case("TransformerDecoderLayer/norm_first_gelu", nn.TransformerDecoderLayer, (E, 2), dict(lo, norm_first=True, activation="gelu", layer_norm_eps=1e-6),
     inputs={"tgt": f(3, 2, E), "memory": f(4, 2, E)}, fkw={"tgt_mask": torch.triu(torch.full((3, 3), float("-inf")), 1),
                                                            "memory_key_padding_mask": torch.tensor([[False, False, True, False], [False] * 4])})
case("TransformerEncoder", nn.TransformerEncoder, (Mod("nn.TransformerEncoderLayer(8, 2, 16, 0.0, batch_first=True)"), 2),
     {"norm": Mod("nn.LayerNorm(8)")}, inputs={"src": f(2, 3, E)}, fkw={"src_key_padding_mask": torch.tensor([[False, False, True], [False] * 3])})
case("TransformerDecoder", nn.TransformerDecoder, (Mod("nn.TransformerDecoderLayer(8, 2, 16, 0.0)"), 2), inputs={"tgt": f(3, 2, E), "memory": f(4, 2, E)},
     fkw={"tgt_mask": torch.triu(torch.full((3, 3), float("-inf")), 1)})
case("Transformer", nn.Transformer, (), {"d_model": E, "nhead": 2, "num_encoder_layers": 1, "num_decoder_layers": 1, "dim_feedforward": 16,
                                         "dropout": 0.0, "batch_first": True},
     inputs={"src": f(2, 4, E), "tgt": f(2, 3, E)}, fkw={"tgt_mask": nn.Transformer.generate_square_subsequent_mask(3)}, tol=2e-4)

# ------------------------------------------------------------------ Sequential from full PyTorch layer reprs
seq = [nn.Conv1d(2, 4, 3, padding=1, padding_mode="reflect"), nn.Upsample(scale_factor=2.0, mode="linear"), nn.GELU(approximate="tanh"),
       nn.AvgPool1d(3), nn.Flatten(), nn.Linear(16, 3), nn.Softmax(dim=1)]
case("Sequential/reprs", lambda: nn.Sequential(*seq), name="Sequential", ctor={"layers": [repr(l) for l in seq]}, inputs={"input": f(2, 2, 6)})

print("\n".join(lines))
