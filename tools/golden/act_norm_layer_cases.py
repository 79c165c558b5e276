#!/usr/bin/python3
"""Golden cases for nn4j's activations, normalization, linear, dropout, sparse and distance functions:
the variants the shared conformance file does not cover (defaults, boundaries, extra modes, state updates).

Computed by PyTorch 1.13 (Debian's python3-torch) in float64. Format: one JSON object per line, as the
conformance cases (id, op, inputs, args, output, grad_output, grads), plus "after": tensors the call
modifies in place (running statistics, renormalised embedding weights), by input name.
usage: /usr/bin/python3 tools/golden/act_norm_layer_cases.py > nn4j-core/src/test/resources/golden/act-norm-layer-cases.jsonl
"""
import json, math
import torch
import torch.nn.functional as F

torch.manual_seed(20240611)
D = torch.float64

def num(v):
    """Strict JSON has no Infinity/NaN: those travel as the strings "inf", "-inf", "nan"."""
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v

def enc(t):
    t = t.detach()
    if t.dtype == torch.bool:
        return {"dtype": "bool", "shape": list(t.shape), "data": t.reshape(-1).tolist()}
    if t.is_floating_point():
        return {"dtype": "float64", "shape": list(t.shape), "data": [num(float(v)) for v in t.reshape(-1).tolist()]}
    return {"dtype": "int64", "shape": list(t.shape), "data": t.reshape(-1).tolist()}

def rnd(*shape, scale=1.0):
    return (torch.randn(*shape, dtype=D) * scale)

def with_specials(shape, specials):
    x = rnd(*shape, scale=2.0).reshape(-1)
    x[:len(specials)] = torch.tensor(specials, dtype=D)
    return x.reshape(shape)

lines = []

def case(cid, op, fn, inputs, args=None, grad=True, after=()):
    """Runs fn(**clones of inputs, **args); floating inputs not listed in `after` get gradients."""
    args = args or {}
    ins = {}
    for k, v in inputs.items():
        t = v.clone()
        if grad and t.is_floating_point() and k not in after:
            t.requires_grad_(True)
        ins[k] = t
    out = fn(**ins, **args)
    c = {"id": cid, "op": op, "inputs": {k: enc(v) for k, v in inputs.items()}, "args": {k: num(v) for k, v in args.items()},
         "output": enc(out)}
    if grad and out.is_floating_point() and out.requires_grad:
        go = torch.randn(out.shape, dtype=D)
        out.backward(go)
        c["grad_output"] = enc(go)
        c["grads"] = {k: enc(t.grad if t.grad is not None else torch.zeros_like(t)) for k, t in ins.items() if t.requires_grad}
    if after:
        c["after"] = {k: enc(ins[k]) for k in after}
    lines.append(json.dumps(c))

