#!/usr/bin/python3
"""Tensor cases at more edges than tensor_cases.py / tensor_edge_cases.py reach: reductions over dim lists,
negative dims, keepdim, size-1 and zero-size dims; var/std with unbiased/correction; int64 and bool inputs
(type promotion, bool arithmetic, mixed-dtype comparisons, integer division signs); special floats (inf, -inf,
nan, -0.0) in unary math, extremes, sorting and clamping; matmul/einsum broadcasting, ellipsis and repeated
indices; gather/scatter/index ops with negative dims and repeated indices; cumprod/prod backward at zeros;
norm orders; shape ops with negative arguments.
Conformance format (shared/conformance/FORMAT.md); the call of each case is the one reference_runner.py makes
(its TENSOR table, else getattr(torch, op)(**inputs, **args)); references computed by PyTorch 1.13 in float64
from the float32 inputs, gradients for every floating input where PyTorch differentiates.
Left out: topk/sort/argsort/max(dim)/argmax with ties where the order is PyTorch-kernel-defined, scatter with
repeated indices (which write wins is unspecified), integers to negative integer powers (PyTorch raises).
usage: /usr/bin/python3 tools/golden/tensor_edge2_cases.py > nn4j-cli/src/test/resources/conformance/tensor-edge2.jsonl
Check:  /usr/bin/python3 ../shared/conformance/reference_runner.py nn4j-cli/src/test/resources/conformance/tensor-edge2.jsonl
"""
import json
import sys

import torch

from casefmt import enc

torch.manual_seed(2113)
TENSOR = {
    "add": lambda input, other: input + other, "sub": lambda input, other: input - other, "mul": lambda input, other: input * other,
    "div": lambda input, other: input / other, "pow": lambda input, exponent: input ** exponent,
    "clamp": lambda input, min, max: torch.clamp(input, min, max), "matmul": lambda input, other: input @ other,
    "bmm": lambda input, mat2: torch.bmm(input, mat2),
    "var": lambda input, **k: torch.var(input, **k), "std": lambda input, **k: torch.std(input, **k),
    "max": lambda input, **k: torch.max(input, **k), "argmax": lambda input, dim: torch.argmax(input, dim=dim),
    "cumsum": lambda input, dim: torch.cumsum(input, dim), "transpose": lambda input, dim0, dim1: input.transpose(dim0, dim1),
    "permute": lambda input, dims: input.permute(*dims), "reshape": lambda input, shape: input.transpose(0, 1).reshape(shape),
    "expand": lambda input, size: input.expand(*size), "cat": lambda a, b, dim: torch.cat([a, b], dim),
    "stack": lambda a, b, dim: torch.stack([a, b], dim), "narrow": lambda input, dim, start, length: input.narrow(dim, start, length),
    "gather": lambda input, dim, index: torch.gather(input, dim, index), "index_select": lambda input, dim, index: torch.index_select(input, dim, index),
    "scatter_add": lambda input, dim, index, src: input.scatter_add(dim, index, src), "where": lambda condition, input, other: torch.where(condition, input, other),
    "masked_fill": lambda input, mask, value: input.masked_fill(mask, value), "triu": lambda input, diagonal: torch.triu(input, diagonal),
    "topk": lambda input, k, dim: torch.topk(input, k, dim), "sort": lambda input, dim, descending: torch.sort(input, dim=dim, descending=descending),
    "einsum": lambda a, b, equation: torch.einsum(equation, a, b), "flip": lambda input, dims: torch.flip(input, dims),
    "repeat": lambda input, repeats: input.repeat(*repeats), "minimum": lambda input, other: torch.minimum(input, other),
}
TUPLE_DIM_OPS = ("sum", "mean", "amax", "amin", "prod", "logsumexp")
INF, NAN = float("inf"), float("nan")




def call(op, ins, args):
    a = dict(args)
    if op in TUPLE_DIM_OPS and isinstance(a.get("dim"), list):
        a["dim"] = tuple(a["dim"])
    f = TENSOR.get(op) or (lambda input, **k: getattr(torch, op)(input, **k))
    return f(**ins, **a)


def T(data, dtype=torch.float32):
    return torch.tensor(data, dtype=dtype)


def I(data):
    return torch.tensor(data, dtype=torch.int64)


def B(data):
    return torch.tensor(data, dtype=torch.bool)


def f32(*shape):
    return torch.randn(*shape, dtype=torch.float32)


n_cases = 0
seen_ids = set()


def case(cid, op, ins, args=None, grad=True, tol=(1e-4, 1e-5)):
    """One case; grads for every floating input when the output is differentiable (grad=False: outputs only)."""
    global n_cases
    if cid in seen_ids:
        raise SystemExit(f"duplicate case id {cid}")
    seen_ids.add(cid)
    args = args or {}
    ins = {k: (v.to(torch.float32) if v.is_floating_point() else v) for k, v in ins.items()}
    tins = {k: (v.double().requires_grad_(grad) if v.is_floating_point() else v.clone()) for k, v in ins.items()}
    try:
        out = call(op, tins, args)
    except Exception as ex:  # noqa: BLE001 - a call PyTorch refuses is no case
        print(f"skipped {cid}: {type(ex).__name__}: {ex}", file=sys.stderr)
        return
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    c = {"id": "edge2/" + cid, "kind": "tensor", "op": op, "inputs": {k: enc(v) for k, v in ins.items()}, "args": args,
         "output": [enc(o) for o in outs] if len(outs) > 1 else enc(outs[0]), "tol": {"rtol": tol[0], "atol": tol[1]}}
    diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
    if grad and diff:
        gos = [torch.randn(o.shape, dtype=torch.float32).double() for o in diff]
        try:
            torch.autograd.backward(diff, gos)
        except Exception as ex:  # noqa: BLE001 - PyTorch cannot differentiate it: outputs only
            print(f"{cid}: no grads (backward: {type(ex).__name__}: {str(ex)[:60]})", file=sys.stderr)
            diff = []
    if grad and diff:
        c["grad_output"] = [enc(g) for g in gos] if len(gos) > 1 else enc(gos[0])
        c["grads"] = {k: enc(t.grad if t.grad is not None else torch.zeros_like(t)) for k, t in tins.items() if t.is_floating_point()}
    print(json.dumps(c))
    n_cases += 1


# ------------------------------------------------------------------ reductions: dim lists, negative dims, keepdim, size-1/zero-size
x3 = f32(2, 3, 4)
x1 = f32(3, 1, 2)
x0 = f32(2, 0, 3)
for op in ("sum", "mean", "amax", "amin", "logsumexp", "nansum"):
    case(f"{op}_neg_dims", op, {"input": x3}, {"dim": [-1, -3]})
    case(f"{op}_neg_dims_keep", op, {"input": x3}, {"dim": [-1, 0], "keepdim": True})
    case(f"{op}_neg_dim", op, {"input": x3}, {"dim": -2, "keepdim": True})
    case(f"{op}_size1_dim", op, {"input": x1}, {"dim": 1})
    case(f"{op}_size1_dim_keep", op, {"input": x1}, {"dim": [1, -1], "keepdim": True})
    case(f"{op}_all_dims_list", op, {"input": x3}, {"dim": [0, 1, 2]})
    case(f"{op}_zero_size_other_dim", op, {"input": x0}, {"dim": 2})
    case(f"{op}_zero_size_other_dim_keep", op, {"input": x0}, {"dim": -1, "keepdim": True})
