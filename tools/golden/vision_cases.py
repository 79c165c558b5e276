#!/usr/bin/python3
"""Golden cases for the vision and attention functionals (pad, interpolate in every mode, upsample*, grid_sample,
affine_grid, pixel/channel shuffle, scaled_dot_product_attention, multi_head_attention_forward) that the shared
conformance file does not cover: other modes, paddings, ranks, ties and argument combinations.

The file is in the conformance format (shared/conformance/FORMAT.md, kind "functional"), so both the core unit test
(VisionGoldenTest) and the CLI runner read it. Unlike the shared file, outputs and gradients are computed by PyTorch
in float32 -- the precision whose index math (nearest ties, source indices) nn4j reproduces for float32 inputs.
usage: /usr/bin/python3 tools/golden/vision_cases.py > nn4j-core/src/test/resources/golden/vision-cases.jsonl
Check:  /usr/bin/python3 ../shared/conformance/reference_runner.py nn4j-core/src/test/resources/golden/vision-cases.jsonl
"""
import json
import math
import warnings

import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore")
torch.manual_seed(2024)


def enc(t):
    if t.dtype == torch.bool:
        return {"dtype": "bool", "shape": list(t.shape), "data": [bool(v) for v in t.reshape(-1).tolist()]}
    if not t.is_floating_point():
        return {"dtype": "int64", "shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    # 9 significant digits round-trip a float32 exactly and keep the file small
    return {"dtype": "float32", "shape": list(t.shape), "data": [float(f"{v:.9g}") for v in t.reshape(-1).tolist()]}


def f32(*shape, lo=None, hi=None):
    t = torch.randn(*shape) if lo is None else torch.rand(*shape) * (hi - lo) + lo
    return t.to(torch.float32)


def sdpa(query, key, value, attn_mask=None, is_causal=False, scale=None):
    # the shared reference runner's semantics (PyTorch 2.x), verbatim
    d = query.shape[-1]
    s = query @ key.transpose(-2, -1) * (scale if scale is not None else 1 / math.sqrt(d))
    if is_causal:
        L, S = query.shape[-2], key.shape[-2]
        s = s.masked_fill(~torch.ones(L, S, dtype=torch.bool).tril(), float("-inf"))
    if attn_mask is not None:
        s = s.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else s + attn_mask
    return torch.softmax(s, -1) @ value


TUPLE_ARGS = ("size", "pad")


def call(op, ins, args):
    a = dict(args)
    for k in TUPLE_ARGS:
        if isinstance(a.get(k), list):
            a[k] = tuple(a[k])
    if op == "scaled_dot_product_attention":
        return sdpa(**ins, **a)
    return getattr(F, op)(**ins, **a)


def case(cid, op, ins, args=None, grads=True, tol=(1e-4, 1e-5), no_grad=()):
    args = args or {}
    work = {}
    for k, v in ins.items():
        t = v.clone()
        if grads and t.is_floating_point() and k not in no_grad:
            t.requires_grad_(True)
        work[k] = t
    out = call(op, work, args)
    outs = [o for o in (list(out) if isinstance(out, (tuple, list)) else [out]) if o is not None]
    c = {"id": cid, "kind": "functional", "op": op, "inputs": {k: enc(v) for k, v in ins.items()}, "args": args,
         "output": [enc(o.detach()) for o in outs] if len(outs) > 1 else enc(outs[0].detach())}
    diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
    if grads and diff:
        gos = [torch.randn(o.shape, dtype=torch.float32) for o in diff]
        torch.autograd.backward(diff, gos)
        c["grad_output"] = [enc(g) for g in gos] if len(gos) > 1 else enc(gos[0])
        c["grads"] = {k: enc(v.grad if v.grad is not None else torch.zeros_like(v))
                      for k, v in work.items() if v.is_floating_point() and v.requires_grad}
    c["tol"] = {"rtol": tol[0], "atol": tol[1]}
    c["note"] = "reference computed by PyTorch 1.13 in float32"
    print(json.dumps(c))


def pad_cases():
    case("pad/constant/default_value", "pad", {"input": f32(2, 3, 4)}, {"pad": [2, 1]})
    case("pad/constant/negative_crop", "pad", {"input": f32(2, 3, 5, 6)}, {"pad": [-1, 2, 1, -2], "value": -1.5})
    case("pad/constant/3dims_of_4d", "pad", {"input": f32(2, 3, 4, 5)}, {"pad": [1, 1, 0, 2, 1, 0], "mode": "constant", "value": 2.0})
    case("pad/constant/all_dims", "pad", {"input": f32(2, 3)}, {"pad": [1, 0, 0, 2]})
    case("pad/reflect/1d_unbatched", "pad", {"input": f32(3, 6)}, {"pad": [3, 5], "mode": "reflect"})
    case("pad/reflect/1d_batched", "pad", {"input": f32(2, 3, 6)}, {"pad": [2, 1], "mode": "reflect"})
    case("pad/reflect/negative", "pad", {"input": f32(2, 3, 6)}, {"pad": [-2, 3], "mode": "reflect"})
    case("pad/reflect/2d_unbatched", "pad", {"input": f32(3, 4, 5)}, {"pad": [1, 4, 3, 2], "mode": "reflect"})
    case("pad/reflect/3d", "pad", {"input": f32(1, 2, 3, 4, 5)}, {"pad": [1, 2, 2, 1, 1, 2], "mode": "reflect"})
    case("pad/replicate/1d", "pad", {"input": f32(2, 3, 4)}, {"pad": [5, 2], "mode": "replicate"})
    case("pad/replicate/3d_unbatched", "pad", {"input": f32(2, 3, 4, 5)}, {"pad": [2, 0, 1, 3, 4, 1], "mode": "replicate"})
    case("pad/replicate/negative", "pad", {"input": f32(1, 2, 4, 5)}, {"pad": [-1, 2, 1, -2], "mode": "replicate"})
    case("pad/circular/1d", "pad", {"input": f32(2, 3, 5)}, {"pad": [5, 3], "mode": "circular"})
    case("pad/circular/3d", "pad", {"input": f32(1, 2, 3, 4, 5)}, {"pad": [1, 2, 3, 0, 2, 2], "mode": "circular"})
    case("pad/circular/negative", "pad", {"input": f32(1, 2, 4, 6)}, {"pad": [-2, 1, 2, -1], "mode": "circular"})


def interpolate_cases():
    x3, x4, x5 = f32(2, 3, 7), f32(2, 2, 5, 7), f32(1, 2, 3, 4, 5)
    # nearest: float scale math, non-integer factors, downsampling, the 2x fast path, 3-D and 5-D
    case("interpolate/nearest/1d_size", "interpolate", {"input": x3}, {"size": 12})
    case("interpolate/nearest/1d_scale_1.7", "interpolate", {"input": x3}, {"scale_factor": 1.7})
    case("interpolate/nearest/2d_down_scale", "interpolate", {"input": x4}, {"scale_factor": [0.6, 0.45]})
    case("interpolate/nearest/2d_scale_recompute", "interpolate", {"input": x4}, {"scale_factor": [1.3, 2.6], "recompute_scale_factor": True})
    case("interpolate/nearest/2d_scale_3", "interpolate", {"input": x4}, {"scale_factor": 3.0, "mode": "nearest"})
    case("interpolate/nearest/3d_size", "interpolate", {"input": x5}, {"size": [5, 3, 8]})
    case("interpolate/nearest/3d_scale", "interpolate", {"input": x5}, {"scale_factor": [2.0, 1.5, 0.5]})
    # nearest-exact
    case("interpolate/nearest-exact/1d_size", "interpolate", {"input": x3}, {"size": 11, "mode": "nearest-exact"})
    case("interpolate/nearest-exact/2d_scale", "interpolate", {"input": x4}, {"scale_factor": [1.6, 0.7], "mode": "nearest-exact"})
    case("interpolate/nearest-exact/3d_size", "interpolate", {"input": x5}, {"size": [2, 7, 3], "mode": "nearest-exact"})
    # linear family, scale factors with and without recompute, align corners
    case("interpolate/linear/scale_align", "interpolate", {"input": x3}, {"scale_factor": 1.5, "mode": "linear", "align_corners": True})
    case("interpolate/linear/scale_2.3", "interpolate", {"input": x3}, {"scale_factor": 2.3, "mode": "linear"})
    case("interpolate/linear/scale_2.3_recompute", "interpolate", {"input": x3},
         {"scale_factor": 2.3, "mode": "linear", "recompute_scale_factor": True})
    case("interpolate/linear/down", "interpolate", {"input": x3}, {"size": 4, "mode": "linear", "align_corners": False})
    case("interpolate/linear/same_size", "interpolate", {"input": x3}, {"size": 7, "mode": "linear", "align_corners": True})
    case("interpolate/linear/to_one", "interpolate", {"input": x3}, {"size": 1, "mode": "linear", "align_corners": True})
    case("interpolate/bilinear/scale_0.7", "interpolate", {"input": x4}, {"scale_factor": 0.7, "mode": "bilinear"})
    case("interpolate/bilinear/scale_list_align", "interpolate", {"input": x4},
         {"scale_factor": [1.5, 2.0], "mode": "bilinear", "align_corners": True})
    case("interpolate/bilinear/one_dim_same", "interpolate", {"input": x4}, {"size": [5, 11], "mode": "bilinear"})
    case("interpolate/trilinear/size", "interpolate", {"input": x5}, {"size": [5, 3, 7], "mode": "trilinear", "align_corners": False})
    case("interpolate/trilinear/scale_align", "interpolate", {"input": x5},
         {"scale_factor": [1.5, 2.0, 0.8], "mode": "trilinear", "align_corners": True})
    # bicubic: align corners, sizes, downsampling (clamped border taps)
    case("interpolate/bicubic/size_align", "interpolate", {"input": x4}, {"size": [9, 6], "mode": "bicubic", "align_corners": True})
    case("interpolate/bicubic/size", "interpolate", {"input": x4}, {"size": [3, 12], "mode": "bicubic"})
    case("interpolate/bicubic/scale_0.6", "interpolate", {"input": x4}, {"scale_factor": 0.6, "mode": "bicubic"})
    case("interpolate/bicubic/scale_recompute", "interpolate", {"input": x4},
         {"scale_factor": 1.7, "mode": "bicubic", "recompute_scale_factor": True})
    # area = adaptive average pooling
    case("interpolate/area/1d", "interpolate", {"input": x3}, {"size": 3, "mode": "area"})
    case("interpolate/area/2d_up_down", "interpolate", {"input": x4}, {"size": [3, 10], "mode": "area"})
    case("interpolate/area/2d_scale", "interpolate", {"input": x4}, {"scale_factor": 0.5, "mode": "area"})
    case("interpolate/area/3d", "interpolate", {"input": x5}, {"size": [2, 3, 3], "mode": "area"})
    # antialias (PIL filters)
    case("interpolate/bilinear/antialias_down", "interpolate", {"input": f32(1, 2, 9, 11)},
         {"size": [4, 5], "mode": "bilinear", "antialias": True})
    case("interpolate/bilinear/antialias_up", "interpolate", {"input": x4}, {"size": [7, 9], "mode": "bilinear", "antialias": True})
    case("interpolate/bilinear/antialias_scale_align", "interpolate", {"input": f32(1, 2, 9, 11)},
         {"scale_factor": 0.4, "mode": "bilinear", "antialias": True, "align_corners": True})
    case("interpolate/bicubic/antialias_down", "interpolate", {"input": f32(1, 2, 9, 11)},
         {"size": [5, 3], "mode": "bicubic", "antialias": True})
    case("interpolate/bicubic/antialias_mixed", "interpolate", {"input": x4}, {"size": [3, 10], "mode": "bicubic", "antialias": True})
    # upsample aliases
    case("upsample/bilinear", "upsample", {"input": x4}, {"scale_factor": 2.0, "mode": "bilinear"})
    case("upsample/nearest_size", "upsample", {"input": x3}, {"size": 10})
    case("upsample_nearest", "upsample_nearest", {"input": x4}, {"size": [6, 9]})
    case("upsample_bilinear/scale", "upsample_bilinear", {"input": x4}, {"scale_factor": 1.5})
    case("upsample_bilinear/size", "upsample_bilinear", {"input": x4}, {"size": [4, 9]})


def grid_cases():
    x = f32(2, 3, 4, 5)
    grid = f32(2, 3, 6, 2, lo=-1.3, hi=1.3)
    for mode in ("bilinear", "nearest", "bicubic"):
        for padding in ("zeros", "border", "reflection"):
            for align in (False, True):
                case(f"grid_sample/{mode}/{padding}/align={align}", "grid_sample", {"input": x, "grid": grid},
                     {"mode": mode, "padding_mode": padding, "align_corners": align})
    # far outside: reflection wraps several times
    far = f32(1, 2, 3, 2, lo=-4.5, hi=4.5)
    for mode in ("bilinear", "bicubic"):
        case(f"grid_sample/{mode}/reflection/far", "grid_sample", {"input": f32(1, 2, 3, 4), "grid": far},
             {"mode": mode, "padding_mode": "reflection", "align_corners": False})
    # an identity grid at twice the resolution lands exactly on half-pixel ties
    theta = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    ties = F.affine_grid(theta, (1, 1, 8, 10), align_corners=False)
    for padding in ("zeros", "border"):
        case(f"grid_sample/nearest/ties/{padding}", "grid_sample", {"input": f32(1, 2, 4, 5), "grid": ties},
             {"mode": "nearest", "padding_mode": padding, "align_corners": False})
    x5 = f32(2, 2, 3, 4, 5)
    grid5 = f32(2, 2, 3, 2, 3, lo=-1.3, hi=1.3)
    for mode in ("bilinear", "nearest"):
        for padding in ("zeros", "border", "reflection"):
            for align in (False, True):
                case(f"grid_sample/5d/{mode}/{padding}/align={align}", "grid_sample", {"input": x5, "grid": grid5},
                     {"mode": mode, "padding_mode": padding, "align_corners": align})
    case("affine_grid/3d", "affine_grid", {"theta": f32(2, 3, 4)}, {"size": [2, 3, 3, 4, 5], "align_corners": False})
    case("affine_grid/3d_align", "affine_grid", {"theta": f32(2, 3, 4)}, {"size": [2, 1, 3, 1, 5], "align_corners": True})
    case("affine_grid/2d_unit", "affine_grid", {"theta": f32(1, 2, 3)}, {"size": [1, 1, 1, 4], "align_corners": False})


def shuffle_cases():
    case("pixel_shuffle/3d", "pixel_shuffle", {"input": f32(9, 2, 3)}, {"upscale_factor": 3})
    case("pixel_shuffle/5d", "pixel_shuffle", {"input": f32(2, 2, 4, 2, 3)}, {"upscale_factor": 2})
    case("pixel_unshuffle/3", "pixel_unshuffle", {"input": f32(1, 2, 6, 3)}, {"downscale_factor": 3})
    case("channel_shuffle/3d", "channel_shuffle", {"input": f32(2, 8, 3)}, {"groups": 4}, grads=False)
    case("channel_shuffle/5d", "channel_shuffle", {"input": f32(1, 6, 2, 2, 2)}, {"groups": 2}, grads=False)


def attention_cases():
    q, k, v = f32(2, 3, 4, 8), f32(2, 3, 6, 8), f32(2, 3, 6, 5)
    case("sdpa/float_mask", "scaled_dot_product_attention", {"query": q, "key": k, "value": v, "attn_mask": f32(4, 6)})
    case("sdpa/scale", "scaled_dot_product_attention", {"query": q, "key": k, "value": v}, {"scale": 0.3})
    case("sdpa/causal_rect", "scaled_dot_product_attention", {"query": f32(2, 4, 8), "key": f32(2, 6, 8), "value": f32(2, 6, 3)},
         {"is_causal": True})
    mask = torch.rand(2, 1, 4, 6) > 0.3
    mask[..., 0] = True
    case("sdpa/bool_mask_broadcast", "scaled_dot_product_attention", {"query": q, "key": k, "value": v, "attn_mask": mask})
    case("sdpa/unbatched", "scaled_dot_product_attention", {"query": f32(5, 4), "key": f32(7, 4), "value": f32(7, 2)})

    E, H = 8, 2
    def mha(cid, L=4, S=5, N=3, batched=True, **kw):
        shape_q = (L, N, E) if batched else (L, E)
        shape_k = (S, N, E) if batched else (S, E)
        ins = {"query": f32(*shape_q), "key": f32(*shape_k), "value": f32(*shape_k),
               "in_proj_weight": f32(3 * E, E) * 0.3, "in_proj_bias": f32(3 * E) * 0.1,
               "out_proj_weight": f32(E, E) * 0.3, "out_proj_bias": f32(E) * 0.1}
        args = {"embed_dim_to_check": E, "num_heads": H, "bias_k": None, "bias_v": None, "add_zero_attn": False,
                "dropout_p": 0.0, "training": False}
        for key, val in kw.items():
            if val is None:
                ins.pop(key, None)
                args[key] = None
            elif isinstance(val, torch.Tensor):
                args.pop(key, None)
                ins[key] = val
            else:
                args[key] = val
        no_grad = [n for n in ("key_padding_mask", "attn_mask") if n in ins]
        case(cid, "multi_head_attention_forward", ins, args, no_grad=no_grad, tol=(1e-4, 1e-4))

    mha("mha/plain")
    mha("mha/unbatched", batched=False)
    kpm = torch.zeros(3, 5, dtype=torch.bool)
    kpm[0, 4] = kpm[2, 1] = kpm[2, 3] = True
    mha("mha/key_padding_mask", key_padding_mask=kpm)
    am = torch.rand(4, 5) > 0.7
    am[:, 0] = False
    mha("mha/bool_attn_mask_and_kpm", attn_mask=am, key_padding_mask=kpm)
    mha("mha/float_attn_mask_3d", attn_mask=f32(3 * H, 4, 5))
    mha("mha/float_attn_mask_and_kpm", attn_mask=f32(4, 5), key_padding_mask=kpm)
    mha("mha/float_kpm", key_padding_mask=f32(3, 5))
    mha("mha/per_head_weights", average_attn_weights=False)
    mha("mha/add_zero_attn", add_zero_attn=True, attn_mask=am)
    mha("mha/bias_kv", bias_k=f32(1, 1, E), bias_v=f32(1, 1, E), key_padding_mask=kpm, attn_mask=f32(4, 5))
    mha("mha/separate_proj", use_separate_proj_weight=True, q_proj_weight=f32(E, E) * 0.3,
        k_proj_weight=f32(E, E) * 0.3, v_proj_weight=f32(E, E) * 0.3)
    mha("mha/static_kv", static_k=f32(3 * H, 6, E // H), static_v=f32(3 * H, 6, E // H))
    mha("mha/no_in_bias", in_proj_bias=None)


if __name__ == "__main__":
    pad_cases()
    interpolate_cases()
    grid_cases()
    shuffle_cases()
    attention_cases()