# ------------------------------------------------------------------ activations (values at the kinks included)
sp = [-3.0, 0.0, 3.0, 6.0, 0.5, -0.5, -1.0, 1.0, 25.0, -25.0]
X = lambda: with_specials((3, 4, 5), sp)
case("threshold", "threshold", lambda input, **a: F.threshold(input, **a), {"input": X()}, {"threshold": 0.5, "value": -2.0})
case("relu", "relu", F.relu, {"input": X()})
case("relu6", "relu6", F.relu6, {"input": X()})
case("hardtanh/default", "hardtanh", F.hardtanh, {"input": X()})
case("hardtanh/range", "hardtanh", F.hardtanh, {"input": X()}, {"min_val": -3.0, "max_val": 0.5})
case("hardswish", "hardswish", F.hardswish, {"input": X()})
case("hardsigmoid", "hardsigmoid", F.hardsigmoid, {"input": X()})
case("elu/default", "elu", F.elu, {"input": X()})
case("elu/alpha", "elu", F.elu, {"input": X()}, {"alpha": 0.5})
case("selu", "selu", F.selu, {"input": X()})
case("celu/alpha", "celu", F.celu, {"input": X()}, {"alpha": 2.0})
case("leaky_relu/default", "leaky_relu", F.leaky_relu, {"input": X()})
case("prelu/4d", "prelu", F.prelu, {"input": rnd(2, 3, 4, 2), "weight": rnd(3)})
case("prelu/1d", "prelu", F.prelu, {"input": rnd(7), "weight": rnd(1)})
case("rrelu/eval_default", "rrelu", F.rrelu, {"input": X()})
case("glu/dim1", "glu", F.glu, {"input": rnd(3, 4, 5)}, {"dim": 1})
case("gelu/none", "gelu", F.gelu, {"input": X()})
case("gelu/tanh", "gelu", F.gelu, {"input": X()}, {"approximate": "tanh"})
case("logsigmoid", "logsigmoid", F.logsigmoid, {"input": with_specials((3, 5), [0.0, 50.0, -50.0, 800.0, -800.0])})
case("hardshrink/default", "hardshrink", F.hardshrink, {"input": X()})
case("softshrink/default", "softshrink", F.softshrink, {"input": X()})
case("tanhshrink", "tanhshrink", F.tanhshrink, {"input": X()})
case("softsign", "softsign", F.softsign, {"input": X()})
case("softplus/default", "softplus", F.softplus, {"input": X()})
case("softplus/beta", "softplus", F.softplus, {"input": X()}, {"beta": 2.0, "threshold": 5.0})
case("tanh", "tanh", torch.tanh, {"input": X()})
case("sigmoid", "sigmoid", torch.sigmoid, {"input": X()})
case("silu", "silu", F.silu, {"input": X()})
case("mish", "mish", F.mish, {"input": with_specials((3, 5), [0.0, 30.0, -30.0, 100.0])})
case("softmax/dim0", "softmax", F.softmax, {"input": rnd(4, 3, 5)}, {"dim": 0})
case("softmax/1d", "softmax", F.softmax, {"input": rnd(9)}, {"dim": 0})
case("softmax/wide", "softmax", F.softmax, {"input": rnd(3, 37, scale=5.0)}, {"dim": -1})
case("softmax/middle", "softmax", F.softmax, {"input": rnd(2, 5, 19)}, {"dim": 1})
case("softmax/neg_inf", "softmax", F.softmax, {"input": torch.tensor([[1.0, float("-inf"), 2.0], [float("-inf"), 0.5, -1.0]], dtype=D)}, {"dim": 1})
case("log_softmax/4d", "log_softmax", F.log_softmax, {"input": rnd(2, 3, 4, 5, scale=3.0)}, {"dim": 2})
case("log_softmax/wide", "log_softmax", F.log_softmax, {"input": rnd(3, 41, scale=5.0)}, {"dim": 1})
case("log_softmax/middle", "log_softmax", F.log_softmax, {"input": rnd(2, 7, 17)}, {"dim": 1})
case("softmin/dim0", "softmin", F.softmin, {"input": rnd(4, 3)}, {"dim": 0})

# ------------------------------------------------------------------ normalization
def bn(input, running_mean, running_var, **a):
    return F.batch_norm(input, running_mean, running_var, **a)
def bn_affine(input, running_mean, running_var, weight, bias, **a):
    return F.batch_norm(input, running_mean, running_var, weight, bias, **a)
rv = lambda n: torch.rand(n, dtype=D) + 0.5
case("batch_norm/3d_train", "batch_norm", bn_affine,
     {"input": rnd(4, 3, 5, scale=2.0) + 1, "running_mean": rnd(3), "running_var": rv(3), "weight": rnd(3), "bias": rnd(3)},
     {"training": True, "momentum": 0.1, "eps": 1e-5}, after=("running_mean", "running_var"))
case("batch_norm/5d_train_momentum", "batch_norm", bn,
     {"input": rnd(2, 3, 2, 3, 2), "running_mean": rnd(3), "running_var": rv(3)},
     {"training": True, "momentum": 0.3, "eps": 1e-3}, after=("running_mean", "running_var"))
case("batch_norm/eval_3d", "batch_norm", bn_affine,
     {"input": rnd(4, 3, 5), "running_mean": rnd(3), "running_var": rv(3), "weight": rnd(3), "bias": rnd(3)},
     {"training": False}, after=("running_mean", "running_var"))
case("batch_norm/train_no_running", "batch_norm", lambda input, weight, bias, **a: F.batch_norm(input, None, None, weight, bias, **a),
     {"input": rnd(6, 4), "weight": rnd(4), "bias": rnd(4)}, {"training": True})

def inorm(input, running_mean, running_var, weight, bias, **a):
    return F.instance_norm(input, running_mean, running_var, weight, bias, **a)
case("instance_norm/running", "instance_norm", inorm,
     {"input": rnd(3, 2, 6), "running_mean": rnd(2), "running_var": rv(2), "weight": rnd(2), "bias": rnd(2)},
     {"use_input_stats": True, "momentum": 0.2}, after=("running_mean", "running_var"))
case("instance_norm/running_stats_eval", "instance_norm", inorm,
     {"input": rnd(3, 2, 4, 3), "running_mean": rnd(2), "running_var": rv(2), "weight": rnd(2), "bias": rnd(2)},
     {"use_input_stats": False}, after=("running_mean", "running_var"))