case("sum_zero_size_dim", "sum", {"input": x0}, {"dim": 1})
case("sum_zero_size_dim_keep", "sum", {"input": x0}, {"dim": [1], "keepdim": True})
case("sum_zero_size_all", "sum", {"input": x0})
case("mean_zero_size_dim", "mean", {"input": x0}, {"dim": 1})
case("prod_zero_size_dim", "prod", {"input": x0}, {"dim": 1})
case("logsumexp_zero_size_dim", "logsumexp", {"input": x0}, {"dim": 1})
case("nansum_zero_size_dim", "nansum", {"input": x0}, {"dim": -2})
case("count_nonzero_zero_size", "count_nonzero", {"input": x0}, {"dim": 1})
case("any_zero_size_dim", "any", {"input": x0}, {"dim": 1})
case("all_zero_size_dim", "all", {"input": x0}, {"dim": 1})
case("sum_scalar_input", "sum", {"input": T(2.5)})
case("sum_scalar_dim0", "sum", {"input": T(2.5)}, {"dim": 0})
case("mean_scalar_neg_dim_keep", "mean", {"input": T(-1.5)}, {"dim": -1, "keepdim": True})
case("amax_scalar", "amax", {"input": T(3.0)})
case("sum_empty_dim_list", "sum", {"input": x3}, {"dim": []})
case("mean_empty_dim_list_keep", "mean", {"input": x3}, {"dim": [], "keepdim": True})
case("amax_empty_dim_list", "amax", {"input": x3}, {"dim": []})
case("logsumexp_3dims_keep", "logsumexp", {"input": x3}, {"dim": [2, 0, 1], "keepdim": True})
# amax/amin ties: the gradient is shared evenly between the tied maxima
tie = T([[1.0, 3.0, 3.0, -2.0], [2.0, 2.0, 2.0, 2.0], [0.0, -1.0, 5.0, 5.0]])
case("amax_ties_grad", "amax", {"input": tie}, {"dim": 1})
case("amin_ties_grad", "amin", {"input": tie}, {"dim": -1, "keepdim": True})
case("amax_ties_all", "amax", {"input": tie})
case("amin_ties_dims", "amin", {"input": tie}, {"dim": [0, 1]})
case("max_all_ties_grad", "max", {"input": tie})
case("min_all_ties_grad", "min", {"input": tie})
# prod at zeros (backward divides by nothing)
pz = T([[2.0, 0.0, 3.0, -1.5], [0.0, 4.0, 0.0, 1.0], [1.5, -2.0, 0.5, 3.0]])
case("prod_zero_dim1", "prod", {"input": pz}, {"dim": 1})
case("prod_zero_dim0_keep", "prod", {"input": pz}, {"dim": 0, "keepdim": True})
case("prod_zero_neg_dim", "prod", {"input": pz}, {"dim": -1, "keepdim": True})
case("prod_one_zero_all", "prod", {"input": T([[2.0, 0.0], [3.0, -1.5]])})
case("prod_two_zeros_all", "prod", {"input": T([[2.0, 0.0], [0.0, -1.5]])})
case("prod_no_zero_all", "prod", {"input": T([[2.0, 0.5], [-3.0, -1.5]])})
case("prod_size1_dim", "prod", {"input": x1}, {"dim": 1})
case("prod_int_all", "prod", {"input": I([[3, -2], [4, 5]])})
case("prod_bool_dim", "prod", {"input": B([[True, False], [True, True]])}, {"dim": 1})
case("prod_int_neg_dim_keep", "prod", {"input": I([[3, -2, 1], [4, 5, -1]])}, {"dim": -1, "keepdim": True})
# cumsum / cumprod
cz = T([[2.0, 0.0, 3.0, -1.5], [0.0, 4.0, 0.0, 1.0], [1.5, -2.0, 0.5, 3.0]])
case("cumprod_zero_dim1", "cumprod", {"input": cz}, {"dim": 1})
case("cumprod_zero_dim0", "cumprod", {"input": cz}, {"dim": 0})
case("cumprod_zero_neg_dim", "cumprod", {"input": cz}, {"dim": -1})
case("cumprod_first_zero", "cumprod", {"input": T([0.0, 2.0, 3.0, -1.0])}, {"dim": 0})
case("cumprod_last_zero", "cumprod", {"input": T([2.0, 3.0, -1.0, 0.0])}, {"dim": 0})
case("cumprod_3d", "cumprod", {"input": f32(2, 3, 2)}, {"dim": -2})
case("cumprod_int", "cumprod", {"input": I([[3, -2, 1], [4, 0, -1]])}, {"dim": 1})
case("cumsum_neg_dim", "cumsum", {"input": x3}, {"dim": -2})
case("cumsum_bool", "cumsum", {"input": B([[True, False, True], [True, True, False]])}, {"dim": 1})
case("cumsum_int_neg_dim", "cumsum", {"input": I([[3, -2, 1], [4, 0, -1]])}, {"dim": -2})
case("cumsum_inf", "cumsum", {"input": T([1.0, INF, 2.0, -INF, 3.0])}, {"dim": 0})
case("cumsum_zero_size", "cumsum", {"input": x0}, {"dim": 1})
case("cumsum_scalar", "cumsum", {"input": T(1.5)}, {"dim": 0})
# var / std
xv = f32(3, 4, 2)
for op in ("var", "std"):
    case(f"{op}_correction0", op, {"input": xv}, {"dim": 1, "correction": 0})
    case(f"{op}_correction2", op, {"input": xv}, {"dim": [0, 2], "correction": 2, "keepdim": True})
    case(f"{op}_correction_all", op, {"input": xv}, {"dim": None, "correction": 0})
    case(f"{op}_unbiased_all", op, {"input": xv}, {"unbiased": False})
    case(f"{op}_default_all", op, {"input": xv})
    case(f"{op}_neg_dims", op, {"input": xv}, {"dim": [-1, -3]})
    case(f"{op}_neg_dims_keep", op, {"input": xv}, {"dim": [-2], "keepdim": True, "unbiased": False})
    case(f"{op}_size1_dim", op, {"input": x1}, {"dim": 1})
    case(f"{op}_size1_dim_biased", op, {"input": x1}, {"dim": 1, "unbiased": False})
    case(f"{op}_const", op, {"input": T([[2.0, 2.0, 2.0], [1.0, -1.0, 1.0]])}, {"dim": 1})
for op in ("var_mean", "std_mean"):
    case(f"{op}_dims_keep", op, {"input": xv}, {"dim": [0, -1], "keepdim": True})
    case(f"{op}_unbiased_false", op, {"input": xv}, {"dim": 1, "unbiased": False})
    case(f"{op}_correction0", op, {"input": xv}, {"dim": -2, "correction": 0})
    case(f"{op}_all", op, {"input": xv})
