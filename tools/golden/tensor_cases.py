#!/usr/bin/python3
"""Extra conformance cases of kind "tensor" (FORMAT.md of shared/conformance), with other arguments than the
shared file's, so that TensorCases is checked to map PyTorch's arguments and defaults generically.

Each case is the call the shared reference_runner.py makes: TENSOR-table ops as there, any other op as
getattr(torch, op)(**inputs, **args). Outputs and gradients are computed in float64 from the float32 inputs.
usage: /usr/bin/python3 tools/golden/tensor_cases.py > nn4j-cli/src/test/resources/conformance/tensor-extra.jsonl
Check:  /usr/bin/python3 ../shared/conformance/reference_runner.py nn4j-cli/src/test/resources/conformance/tensor-extra.jsonl
"""
import json
import sys

import torch

torch.manual_seed(1313)
# the reference runner's TENSOR table, verbatim: these ops take exactly these arguments there
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


def enc(t):
    if t.dtype == torch.bool:
        return {"dtype": "bool", "shape": list(t.shape), "data": [bool(v) for v in t.reshape(-1).tolist()]}
    if not t.is_floating_point():
        return {"dtype": "int64", "shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    return {"dtype": "float32", "shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


def f32(*shape, lo=None, hi=None):
    t = torch.randn(*shape) if lo is None else torch.rand(*shape) * (hi - lo) + lo
    return t.to(torch.float32)


def call(op, ins, args):
    a = dict(args)
    if op in TUPLE_DIM_OPS and isinstance(a.get("dim"), list):
        a["dim"] = tuple(a["dim"])
    f = TENSOR.get(op) or (lambda input, **k: getattr(torch, op)(input, **k))
    return f(**ins, **a)


def case(cid, op, ins, args=None, grads=True, tol=(1e-4, 1e-5)):
    args = args or {}
    ins64 = {}
    for k, v in ins.items():
        t = v.to(torch.float64) if v.is_floating_point() else v.clone()
        if grads and t.is_floating_point():
            t.requires_grad_(True)
        ins64[k] = t
    out = call(op, ins64, args)
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    c = {"id": cid, "kind": "tensor", "op": op, "inputs": {k: enc(v) for k, v in ins.items()}, "args": args,
         "output": [enc(o.detach()) for o in outs] if len(outs) > 1 else enc(outs[0].detach())}
    diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
    if grads and diff:
        gos = [torch.randn(o.shape, dtype=torch.float32).to(torch.float64) for o in diff]
        torch.autograd.backward(diff, gos)
        c["grad_output"] = [enc(g) for g in gos] if len(gos) > 1 else enc(gos[0])
        c["grads"] = {k: enc(v.grad if v.grad is not None else torch.zeros_like(v))
                      for k, v in ins64.items() if v.is_floating_point()}
    c["tol"] = {"rtol": tol[0], "atol": tol[1]}
    print(json.dumps(c))


def main():
    # elementwise with non-default arguments and Python numbers
    case("add/number", "add", {"input": f32(3, 4)}, {"other": 1.5})
    case("add/int_number", "add", {"input": torch.randint(-5, 5, (3, 4))}, {"other": 2}, grads=False)
    case("sub/number_float_int", "sub", {"input": torch.randint(-5, 5, (3, 4))}, {"other": 0.5}, grads=False)
    case("mul/number", "mul", {"input": f32(5)}, {"other": -3})
    case("div/number", "div", {"input": f32(3, 4)}, {"other": 4})
    case("div/int_tensors", "div", {"input": torch.randint(-9, 9, (3, 4)), "other": torch.randint(1, 4, (4,))}, grads=False)
    case("subtract/alpha", "subtract", {"input": f32(2, 3), "other": f32(2, 1)}, {"alpha": 0.5})
    case("divide/floor", "divide", {"input": f32(3, 4) * 4, "other": f32(4, lo=0.5, hi=2)}, {"rounding_mode": "floor"})
    case("divide/trunc", "divide", {"input": f32(3, 4) * 4}, {"other": 1.5, "rounding_mode": "trunc"})
    case("pow/negative_exponent", "pow", {"input": f32(2, 5, lo=0.5, hi=2)}, {"exponent": -1.5})
    case("pow/broadcast_tensor", "pow", {"input": f32(2, 5, lo=0.5, hi=2), "exponent": f32(5)})
    for op, lo, hi in [("log2", 0.2, 3), ("log10", 0.2, 3), ("tan", -1, 1), ("atan", -2, 2), ("asin", -0.9, 0.9),
                       ("acos", -0.9, 0.9), ("sinh", -2, 2), ("cosh", -2, 2), ("erf", -2, 2), ("erfc", -2, 2),
                       ("erfinv", -0.9, 0.9), ("relu", -1, 1), ("sign", -1, 1), ("floor", -3, 3), ("ceil", -3, 3),
                       ("round", -3, 3), ("trunc", -3, 3), ("frac", -3, 3), ("lgamma", 0.3, 4), ("digamma", 0.3, 4)]:
        case(op, op, {"input": f32(3, 5, lo=lo, hi=hi)}, tol=(1e-4, 1e-4) if op in ("lgamma", "digamma", "erfinv") else (1e-4, 1e-5))
    case("clamp/min_only", "clamp", {"input": f32(3, 6)}, {"min": 0.1, "max": None})
    case("clamp/max_only", "clamp", {"input": f32(3, 6)}, {"min": None, "max": -0.2})
    case("clamp/tensor_bounds", "clamp", {"input": f32(3, 6), "min": f32(6) - 0.5, "max": f32(6) + 0.5})
    case("clip/min_only", "clip", {"input": f32(3, 6)}, {"min": 0.1})
    case("maximum/broadcast", "maximum", {"input": f32(3, 1, 4), "other": f32(2, 4)})
    case("atan2", "atan2", {"input": f32(3, 4), "other": f32(3, 4)})
    case("fmod/number", "fmod", {"input": f32(3, 4) * 3}, {"other": 1.25})
    case("remainder/number", "remainder", {"input": f32(3, 4) * 3}, {"other": 1.25})
    case("lt/tensor", "lt", {"input": f32(3, 4), "other": f32(4)}, grads=False)
    case("ge/number", "ge", {"input": f32(3, 4)}, {"other": 0.25}, grads=False)
    case("eq/int", "eq", {"input": torch.randint(0, 3, (4, 3)), "other": torch.randint(0, 3, (3,))}, grads=False)
    case("logical_and", "logical_and", {"input": torch.rand(3, 4) > 0.5, "other": torch.rand(3, 4) > 0.5}, grads=False)
    case("where/number_other", "where", {"condition": torch.rand(3, 4) > 0.5, "input": f32(3, 4)}, {"other": 0.0})
    case("where/broadcast", "where", {"condition": torch.rand(3, 1) > 0.5, "input": f32(3, 4), "other": f32(4)})
    case("masked_fill/broadcast_mask", "masked_fill", {"input": f32(3, 4), "mask": torch.rand(4) > 0.5}, {"value": 2.0})
    case("addcmul", "addcmul", {"input": f32(3, 4), "tensor1": f32(3, 4), "tensor2": f32(4)}, {"value": 0.5})
    case("lerp/number", "lerp", {"input": f32(3, 4), "end": f32(3, 4)}, {"weight": 0.3})

    # reductions: dims as None, int, list, empty list; keepdim; integer inputs; ties
    x = f32(3, 4, 5)
    case("sum/dim=None/keepdim=True", "sum", {"input": x}, {"dim": None, "keepdim": True})
    case("sum/dim=[]", "sum", {"input": x}, {"dim": []})
    case("sum/int64", "sum", {"input": torch.randint(-5, 5, (3, 4))}, {"dim": 0}, grads=False)
    case("mean/dims=(-1, 0)", "mean", {"input": x}, {"dim": [-1, 0]})
    case("prod/dim=0/keepdim=True/zero", "prod", {"input": torch.tensor([[1.5, 0.0, -2.0], [0.5, 3.0, 0.0], [2.0, -1.0, 0.25]])},
         {"dim": 0, "keepdim": True})
    case("prod/all/zero", "prod", {"input": torch.tensor([[1.5, 0.0, -2.0], [0.5, 3.0, 1.0]])})
    ties = torch.tensor([[1.0, 3.0, 3.0, -1.0], [2.0, 2.0, 2.0, 0.5], [-4.0, 5.0, 1.0, 5.0]])
    case("amax/ties", "amax", {"input": ties}, {"dim": 1})
    case("amin/ties/all", "amin", {"input": ties}, {"dim": []})
    case("amax/dim=None_default", "amax", {"input": f32(3, 4)}, {"dim": [0, 1], "keepdim": True})
    case("max/all", "max", {"input": f32(3, 4)})
    case("min/all", "min", {"input": f32(3, 4)})
    case("max/dim/keepdim", "max", {"input": f32(3, 4, 2)}, {"dim": -2, "keepdim": True})
    case("min/dim", "min", {"input": f32(3, 4)}, {"dim": 0})
    case("max/other", "max", {"input": f32(3, 4), "other": f32(3, 4)})
    case("argmax/all", "argmax", {"input": f32(3, 4)}, {"dim": None}, grads=False)
    case("argmax/dim0", "argmax", {"input": f32(3, 4)}, {"dim": 0}, grads=False)
    case("argmin/keepdim", "argmin", {"input": f32(3, 4)}, {"dim": 0, "keepdim": True}, grads=False)
    case("argmin/all", "argmin", {"input": f32(3, 4)}, grads=False)
    case("argmin/dim", "argmin", {"input": f32(3, 4)}, {"dim": -1}, grads=False)
    case("var/all", "var", {"input": f32(4, 5)})
    case("var/correction=0", "var", {"input": f32(4, 5)}, {"dim": 1, "correction": 0, "keepdim": True})
    case("var/dims_list", "var", {"input": f32(3, 4, 5)}, {"dim": [0, 2], "unbiased": True})
    case("std/all_biased", "std", {"input": f32(4, 5)}, {"unbiased": False})
    case("var_mean", "var_mean", {"input": f32(4, 5)}, {"dim": 1})
    case("logsumexp/neg_inf", "logsumexp", {"input": torch.tensor([[0.5, float("-inf"), 1.0], [float("-inf"), float("-inf"), float("-inf")]])},
         {"dim": 1}, grads=False)
    case("logsumexp/large", "logsumexp", {"input": f32(3, 5) * 50}, {"dim": [0, 1]})
    case("norm/p=1/dim", "norm", {"input": f32(3, 5)}, {"p": 1, "dim": 1})
    case("norm/fro/all", "norm", {"input": f32(3, 5)})
    case("norm/p=3/keepdim", "norm", {"input": f32(3, 5)}, {"p": 3, "dim": 0, "keepdim": True})
    case("norm/inf", "norm", {"input": f32(3, 5)}, {"p": float("inf"), "dim": 1})
    case("all/dim", "all", {"input": torch.rand(3, 4) > 0.3}, {"dim": 1}, grads=False)
    case("any/keepdim", "any", {"input": torch.rand(3, 4) > 0.7}, {"dim": 0, "keepdim": True}, grads=False)
    case("count_nonzero", "count_nonzero", {"input": torch.tensor([[0.0, 1.0, 2.0], [0.0, 0.0, 3.0]])}, {"dim": 1}, grads=False)
    case("cumsum/dim=0", "cumsum", {"input": f32(4, 3)}, {"dim": 0})
    case("cumsum/int64", "cumsum", {"input": torch.randint(-5, 5, (2, 5))}, {"dim": -1}, grads=False)
    case("cumprod/zero", "cumprod", {"input": torch.tensor([[1.5, 0.0, -2.0, 0.5], [0.5, 3.0, 2.0, -1.0]])}, {"dim": 1})

    # shapes and views
    case("transpose/negative", "transpose", {"input": f32(2, 3, 4)}, {"dim0": -1, "dim1": 0})
    case("permute/negative", "permute", {"input": f32(2, 3, 4)}, {"dims": [-1, 0, 1]})
    case("reshape/flat", "reshape", {"input": f32(3, 4)}, {"shape": [-1]})
    case("reshape/3d", "reshape", {"input": f32(2, 3, 4)}, {"shape": [2, 2, -1, 3]})
    case("expand/minus_one", "expand", {"input": f32(3, 1)}, {"size": [2, -1, 4]})
    case("squeeze/dim", "squeeze", {"input": f32(3, 1, 4, 1)}, {"dim": 1})
    case("squeeze/all", "squeeze", {"input": f32(3, 1, 4, 1)})
    case("unsqueeze/negative", "unsqueeze", {"input": f32(3, 4)}, {"dim": -1})
    case("flatten/start_dim", "flatten", {"input": f32(2, 3, 4)}, {"start_dim": 1})
    case("unflatten", "unflatten", {"input": f32(2, 12)}, {"dim": 1, "sizes": [3, -1]})
    case("movedim/lists", "movedim", {"input": f32(2, 3, 4, 5)}, {"source": [0, 3], "destination": [2, 0]})
    case("narrow/negative_dim", "narrow", {"input": f32(3, 8)}, {"dim": -1, "start": 1, "length": 5})
    case("select/negative_index", "select", {"input": f32(3, 4)}, {"dim": 1, "index": -1})
    case("flip/one_dim", "flip", {"input": f32(3, 4)}, {"dims": [-1]})
    case("roll/dims", "roll", {"input": f32(3, 4)}, {"shifts": [1, -3], "dims": [0, 1]})
    case("roll/flat", "roll", {"input": f32(3, 4)}, {"shifts": 5})
    case("repeat/same_rank", "repeat", {"input": f32(2, 3)}, {"repeats": [3, 2]})
    case("repeat_interleave/dim", "repeat_interleave", {"input": f32(2, 3)}, {"repeats": 2, "dim": 1})
    case("repeat_interleave/flat", "repeat_interleave", {"input": f32(2, 3)}, {"repeats": 3})
    case("split/sections", "split", {"input": f32(5, 3)}, {"split_size_or_sections": [1, 4]})
    case("split/size", "split", {"input": f32(5, 3)}, {"split_size_or_sections": 2, "dim": 0})
    case("chunk", "chunk", {"input": f32(3, 7)}, {"chunks": 3, "dim": 1})
    case("unbind", "unbind", {"input": f32(3, 2)}, {"dim": 1})

    # indexing, joining, sorting
    case("cat/dim0", "cat", {"a": f32(2, 3), "b": f32(1, 3)}, {"dim": 0})
    case("cat/negative_dim", "cat", {"a": f32(2, 3, 2), "b": f32(2, 3, 1)}, {"dim": -1})
    case("stack/last", "stack", {"a": f32(2, 3), "b": f32(2, 3)}, {"dim": -1})
    case("gather/dim0", "gather", {"input": f32(4, 3), "index": torch.randint(0, 4, (2, 3))}, {"dim": 0})
    case("index_select/dim0_repeat", "index_select", {"input": f32(4, 3), "index": torch.tensor([3, 0, 3, 1])}, {"dim": 0})
    case("scatter_add/dim0_duplicates", "scatter_add", {"input": f32(3, 4), "index": torch.tensor([[0, 1, 0, 2], [0, 0, 2, 2]]), "src": f32(2, 4)},
         {"dim": 0})
    case("scatter/src", "scatter", {"input": f32(3, 4), "index": torch.tensor([[2, 0, 1, 1]]), "src": f32(1, 4)}, {"dim": 0})
    case("scatter/value", "scatter", {"input": f32(3, 4), "index": torch.tensor([[0, 3], [1, 2]])}, {"dim": 1, "value": -1.5})
    case("index_add/alpha", "index_add", {"input": f32(4, 3), "index": torch.tensor([0, 2, 0]), "source": f32(3, 3)}, {"dim": 0, "alpha": 2.0})
    case("masked_select", "masked_select", {"input": f32(3, 4), "mask": torch.rand(3, 4) > 0.5})
    case("nonzero", "nonzero", {"input": torch.tensor([[0.0, 1.0, 0.0], [2.0, 0.0, 3.0]])}, grads=False)
    case("tril/negative", "tril", {"input": f32(4, 5)}, {"diagonal": -1})
    case("triu/batched", "triu", {"input": f32(3, 4, 4)}, {"diagonal": 0})
    case("topk/dim0", "topk", {"input": f32(6, 3)}, {"k": 2, "dim": 0})
    case("topk/negative_dim", "topk", {"input": f32(3, 6)}, {"k": 4, "dim": -1})
    case("sort/ascending", "sort", {"input": f32(3, 6)}, {"dim": -1, "descending": False})
    case("sort/dim0", "sort", {"input": f32(5, 3)}, {"dim": 0, "descending": True})
    case("argsort", "argsort", {"input": f32(3, 6)}, {"dim": 1, "descending": True}, grads=False)

    # linear algebra
    case("matmul/vec_mat", "matmul", {"input": f32(4), "other": f32(4, 3)})
    case("matmul/dot", "matmul", {"input": f32(5), "other": f32(5)})
    case("matmul/both_batched", "matmul", {"input": f32(2, 1, 3, 4), "other": f32(5, 4, 2)})
    case("mm", "mm", {"input": f32(3, 4), "mat2": f32(4, 2)})
    case("mv", "mv", {"input": f32(3, 4), "vec": f32(4)})
    case("dot", "dot", {"input": f32(6), "tensor": f32(6)})
    case("outer", "outer", {"input": f32(3), "vec2": f32(4)})
    case("einsum/ij,jk->ik", "einsum", {"a": f32(3, 4), "b": f32(4, 2)}, {"equation": "ij,jk->ik"})
    case("einsum/i,i->", "einsum", {"a": f32(5), "b": f32(5)}, {"equation": "i,i->"})
    case("einsum/bij,bkj->bik", "einsum", {"a": f32(2, 3, 4), "b": f32(2, 5, 4)}, {"equation": "bij,bkj->bik"})


if __name__ == "__main__":
    main()
    sys.stdout.flush()