case("instance_norm/plain", "instance_norm", F.instance_norm, {"input": rnd(2, 3, 4, 5)}, {"eps": 1e-3})

case("layer_norm/affine_2d", "layer_norm", F.layer_norm,
     {"input": rnd(2, 3, 4, 5, scale=3.0), "weight": rnd(4, 5), "bias": rnd(4, 5)}, {"normalized_shape": [4, 5], "eps": 1e-5})
case("layer_norm/weight_only_wide", "layer_norm", F.layer_norm,
     {"input": rnd(5, 37) + 3, "weight": rnd(37)}, {"normalized_shape": [37], "eps": 1e-3})
case("layer_norm/all_dims", "layer_norm", F.layer_norm, {"input": rnd(3, 4)}, {"normalized_shape": [3, 4]})

case("group_norm/one_group", "group_norm", F.group_norm, {"input": rnd(2, 4, 3), "weight": rnd(4), "bias": rnd(4)}, {"num_groups": 1})
case("group_norm/per_channel_4d", "group_norm", F.group_norm, {"input": rnd(2, 4, 3, 2)}, {"num_groups": 4, "eps": 1e-3})

case("local_response_norm/3d", "local_response_norm", F.local_response_norm, {"input": rnd(2, 5, 4)}, {"size": 2})
case("local_response_norm/5d", "local_response_norm", F.local_response_norm, {"input": rnd(2, 6, 2, 3, 2)},
     {"size": 3, "alpha": 0.1, "beta": 0.5, "k": 2.0})
case("local_response_norm/4d_even", "local_response_norm", F.local_response_norm, {"input": rnd(1, 7, 3, 3)}, {"size": 4, "alpha": 0.5})

def rms_ref(input, weight, normalized_shape, eps):
    dims = tuple(range(-len(normalized_shape), 0))
    return input * torch.rsqrt(input.pow(2).mean(dims, keepdim=True) + eps) * weight
case("rms_norm/affine", "rms_norm", rms_ref, {"input": rnd(3, 4, 6), "weight": rnd(4, 6)}, {"normalized_shape": [4, 6], "eps": 1e-6})

zero_row = rnd(4, 6); zero_row[2] = 0
case("normalize/zero_row", "normalize", F.normalize, {"input": zero_row})
case("normalize/inf", "normalize", F.normalize, {"input": rnd(3, 5)}, {"p": float("inf"), "dim": 0})
case("normalize/p3_last", "normalize", F.normalize, {"input": rnd(2, 3, 4)}, {"p": 3.0, "dim": -1, "eps": 1e-6})

# ------------------------------------------------------------------ linear
case("linear/4d_bias", "linear", F.linear, {"input": rnd(2, 3, 2, 5), "weight": rnd(4, 5), "bias": rnd(4)})
case("linear/1d_input", "linear", F.linear, {"input": rnd(5), "weight": rnd(3, 5), "bias": rnd(3)})
case("linear/noncontiguous", "linear", lambda input, weight: F.linear(input.transpose(0, 1), weight),
     {"input": rnd(5, 3, 4), "weight": rnd(2, 4)})
case("bilinear/3d_nobias", "bilinear", F.bilinear, {"input1": rnd(2, 3, 4), "input2": rnd(2, 3, 5), "weight": rnd(6, 4, 5)})

# ------------------------------------------------------------------ dropout (deterministic forms)
case("dropout/p1", "dropout", F.dropout, {"input": rnd(3, 4)}, {"p": 1.0, "training": True})
case("alpha_dropout/default_eval", "alpha_dropout", F.alpha_dropout, {"input": rnd(3, 4)})
case("alpha_dropout/p0", "alpha_dropout", F.alpha_dropout, {"input": rnd(3, 4)}, {"p": 0.0, "training": True})
case("feature_alpha_dropout/eval", "feature_alpha_dropout", F.feature_alpha_dropout, {"input": rnd(2, 3, 4)}, {"p": 0.3})
case("dropout1d/eval", "dropout1d", F.dropout1d, {"input": rnd(2, 3, 4)}, {"p": 0.3, "training": False})
case("dropout2d/p0", "dropout2d", F.dropout2d, {"input": rnd(2, 3, 2, 2)}, {"p": 0.0})
case("dropout3d/eval", "dropout3d", F.dropout3d, {"input": rnd(2, 3, 2, 2, 2)}, {"training": False})