# max / min / argmax / argmin with special values (no ties)
sp = T([[1.0, INF, -2.0, 0.5], [-INF, -3.0, 2.0, 1.0], [0.0, -0.5, NAN, 4.0]])
spf = T([[1.0, INF, -2.0, 0.5], [-INF, -3.0, 2.0, 1.0], [0.0, -0.5, 7.0, 4.0]])
case("max_dim_inf", "max", {"input": spf}, {"dim": 1})
case("min_dim_inf_keep", "min", {"input": spf}, {"dim": -1, "keepdim": True})
case("max_dim0_neg", "max", {"input": spf}, {"dim": -2})
case("min_dim0_keep", "min", {"input": spf}, {"dim": 0, "keepdim": True})
case("max_dim_nan", "max", {"input": sp}, {"dim": 1})
case("min_dim_nan", "min", {"input": sp}, {"dim": 1})
case("max_all_nan", "max", {"input": sp})
case("min_all_inf", "min", {"input": spf})
case("amax_inf_dims", "amax", {"input": spf}, {"dim": [0, 1]})
case("amin_nan_dim0", "amin", {"input": sp}, {"dim": 0})
case("amax_nan_dim0_keep", "amax", {"input": sp}, {"dim": -2, "keepdim": True})
case("argmax_inf", "argmax", {"input": spf}, {"dim": 1})
case("argmax_neg_dim", "argmax", {"input": spf}, {"dim": -2})
case("argmax_nan", "argmax", {"input": sp}, {"dim": 1})
case("argmin_nan", "argmin", {"input": sp}, {"dim": 1})
case("argmin_inf_keep", "argmin", {"input": spf}, {"dim": 0, "keepdim": True})
case("argmin_all", "argmin", {"input": spf})
case("argmin_all_keep", "argmin", {"input": spf}, {"keepdim": True})
case("argmin_nan_all", "argmin", {"input": sp})
case("argmax_int", "argmax", {"input": I([[3, -2, 7], [4, 9, -1]])}, {"dim": 1})
case("argmin_int_neg", "argmin", {"input": I([[3, -2, 7], [4, 9, -1]])}, {"dim": -1})
case("max_int_dim", "max", {"input": I([[3, -2, 7], [4, 9, -1]])}, {"dim": 0})
case("min_int_all", "min", {"input": I([[3, -2, 7], [4, 9, -1]])})
case("max_bool_all", "max", {"input": B([[True, False], [False, False]])})
case("max_other_nan", "max", {"input": sp, "other": spf.flip(1)})
case("min_other_nan", "min", {"input": sp, "other": spf.flip(0)})
case("max_other_broadcast", "max", {"input": f32(2, 3), "other": f32(3)})
case("max_size1_dim", "max", {"input": x1}, {"dim": 1, "keepdim": True})
# logsumexp with infinities
li = T([[1.0, INF, 0.0], [-INF, -INF, -INF], [2.0, -INF, 1.0], [INF, INF, 1.0]])
case("logsumexp_inf_rows", "logsumexp", {"input": li}, {"dim": 1}, grad=False)
case("logsumexp_inf_keep", "logsumexp", {"input": li}, {"dim": -1, "keepdim": True}, grad=False)
case("logsumexp_neg_inf_grad", "logsumexp", {"input": T([[2.0, -INF, 1.0], [-INF, 0.5, -1.0]])}, {"dim": 1})
case("logsumexp_large", "logsumexp", {"input": T([[1000.0, 999.0, -1000.0], [-1000.0, -1001.0, -999.5]])}, {"dim": 1})
case("logsumexp_int", "logsumexp", {"input": I([[1, 2, 3], [0, -1, 4]])}, {"dim": 1})
# norm orders
xn = T([[1.5, -2.0, 0.0, 3.0], [0.0, 0.0, -0.5, 1.0], [-4.0, 1.0, 2.5, -1.5]])
for p in (0, 1, 2, 3, 0.5, INF, -INF, "fro"):
    tag = {INF: "inf", -INF: "neginf", "fro": "fro", 0.5: "half"}.get(p, str(p))
    case(f"norm_p{tag}_all", "norm", {"input": xn}, {"p": p})
    case(f"norm_p{tag}_dim1", "norm", {"input": xn}, {"p": p, "dim": 1})
    case(f"norm_p{tag}_neg_dim_keep", "norm", {"input": xn}, {"p": p, "dim": -2, "keepdim": True})
case("norm_fro_dims", "norm", {"input": x3}, {"p": "fro", "dim": [0, 2]})
case("norm_p2_dims_neg_keep", "norm", {"input": x3}, {"p": 2, "dim": [-1, -2], "keepdim": True})
case("norm_default", "norm", {"input": x3})
case("norm_zero_vector_grad", "norm", {"input": T([[0.0, 0.0, 0.0], [3.0, -4.0, 0.0]])}, {"dim": 1})
case("norm_p1_zero_grad", "norm", {"input": T([[0.0, 0.0, 0.0], [3.0, -4.0, 0.0]])}, {"p": 1, "dim": 1})
# all / any / count_nonzero on other dtypes
case("all_float_nan", "all", {"input": T([[1.0, NAN], [0.0, 2.0]])}, {"dim": 1})
case("any_float_negzero", "any", {"input": T([[-0.0, 0.0], [0.0, 2.0]])}, {"dim": 1})
case("any_int_keep", "any", {"input": I([[0, 0], [0, -3]])}, {"dim": 0, "keepdim": True})
case("all_int_all", "all", {"input": I([[1, -2], [3, 4]])})
case("all_bool_neg_dim", "all", {"input": B([[True, False], [True, True]])}, {"dim": -1})
case("count_nonzero_dims", "count_nonzero", {"input": T([[[0.0, 1.0], [-0.0, 2.0]], [[3.0, 0.0], [NAN, 0.0]]])}, {"dim": [0, -1]})
case("count_nonzero_int", "count_nonzero", {"input": I([[0, 1, -2], [0, 0, 5]])}, {"dim": 1})
case("count_nonzero_bool_all", "count_nonzero", {"input": B([[True, False, True], [False, False, True]])})
case("sum_int_dims", "sum", {"input": I([[[1, -2], [3, 4]], [[5, 6], [-7, 8]]])}, {"dim": [0, -1], "keepdim": True})
case("sum_bool_all", "sum", {"input": B([[True, False, True], [False, True, True]])})
case("mean_size1_keep", "mean", {"input": x1}, {"dim": [-2], "keepdim": True})
case("amax_int_dims", "amax", {"input": I([[[1, -2], [3, 4]], [[5, 6], [-7, 8]]])}, {"dim": [0, 2]})
case("amin_bool", "amin", {"input": B([[True, False], [True, True]])}, {"dim": 1})
case("nansum_nan_dims", "nansum", {"input": T([[NAN, 1.0, 2.0], [3.0, NAN, NAN]])}, {"dim": [0, 1]})
case("nansum_int", "nansum", {"input": I([[1, 2], [3, -4]])}, {"dim": 1})

# ------------------------------------------------------------------ unary math on special values
spec = T([INF, -INF, NAN, -0.0, 0.0, 0.5, -0.75, 2.5, -3.5, 1e-3])
unit = T([1.0, -1.0, NAN, -0.0, 0.0, 0.5, -0.75, 0.999, -0.3, 1e-3])
for op in ("neg", "abs", "exp", "expm1", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "sigmoid", "relu",
           "sign", "floor", "ceil", "round", "trunc", "frac", "erf", "erfc", "square", "reciprocal", "isnan",
           "isinf", "isfinite", "logical_not", "lgamma", "rsqrt", "sqrt", "log", "log1p", "log2", "log10", "digamma"):
    case(f"{op}_special", op, {"input": spec}, grad=False)
