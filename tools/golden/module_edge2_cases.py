#!/usr/bin/python3
"""Second batch of PyTorch 1.13 conformance cases for nn4j's modules, optimizers and LR schedulers: what
tools/golden/module_cases.py, tools/golden/gen_training.py and the shared file do not cover.

- modules: eval vs train with several forward calls (BatchNorm momentum=None cumulative averages, running
  statistics off in eval, InstanceNorm tracking running statistics in train), constructor arguments that change
  the numerics or the repr (padding modes with stride/dilation, transposed convolutions with output_padding,
  groups and dilation, pooling arguments, upsampling, padding modules, losses with non-default arguments,
  activations with their parameters, deep/bias-free/projected recurrent layers, attention with batch_first and
  kdim/vdim, transformer layers with layer_norm_eps / norm_first / batch_first).
- optim: option combinations over 8-10 steps, parameters of several shapes including scalars.
- sched: non-default arguments over 20-30 epochs.

Format: /work/shared/conformance/FORMAT.md. The module is built exactly as the reference runner builds it
(`getattr(nn, module)(**ctor)`, lists as tuples except normalized_shape) and run with
`m(*inputs.values(), **forward_kwargs)`, so every case passes /work/shared/conformance/reference_runner.py.
Inputs and state are float32 values; references are computed in float64 from exactly those values.

usage: /usr/bin/python3 tools/golden/module_edge2_cases.py > nn4j-cli/src/test/resources/conformance/module-edge2.jsonl
"""
import json
import math

import torch
import torch.nn as nn

torch.manual_seed(20240613)
D = torch.float64
lines = []


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


def f(*shape, scale=1.0):
    return (torch.randn(*shape) * scale).float().to(D)


def pos(*shape):
    return (torch.rand(*shape) + 0.1).float().to(D)


def prob(*shape):
    return (torch.rand(*shape) * 0.9 + 0.05).float().to(D)


def idx(high, *shape):
    return torch.randint(0, high, shape)


def sign(*shape):
    return (torch.randint(0, 2, shape) * 2 - 1).to(D)


def torch_ctor(ctor):
    return {k: (tuple(v) if isinstance(v, list) and k != "normalized_shape" else v) for k, v in ctor.items()}


def perturb(m):
    sd = {}
    for k, v in m.state_dict().items():
        if v.is_floating_point():
            if k.endswith("running_var"):
                v = torch.rand(v.shape) + 0.5
            else:
                v = v.float() + 0.2 * torch.randn(v.shape)
        sd[k] = v.clone()
    return sd


def mcase(cid, name, ctor=None, inputs=None, mode="train", calls=1, fkw=None, tol=1e-4, const=None, keep_state=False):
    """nn.<name>(**ctor) on inputs (float64 values that are float32-exact). Float inputs not in `const`
    get a reference gradient (losses: the target is constant unless named otherwise)."""
    ctor = ctor or {}
    inputs = inputs or {}
    fkw = fkw or {}
    if const is None:
        const = ("target",) if name.endswith("Loss") else ()
    m = getattr(nn, name)(**torch_ctor(ctor))
    sd = {k: v.clone() for k, v in m.state_dict().items()} if keep_state else perturb(m)
    m.load_state_dict(sd)
    m.double()
    m.train(mode == "train")
    ins = {}
    for k, v in inputs.items():
        t = v.clone()
        if t.is_floating_point() and k not in const:
            t.requires_grad_(True)
        ins[k] = t
    for _ in range(calls):
        out = m(*ins.values(), **fkw)
    outs = []
    for o in (out if isinstance(out, tuple) else [out]):
        outs += list(o) if isinstance(o, tuple) else ([o] if o is not None else [])
    c = {"id": "module/edge2/" + cid, "kind": "module", "module": name, "ctor": ctor, "mode": mode, "forward_calls": calls,
         "state_dict": {k: enc(v) for k, v in sd.items()}, "inputs": {k: enc(v) for k, v in inputs.items()},
         "forward_kwargs": fkw, "output": enc(outs[0]) if len(outs) == 1 else [enc(o) for o in outs]}
    diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
    grads = {}
    if diff:
        gos = [torch.randn(o.shape).float().to(D) for o in diff]
        torch.autograd.backward(diff, gos)
        c["grad_output"] = enc(gos[0]) if len(gos) == 1 else [enc(g) for g in gos]
        grads = {k: enc(t.grad if t.grad is not None else torch.zeros_like(t)) for k, t in ins.items() if t.requires_grad}
        for k, p in m.named_parameters():
            grads["param:" + k] = enc(p.grad if p.grad is not None else torch.zeros_like(p))
    c["grads"] = grads
    c["state_dict_keys"] = list(m.state_dict().keys())
    c["state_dict_after"] = {k: enc(v) for k, v in m.state_dict().items()}
    c["repr"] = repr(m)
    c["tol"] = {"rtol": tol, "atol": tol}
    lines.append(json.dumps(c))


# ============================================================================ normalization: modes and calls
mcase("BatchNorm1d/momentum_none_3calls", "BatchNorm1d", {"num_features": 3, "momentum": None}, {"input": f(5, 3)}, calls=3)
mcase("BatchNorm2d/momentum_none_3calls_eps", "BatchNorm2d", {"num_features": 2, "momentum": None, "eps": 1e-2},
      {"input": f(3, 2, 2, 3)}, calls=3)
mcase("BatchNorm1d/momentum_none_eval", "BatchNorm1d", {"num_features": 3, "momentum": None}, {"input": f(4, 3, 2)}, mode="eval", calls=3)
mcase("BatchNorm2d/no_stats_eval", "BatchNorm2d", {"num_features": 2, "track_running_stats": False}, {"input": f(3, 2, 2, 2)}, mode="eval", calls=2)
mcase("BatchNorm1d/no_stats_noaffine_eval", "BatchNorm1d", {"num_features": 4, "affine": False, "track_running_stats": False},
      {"input": f(5, 4)}, mode="eval")
mcase("BatchNorm1d/noaffine_train_3calls", "BatchNorm1d", {"num_features": 3, "affine": False, "momentum": 0.5}, {"input": f(4, 3, 3)}, calls=3)
mcase("BatchNorm3d/eval_momentum", "BatchNorm3d", {"num_features": 2, "momentum": 0.7, "eps": 1e-3}, {"input": f(2, 2, 2, 2, 3)}, mode="eval", calls=2)
mcase("BatchNorm2d/train_momentum1", "BatchNorm2d", {"num_features": 3, "momentum": 1.0}, {"input": f(2, 3, 3, 2)}, calls=2)
mcase("InstanceNorm1d/track_train_3calls", "InstanceNorm1d", {"num_features": 3, "track_running_stats": True}, {"input": f(2, 3, 5)}, calls=3)
mcase("InstanceNorm2d/track_affine_momentum", "InstanceNorm2d",
      {"num_features": 2, "affine": True, "track_running_stats": True, "momentum": 0.4}, {"input": f(3, 2, 3, 3)}, calls=3)
mcase("InstanceNorm3d/track_eval", "InstanceNorm3d", {"num_features": 2, "track_running_stats": True, "affine": True},
      {"input": f(2, 2, 2, 3, 2)}, mode="eval")
mcase("InstanceNorm1d/track_unbatched_train", "InstanceNorm1d", {"num_features": 3, "track_running_stats": True, "momentum": 0.3},
      {"input": f(3, 6)}, calls=2)
mcase("InstanceNorm2d/eval_no_stats", "InstanceNorm2d", {"num_features": 2, "eps": 1e-2}, {"input": f(2, 2, 3, 4)}, mode="eval")
mcase("LayerNorm/int_noaffine", "LayerNorm", {"normalized_shape": 5, "elementwise_affine": False}, {"input": f(2, 3, 5)})
mcase("LayerNorm/3d_eps", "LayerNorm", {"normalized_shape": [2, 3, 4], "eps": 1e-2}, {"input": f(2, 2, 3, 4)})
mcase("GroupNorm/noaffine_4d", "GroupNorm", {"num_groups": 2, "num_channels": 4, "affine": False, "eps": 1e-3}, {"input": f(2, 4, 3, 2)})
mcase("GroupNorm/one_group", "GroupNorm", {"num_groups": 1, "num_channels": 3}, {"input": f(2, 3, 5)})
mcase("GroupNorm/per_channel_5d", "GroupNorm", {"num_groups": 4, "num_channels": 4}, {"input": f(2, 4, 2, 2, 2)})
mcase("LocalResponseNorm/even_k", "LocalResponseNorm", {"size": 4, "alpha": 0.1, "beta": 0.6, "k": 1.5}, {"input": f(2, 6, 3, 2)})
mcase("LocalResponseNorm/5d", "LocalResponseNorm", {"size": 3, "alpha": 0.05}, {"input": f(1, 4, 2, 3, 2)})
mcase("CrossMapLRN2d/defaults", "CrossMapLRN2d", {"size": 5}, {"input": f(2, 6, 3, 3, scale=3.0)})
mcase("CrossMapLRN2d/even", "CrossMapLRN2d", {"size": 2, "alpha": 0.3, "beta": 0.5, "k": 2}, {"input": f(1, 4, 2, 3)})