# ------------------------------------------------------------------ sparse
idx = lambda hi, *s: torch.randint(0, hi, s)
case("embedding/padding_neg", "embedding", F.embedding, {"input": torch.tensor([[0, 9, 3], [9, 9, 1]]), "weight": rnd(10, 3)}, {"padding_idx": -1})
case("embedding/scale_grad_by_freq", "embedding", F.embedding, {"input": torch.tensor([1, 1, 2, 1, 4, 2]), "weight": rnd(6, 4)},
     {"scale_grad_by_freq": True})
w_mn = rnd(8, 3, scale=2.0)
case("embedding/max_norm", "embedding", lambda input, weight, **a: F.embedding(input, weight, **a),
     {"input": torch.tensor([0, 2, 2, 5, 7]), "weight": w_mn}, {"max_norm": 1.5}, grad=False, after=("weight",))
case("embedding/max_norm_p1", "embedding", lambda input, weight, **a: F.embedding(input, weight, **a),
     {"input": torch.tensor([[1, 3], [6, 1]]), "weight": rnd(8, 4, scale=2.0)}, {"max_norm": 2.0, "norm_type": 1.0},
     grad=False, after=("weight",))

def ebag(input, weight, offsets=None, per_sample_weights=None, **a):
    return F.embedding_bag(input, weight, offsets, per_sample_weights=per_sample_weights, **a)
flat = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9, 2])
case("embedding_bag/include_last_offset", "embedding_bag", ebag,
     {"input": flat, "weight": rnd(10, 3), "offsets": torch.tensor([0, 3, 3, 9])}, {"mode": "sum", "include_last_offset": True})
case("embedding_bag/per_sample_weights", "embedding_bag", ebag,
     {"input": flat, "weight": rnd(10, 3), "offsets": torch.tensor([0, 4, 4]), "per_sample_weights": rnd(9)}, {"mode": "sum"})
for mode in ("sum", "mean", "max"):
    case(f"embedding_bag/padding_{mode}", "embedding_bag", ebag,
         {"input": flat, "weight": rnd(10, 3), "offsets": torch.tensor([0, 4, 4, 7])}, {"mode": mode, "padding_idx": 2})
case("embedding_bag/2d_input", "embedding_bag", ebag, {"input": idx(10, 3, 4), "weight": rnd(10, 5)}, {"mode": "mean"})
case("embedding_bag/2d_max", "embedding_bag", ebag, {"input": idx(10, 3, 4), "weight": rnd(10, 5)}, {"mode": "max"})
case("one_hot/infer", "one_hot", F.one_hot, {"input": torch.tensor([[2, 0], [4, 1]])}, grad=False)
case("one_hot/3d", "one_hot", F.one_hot, {"input": idx(3, 2, 2, 3)}, {"num_classes": 5}, grad=False)

# ------------------------------------------------------------------ distance
same = rnd(3, 5); x2s = same.clone(); x2s[1] += 1
case("pairwise_distance/inf", "pairwise_distance", F.pairwise_distance, {"x1": rnd(4, 5), "x2": rnd(4, 5)}, {"p": float("inf")})
case("pairwise_distance/p3_broadcast", "pairwise_distance", F.pairwise_distance, {"x1": rnd(2, 3, 4), "x2": rnd(3, 4)}, {"p": 3.0})
case("pairwise_distance/1d", "pairwise_distance", F.pairwise_distance, {"x1": rnd(6), "x2": rnd(6)}, {"keepdim": True})
case("pairwise_distance/equal_rows", "pairwise_distance", F.pairwise_distance, {"x1": same, "x2": x2s}, {"eps": 0.0})
case("cosine_similarity/broadcast_last", "cosine_similarity", F.cosine_similarity, {"x1": rnd(2, 1, 5), "x2": rnd(3, 5)}, {"dim": -1})
zero_vec = rnd(3, 4); zero_vec[1] = 0
case("cosine_similarity/zero_vector", "cosine_similarity", F.cosine_similarity, {"x1": zero_vec, "x2": rnd(3, 4)}, {"dim": 1, "eps": 1e-8})
dup = rnd(4, 3); dup[2] = dup[0]
case("pdist/p1", "pdist", F.pdist, {"input": rnd(5, 3)}, {"p": 1.0})
case("pdist/inf", "pdist", F.pdist, {"input": rnd(4, 6)}, {"p": float("inf")})
case("pdist/p3", "pdist", F.pdist, {"input": rnd(4, 2)}, {"p": 3.0})
case("pdist/duplicate_rows", "pdist", F.pdist, {"input": dup})

print("\n".join(lines))
