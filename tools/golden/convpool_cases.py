#!/usr/bin/python3
"""Golden cases for the convolution and pooling functionals that the shared conformance file does not cover:
unbatched inputs, 'same' padding with even kernels, dilated/grouped transposed convs, fold/unfold variants, every
pooling op and argument (return_indices, ceil_mode, count_include_pad, divisor_override, adaptive sizes with None,
ties and -inf in max pooling), max_unpool*, lp_pool*, and fractional_max_pool* made deterministic by _random_samples.

The file is in the conformance format (shared/conformance/FORMAT.md, kind "functional"), so both the core unit test
(ConvPoolGoldenTest) and the CLI runner read it. Outputs and gradients are computed by PyTorch 1.13 in float32 --
the precision in which fractional pooling draws its windows.
usage: /usr/bin/python3 tools/golden/convpool_cases.py > nn4j-core/src/test/resources/golden/convpool-cases.jsonl
"""
import json
import warnings

import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore")
torch.manual_seed(1313)


def enc(t):
    if not t.is_floating_point():
        return {"dtype": "int64", "shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    return {"dtype": "float32", "shape": list(t.shape), "data": [float(f"{v:.9g}") for v in t.reshape(-1).tolist()]}


TUPLE_ARGS = ("kernel_size", "stride", "padding", "dilation", "output_padding", "output_size")


def case(cid, op, ins, args, grad=True, tol=None):
    a = dict(args)
    for k in TUPLE_ARGS:
        if isinstance(a.get(k), list):
            a[k] = tuple(a[k])
    tins = {}
    for k, v in ins.items():
        t = v.clone()
        if grad and t.is_floating_point() and not k.startswith("_"):
            t.requires_grad_(True)
        tins[k] = t
    out = getattr(F, op)(**tins, **a)
    outs = list(out) if isinstance(out, tuple) else [out]
    c = {"id": "convpool/" + cid, "kind": "functional", "op": op,
         "inputs": {k: enc(v) for k, v in ins.items()}, "args": args,
         "output": [enc(o.detach()) for o in outs] if len(outs) > 1 else enc(outs[0].detach()),
         "tol": tol or {"rtol": 1e-4, "atol": 1e-5}}
    diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
    if grad and diff:
        gos = [torch.randn(o.shape) for o in diff]
        torch.autograd.backward(diff, gos)
        c["grad_output"] = [enc(g) for g in gos] if len(gos) > 1 else enc(gos[0])
        c["grads"] = {k: enc(t.grad if t.grad is not None else torch.zeros_like(t)) for k, t in tins.items() if t.requires_grad}
    print(json.dumps(c))


r = torch.randn
CT = {"rtol": 1e-4, "atol": 1e-4}

# ---- convolution ----
case("conv1d/unbatched", "conv1d", {"input": r(3, 9), "weight": r(4, 3, 3), "bias": r(4)}, {"padding": 2, "stride": 2}, tol=CT)
case("conv2d/unbatched/same_even_kernel", "conv2d", {"input": r(2, 7, 6), "weight": r(3, 2, 4, 4), "bias": r(3)},
     {"padding": "same", "dilation": [1, 2]}, tol=CT)
case("conv2d/same_even_kernel_groups", "conv2d", {"input": r(2, 4, 6, 5), "weight": r(6, 2, 2, 3)}, {"padding": "same", "groups": 2}, tol=CT)
case("conv2d/pointwise", "conv2d", {"input": r(2, 5, 4, 3), "weight": r(7, 5, 1, 1), "bias": r(7)}, {}, tol=CT)
case("conv2d/depthwise_stride3", "conv2d", {"input": r(2, 3, 10, 11), "weight": r(6, 1, 3, 2)},
     {"groups": 3, "stride": 3, "padding": [1, 1], "dilation": 2}, tol=CT)
case("conv2d/big_channels", "conv2d", {"input": r(1, 12, 5, 35), "weight": r(10, 12, 3, 3), "bias": r(10)}, {"padding": 1}, tol=CT)
case("conv3d/groups_dilation_stride", "conv3d", {"input": r(2, 4, 6, 5, 7), "weight": r(6, 2, 2, 3, 2), "bias": r(6)},
     {"groups": 2, "dilation": [2, 1, 1], "stride": [1, 2, 2], "padding": [0, 1, 1]}, tol=CT)
case("conv3d/unbatched_same", "conv3d", {"input": r(2, 4, 5, 3), "weight": r(2, 2, 3, 2, 3)}, {"padding": "same"}, tol=CT)
case("conv_transpose1d/unbatched_dilation", "conv_transpose1d", {"input": r(3, 6), "weight": r(3, 2, 3), "bias": r(2)},
     {"stride": 3, "padding": 2, "output_padding": 1, "dilation": 2}, tol=CT)
case("conv_transpose2d/groups3_dilation2", "conv_transpose2d", {"input": r(2, 6, 4, 5), "weight": r(6, 1, 3, 2), "bias": r(3)},
     {"stride": [2, 1], "padding": [1, 0], "output_padding": [1, 0], "groups": 3, "dilation": [2, 2]}, tol=CT)
case("conv_transpose2d/nobias_1x1", "conv_transpose2d", {"input": r(1, 4, 3, 3), "weight": r(4, 5, 1, 1)}, {"stride": 2}, tol=CT)
case("conv_transpose3d/padding_output_padding", "conv_transpose3d", {"input": r(1, 2, 3, 3, 2), "weight": r(2, 3, 3, 2, 2), "bias": r(3)},
     {"stride": [2, 2, 3], "padding": [1, 0, 1], "output_padding": [1, 1, 2]}, tol=CT)
case("unfold/dilation_padding_stride", "unfold", {"input": r(2, 2, 7, 6)}, {"kernel_size": [3, 2], "dilation": [2, 1], "padding": [2, 1], "stride": [1, 2]})
case("unfold/unbatched", "unfold", {"input": r(3, 4, 5)}, {"kernel_size": 2})
case("fold/dilation_padding", "fold", {"input": r(2, 8, 15)}, {"output_size": [5, 6], "kernel_size": [2, 2], "dilation": [2, 1], "padding": [1, 0], "stride": [1, 2]})
case("fold/unbatched_overlap", "fold", {"input": r(9, 25)}, {"output_size": 5, "kernel_size": 3, "padding": 1})

# ---- max pooling ----
case("max_pool1d/padding_indices", "max_pool1d", {"input": r(2, 3, 11)}, {"kernel_size": 4, "stride": 3, "padding": 2, "return_indices": True})
case("max_pool2d/unbatched_ceil", "max_pool2d", {"input": r(3, 9, 10)}, {"kernel_size": [3, 2], "stride": 2, "ceil_mode": True})
ties = torch.tensor([[1., 1., 0., 2.], [1., 1., 2., 2.], [-float("inf"), -float("inf"), 3., 3.], [-float("inf"), -float("inf"), 3., 0.]]).reshape(1, 1, 4, 4)
case("max_pool2d/ties_and_inf", "max_pool2d", {"input": ties}, {"kernel_size": 2, "return_indices": True})
case("max_pool2d/dilation_padding_indices", "max_pool2d", {"input": r(2, 2, 9, 8)},
     {"kernel_size": 3, "stride": [2, 1], "padding": 1, "dilation": [2, 3], "ceil_mode": True, "return_indices": True})
case("max_pool3d/padding_dilation_indices", "max_pool3d", {"input": r(1, 2, 7, 6, 5)},
     {"kernel_size": [3, 2, 3], "stride": [2, 2, 1], "padding": [1, 1, 1], "dilation": [1, 2, 1], "return_indices": True})
case("max_pool3d/unbatched", "max_pool3d", {"input": r(2, 4, 5, 4)}, {"kernel_size": 2})

# ---- avg pooling ----
case("avg_pool1d/ceil_exclude_pad", "avg_pool1d", {"input": r(2, 3, 10)}, {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True, "count_include_pad": False})
case("avg_pool1d/unbatched", "avg_pool1d", {"input": r(3, 8)}, {"kernel_size": 2})
case("avg_pool2d/unbatched_rect", "avg_pool2d", {"input": r(2, 7, 9)}, {"kernel_size": [2, 4], "stride": [1, 3], "padding": [1, 2]})
case("avg_pool2d/ceil_exclude_pad_divisor", "avg_pool2d", {"input": r(1, 2, 7, 7)},
     {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True, "count_include_pad": False, "divisor_override": 2})
case("avg_pool3d/ceil_divisor", "avg_pool3d", {"input": r(1, 2, 5, 6, 7)}, {"kernel_size": [2, 3, 2], "stride": 2, "ceil_mode": True, "divisor_override": 5})
case("avg_pool3d/exclude_pad", "avg_pool3d", {"input": r(2, 1, 4, 5, 6)}, {"kernel_size": 3, "stride": [1, 2, 2], "padding": 1, "count_include_pad": False})

# ---- lp pooling ----
pos = lambda *s: torch.rand(*s) + 0.1
case("lp_pool1d/norm1_ceil", "lp_pool1d", {"input": r(2, 3, 9)}, {"norm_type": 1.0, "kernel_size": 2, "stride": 2, "ceil_mode": True})
case("lp_pool2d/norm2_stride", "lp_pool2d", {"input": r(2, 2, 7, 8)}, {"norm_type": 2.0, "kernel_size": [3, 2], "stride": [2, 2]})
case("lp_pool2d/fractional_norm", "lp_pool2d", {"input": pos(1, 3, 6, 6)}, {"norm_type": 1.5, "kernel_size": 2})

# ---- adaptive pooling ----
case("adaptive_avg_pool1d/upsample", "adaptive_avg_pool1d", {"input": r(2, 3, 5)}, {"output_size": 7})
case("adaptive_avg_pool2d/none_dim", "adaptive_avg_pool2d", {"input": r(2, 3, 7, 9)}, {"output_size": [None, 4]})
case("adaptive_avg_pool2d/unbatched", "adaptive_avg_pool2d", {"input": r(3, 10, 6)}, {"output_size": [3, 5]})
case("adaptive_avg_pool3d/global", "adaptive_avg_pool3d", {"input": r(2, 2, 3, 4, 5)}, {"output_size": 1})
case("adaptive_max_pool1d/indices", "adaptive_max_pool1d", {"input": r(2, 3, 11)}, {"output_size": 4, "return_indices": True})
case("adaptive_max_pool2d/overlap_indices", "adaptive_max_pool2d", {"input": r(1, 2, 5, 7)}, {"output_size": [4, 5], "return_indices": True})
case("adaptive_max_pool2d/unbatched_none", "adaptive_max_pool2d", {"input": r(2, 6, 5)}, {"output_size": [2, None]})
case("adaptive_max_pool3d/indices", "adaptive_max_pool3d", {"input": r(1, 2, 5, 4, 6)}, {"output_size": [2, 3, 4], "return_indices": True})

# ---- max unpooling ----
x1 = r(2, 3, 10)
v1, i1 = F.max_pool1d(x1, 2, return_indices=True)
case("max_unpool1d/default", "max_unpool1d", {"input": v1, "indices": i1}, {"kernel_size": 2})
x2 = r(2, 2, 7, 9)
v2, i2 = F.max_pool2d(x2, 3, stride=2, padding=1, return_indices=True)
case("max_unpool2d/output_size", "max_unpool2d", {"input": v2, "indices": i2}, {"kernel_size": 3, "stride": 2, "padding": 1, "output_size": [7, 9]})
case("max_unpool2d/full_output_size", "max_unpool2d", {"input": v2, "indices": i2}, {"kernel_size": 3, "stride": 2, "padding": 1, "output_size": [2, 2, 8, 10]})
x3 = r(1, 2, 4, 6, 5)
v3, i3 = F.max_pool3d(x3, 2, return_indices=True)
case("max_unpool3d/output_size", "max_unpool3d", {"input": v3, "indices": i3}, {"kernel_size": 2, "output_size": [4, 6, 5]})

# ---- fractional max pooling ----
xf = r(2, 3, 11, 10)
case("fractional_max_pool2d/output_size", "fractional_max_pool2d", {"input": xf, "_random_samples": torch.rand(2, 3, 2)},
     {"kernel_size": [3, 2], "output_size": [5, 6], "return_indices": True})
case("fractional_max_pool2d/output_ratio", "fractional_max_pool2d", {"input": xf, "_random_samples": torch.rand(2, 3, 2)},
     {"kernel_size": 2, "output_ratio": [0.5, 0.7]})
case("fractional_max_pool2d/unbatched", "fractional_max_pool2d", {"input": r(2, 9, 9), "_random_samples": torch.rand(1, 2, 2)},
     {"kernel_size": 2, "output_size": 4, "return_indices": True})
case("fractional_max_pool3d/output_size", "fractional_max_pool3d", {"input": r(1, 2, 7, 8, 9), "_random_samples": torch.rand(1, 2, 3)},
     {"kernel_size": [2, 3, 2], "output_size": [4, 3, 5], "return_indices": True})