# ============================================================================ convolution
mcase("Conv1d/reflect_stride_dilation", "Conv1d", {"in_channels": 2, "out_channels": 3, "kernel_size": 3, "stride": 2, "padding": 3,
                                                   "dilation": 2, "padding_mode": "reflect"}, {"input": f(2, 2, 9)})
mcase("Conv1d/circular_groups", "Conv1d", {"in_channels": 4, "out_channels": 2, "kernel_size": 2, "padding": 1, "groups": 2,
                                           "padding_mode": "circular", "bias": False}, {"input": f(1, 4, 5)})
mcase("Conv2d/circular_stride_dilation", "Conv2d", {"in_channels": 2, "out_channels": 3, "kernel_size": [2, 3], "stride": [2, 1],
                                                    "padding": [2, 1], "dilation": [1, 2], "padding_mode": "circular"},
      {"input": f(1, 2, 5, 6)})
mcase("Conv2d/reflect_stride", "Conv2d", {"in_channels": 2, "out_channels": 2, "kernel_size": 3, "stride": 2, "padding": [1, 2],
                                          "padding_mode": "reflect"}, {"input": f(2, 2, 5, 5)})
mcase("Conv2d/replicate_groups_dilation", "Conv2d", {"in_channels": 4, "out_channels": 4, "kernel_size": 2, "padding": 2, "dilation": 2,
                                                     "groups": 4, "padding_mode": "replicate"}, {"input": f(1, 4, 4, 3)})
mcase("Conv2d/same_dilation_even", "Conv2d", {"in_channels": 2, "out_channels": 2, "kernel_size": [4, 2], "padding": "same",
                                              "dilation": [1, 3]}, {"input": f(1, 2, 6, 7)})
mcase("Conv2d/same_reflect", "Conv2d", {"in_channels": 1, "out_channels": 2, "kernel_size": [3, 4], "padding": "same",
                                        "padding_mode": "reflect"}, {"input": f(2, 1, 5, 6)})
mcase("Conv3d/reflect", "Conv3d", {"in_channels": 2, "out_channels": 2, "kernel_size": [2, 3, 2], "padding": [1, 1, 0],
                                   "stride": [1, 2, 1], "padding_mode": "reflect"}, {"input": f(1, 2, 3, 4, 3)})
mcase("Conv3d/replicate_unbatched", "Conv3d", {"in_channels": 1, "out_channels": 2, "kernel_size": 2, "padding": 1,
                                               "padding_mode": "replicate"}, {"input": f(1, 3, 3, 2)})
mcase("ConvTranspose1d/groups_padding_nobias", "ConvTranspose1d", {"in_channels": 3, "out_channels": 6, "kernel_size": 3, "stride": 3,
                                                                  "padding": 2, "output_padding": 2, "groups": 3, "bias": False},
      {"input": f(2, 3, 4)})
mcase("ConvTranspose2d/outpad_groups_dilation", "ConvTranspose2d",
      {"in_channels": 4, "out_channels": 2, "kernel_size": [3, 2], "stride": [2, 3], "padding": [1, 0], "output_padding": [1, 2],
       "groups": 2, "dilation": [2, 1]}, {"input": f(1, 4, 3, 3)})
mcase("ConvTranspose2d/unbatched_dilation", "ConvTranspose2d", {"in_channels": 2, "out_channels": 3, "kernel_size": 2, "dilation": 3,
                                                                "padding": 1}, {"input": f(2, 3, 3)})
mcase("ConvTranspose3d/outpad_dilation", "ConvTranspose3d",
      {"in_channels": 2, "out_channels": 2, "kernel_size": 2, "stride": [2, 1, 2], "output_padding": [1, 0, 1], "dilation": [1, 2, 1],
       "groups": 2}, {"input": f(1, 2, 2, 3, 2)})

# ============================================================================ pooling
mcase("MaxPool1d/indices_padding", "MaxPool1d", {"kernel_size": 4, "stride": 3, "padding": 2, "return_indices": True}, {"input": f(2, 2, 9)})
mcase("MaxPool2d/all_args", "MaxPool2d", {"kernel_size": [3, 2], "stride": [2, 2], "padding": [1, 1], "dilation": [1, 2], "ceil_mode": True,
                                          "return_indices": True}, {"input": f(1, 2, 6, 7)})
mcase("MaxPool2d/unbatched_stride_none", "MaxPool2d", {"kernel_size": 2, "stride": None, "ceil_mode": True}, {"input": f(2, 5, 5)})
mcase("MaxPool3d/all_args", "MaxPool3d", {"kernel_size": 2, "stride": [1, 2, 2], "padding": 1, "dilation": [2, 1, 1], "ceil_mode": True,
                                          "return_indices": True}, {"input": f(1, 2, 4, 5, 4)})
mcase("AvgPool1d/include_pad", "AvgPool1d", {"kernel_size": 4, "stride": 2, "padding": 2}, {"input": f(2, 3, 7)})
mcase("AvgPool2d/ceil_exclude_pad", "AvgPool2d", {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True,
                                                  "count_include_pad": False}, {"input": f(1, 2, 6, 6)})
mcase("AvgPool2d/ceil_include_pad", "AvgPool2d", {"kernel_size": [2, 3], "stride": [2, 2], "padding": [1, 1], "ceil_mode": True},
      {"input": f(1, 2, 5, 6)})
mcase("AvgPool3d/divisor_exclude", "AvgPool3d", {"kernel_size": [2, 2, 3], "stride": 2, "padding": [1, 0, 1], "count_include_pad": False,
                                                 "divisor_override": 5}, {"input": f(1, 2, 3, 4, 5)})
mcase("AvgPool3d/ceil_exclude", "AvgPool3d", {"kernel_size": 2, "padding": 1, "ceil_mode": True, "count_include_pad": False},
      {"input": f(1, 1, 3, 4, 3)})
mcase("LPPool1d/ceil_float", "LPPool1d", {"norm_type": 3.0, "kernel_size": 3, "ceil_mode": True}, {"input": pos(2, 2, 8)})
mcase("LPPool2d/stride", "LPPool2d", {"norm_type": 2, "kernel_size": [2, 2], "stride": [1, 2]}, {"input": pos(1, 2, 4, 5)})
mcase("AdaptiveMaxPool2d/indices_upsample", "AdaptiveMaxPool2d", {"output_size": [4, 3], "return_indices": True}, {"input": f(1, 2, 3, 5)})
mcase("AdaptiveMaxPool3d/indices", "AdaptiveMaxPool3d", {"output_size": 2, "return_indices": True}, {"input": f(1, 2, 3, 4, 5)})
mcase("AdaptiveAvgPool2d/larger", "AdaptiveAvgPool2d", {"output_size": [5, 2]}, {"input": f(1, 2, 3, 5)})
mcase("AdaptiveAvgPool1d/unbatched", "AdaptiveAvgPool1d", {"output_size": 4}, {"input": f(3, 7)})
mcase("AdaptiveMaxPool1d/uneven", "AdaptiveMaxPool1d", {"output_size": 4}, {"input": f(2, 3, 10)})
_v, _i = torch.nn.functional.max_pool1d(f(2, 2, 9), 3, stride=2, padding=1, return_indices=True)
mcase("MaxUnpool1d/stride_padding", "MaxUnpool1d", {"kernel_size": 3, "stride": 2, "padding": 1}, {"input": _v.detach(), "indices": _i})
_v, _i = torch.nn.functional.max_pool2d(f(1, 2, 6, 5), (2, 3), stride=(2, 1), return_indices=True)
mcase("MaxUnpool2d/tuple", "MaxUnpool2d", {"kernel_size": [2, 3], "stride": [2, 1]}, {"input": _v.detach(), "indices": _i})

# ============================================================================ upsampling, shuffles, shapes
mcase("Upsample/nearest_scale_tuple", "Upsample", {"scale_factor": [2.0, 3.0]}, {"input": f(1, 2, 2, 3)})
mcase("Upsample/bilinear_frac", "Upsample", {"scale_factor": 1.5, "mode": "bilinear"}, {"input": f(1, 2, 3, 4)})
mcase("Upsample/bilinear_align_size", "Upsample", {"size": [5, 4], "mode": "bilinear", "align_corners": True}, {"input": f(2, 1, 3, 3)})
mcase("Upsample/linear_align", "Upsample", {"scale_factor": 2.5, "mode": "linear", "align_corners": True}, {"input": f(2, 2, 4)})
mcase("Upsample/nearest_exact", "Upsample", {"size": 7, "mode": "nearest-exact"}, {"input": f(1, 2, 4)})
mcase("Upsample/nearest_recompute", "Upsample", {"scale_factor": 1.7, "recompute_scale_factor": True}, {"input": f(1, 1, 3, 4)})
mcase("Upsample/bilinear_recompute", "Upsample", {"scale_factor": 1.7, "mode": "bilinear", "recompute_scale_factor": True},
      {"input": f(1, 1, 3, 4)})