for op in ("asin", "acos", "erfinv"):
    case(f"{op}_special", op, {"input": unit}, grad=False)
# gradients at zeros / signed zeros
z = T([-0.0, 0.0, 1.5, -2.0])
for op in ("abs", "relu", "sign", "sqrt", "square", "sin", "tanh", "sigmoid", "floor", "round", "frac", "expm1", "log1p", "atan"):
    case(f"{op}_grad_zero", op, {"input": z})
case("reciprocal_grad_signed", "reciprocal", {"input": T([0.25, -0.5, 2.0, -4.0])})
case("rsqrt_grad", "rsqrt", {"input": T([0.25, 1.0, 4.0])})
case("lgamma_neg", "lgamma", {"input": T([-0.5, -1.5, -2.5, 0.3, 4.0])})
case("digamma_neg", "digamma", {"input": T([-0.5, -1.5, -2.5, 0.3, 4.0])})
case("round_half_even", "round", {"input": T([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.5, 0.49999997])})
case("frac_neg", "frac", {"input": T([-1.25, -0.5, 2.75, -3.0])})
case("log_negative", "log", {"input": T([-1.0, 0.0, -0.0, 2.0])}, grad=False)
case("sqrt_negative", "sqrt", {"input": T([-1.0, -0.0, 4.0])}, grad=False)
case("exp_large", "exp", {"input": T([80.0, -100.0, 88.0, -104.0])}, grad=False)
case("sigmoid_large", "sigmoid", {"input": T([100.0, -100.0, 30.0, -30.0])})
case("tanh_large", "tanh", {"input": T([100.0, -100.0, 20.0, -20.0])})
# unary ops on int64 / bool inputs
ii = I([[-3, 0, 2], [5, -1, 7]])
for op in ("neg", "abs", "sign", "square", "floor", "ceil", "round", "trunc", "relu", "isnan", "isinf", "isfinite",
           "logical_not"):
    case(f"{op}_int", op, {"input": ii})
for op in ("exp", "sqrt", "sin", "tanh", "sigmoid", "reciprocal", "log1p", "erf", "rsqrt", "log2", "expm1", "atan"):
    case(f"{op}_int_to_float", op, {"input": ii})
bb = B([[True, False, True], [False, False, True]])
for op in ("logical_not", "sign", "abs", "exp", "sigmoid", "isnan", "sqrt", "square"):
    case(f"{op}_bool", op, {"input": bb})

# ------------------------------------------------------------------ binary ops: promotion, bool arithmetic, int division signs
fi = T([[1.5, -2.5, 0.25], [3.0, -0.5, 2.0]])
ia = I([[-7, 7, -7], [7, 0, 9]])
ib = I([[2, -2, -2], [3, 5, -4]])
ba = B([[True, False, True], [False, True, True]])
bb2 = B([[True, True, False], [False, True, False]])
for op in ("add", "sub", "mul", "div", "maximum", "minimum", "atan2", "fmod", "remainder", "floor_divide", "pow",
           "eq", "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or", "logical_xor", "fmax", "fmin", "rsub",
           "true_divide", "multiply", "subtract", "divide"):
    oth = "exponent" if op == "pow" else "other"
    case(f"{op}_int_float", op, {"input": ia, oth: fi})
    case(f"{op}_float_int", op, {"input": fi, oth: ib})
    case(f"{op}_int_float_scalar", op, {"input": ia}, {oth: 2.5})
    case(f"{op}_float_int_scalar", op, {"input": fi}, {oth: -2})
    case(f"{op}_bool_bool", op, {"input": ba, oth: bb2})
    case(f"{op}_bool_int", op, {"input": ba, oth: ib})
    case(f"{op}_bool_float", op, {"input": ba, oth: fi})
    case(f"{op}_int_bool_scalar", op, {"input": ia}, {oth: True})
    case(f"{op}_float_0d_int", op, {"input": fi, oth: I(3)})
    case(f"{op}_int_0d_float", op, {"input": ia, oth: T(-1.5)})
# integer division / remainder with every sign combination
num = I([7, -7, 7, -7, 0, 6, -6, 1])
den = I([2, 2, -2, -2, 3, -4, 4, -1])
for op in ("floor_divide", "remainder", "fmod", "div"):
    case(f"{op}_int_signs", op, {"input": num, "other": den})
    case(f"{op}_int_scalar_neg", op, {"input": num}, {"other": -3})
case("div_int_floor_mode", "divide", {"input": num, "other": den}, {"rounding_mode": "floor"})
case("div_int_trunc_mode", "divide", {"input": num, "other": den}, {"rounding_mode": "trunc"})
case("div_int_scalar_floor_mode", "divide", {"input": num}, {"other": 3, "rounding_mode": "floor"})
case("divide_int_trunc_mode", "divide", {"input": num, "other": den}, {"rounding_mode": "trunc"})
case("div_float_floor_mode_neg", "divide", {"input": T([7.5, -7.5, 7.5, -7.5, -0.5]), "other": T([2.0, 2.0, -2.0, -2.0, 3.0])},
     {"rounding_mode": "floor"})
case("div_float_trunc_mode_neg", "divide", {"input": T([7.5, -7.5, 7.5, -7.5, -0.5]), "other": T([2.0, 2.0, -2.0, -2.0, 3.0])},
     {"rounding_mode": "trunc"})