mcase("Upsample/trilinear_align", "Upsample", {"size": [3, 3, 4], "mode": "trilinear", "align_corners": True}, {"input": f(1, 1, 2, 2, 3)})
mcase("Upsample/bicubic_frac", "Upsample", {"scale_factor": [1.5, 2.0], "mode": "bicubic"}, {"input": f(1, 1, 4, 3)})
mcase("Upsample/nearest3d", "Upsample", {"scale_factor": 2}, {"input": f(1, 1, 2, 2, 2)})
mcase("UpsamplingNearest2d/size", "UpsamplingNearest2d", {"size": [5, 3]}, {"input": f(1, 2, 2, 2)})
mcase("UpsamplingBilinear2d/scale", "UpsamplingBilinear2d", {"scale_factor": 2.0}, {"input": f(1, 2, 3, 2)})
mcase("UpsamplingBilinear2d/scale_tuple", "UpsamplingBilinear2d", {"scale_factor": [2.0, 1.5]}, {"input": f(1, 1, 3, 4)})
mcase("Softmax2d/unbatched", "Softmax2d", {}, {"input": f(3, 2, 4)})
mcase("Flatten/middle", "Flatten", {"start_dim": 2, "end_dim": 3}, {"input": f(2, 3, 2, 2, 2)})
mcase("Flatten/negative", "Flatten", {"start_dim": -3, "end_dim": -2}, {"input": f(2, 3, 2, 4)})
mcase("Flatten/all", "Flatten", {"start_dim": 0}, {"input": f(2, 3, 2)})
mcase("Unflatten/first", "Unflatten", {"dim": 0, "unflattened_size": [2, 3]}, {"input": f(6, 4)})
mcase("Unflatten/negative_infer", "Unflatten", {"dim": -2, "unflattened_size": [2, -1]}, {"input": f(3, 6, 2)})
mcase("PixelShuffle/3", "PixelShuffle", {"upscale_factor": 3}, {"input": f(2, 9, 2, 2)})
mcase("PixelShuffle/5d", "PixelShuffle", {"upscale_factor": 2}, {"input": f(2, 1, 4, 2, 3)})
mcase("PixelUnshuffle/3_unbatched", "PixelUnshuffle", {"downscale_factor": 3}, {"input": f(1, 3, 6)})
mcase("Identity/args", "Identity", {"unused_argument1": 0.1, "unused_argument2": False}, {"input": f(2, 3)})
mcase("Fold/dilation", "Fold", {"output_size": [5, 6], "kernel_size": 2, "dilation": [2, 1], "padding": [1, 0], "stride": [1, 2]},
      {"input": f(2, 2 * 4, 15)})
mcase("Unfold/dilation", "Unfold", {"kernel_size": [2, 2], "dilation": 2, "padding": [0, 1], "stride": [1, 2]}, {"input": f(1, 2, 5, 5)})

# ============================================================================ padding
mcase("ZeroPad2d/int", "ZeroPad2d", {"padding": 2}, {"input": f(1, 2, 2, 3)})
mcase("ZeroPad2d/negative", "ZeroPad2d", {"padding": [-1, 2, 0, -1]}, {"input": f(1, 2, 3, 4)})
mcase("ConstantPad1d/tuple", "ConstantPad1d", {"padding": [0, 3], "value": -1.5}, {"input": f(2, 2, 3)})
mcase("ConstantPad2d/int_unbatched", "ConstantPad2d", {"padding": 1, "value": 2}, {"input": f(2, 2, 3)})
mcase("ConstantPad2d/negative", "ConstantPad2d", {"padding": [1, -1, -1, 2], "value": 0.5}, {"input": f(1, 1, 3, 4)})
mcase("ConstantPad3d/int", "ConstantPad3d", {"padding": 1, "value": 0.25}, {"input": f(1, 1, 2, 2, 2)})
mcase("ReflectionPad1d/int", "ReflectionPad1d", {"padding": 3}, {"input": f(2, 2, 5)})
mcase("ReflectionPad2d/int_unbatched", "ReflectionPad2d", {"padding": 2}, {"input": f(2, 3, 4)})
mcase("ReflectionPad2d/tuple", "ReflectionPad2d", {"padding": [0, 3, 2, 1]}, {"input": f(1, 2, 4, 5)})
mcase("ReflectionPad3d/int", "ReflectionPad3d", {"padding": 1}, {"input": f(1, 1, 2, 3, 3)})
mcase("ReplicationPad1d/tuple", "ReplicationPad1d", {"padding": [3, 1]}, {"input": f(2, 2, 4)})
mcase("ReplicationPad2d/tuple", "ReplicationPad2d", {"padding": [2, 0, 1, 3]}, {"input": f(1, 2, 3, 3)})
mcase("ReplicationPad3d/tuple", "ReplicationPad3d", {"padding": [1, 0, 2, 1, 0, 1]}, {"input": f(1, 1, 2, 2, 3)})

# ============================================================================ linear, embedding, distances
mcase("Bilinear/batched3d", "Bilinear", {"in1_features": 3, "in2_features": 2, "out_features": 4}, {"input1": f(2, 3, 3), "input2": f(2, 3, 2)})
mcase("Linear/1d_nobias", "Linear", {"in_features": 4, "out_features": 3, "bias": False}, {"input": f(4)})
mcase("Embedding/padding_max_norm", "Embedding", {"num_embeddings": 8, "embedding_dim": 3, "padding_idx": 2, "max_norm": 0.8},
      {"input": torch.tensor([[2, 1, 5, 1], [7, 2, 0, 5]])})
mcase("Embedding/max_norm_inf", "Embedding", {"num_embeddings": 6, "embedding_dim": 4, "max_norm": 0.5, "norm_type": float("inf")},
      {"input": torch.tensor([0, 3, 3, 5])})
mcase("Embedding/padding_negative_freq", "Embedding", {"num_embeddings": 5, "embedding_dim": 2, "padding_idx": -2,
                                                       "scale_grad_by_freq": True}, {"input": torch.tensor([[3, 1, 1], [0, 3, 1]])})
mcase("EmbeddingBag/mean_padding", "EmbeddingBag", {"num_embeddings": 7, "embedding_dim": 3, "padding_idx": 0},
      {"input": torch.tensor([[0, 2, 3], [0, 0, 6], [1, 4, 0]])})
mcase("EmbeddingBag/max_norm_sum", "EmbeddingBag", {"num_embeddings": 6, "embedding_dim": 3, "max_norm": 1.0, "mode": "sum"},
      {"input": torch.tensor([1, 3, 3, 5, 0]), "offsets": torch.tensor([0, 2])})
mcase("CosineSimilarity/dim0", "CosineSimilarity", {"dim": 0, "eps": 1e-3}, {"x1": f(4, 3), "x2": f(4, 3)})
mcase("PairwiseDistance/p1_eps", "PairwiseDistance", {"p": 1.0, "eps": 1e-3}, {"x1": f(3, 5), "x2": f(3, 5)})
mcase("PairwiseDistance/p3_keepdim", "PairwiseDistance", {"p": 3.0, "keepdim": True}, {"x1": f(3, 4), "x2": f(3, 4)})

# ============================================================================ activations with parameters
X = lambda: {"input": f(2, 3, 4, scale=2.0)}
mcase("Dropout/inplace_eval", "Dropout", {"p": 0.25, "inplace": True}, X(), mode="eval")
mcase("Dropout2d/inplace_eval", "Dropout2d", {"p": 0.5, "inplace": True}, {"input": f(2, 3, 2, 2)}, mode="eval")
mcase("AlphaDropout/eval_p", "AlphaDropout", {"p": 0.2}, X(), mode="eval")
mcase("ELU/alpha", "ELU", {"alpha": 0.3}, X())
mcase("CELU/alpha_half", "CELU", {"alpha": 0.5}, X())
mcase("LeakyReLU/slope", "LeakyReLU", {"negative_slope": 0.3}, X())
mcase("LeakyReLU/default", "LeakyReLU", {}, X())
mcase("Hardtanh/values", "Hardtanh", {"min_val": -2.0, "max_val": 0.5}, X())
mcase("ReLU6/default", "ReLU6", {}, {"input": f(3, 4, scale=5.0)})
mcase("Threshold/value", "Threshold", {"threshold": -0.5, "value": 3.0}, X())
mcase("Softplus/beta_half", "Softplus", {"beta": 0.5, "threshold": 3}, X())
mcase("Softplus/default", "Softplus", {}, {"input": f(3, 5, scale=12.0)})
mcase("Hardshrink/lambd1", "Hardshrink", {"lambd": 1.0}, X())
mcase("Softshrink/lambd", "Softshrink", {"lambd": 0.8}, X())
mcase("RReLU/eval_default", "RReLU", {}, X(), mode="eval")
mcase("RReLU/eval_bounds", "RReLU", {"lower": 0.05, "upper": 0.5}, X(), mode="eval")
mcase("PReLU/init", "PReLU", {"num_parameters": 4, "init": -0.3}, {"input": f(2, 4)})
mcase("PReLU/1d_channels", "PReLU", {"num_parameters": 3}, {"input": f(2, 3, 5)})
mcase("GLU/dim0", "GLU", {"dim": 0}, {"input": f(4, 3)})
mcase("GELU/tanh_default", "GELU", {"approximate": "none"}, X())
mcase("Softmax/dim0", "Softmax", {"dim": 0}, X())
mcase("Softmin/dim1", "Softmin", {"dim": 1}, X())
mcase("LogSoftmax/dim0", "LogSoftmax", {"dim": 0}, X())
mcase("LogSoftmax/implicit_2d", "LogSoftmax", {}, {"input": f(3, 4)})
mcase("Softmin/implicit_4d", "Softmin", {}, {"input": f(2, 3, 2, 2)})

# ============================================================================ losses with non-default arguments
N, C = 4, 5
mcase("L1Loss/none", "L1Loss", {"reduction": "none"}, {"input": f(N, C), "target": f(N, C)}, const=())
mcase("L1Loss/legacy_reduce_false", "L1Loss", {"reduce": False}, {"input": f(N, C), "target": f(N, C)})
mcase("MSELoss/sum_target_grad", "MSELoss", {"reduction": "sum"}, {"input": f(N, C), "target": f(N, C)}, const=())
mcase("MSELoss/legacy_size_average", "MSELoss", {"size_average": True, "reduce": True}, {"input": f(N, C), "target": f(N, C)})
mcase("CrossEntropyLoss/all_args_none", "CrossEntropyLoss", {"weight": None, "ignore_index": 2, "reduction": "none", "label_smoothing": 0.2},
      {"input": f(N, C), "target": torch.tensor([0, 2, 4, 1])})
mcase("CrossEntropyLoss/weight_smoothing_mean", "CrossEntropyLoss", {"ignore_index": 3, "label_smoothing": 0.15},
      {"input": f(N, C, 2), "target": torch.tensor([[0, 3], [3, 1], [4, 2], [1, 1]])})
mcase("CrossEntropyLoss/probs_none", "CrossEntropyLoss", {"reduction": "none", "label_smoothing": 0.3},
      {"input": f(N, C), "target": torch.softmax(f(N, C), 1).float().to(D)})
mcase("CrossEntropyLoss/unbatched", "CrossEntropyLoss", {}, {"input": f(C), "target": torch.tensor(3)})
mcase("NLLLoss/ignore_none", "NLLLoss", {"ignore_index": 1, "reduction": "none"}, {"input": f(N, C), "target": torch.tensor([1, 0, 4, 1])})
mcase("NLLLoss/ignore_sum_3d", "NLLLoss", {"ignore_index": 0, "reduction": "sum"}, {"input": f(2, C, 3), "target": idx(C, 2, 3)})
mcase("BCELoss/sum", "BCELoss", {"reduction": "sum"}, {"input": prob(N, C), "target": prob(N, C)})
mcase("BCELoss/none", "BCELoss", {"reduction": "none"}, {"input": prob(N, C), "target": idx(2, N, C).to(D)})
mcase("BCEWithLogitsLoss/sum", "BCEWithLogitsLoss", {"reduction": "sum"}, {"input": f(N, C, scale=3.0), "target": prob(N, C)})
mcase("HuberLoss/none_delta2", "HuberLoss", {"reduction": "none", "delta": 2.0}, {"input": f(N, C, scale=2.0), "target": f(N, C)})
mcase("HuberLoss/sum", "HuberLoss", {"reduction": "sum"}, {"input": f(N, C, scale=2.0), "target": f(N, C)})
mcase("SmoothL1Loss/beta0", "SmoothL1Loss", {"beta": 0.0}, {"input": f(N, C), "target": f(N, C)})
mcase("SmoothL1Loss/beta2_none", "SmoothL1Loss", {"beta": 2.0, "reduction": "none"}, {"input": f(N, C, scale=2.0), "target": f(N, C)})
mcase("KLDivLoss/none", "KLDivLoss", {"reduction": "none"}, {"input": torch.log_softmax(f(N, C), 1).float().to(D), "target": prob(N, C)})
mcase("KLDivLoss/sum_log_target", "KLDivLoss", {"reduction": "batchmean", "log_target": True},
      {"input": f(N, C), "target": torch.log_softmax(f(N, C), 1).float().to(D)})
mcase("PoissonNLLLoss/eps_sum", "PoissonNLLLoss", {"log_input": False, "eps": 0.1, "reduction": "sum"}, {"input": pos(N, C), "target": pos(N, C) * 4})
mcase("PoissonNLLLoss/full_log_none", "PoissonNLLLoss", {"full": True, "reduction": "none"}, {"input": f(N, C), "target": pos(N, C) * 3})
mcase("GaussianNLLLoss/eps_none", "GaussianNLLLoss", {"eps": 0.5, "reduction": "none"}, {"input": f(N, C), "target": f(N, C), "var": pos(N, C)})
mcase("GaussianNLLLoss/full_sum_unbatched_var", "GaussianNLLLoss", {"full": True, "reduction": "mean"},
      {"input": f(N, C), "target": f(N, C), "var": pos(N)})
mcase("MarginRankingLoss/none", "MarginRankingLoss", {"margin": -0.2, "reduction": "none"}, {"input1": f(N), "input2": f(N), "target": sign(N)})
mcase("HingeEmbeddingLoss/sum", "HingeEmbeddingLoss", {"margin": 0.5, "reduction": "sum"}, {"input": f(N, C), "target": sign(N, C)})
mcase("MultiLabelMarginLoss/none", "MultiLabelMarginLoss", {"reduction": "none"},
      {"input": f(3, 4), "target": torch.tensor([[2, -1, 0, 1], [0, 1, 2, 3], [-1, 2, 3, 0]])})
mcase("MultiLabelSoftMarginLoss/none", "MultiLabelSoftMarginLoss", {"reduction": "none"}, {"input": f(N, C), "target": idx(2, N, C).to(D)})
mcase("CosineEmbeddingLoss/neg_margin_sum", "CosineEmbeddingLoss", {"margin": -0.3, "reduction": "sum"},
      {"input1": f(N, C), "input2": f(N, C), "target": sign(N)})
mcase("CosineEmbeddingLoss/none", "CosineEmbeddingLoss", {"reduction": "none"}, {"input1": f(N, C), "input2": f(N, C), "target": sign(N)})
mcase("MultiMarginLoss/p1_margin_none", "MultiMarginLoss", {"p": 1, "margin": 2.0, "reduction": "none"}, {"input": f(N, C), "target": idx(C, N)})
mcase("TripletMarginLoss/eps_none", "TripletMarginLoss", {"margin": 2.0, "eps": 1e-2, "reduction": "none"},
      {"anchor": f(N, C), "positive": f(N, C), "negative": f(N, C)})
mcase("TripletMarginLoss/p1_swap_sum", "TripletMarginLoss", {"p": 1.0, "swap": True, "reduction": "sum"},
      {"anchor": f(N, C), "positive": f(N, C), "negative": f(N, C)})
mcase("TripletMarginWithDistanceLoss/swap_sum", "TripletMarginWithDistanceLoss", {"margin": 1.5, "swap": True, "reduction": "sum"},
      {"anchor": f(N, C), "positive": f(N, C), "negative": f(N, C)})
T_ = 6
mcase("CTCLoss/sum_blank_last", "CTCLoss", {"blank": C - 1, "reduction": "sum"},
      {"log_probs": torch.log_softmax(f(T_, 2, C), 2).float().to(D), "targets": torch.tensor([0, 1, 1, 3, 2]),
       "input_lengths": torch.tensor([6, 6]), "target_lengths": torch.tensor([3, 2])})
mcase("CTCLoss/none", "CTCLoss", {"reduction": "none"},
      {"log_probs": torch.log_softmax(f(T_, 2, C), 2).float().to(D), "targets": torch.tensor([[1, 2, 2], [3, 4, 1]]),
       "input_lengths": torch.tensor([6, 4]), "target_lengths": torch.tensor([3, 2])})

# ============================================================================ recurrent
mcase("RNN/3layers_dropout0", "RNN", {"input_size": 3, "hidden_size": 4, "num_layers": 3, "dropout": 0.0}, {"input": f(4, 2, 3)})
mcase("RNN/relu_nobias_bidir_hx", "RNN", {"input_size": 2, "hidden_size": 3, "nonlinearity": "relu", "bias": False, "bidirectional": True,
                                          "batch_first": True}, {"input": f(2, 4, 2), "hx": f(2, 2, 3)})