case("div_large_int", "div", {"input": I([123456789, -987654321, 2**40 + 1]), "other": I([3, 7, 2])})
case("div_large_int_floor", "divide", {"input": I([123456789, -987654321, 2**40 + 1]), "other": I([10, 7, 2])}, {"rounding_mode": "floor"})
case("floor_divide_large_int", "floor_divide", {"input": I([123456789, -987654321, 2**40 + 1])}, {"other": 10})
case("add_large_int", "add", {"input": I([2**40 + 1, -(2**50) + 3])}, {"other": 1})
case("mul_large_int", "mul", {"input": I([2**31 + 1, -(2**30) - 7]), "other": I([3, 5])})
case("sum_large_int", "sum", {"input": I([2**40 + 1, 2**40 + 3, 1])})
case("floor_divide_float_signs", "floor_divide", {"input": T([7.0, -7.0, 7.0, -7.0, 0.5, -0.5]), "other": T([2.0, 2.0, -2.0, -2.0, 3.0, 3.0])})
case("remainder_float_signs", "remainder", {"input": T([7.0, -7.0, 7.0, -7.0, 0.5, -0.5, 6.0, -6.0]), "other": T([2.0, 2.0, -2.0, -2.0, 3.0, -3.0, 3.0, 3.0])})
case("fmod_float_signs", "fmod", {"input": T([7.0, -7.0, 7.0, -7.0, 0.5, -0.5, 6.0, -6.0]), "other": T([2.0, 2.0, -2.0, -2.0, 3.0, -3.0, 3.0, 3.0])})
case("remainder_float_inf", "remainder", {"input": T([1.0, -1.0, INF, 3.0]), "other": T([INF, INF, 2.0, 0.0])}, grad=False)
case("fmod_float_inf", "fmod", {"input": T([1.0, -1.0, INF, 3.0]), "other": T([INF, INF, 2.0, 0.0])}, grad=False)
case("div_by_zero", "div", {"input": T([1.0, -1.0, 0.0, 2.0]), "other": T([0.0, 0.0, 0.0, -0.0])}, grad=False)
case("div_int_by_zero", "div", {"input": I([1, -1, 0, 2]), "other": I([0, 0, 0, 0])})
case("sub_alpha_int", "subtract", {"input": ia, "other": ib}, {"alpha": 3})
case("sub_alpha_float", "subtract", {"input": fi, "other": ib}, {"alpha": 0.5})
case("sub_alpha_scalar", "subtract", {"input": fi}, {"other": 2.0, "alpha": -1.5})
case("rsub_alpha", "rsub", {"input": fi, "other": f32(3)}, {"alpha": 2})
case("rsub_scalar", "rsub", {"input": ia}, {"other": 1})
# pow with zero / negative / fractional exponents
pb = T([[0.0, 2.0, -2.0, 0.5], [-0.0, 3.0, 1.0, 4.0]])
case("pow_zero_exponent", "pow", {"input": pb}, {"exponent": 0})
case("pow_zero_exponent_float", "pow", {"input": pb}, {"exponent": 0.0})
case("pow_neg_int_exponent", "pow", {"input": pb}, {"exponent": -2}, grad=False)
case("pow_neg_int_exponent_grad", "pow", {"input": T([2.0, -2.0, 0.5, -0.25])}, {"exponent": -3})
case("pow_neg_frac_exponent", "pow", {"input": T([4.0, 0.25, 0.0, -1.0])}, {"exponent": -0.5}, grad=False)
case("pow_frac_negative_base", "pow", {"input": T([-8.0, -1.0, 8.0, 0.0])}, {"exponent": 1.0 / 3}, grad=False)
case("pow_one", "pow", {"input": pb}, {"exponent": 1})
case("pow_two_at_zero", "pow", {"input": pb}, {"exponent": 2})
case("pow_half_grad", "pow", {"input": T([4.0, 0.25, 9.0])}, {"exponent": 0.5})
case("pow_tensor_zero_base", "pow", {"input": T([0.0, 0.0, 2.0, -2.0, 0.0]), "exponent": T([2.0, 0.0, 0.0, 3.0, 1.0])})
case("pow_tensor_broadcast", "pow", {"input": T([[1.5, 2.0, 0.5]]), "exponent": T([[2.0], [-1.0]])})
case("pow_int_tensor", "pow", {"input": I([2, -3, 0, 5]), "exponent": I([3, 3, 0, 1])})
case("pow_int_scalar", "pow", {"input": I([2, -3, 0, 5])}, {"exponent": 2})
case("pow_int_zero_scalar", "pow", {"input": I([2, -3, 0, 5])}, {"exponent": 0})
case("pow_int_half_scalar", "pow", {"input": I([2, 3, 0, 5])}, {"exponent": 0.5})
case("pow_int_neg_float_scalar", "pow", {"input": I([2, 4, 1, 5])}, {"exponent": -1.0})
case("pow_float_int_tensor", "pow", {"input": T([1.5, -2.0, 0.5]), "exponent": I([2, 3, -1])})
case("pow_int_float_tensor", "pow", {"input": I([2, 4, 9]), "exponent": T([0.5, -1.0, 0.5])})
case("pow_bool_int_scalar", "pow", {"input": B([True, False, True])}, {"exponent": 2})
case("pow_special", "pow", {"input": T([INF, -INF, NAN, 1.0, 0.0])}, {"exponent": 2.0}, grad=False)
case("pow_one_nan", "pow", {"input": T([1.0, 1.0, 2.0]), "exponent": T([NAN, INF, NAN])}, grad=False)
# comparisons with special values and between dtypes
sa = T([NAN, INF, -INF, -0.0, 1.0, NAN])
sb = T([NAN, INF, 1.0, 0.0, NAN, 1.0])
for op in ("eq", "ne", "lt", "le", "gt", "ge", "maximum", "minimum", "fmax", "fmin"):
    case(f"{op}_special", op, {"input": sa, "other": sb}, grad=False)
case("maximum_nan_grad", "maximum", {"input": T([NAN, 1.0, 2.0, 3.0]), "other": T([1.0, NAN, 1.0, 5.0])})
case("maximum_ties_grad", "maximum", {"input": T([1.0, 2.0, -3.0]), "other": T([1.0, 2.0, 4.0])})
case("minimum_ties_grad", "minimum", {"input": T([1.0, 2.0, -3.0]), "other": T([1.0, 3.0, 4.0])})
case("fmax_nan_grad", "fmax", {"input": T([NAN, 1.0, 2.0, 3.0]), "other": T([1.0, NAN, 1.0, 5.0])})
case("fmin_nan_grad", "fmin", {"input": T([NAN, 1.0, 2.0, 3.0]), "other": T([1.0, NAN, 1.0, 5.0])})
case("eq_int_float_values", "eq", {"input": I([1, 2, 3]), "other": T([1.0, 2.5, 3.0])})
case("lt_int_half_scalar", "lt", {"input": I([1, 2, 3])}, {"other": 2.5})
case("ge_bool_int_values", "ge", {"input": B([True, False, True]), "other": I([1, 0, 2])})
case("eq_scalar_nan", "eq", {"input": sa}, {"other": NAN})
case("ne_scalar_nan", "ne", {"input": sa}, {"other": NAN})
case("gt_scalar_inf", "gt", {"input": sa}, {"other": -INF})
case("eq_broadcast", "eq", {"input": I([[1], [2]]), "other": I([1, 2, 3])})
case("logical_and_nan", "logical_and", {"input": T([NAN, 0.0, -0.0, 2.0]), "other": T([1.0, 1.0, 1.0, 0.0])})
case("logical_xor_int_float_nan", "logical_xor", {"input": I([0, 3, 0, -1]), "other": T([0.0, 0.5, NAN, 0.0])})
case("atan2_signed_zeros", "atan2", {"input": T([0.0, -0.0, 0.0, -0.0, 1.0, -1.0, INF, -INF, INF]),
                                      "other": T([0.0, 0.0, -0.0, -0.0, 0.0, 0.0, INF, INF, -1.0])}, grad=False)