mcase("RNN/unbatched_bidir_2layer_hx", "RNN", {"input_size": 3, "hidden_size": 2, "num_layers": 2, "bidirectional": True},
      {"input": f(4, 3), "hx": f(4, 2)})
mcase("LSTM/3layers_nobias", "LSTM", {"input_size": 3, "hidden_size": 3, "num_layers": 3, "bias": False, "dropout": 0.0}, {"input": f(4, 2, 3)})
mcase("LSTM/proj_bidir_2layer", "LSTM", {"input_size": 3, "hidden_size": 4, "num_layers": 2, "proj_size": 2, "bidirectional": True},
      {"input": f(3, 2, 3)})
mcase("LSTM/unbatched_batch_first", "LSTM", {"input_size": 2, "hidden_size": 3, "batch_first": True}, {"input": f(5, 2)})
mcase("LSTM/eval_mode", "LSTM", {"input_size": 2, "hidden_size": 3, "num_layers": 2, "dropout": 0.5}, {"input": f(3, 2, 2)}, mode="eval")
mcase("GRU/3layers_nobias_bidir_hx", "GRU", {"input_size": 2, "hidden_size": 3, "num_layers": 3, "bias": False, "bidirectional": True},
      {"input": f(4, 2, 2), "hx": f(6, 2, 3)})
mcase("GRU/batch_first_hx", "GRU", {"input_size": 3, "hidden_size": 2, "batch_first": True}, {"input": f(3, 4, 3), "hx": f(1, 3, 2)})
mcase("RNNCell/tanh_nobias_hx", "RNNCell", {"input_size": 3, "hidden_size": 2, "bias": False}, {"input": f(4, 3), "hx": f(4, 2)})
mcase("GRUCell/nobias_batch", "GRUCell", {"input_size": 3, "hidden_size": 4, "bias": False}, {"input": f(2, 3)})
mcase("LSTMCell/nobias_unbatched", "LSTMCell", {"input_size": 3, "hidden_size": 2, "bias": False}, {"input": f(3)})

# ============================================================================ attention, transformer
E = 8
mcase("MultiheadAttention/batch_first_kv_dims", "MultiheadAttention", {"embed_dim": E, "num_heads": 2, "batch_first": True, "kdim": 5, "vdim": 3},
      {"query": f(2, 3, E), "key": f(2, 4, 5), "value": f(2, 4, 3)})
mcase("MultiheadAttention/kv_dims_nobias_per_head", "MultiheadAttention", {"embed_dim": E, "num_heads": 4, "kdim": 6, "vdim": 6, "bias": False},
      {"query": f(3, 2, E), "key": f(5, 2, 6), "value": f(5, 2, 6)}, fkw={"average_attn_weights": False})
mcase("MultiheadAttention/batch_first_bias_kv", "MultiheadAttention", {"embed_dim": E, "num_heads": 2, "batch_first": True, "add_bias_kv": True},
      {"query": f(2, 3, E), "key": f(2, 4, E), "value": f(2, 4, E)})
mcase("MultiheadAttention/no_weights_kv_dims", "MultiheadAttention", {"embed_dim": E, "num_heads": 2, "kdim": 4, "vdim": 4, "add_zero_attn": True},
      {"query": f(3, 2, E), "key": f(4, 2, 4), "value": f(4, 2, 4)}, fkw={"need_weights": False})
mcase("MultiheadAttention/eval_self", "MultiheadAttention", {"embed_dim": E, "num_heads": 2, "dropout": 0.3}, {"query": f(3, 2, E), "key": f(3, 2, E),
                                                                                                          "value": f(3, 2, E)}, mode="eval")
lo = {"d_model": E, "nhead": 2, "dim_feedforward": 12}
mcase("TransformerEncoderLayer/eps_batch_first", "TransformerEncoderLayer", dict(lo, dropout=0.0, layer_norm_eps=1e-2, batch_first=True),
      {"src": f(2, 3, E)})
mcase("TransformerEncoderLayer/norm_first_eps_eval", "TransformerEncoderLayer", dict(lo, norm_first=True, layer_norm_eps=1e-3),
      {"src": f(3, 2, E)}, mode="eval")
mcase("TransformerEncoderLayer/gelu_eval_batch_first", "TransformerEncoderLayer", dict(lo, activation="gelu", batch_first=True),
      {"src": f(2, 3, E)}, mode="eval")
mcase("TransformerDecoderLayer/eps_batch_first_norm_first", "TransformerDecoderLayer",
      dict(lo, dropout=0.0, layer_norm_eps=1e-2, batch_first=True, norm_first=True), {"tgt": f(2, 3, E), "memory": f(2, 4, E)})
mcase("TransformerDecoderLayer/eval_gelu", "TransformerDecoderLayer", dict(lo, activation="gelu", layer_norm_eps=1e-4),
      {"tgt": f(3, 2, E), "memory": f(2, 2, E)}, mode="eval")
mcase("Transformer/norm_first_eps", "Transformer", {"d_model": E, "nhead": 2, "num_encoder_layers": 2, "num_decoder_layers": 1,
                                                    "dim_feedforward": 12, "dropout": 0.0, "layer_norm_eps": 1e-3, "norm_first": True,
                                                    "activation": "gelu"},
      {"src": f(4, 2, E), "tgt": f(3, 2, E)}, tol=2e-4)

# ============================================================================ deterministic train-mode corners, repr number formats
mcase("Dropout/p1_train", "Dropout", {"p": 1.0}, X())
mcase("Dropout1d/p1_train", "Dropout1d", {"p": 1.0}, {"input": f(2, 3, 4)})
mcase("Dropout2d/p1_train", "Dropout2d", {"p": 1.0}, {"input": f(2, 3, 2, 2)})
mcase("Dropout3d/p0_train", "Dropout3d", {"p": 0.0}, {"input": f(1, 2, 2, 2, 2)})
mcase("AlphaDropout/p1_train", "AlphaDropout", {"p": 1.0}, X())
mcase("AlphaDropout/p0_train", "AlphaDropout", {"p": 0.0}, X())
mcase("FeatureAlphaDropout/p1_train", "FeatureAlphaDropout", {"p": 1.0}, {"input": f(2, 3, 2, 2)})
mcase("RReLU/train_equal_bounds", "RReLU", {"lower": 0.2, "upper": 0.2}, X())
mcase("LSTM/train_dropout_one_layer", "LSTM", {"input_size": 2, "hidden_size": 3, "dropout": 0.3}, {"input": f(3, 2, 2)})
mcase("GRU/train_dropout_one_layer", "GRU", {"input_size": 2, "hidden_size": 3, "dropout": 0.5, "bias": False}, {"input": f(3, 2, 2)})
mcase("Embedding/max_norm_2calls", "Embedding", {"num_embeddings": 5, "embedding_dim": 3, "max_norm": 0.7, "norm_type": 1.0},
      {"input": torch.tensor([[1, 1, 4], [0, 4, 1]])}, calls=2)
mcase("ELU/big_alpha_repr", "ELU", {"alpha": 123456789.0}, {"input": f(2, 3)})
mcase("ELU/alpha_1e16_repr", "ELU", {"alpha": 1e16}, {"input": f(2, 3).abs()})
mcase("LeakyReLU/tiny_slope_repr", "LeakyReLU", {"negative_slope": 1e-5}, X())
mcase("LeakyReLU/int_slope_repr", "LeakyReLU", {"negative_slope": 2}, X())
mcase("Threshold/int_repr", "Threshold", {"threshold": 1, "value": -2}, X())
mcase("Softplus/float_repr", "Softplus", {"beta": 1.0, "threshold": 20.0}, X())
mcase("Hardtanh/tiny_repr", "Hardtanh", {"min_val": -1e-4, "max_val": 1e-4}, {"input": f(2, 3, scale=1e-4)})
mcase("LayerNorm/eps_1e-7_repr", "LayerNorm", {"normalized_shape": [4], "eps": 1e-7}, {"input": f(2, 4)})
mcase("BatchNorm1d/eps_repr", "BatchNorm1d", {"num_features": 2, "eps": 1e-3, "momentum": 0.01}, {"input": f(3, 2)}, calls=2)
mcase("GroupNorm/eps_1e-8_repr", "GroupNorm", {"num_groups": 2, "num_channels": 2, "eps": 1e-8}, {"input": f(2, 2, 3)})
mcase("Dropout/tiny_p_eval_repr", "Dropout", {"p": 1e-4}, X(), mode="eval")
mcase("Upsample/int_scale_tuple_repr", "Upsample", {"scale_factor": [2, 3]}, {"input": f(1, 1, 2, 2)})
mcase("Upsample/int_scale_bilinear_repr", "Upsample", {"scale_factor": 2, "mode": "bilinear", "align_corners": False}, {"input": f(1, 1, 2, 3)})
mcase("LPPool2d/int_norm_repr", "LPPool2d", {"norm_type": 1, "kernel_size": 2, "stride": 1}, {"input": pos(1, 1, 3, 3)})
mcase("PReLU/1d_input", "PReLU", {"num_parameters": 1, "init": 0.1}, {"input": f(5)})
mcase("Softmin/implicit_1d", "Softmin", {}, {"input": f(5)})
mcase("Softmax/implicit_0d", "Softmax", {}, {"input": f(1).reshape(())})
mcase("CosineEmbeddingLoss/unbatched", "CosineEmbeddingLoss", {"margin": 0.1}, {"input1": f(C), "input2": f(C), "target": sign(1).reshape(())})
mcase("MultiMarginLoss/unbatched", "MultiMarginLoss", {"margin": 0.5}, {"input": f(C), "target": torch.tensor(2)})
mcase("MultiLabelMarginLoss/unbatched", "MultiLabelMarginLoss", {}, {"input": f(4), "target": torch.tensor([3, 1, -1, 0])})
mcase("PoissonNLLLoss/full_small_targets", "PoissonNLLLoss", {"full": True, "log_input": True},
      {"input": f(N, C), "target": torch.tensor([0.0, 0.5, 1.0, 1.5, 3.0] * N, dtype=D).reshape(N, C)})
mcase("KLDivLoss/mean", "KLDivLoss", {}, {"input": torch.log_softmax(f(N, C), 1).float().to(D), "target": prob(N, C)})
mcase("HingeEmbeddingLoss/none", "HingeEmbeddingLoss", {"reduction": "none", "margin": 0.3}, {"input": f(N, C), "target": sign(N, C)})
mcase("CTCLoss/mean_zero_infinity", "CTCLoss", {"zero_infinity": True},
      {"log_probs": torch.log_softmax(f(3, 2, C), 2).float().to(D), "targets": torch.tensor([[1, 1, 2], [3, 4, 1]]),
       "input_lengths": torch.tensor([3, 3]), "target_lengths": torch.tensor([3, 2])})
mcase("CTCLoss/unbatched_sum", "CTCLoss", {"reduction": "sum", "blank": 2},
      {"log_probs": torch.log_softmax(f(5, C), 1).float().to(D), "targets": torch.tensor([1, 3]),
       "input_lengths": torch.tensor(5), "target_lengths": torch.tensor(2)})
mcase("BatchNorm2d/batch1_train", "BatchNorm2d", {"num_features": 2}, {"input": f(1, 2, 2, 3)}, calls=2)
mcase("InstanceNorm1d/affine_no_track_eval", "InstanceNorm1d", {"num_features": 2, "affine": True}, {"input": f(3, 2, 4)}, mode="eval")
mcase("LocalResponseNorm/size_gt_channels", "LocalResponseNorm", {"size": 7, "alpha": 0.5}, {"input": f(2, 3, 4)})

# ============================================================================ round 3: rarer argument combinations
mcase("Upsample/area_size", "Upsample", {"size": 3, "mode": "area"}, {"input": f(2, 2, 7)})
mcase("Upsample/area_2d_scale", "Upsample", {"scale_factor": 0.5, "mode": "area"}, {"input": f(1, 2, 4, 6)})
mcase("Bilinear/unbatched", "Bilinear", {"in1_features": 3, "in2_features": 4, "out_features": 2}, {"input1": f(3), "input2": f(4)})
mcase("MultiheadAttention/explicit_same_kdim_one_head", "MultiheadAttention", {"embed_dim": E, "num_heads": 1, "kdim": E, "vdim": E,
                                                                              "batch_first": True},
      {"query": f(2, 3, E), "key": f(2, 2, E), "value": f(2, 2, E)}, fkw={"need_weights": True})
mcase("MultiheadAttention/unbatched_kv_dims_batch_first", "MultiheadAttention", {"embed_dim": E, "num_heads": 2, "kdim": 3, "vdim": 5,
                                                                                 "batch_first": True, "add_bias_kv": True},
      {"query": f(3, E), "key": f(4, 3), "value": f(4, 5)}, fkw={"average_attn_weights": False})
mcase("RNN/unbatched_batch_first_hx", "RNN", {"input_size": 3, "hidden_size": 2, "batch_first": True, "nonlinearity": "relu"},
      {"input": f(4, 3), "hx": f(1, 2)})
mcase("GRU/unbatched_bidir_hx", "GRU", {"input_size": 2, "hidden_size": 3, "bidirectional": True}, {"input": f(4, 2), "hx": f(2, 3)})
mcase("LSTM/proj_unbatched_batch_first_3layers", "LSTM", {"input_size": 2, "hidden_size": 4, "proj_size": 3, "num_layers": 3,
                                                          "batch_first": True, "bias": False}, {"input": f(3, 2)})
mcase("NLLLoss/ignore_minus1", "NLLLoss", {"ignore_index": -1}, {"input": f(N, C), "target": torch.tensor([-1, 2, 0, -1])})
mcase("CrossEntropyLoss/probs_smoothing_3d", "CrossEntropyLoss", {"label_smoothing": 0.25},
      {"input": f(2, C, 3), "target": torch.softmax(f(2, C, 3), 1).float().to(D)})
mcase("CrossEntropyLoss/ignore_smoothing_sum", "CrossEntropyLoss", {"ignore_index": 0, "label_smoothing": 0.4, "reduction": "sum"},
      {"input": f(N, C), "target": torch.tensor([0, 2, 0, 4])})
mcase("MSELoss/broadcast_target", "MSELoss", {}, {"input": f(N, C), "target": f(C)})
mcase("L1Loss/broadcast_target_sum", "L1Loss", {"reduction": "sum"}, {"input": f(N, 1), "target": f(N, C)})
mcase("TripletMarginLoss/unbatched_margin0", "TripletMarginLoss", {"margin": 0.0, "p": 2.0}, {"anchor": f(C), "positive": f(C), "negative": f(C)})
mcase("MarginRankingLoss/sum", "MarginRankingLoss", {"margin": 0.5, "reduction": "sum"}, {"input1": f(N), "input2": f(N), "target": sign(N)})
mcase("BCELoss/extreme_probs", "BCELoss", {}, {"input": torch.tensor([[1e-8, 0.5, 1 - 1e-7], [0.0, 1.0, 0.3]], dtype=torch.float32).to(D),
                                               "target": torch.tensor([[0.0, 1.0, 1.0], [1.0, 1.0, 0.0]], dtype=D)})