case("atan2_grad_broadcast", "atan2", {"input": f32(2, 3), "other": f32(3)})
case("atan2_int", "atan2", {"input": I([1, -1, 0]), "other": I([0, 2, -3])})
# clamp: min > max, nan, int bounds, tensor bounds
cx = T([[-2.0, -0.5, 0.0, 0.7, 3.0], [NAN, INF, -INF, 1.0, 2.0]])
case("clamp_min_gt_max", "clamp", {"input": cx}, {"min": 2.0, "max": 1.0}, grad=False)
case("clamp_min_gt_max_grad", "clamp", {"input": T([-2.0, 0.5, 1.5, 3.0])}, {"min": 2.0, "max": 1.0})
case("clamp_nan_inf", "clamp", {"input": cx}, {"min": -1.0, "max": 1.0}, grad=False)
case("clamp_equal_bounds", "clamp", {"input": T([-2.0, 0.5, 1.5, 0.5])}, {"min": 0.5, "max": 0.5})
case("clamp_at_bounds_grad", "clamp", {"input": T([-1.0, 1.0, 0.3, -1.5])}, {"min": -1.0, "max": 1.0})
case("clamp_int_int_bounds", "clamp", {"input": I([-5, 0, 3, 9])}, {"min": -2, "max": 4})
case("clamp_int_float_bounds", "clamp", {"input": I([-5, 0, 3, 9])}, {"min": -2.5, "max": 4.5})
case("clamp_tensor_bounds", "clamp", {"input": f32(2, 3), "min": T([-0.5, 0.0, 0.5]), "max": T([[0.5], [1.0]])})
case("clamp_tensor_min_gt_max", "clamp", {"input": T([[-1.0, 0.5, 2.0], [3.0, -3.0, 0.2]]), "min": T([1.0, -1.0, 0.0]), "max": T([0.0, 1.0, -1.0])})
case("clamp_min_only_none", "clamp", {"input": cx}, {"min": 0.0, "max": None}, grad=False)
case("clamp_max_only_none", "clamp", {"input": cx}, {"min": None, "max": 0.5}, grad=False)
case("clip_min_gt_max", "clip", {"input": T([-2.0, 0.5, 1.5, 3.0])}, {"min": 2.0, "max": 1.0})
case("clamp_min_int", "clamp_min", {"input": I([-5, 0, 3, 9])}, {"min": 1})
case("clamp_max_float", "clamp_max", {"input": T([-2.0, NAN, 0.5, 3.0])}, {"max": 0.5}, grad=False)
# where / masked_fill broadcasting and promotion
case("where_cond_broadcast_both", "where", {"condition": B([[True], [False]]), "input": f32(3), "other": f32(2, 1)})
case("where_3d_broadcast", "where", {"condition": B([[True, False, True]]), "input": f32(2, 1, 3), "other": f32(4, 1)})
case("where_int_float", "where", {"condition": B([True, False, True]), "input": I([1, 2, 3]), "other": T([0.5, 0.5, 0.5])})
case("where_int_int", "where", {"condition": B([True, False, True]), "input": I([1, 2, 3]), "other": I([-1, -2, -3])})
case("where_scalar_other", "where", {"condition": B([True, False, True]), "input": T([1.5, 2.5, 3.5])}, {"other": 0.0})
case("where_nan_inf", "where", {"condition": B([True, False, True, False]), "input": T([NAN, 1.0, INF, 2.0]), "other": T([0.0, NAN, 1.0, -INF])}, grad=False)
case("where_0d_operands", "where", {"condition": B([[True, False], [False, True]]), "input": T(1.5), "other": T(-2.0)})
case("masked_fill_broadcast_mask", "masked_fill", {"input": f32(2, 3), "mask": B([True, False, True])}, {"value": 0.5})
case("masked_fill_broadcast_mask_col", "masked_fill", {"input": f32(2, 3, 2), "mask": B([[True], [False], [True]])}, {"value": -1.0})
case("masked_fill_tensor_value", "masked_fill", {"input": f32(2, 3), "mask": B([[True, False, True], [False, False, True]]), "value": T(2.5)})
case("masked_fill_nan", "masked_fill", {"input": f32(2, 3), "mask": B([True, False, False])}, {"value": NAN}, grad=False)
case("masked_fill_inf", "masked_fill", {"input": f32(2, 3), "mask": B([[False], [True]])}, {"value": -INF})
case("masked_fill_int", "masked_fill", {"input": I([[1, 2, 3], [4, 5, 6]]), "mask": B([True, False, True])}, {"value": -7})
case("masked_fill_bool", "masked_fill", {"input": B([[True, False, True], [False, False, True]]), "mask": B([True, True, False])}, {"value": False})
case("masked_fill_all", "masked_fill", {"input": f32(2, 2), "mask": B(True)}, {"value": 1.0})
# addcmul / addcdiv / lerp
case("addcmul_broadcast_value", "addcmul", {"input": f32(2, 3), "tensor1": f32(3), "tensor2": f32(2, 1)}, {"value": -0.5})
case("addcdiv_broadcast_value", "addcdiv", {"input": f32(3), "tensor1": f32(2, 3), "tensor2": T([[1.5], [-2.0]])}, {"value": 2.0})
case("lerp_tensor_weight", "lerp", {"input": f32(2, 3), "end": f32(3), "weight": T([[0.0], [1.5]])})
case("lerp_scalar_weight", "lerp", {"input": f32(2, 3), "end": f32(2, 3)}, {"weight": -0.25})

# ------------------------------------------------------------------ matmul / bmm / einsum shapes
case("matmul_batch_broadcast", "matmul", {"input": f32(2, 1, 3, 4), "other": f32(5, 4, 2)})
case("matmul_2d_3d", "matmul", {"input": f32(3, 4), "other": f32(2, 4, 5)})
case("matmul_1d_1d", "matmul", {"input": f32(4), "other": f32(4)})
case("matmul_1d_3d", "matmul", {"input": f32(4), "other": f32(2, 4, 3)})
case("matmul_4d_1d", "matmul", {"input": f32(2, 2, 3, 4), "other": f32(4)})
case("matmul_1d_4d", "matmul", {"input": f32(3), "other": f32(2, 1, 3, 2)})
case("matmul_batch1_broadcast", "matmul", {"input": f32(1, 3, 4), "other": f32(3, 4, 2)})
case("matmul_int", "matmul", {"input": I([[1, -2], [3, 4]]), "other": I([[5, 6], [-7, 8]])})
case("matmul_int_1d", "matmul", {"input": I([1, -2, 3]), "other": I([4, 5, 6])})
case("matmul_k1", "matmul", {"input": f32(3, 1), "other": f32(1, 4)})
case("matmul_zero_k", "matmul", {"input": f32(2, 0), "other": f32(0, 3)})
case("matmul_inf", "matmul", {"input": T([[INF, 1.0], [0.0, 1.0]]), "other": T([[1.0, 0.0], [2.0, 3.0]])}, grad=False)
case("bmm_batch1", "bmm", {"input": f32(1, 3, 4), "mat2": f32(1, 4, 2)})
case("bmm_int", "bmm", {"input": I([[[1, 2], [3, 4]]]), "mat2": I([[[5, -6], [7, 8]]])})
case("mm_int", "mm", {"input": I([[1, 2, 3]]), "mat2": I([[4], [-5], [6]])})
case("mv_int", "mv", {"input": I([[1, 2], [3, 4]]), "vec": I([5, -6])})
case("dot_int", "dot", {"input": I([1, 2, 3]), "tensor": I([4, -5, 6])})
case("outer_int", "outer", {"input": I([1, 2]), "vec2": I([4, -5, 6])})
case("outer_bool_like", "outer", {"input": f32(3), "vec2": f32(1)})
EINSUMS = [("ii,i->i", f32(3, 3), f32(3)),
                 ("ii,jj->ij", f32(3, 3), f32(2, 2)),
                 ("bii,bi->b", f32(2, 3, 3), f32(2, 3)),
                 ("iij,j->i", f32(3, 3, 2), f32(2)),
                 ("...ij,...jk->...ik", f32(2, 3, 4), f32(4, 5)),
                 ("...ij,...jk->...ik", f32(2, 1, 3, 4), f32(5, 4, 2)),
                 ("b...,b...->b", f32(2, 3, 4), f32(2, 3, 4)),
                 ("i...,i->...", f32(3, 2, 2), f32(3)),
                 ("...,...->...", f32(2, 3), f32(3)),
                 ("ij,jk", f32(2, 3), f32(3, 4)),
                 ("ba,ca", f32(2, 3), f32(4, 3)),
                 ("ij,ij->", f32(2, 3), f32(2, 3)),
                 ("i,j->ji", f32(3), f32(2)),
                 ("ij,j->", f32(2, 3), f32(3)),
                 ("bij,bkj->bik", f32(2, 3, 4), f32(2, 5, 4)),
                 ("ij , jk -> ik", f32(2, 3), f32(3, 2)),
                 ("Ab,bC->CA", f32(2, 3), f32(3, 4)),
                 ("ii,ii->i", f32(3, 3), f32(3, 3)),
                 ("ijk,ikj->ij", f32(2, 3, 3), f32(2, 3, 3)),
                 ("ij,kl->ijkl", f32(2, 2), f32(1, 3)),
                 ("ij,jk->ik", f32(2, 0), f32(0, 3)),
                 ("i,i", f32(4), f32(4)),
                 ("bi,bi->bi", f32(2, 3), f32(1, 3)),
                 ("...ij,jk", f32(2, 3, 4), f32(4, 5)),
                 ("i...,j...->ij", f32(2, 3, 4), f32(5, 1, 4)),
                 ("...i,...i->...", f32(2, 1, 3), f32(4, 3))]