mcase("MaxPool2d/padding_half_kernel", "MaxPool2d", {"kernel_size": 4, "stride": 3, "padding": 2}, {"input": f(1, 1, 6, 7)})
mcase("AvgPool1d/ceil_last_window_outside", "AvgPool1d", {"kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True}, {"input": f(1, 2, 5)})
mcase("MaxPool1d/ceil_last_window", "MaxPool1d", {"kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True, "return_indices": True},
      {"input": f(1, 2, 5)})
mcase("AdaptiveAvgPool3d/none_dims", "AdaptiveAvgPool3d", {"output_size": [None, 2, None]}, {"input": f(1, 2, 2, 5, 3)})
mcase("EmbeddingBag/max_padding", "EmbeddingBag", {"num_embeddings": 6, "embedding_dim": 2, "mode": "max", "padding_idx": 1},
      {"input": torch.tensor([1, 2, 4, 1, 5, 0]), "offsets": torch.tensor([0, 3])})
mcase("EmbeddingBag/mean_include_last", "EmbeddingBag", {"num_embeddings": 6, "embedding_dim": 2, "include_last_offset": True},
      {"input": torch.tensor([1, 2, 4, 1, 5, 0]), "offsets": torch.tensor([0, 1, 4, 6])})
mcase("Conv1d/same_circular_even", "Conv1d", {"in_channels": 1, "out_channels": 2, "kernel_size": 4, "padding": "same", "dilation": 1,
                                             "padding_mode": "circular"}, {"input": f(2, 1, 6)})
mcase("Conv2d/same_replicate_dilation", "Conv2d", {"in_channels": 1, "out_channels": 1, "kernel_size": 2, "padding": "same", "dilation": 3,
                                                   "padding_mode": "replicate"}, {"input": f(1, 1, 5, 5)})
mcase("TransformerEncoderLayer/norm_first_train_eps", "TransformerEncoderLayer", dict(lo, dropout=0.0, norm_first=True, layer_norm_eps=0.1),
      {"src": f(3, 2, E)})

# ============================================================================ round 4: exact boundary points (gradient conventions) and ties
B = lambda *v: {"input": torch.tensor(v, dtype=D).reshape(2, -1)}
mcase("ReLU/at_zero", "ReLU", {}, B(-1.0, 0.0, 0.0, 2.0))
mcase("ReLU6/at_bounds", "ReLU6", {}, B(0.0, 6.0, -0.5, 3.0, 6.5, 0.0))
mcase("Hardtanh/at_bounds", "Hardtanh", {"min_val": -0.5, "max_val": 0.5}, B(-0.5, 0.5, -1.0, 0.25))
# x = 3 exactly is left out: PyTorch's vectorised hardswish_backward gives grad there, its scalar tail 1.5 * grad
mcase("Hardswish/at_minus3", "Hardswish", {}, B(-3.0, 2.5, 0.0, -4.0, 4.0, 1.5))
mcase("Hardsigmoid/at_bounds", "Hardsigmoid", {}, B(-3.0, 3.0, 0.0, -4.0, 4.0, 1.5))
mcase("LeakyReLU/at_zero", "LeakyReLU", {"negative_slope": 0.25}, B(0.0, -1.0, 1.0, 0.0))
mcase("ELU/at_zero", "ELU", {"alpha": 0.5}, B(0.0, -1.0, 1.0, 0.0))
mcase("CELU/at_zero", "CELU", {"alpha": 2.0}, B(0.0, -1.0, 1.0, 0.0))
mcase("SELU/at_zero", "SELU", {}, B(0.0, -1.0, 1.0, 0.0))
mcase("Hardshrink/at_lambd", "Hardshrink", {"lambd": 0.5}, B(-0.5, 0.5, 0.75, -0.25))
mcase("Softshrink/at_lambd", "Softshrink", {"lambd": 0.5}, B(-0.5, 0.5, 0.75, -0.25))
mcase("Threshold/at_threshold", "Threshold", {"threshold": 0.5, "value": -1.0}, B(0.5, 0.25, 0.75, 0.5))
mcase("Softplus/at_threshold", "Softplus", {"beta": 2.0, "threshold": 2.0}, B(1.0, 0.5, 1.5, -1.0))
mcase("PReLU/at_zero", "PReLU", {}, B(0.0, -1.0, 1.0, 0.0))
mcase("RReLU/eval_at_zero", "RReLU", {}, B(0.0, -1.0, 1.0, 0.0), mode="eval")
mcase("MaxPool2d/ties", "MaxPool2d", {"kernel_size": 2, "stride": 1, "return_indices": True},
      {"input": torch.tensor([[1.0, 1.0, 0.0], [1.0, 1.0, 1.0], [0.0, 1.0, 1.0]], dtype=D).reshape(1, 1, 3, 3)})
mcase("MaxPool1d/ties_padding_dilation", "MaxPool1d", {"kernel_size": 3, "stride": 1, "padding": 1, "dilation": 2},
      {"input": torch.tensor([2.0, 2.0, 2.0, 1.0, 2.0, 2.0], dtype=D).reshape(1, 1, 6)})
mcase("AdaptiveMaxPool1d/ties", "AdaptiveMaxPool1d", {"output_size": 2}, {"input": torch.tensor([3.0, 3.0, 1.0, 3.0, 3.0], dtype=D).reshape(1, 1, 5)})
mcase("L1Loss/equal", "L1Loss", {}, {"input": torch.tensor([1.0, 2.0, 3.0], dtype=D), "target": torch.tensor([1.0, 1.0, 3.0], dtype=D)}, const=())
mcase("SmoothL1Loss/at_beta", "SmoothL1Loss", {"beta": 0.5}, {"input": torch.tensor([0.5, -0.5, 0.25, 1.0], dtype=D), "target": torch.zeros(4, dtype=D)})
mcase("HuberLoss/at_delta", "HuberLoss", {"delta": 0.5}, {"input": torch.tensor([0.5, -0.5, 0.25, 1.0], dtype=D), "target": torch.zeros(4, dtype=D)})
mcase("MarginRankingLoss/at_margin", "MarginRankingLoss", {"margin": 0.5},
      {"input1": torch.tensor([1.0, 0.0, 2.0, 1.0], dtype=D), "input2": torch.tensor([0.5, 0.5, 0.0, 1.0], dtype=D),
       "target": torch.tensor([1.0, -1.0, 1.0, 1.0], dtype=D)})
mcase("HingeEmbeddingLoss/at_margin", "HingeEmbeddingLoss", {"margin": 0.5},
      {"input": torch.tensor([0.5, 0.25, 1.0, 0.5], dtype=D), "target": torch.tensor([-1.0, -1.0, -1.0, 1.0], dtype=D)})
mcase("MultiMarginLoss/at_margin", "MultiMarginLoss", {"margin": 0.5},
      {"input": torch.tensor([[1.0, 0.5, 0.0], [0.0, 0.25, 0.75]], dtype=D), "target": torch.tensor([0, 2])})
mcase("TripletMarginLoss/at_margin_p1", "TripletMarginLoss", {"margin": 0.5, "p": 1.0, "eps": 0.0},
      {"anchor": torch.tensor([[0.0, 0.0], [1.0, 1.0]], dtype=D), "positive": torch.tensor([[0.5, 0.0], [1.0, 2.0]], dtype=D),
       "negative": torch.tensor([[1.0, 0.0], [1.0, 0.5]], dtype=D)})
mcase("MultiLabelMarginLoss/at_margin", "MultiLabelMarginLoss", {},
      {"input": torch.tensor([[1.0, 0.0, 0.5, 2.0]], dtype=D), "target": torch.tensor([[0, -1, 1, 2]])})


# ============================================================================ optimizers
gen = torch.Generator().manual_seed(777)


def randn(*shape):
    return torch.randn(tuple(shape), generator=gen)


def optim_case(name, tag, args, steps, shape):
    p32 = randn(*shape)
    grads = [randn(*shape) for _ in range(steps)]
    if "zero_grads" in tag:  # whole steps with a zero gradient: moments decay, the parameter still moves
        grads[2] = torch.zeros(shape)
        grads[5] = torch.zeros(shape)
    p = p32.double().clone().requires_grad_(True)
    opt = getattr(torch.optim, name)([p], **{k: (tuple(v) if isinstance(v, list) else v) for k, v in args.items()})
    after = []
    for g in grads:
        p.grad = g.double()
        opt.step()
        after.append(enc(p))
    lines.append(json.dumps({"id": f"optim/edge2/{name}/{tag}", "kind": "optim", "optimizer": name, "args": args, "param": enc(p32),
                             "grads": [enc(g) for g in grads], "params_after": after, "tol": {"rtol": 1e-4, "atol": 1e-5}}))


OPTIM = [
    ("SGD", "scalar_momentum_dampening_wd", {"lr": 0.05, "momentum": 0.8, "dampening": 0.5, "weight_decay": 0.05}, 10, []),
    ("SGD", "nesterov_wd_maximize", {"lr": 0.03, "momentum": 0.9, "nesterov": True, "weight_decay": 0.2, "maximize": True}, 9, [2, 3]),
    ("SGD", "dampening_no_momentum", {"lr": 0.1, "dampening": 0.7, "weight_decay": 0.01}, 8, [5]),
    ("SGD", "momentum1_dampening1", {"lr": 0.01, "momentum": 1.0, "dampening": 1.0}, 8, [2, 2]),
    ("Adam", "scalar_wd_amsgrad_maximize", {"lr": 0.05, "weight_decay": 0.3, "amsgrad": True, "maximize": True}, 10, []),
    ("Adam", "beta1_zero_eps", {"lr": 0.02, "betas": [0.0, 0.99], "eps": 1e-2}, 9, [3, 1, 2]),
    ("Adam", "wd_no_amsgrad", {"lr": 0.01, "weight_decay": 0.5}, 8, [4]),
    ("AdamW", "scalar_amsgrad_maximize", {"lr": 0.05, "amsgrad": True, "maximize": True, "weight_decay": 0.3}, 10, []),
    ("AdamW", "amsgrad_betas_eps", {"lr": 0.03, "betas": [0.6, 0.7], "eps": 1e-3, "amsgrad": True}, 9, [2, 1, 3]),
    ("AdamW", "wd0", {"lr": 0.02, "weight_decay": 0.0}, 8, [3]),
    ("RMSprop", "centered_no_momentum_wd_maximize", {"lr": 0.02, "centered": True, "weight_decay": 0.1, "maximize": True}, 10, [2, 3]),
    ("RMSprop", "scalar_momentum_wd", {"lr": 0.01, "momentum": 0.5, "weight_decay": 0.2, "alpha": 0.9}, 10, []),
    ("RMSprop", "centered_eps_alpha", {"lr": 0.005, "centered": True, "eps": 1e-2, "alpha": 0.5, "momentum": 0.9}, 9, [4]),
    ("Adagrad", "init_acc_wd_eps", {"lr": 0.2, "initial_accumulator_value": 0.3, "weight_decay": 0.2, "eps": 1e-2}, 10, [2, 3]),
    ("Adagrad", "scalar_all", {"lr": 0.3, "lr_decay": 0.05, "initial_accumulator_value": 1.0, "weight_decay": 0.1, "eps": 1e-4,
                               "maximize": True}, 10, []),
    ("Adadelta", "wd_maximize", {"lr": 0.8, "weight_decay": 0.2, "maximize": True}, 10, [3, 2]),
    ("Adadelta", "scalar_rho_eps_wd_maximize", {"lr": 2.0, "rho": 0.7, "eps": 1e-3, "weight_decay": 0.05, "maximize": True}, 10, []),
    ("Adamax", "wd_maximize", {"lr": 0.05, "weight_decay": 0.3, "maximize": True}, 10, [2, 3]),
    ("Adamax", "scalar_wd_betas_eps", {"lr": 0.1, "weight_decay": 0.1, "betas": [0.5, 0.8], "eps": 1e-2}, 10, []),
    ("NAdam", "wd_momentum_decay", {"lr": 0.05, "weight_decay": 0.2, "momentum_decay": 0.1}, 10, [3, 2]),
    ("NAdam", "scalar_all", {"lr": 0.03, "betas": [0.7, 0.9], "eps": 1e-3, "weight_decay": 0.05, "momentum_decay": 0.02}, 10, []),
    ("Adam", "zero_grads_amsgrad", {"lr": 0.1, "betas": [0.5, 0.5], "amsgrad": True}, 8, [2, 2]),
    ("NAdam", "zero_grads", {"lr": 0.1}, 8, [3]),
    ("Adadelta", "zero_grads", {"lr": 1.0, "rho": 0.5}, 8, [3]),
    ("RMSprop", "zero_grads_centered", {"lr": 0.01, "centered": True, "momentum": 0.5}, 8, [3]),
    ("Adagrad", "lr_decay_long", {"lr": 1.0, "lr_decay": 0.5}, 10, [3]),
    ("SGD", "lr_int", {"lr": 1, "momentum": 0.5}, 8, [2]),
    ("RAdam", "wd_long", {"lr": 0.05, "weight_decay": 0.3}, 10, [2, 3]),
    ("RAdam", "scalar_betas_wd", {"lr": 0.1, "betas": [0.6, 0.8], "weight_decay": 0.1, "eps": 1e-3}, 10, []),
]
for o in OPTIM:
    optim_case(*o)


# ============================================================================ schedulers
def sched_case(name, tag, args, base_lr, epochs, metrics=None):
    if metrics:
        epochs = len(metrics)
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base_lr)
    sch = getattr(torch.optim.lr_scheduler, name)(opt, **{k: (tuple(v) if isinstance(v, list) else v) for k, v in args.items()})
    lrs = []
    for e in range(epochs):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sch.step(metrics[e]) if metrics else sch.step()
    lines.append(json.dumps({"id": f"sched/edge2/{name}/{tag}", "kind": "sched", "scheduler": name, "args": args, "base_lr": base_lr,
                             "metrics": metrics, "lrs": lrs, "tol": {"rtol": 1e-6, "atol": 1e-9}}))


sched_case("MultiStepLR", "milestone_zero", {"milestones": [0, 0, 4], "gamma": 0.5}, 1.0, 10)
sched_case("StepLR", "big_step", {"step_size": 7, "gamma": 2.0}, 0.01, 25)
sched_case("CosineAnnealingWarmRestarts", "T0_1", {"T_0": 1, "T_mult": 2}, 0.1, 20)
sched_case("PolynomialLR", "total1", {"total_iters": 1, "power": 3.0}, 0.1, 5)
sched_case("OneCycleLR", "three_phase_half", {"max_lr": 0.5, "total_steps": 12, "pct_start": 0.5, "three_phase": True,
                                              "anneal_strategy": "linear"}, 0.1, 12)
sched_case("CyclicLR", "exp_range_default_down", {"base_lr": 0.05, "max_lr": 0.5, "step_size_up": 4, "mode": "exp_range", "gamma": 0.8}, 0.1, 30)
sched_case("ReduceLROnPlateau", "min_lr_above_lr", {"factor": 0.5, "patience": 0, "min_lr": 0.5}, 0.1, 0, [1.0] * 8)
sched_case("ReduceLROnPlateau", "cooldown_improving",
           {"mode": "min", "factor": 0.5, "patience": 1, "cooldown": 3}, 0.1, 0,
           [5.0, 5.0, 5.0, 4.0, 3.0, 2.9, 2.95, 3.0, 3.0, 3.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
sched_case("ReduceLROnPlateau", "max_negative_metrics_rel", {"mode": "max", "patience": 1, "threshold": 0.1, "factor": 0.5}, 0.1, 0,
           [-1.0, -0.95, -0.85, -0.8, -0.79, -0.7, -0.65, -0.6, -0.6, -0.6, -0.6, -0.6])
sched_case("CyclicLR", "down0", {"base_lr": 0.01, "max_lr": 0.05, "step_size_up": 3, "step_size_down": 0}, 0.1, 12)
sched_case("OneCycleLR", "two_steps", {"max_lr": 0.4, "total_steps": 3}, 0.1, 3)
sched_case("StepLR", "gamma_half_3", {"step_size": 3, "gamma": 0.5}, 0.4, 25)
sched_case("MultiStepLR", "repeated_gamma", {"milestones": [2, 5, 5, 5, 11], "gamma": 0.3}, 1.0, 20)
sched_case("MultiStepLR", "unsorted", {"milestones": [9, 4], "gamma": 0.5}, 0.2, 15)
sched_case("ExponentialLR", "gamma09", {"gamma": 0.9}, 0.5, 25)
sched_case("CosineAnnealingLR", "eta_min_past_T_max", {"T_max": 6, "eta_min": 0.01}, 0.1, 28)
sched_case("CosineAnnealingLR", "T_max1", {"T_max": 1, "eta_min": 0.02}, 0.2, 10)
sched_case("CosineAnnealingWarmRestarts", "T_mult2_eta_min", {"T_0": 2, "T_mult": 2, "eta_min": 0.005}, 0.1, 30)
sched_case("CosineAnnealingWarmRestarts", "T0_5_eta_min", {"T_0": 5, "eta_min": 0.01}, 0.05, 22)
sched_case("LinearLR", "warmup", {"start_factor": 0.25, "end_factor": 0.75, "total_iters": 7}, 0.2, 20)
sched_case("LinearLR", "to_zero", {"start_factor": 1.0, "end_factor": 0.0, "total_iters": 4}, 0.3, 10)
sched_case("ConstantLR", "quarter_7", {"factor": 0.25, "total_iters": 7}, 0.1, 20)
sched_case("ConstantLR", "total0", {"factor": 0.5, "total_iters": 0}, 0.1, 5)
sched_case("PolynomialLR", "power2", {"total_iters": 8, "power": 2.0}, 0.1, 20)
sched_case("PolynomialLR", "power_third", {"total_iters": 12, "power": 0.3}, 0.5, 20)
sched_case("OneCycleLR", "linear_three_phase", {"max_lr": 0.6, "total_steps": 25, "anneal_strategy": "linear", "three_phase": True,
                                                "div_factor": 4.0, "final_div_factor": 50.0, "pct_start": 0.4}, 0.1, 25)
sched_case("OneCycleLR", "cos_div", {"max_lr": 0.2, "total_steps": 24, "div_factor": 8.0, "final_div_factor": 1e3, "pct_start": 0.2}, 0.1, 24)
sched_case("OneCycleLR", "epochs_three_phase_cos", {"max_lr": 1.0, "epochs": 3, "steps_per_epoch": 7, "three_phase": True}, 0.1, 21)
sched_case("CyclicLR", "triangular2_default_down", {"base_lr": 0.02, "max_lr": 0.2, "step_size_up": 3, "mode": "triangular2"}, 0.1, 30)
sched_case("CyclicLR", "exp_range_down", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 2, "step_size_down": 5, "mode": "exp_range",
                                          "gamma": 0.95, "scale_fn": None}, 0.1, 30)
sched_case("CyclicLR", "triangular_down", {"base_lr": 0.001, "max_lr": 0.005, "step_size_up": 4, "step_size_down": 1}, 0.1, 25)
sched_case("ReduceLROnPlateau", "max_rel_cooldown_min_lr",
           {"mode": "max", "factor": 0.2, "patience": 1, "threshold": 0.05, "cooldown": 2, "min_lr": 0.003}, 0.5, 0,
           [0.1, 0.2, 0.205, 0.21, 0.3, 0.3, 0.3, 0.31, 0.3, 0.3, 0.29, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4])
sched_case("ReduceLROnPlateau", "min_abs_eps",
           {"mode": "min", "factor": 0.5, "patience": 2, "threshold_mode": "abs", "threshold": 0.05, "eps": 0.004, "min_lr": 0.005}, 0.1, 0,
           [1.0, 0.97, 0.96, 0.94, 0.9, 0.88, 0.87, 0.86, 0.85, 0.8, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79, 0.79])
sched_case("ReduceLROnPlateau", "max_abs",
           {"mode": "max", "threshold_mode": "abs", "threshold": 0.1, "patience": 0, "factor": 0.7}, 0.3, 0,
           [0.0, 0.05, 0.2, 0.25, 0.31, 0.5, 0.5, 0.61, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7])

print("\n".join(lines))