for k, (eq, a, b) in enumerate(EINSUMS):
    tag = eq.replace(" ", "").replace("...", "E").replace(",", "_").replace("->", "_to_")
    case(f"einsum{k}_{tag}", "einsum", {"a": a, "b": b}, {"equation": eq})

# ------------------------------------------------------------------ gather / scatter / index ops
g2 = f32(3, 4)
case("gather_dim_neg2_repeated", "gather", {"input": g2, "index": I([[2, 2, 0, 1], [0, 0, 0, 2]])}, {"dim": -2})
case("gather_smaller_index", "gather", {"input": g2, "index": I([[3, 3], [1, 0]])}, {"dim": 1})
case("gather_3d_neg", "gather", {"input": f32(2, 3, 4), "index": I([[[0, 3], [1, 1]], [[2, 2], [3, 0]]])}, {"dim": -1})
case("gather_int", "gather", {"input": I([[1, 2, 3], [4, 5, 6]]), "index": I([[2, 0], [1, 1]])}, {"dim": 1})
case("gather_empty_index", "gather", {"input": g2, "index": torch.zeros(3, 0, dtype=torch.int64)}, {"dim": 1})
case("scatter_add_neg_dim_repeated", "scatter_add", {"input": f32(3, 4), "index": I([[2, 2, 0, 2], [0, 2, 0, 1]]), "src": f32(2, 4)}, {"dim": -2})
case("scatter_add_src_larger", "scatter_add", {"input": f32(2, 5), "index": I([[4, 4, 0], [1, 1, 1]]), "src": f32(3, 4)}, {"dim": 1})
case("scatter_add_3d", "scatter_add", {"input": f32(2, 3, 2), "index": I([[[0, 2]], [[1, 1]]]), "src": f32(2, 2, 2)}, {"dim": -2})
case("scatter_add_int", "scatter_add", {"input": I([[1, 2, 3], [4, 5, 6]]), "index": I([[0, 0, 2]]), "src": I([[10, 20, 30]])}, {"dim": 1})
case("scatter_value_neg_dim", "scatter", {"input": f32(2, 4), "index": I([[3, 0], [1, 2]])}, {"dim": -1, "value": 9.5})
case("scatter_src_neg_dim", "scatter", {"input": f32(3, 3), "index": I([[2, 0, 1]]), "src": f32(2, 3)}, {"dim": -2})
case("scatter_src_larger", "scatter", {"input": f32(2, 4), "index": I([[3], [0]]), "src": f32(2, 3)}, {"dim": 1})
case("index_select_neg_dim_repeated", "index_select", {"input": f32(2, 3, 4), "index": I([3, 0, 3, 3])}, {"dim": -1})
case("index_select_dim0_repeated", "index_select", {"input": f32(3, 2), "index": I([2, 2, 0])}, {"dim": -2})
case("index_select_int", "index_select", {"input": I([[1, 2], [3, 4]]), "index": I([1, 1, 0])}, {"dim": 0})
case("index_select_0d_index", "index_select", {"input": f32(3, 2), "index": I(1)}, {"dim": 0})
case("index_select_empty", "index_select", {"input": f32(3, 2), "index": torch.zeros(0, dtype=torch.int64)}, {"dim": 0})
case("index_add_neg_dim_repeated", "index_add", {"input": f32(2, 4), "index": I([3, 3, 0]), "source": f32(2, 3)}, {"dim": -1})
case("index_add_alpha", "index_add", {"input": f32(3, 2), "index": I([0, 2, 0]), "source": f32(3, 2)}, {"dim": 0, "alpha": -2.0})
case("index_add_int", "index_add", {"input": I([[1, 2], [3, 4]]), "index": I([1, 1]), "source": I([[5, 6], [7, 8]])}, {"dim": 0})
case("masked_select_broadcast", "masked_select", {"input": f32(2, 3), "mask": B([True, False, True])})
case("masked_select_broadcast_input", "masked_select", {"input": f32(3), "mask": B([[True, False, True], [False, True, True]])})
case("masked_select_int", "masked_select", {"input": I([[1, 2], [3, 4]]), "mask": B([[True, False], [False, True]])})
case("nonzero_special", "nonzero", {"input": T([[NAN, -0.0, 0.0], [INF, 0.0, -1e-30]])})
case("nonzero_bool_3d", "nonzero", {"input": B([[[True, False], [False, True]], [[False, False], [True, True]]])})
case("nonzero_int_1d", "nonzero", {"input": I([0, 3, 0, -1])})
# cat / stack
case("cat_neg_dim", "cat", {"a": f32(2, 3), "b": f32(2, 2)}, {"dim": -1})
case("cat_neg_dim2", "cat", {"a": f32(2, 3, 2), "b": f32(1, 3, 2)}, {"dim": -3})
case("cat_zero_size", "cat", {"a": f32(2, 0), "b": f32(2, 3)}, {"dim": 1})
case("cat_int_float", "cat", {"a": I([[1, 2]]), "b": f32(1, 2)}, {"dim": 0})
case("cat_int_bool", "cat", {"a": I([1, 2]), "b": B([True, False])}, {"dim": 0})
case("cat_legacy_empty", "cat", {"a": torch.zeros(0), "b": f32(2, 3)}, {"dim": 0})
case("stack_neg_dim", "stack", {"a": f32(2, 3), "b": f32(2, 3)}, {"dim": -1})
case("stack_neg_dim3", "stack", {"a": f32(2, 3), "b": f32(2, 3)}, {"dim": -3})
case("stack_neg_dim_mid", "stack", {"a": f32(2, 3), "b": f32(2, 3)}, {"dim": -2})
case("stack_int", "stack", {"a": I([1, 2]), "b": I([3, 4])}, {"dim": 1})
case("stack_scalars", "stack", {"a": T(1.5), "b": T(-2.0)}, {"dim": 0})
case("stack_int_float", "stack", {"a": I([1, 2]), "b": T([0.5, 1.5])}, {"dim": -1})
# sort / topk / argsort without ties, with special values
ss = T([[3.0, -INF, 0.5, INF, -1.0, NAN], [2.0, 1.0, -0.0, 5.0, -3.0, 4.0]])
case("sort_special_asc", "sort", {"input": ss}, {"dim": 1, "descending": False}, grad=False)
case("sort_special_desc", "sort", {"input": ss}, {"dim": -1, "descending": True}, grad=False)
case("sort_dim0_neg", "sort", {"input": f32(4, 3)}, {"dim": -2, "descending": False})
case("sort_int", "sort", {"input": I([[3, -1, 7, 0], [5, 2, -9, 1]])}, {"dim": 1, "descending": True})
case("sort_3d_mid", "sort", {"input": f32(2, 4, 3)}, {"dim": 1, "descending": True})
case("argsort_special", "argsort", {"input": ss}, {"dim": 1})
case("argsort_desc_neg", "argsort", {"input": ss}, {"dim": -1, "descending": True})
case("argsort_int_dim0", "argsort", {"input": I([[3, -1, 7], [5, 2, -9]])}, {"dim": 0})
case("topk_special", "topk", {"input": T([[3.0, -INF, 0.5, INF, -1.0], [2.0, 1.0, -0.5, 5.0, -3.0]])}, {"k": 3, "dim": 1})
case("topk_nan", "topk", {"input": T([[3.0, NAN, 0.5, INF, -1.0]])}, {"k": 2, "dim": -1}, grad=False)
case("topk_dim0_neg", "topk", {"input": f32(5, 3)}, {"k": 2, "dim": -2})
case("topk_k_full", "topk", {"input": f32(2, 4)}, {"k": 4, "dim": 1})
case("topk_k_zero", "topk", {"input": f32(2, 4)}, {"k": 0, "dim": 1})
case("topk_int", "topk", {"input": I([[3, -1, 7, 0], [5, 2, -9, 1]])}, {"k": 2, "dim": 1})
case("sort_size1", "sort", {"input": f32(3, 1)}, {"dim": 1, "descending": True})

# ------------------------------------------------------------------ shapes
case("repeat_more_dims", "repeat", {"input": f32(2, 3)}, {"repeats": [2, 1, 2]})
case("repeat_zero", "repeat", {"input": f32(2, 3)}, {"repeats": [0, 2]})
case("repeat_1d_to_3d", "repeat", {"input": f32(3)}, {"repeats": [2, 2, 1]})
case("repeat_int", "repeat", {"input": I([[1, 2]])}, {"repeats": [2, 2]})
case("repeat_scalar", "repeat", {"input": T(1.5)}, {"repeats": [2, 3]})
case("flip_neg_dims", "flip", {"input": f32(2, 3, 4)}, {"dims": [-1, -3]})
case("flip_int", "flip", {"input": I([[1, 2, 3], [4, 5, 6]])}, {"dims": [-1]})
case("flip_empty_dims", "flip", {"input": f32(2, 3)}, {"dims": []})
case("roll_neg_shift", "roll", {"input": f32(3, 4)}, {"shifts": [-1], "dims": [1]})
case("roll_multi", "roll", {"input": f32(3, 4)}, {"shifts": [2, -5], "dims": [0, -1]})
case("roll_flat", "roll", {"input": f32(2, 3)}, {"shifts": [-7]})
case("roll_int_shift", "roll", {"input": f32(2, 3)}, {"shifts": 4, "dims": 1})
case("roll_big_shift", "roll", {"input": f32(2, 3)}, {"shifts": [13], "dims": [-2]})
case("roll_int_input", "roll", {"input": I([[1, 2, 3], [4, 5, 6]])}, {"shifts": [1, 1], "dims": [0, 1]})
for d in (-1, -2, -5, 2, 5):
    case(f"triu_diag{d}", "triu", {"input": f32(3, 4)}, {"diagonal": d})
    case(f"tril_diag{d}", "tril", {"input": f32(4, 3)}, {"diagonal": d})
case("triu_batched_neg", "triu", {"input": f32(2, 3, 3)}, {"diagonal": -1})
case("tril_batched_neg", "tril", {"input": f32(2, 3, 4)}, {"diagonal": -2})
case("tril_int", "tril", {"input": I([[1, 2, 3], [4, 5, 6], [7, 8, 9]])}, {"diagonal": -1})
case("triu_bool", "triu", {"input": B([[True, True], [True, True]])}, {"diagonal": 1})
case("tril_default", "tril", {"input": f32(3, 3)})
case("transpose_neg", "transpose", {"input": f32(2, 3, 4)}, {"dim0": -1, "dim1": -3})
case("transpose_same", "transpose", {"input": f32(2, 3)}, {"dim0": 1, "dim1": -1})
case("permute_neg", "permute", {"input": f32(2, 3, 4)}, {"dims": [-1, 0, -2]})
case("movedim_neg", "movedim", {"input": f32(2, 3, 4)}, {"source": -1, "destination": 0})
case("movedim_lists", "movedim", {"input": f32(2, 3, 4, 5)}, {"source": [0, -1], "destination": [-1, 1]})
case("narrow_neg_dim", "narrow", {"input": f32(3, 5)}, {"dim": -1, "start": 1, "length": 3})
case("narrow_neg_start", "narrow", {"input": f32(3, 5)}, {"dim": 1, "start": -3, "length": 2})
case("narrow_zero_length", "narrow", {"input": f32(3, 5)}, {"dim": 0, "start": 1, "length": 0})
case("select_neg", "select", {"input": f32(3, 4)}, {"dim": -1, "index": -2})
case("squeeze_non1", "squeeze", {"input": f32(2, 1, 3)}, {"dim": 0})
case("squeeze_neg", "squeeze", {"input": f32(2, 1, 3)}, {"dim": -2})
case("squeeze_all", "squeeze", {"input": f32(1, 2, 1, 3, 1)})
case("unsqueeze_neg", "unsqueeze", {"input": f32(2, 3)}, {"dim": -1})
case("unsqueeze_neg3", "unsqueeze", {"input": f32(2, 3)}, {"dim": -3})
case("flatten_neg", "flatten", {"input": f32(2, 3, 4, 2)}, {"start_dim": -3, "end_dim": -2})
case("flatten_scalar", "flatten", {"input": T(2.0)})
case("unflatten_neg", "unflatten", {"input": f32(2, 12)}, {"dim": -1, "sizes": [3, -1]})
case("expand_neg1_new_dims", "expand", {"input": f32(3, 1)}, {"size": [2, -1, 4]})
case("expand_int", "expand", {"input": I([[1], [2]])}, {"size": [2, 3]})
case("reshape_neg", "reshape", {"input": f32(3, 4, 2)}, {"shape": [-1, 3]})
case("chunk_uneven_neg", "chunk", {"input": f32(2, 7)}, {"chunks": 3, "dim": -1})
case("chunk_more_than_size", "chunk", {"input": f32(2, 3)}, {"chunks": 5, "dim": 1})
case("unbind_neg", "unbind", {"input": f32(2, 3)}, {"dim": -1})
case("repeat_interleave_neg_dim", "repeat_interleave", {"input": f32(2, 3)}, {"repeats": 2, "dim": -1})
case("repeat_interleave_flat", "repeat_interleave", {"input": f32(2, 2)}, {"repeats": 3})
case("swapaxes_neg", "swapaxes", {"input": f32(2, 3, 4)}, {"axis0": -1, "axis1": 0})
case("t_1d", "t", {"input": f32(3)})
case("broadcast_to_new_dims", "broadcast_to", {"input": f32(3)}, {"size": [2, -1]})

print(f"{n_cases} cases", file=sys.stderr)
