#!/usr/bin/python3
"""Re-draws the inputs of every case of a conformance file and recomputes its references with PyTorch 1.13 in
float64, through the calls of shared/conformance/reference_runner.py. The result is a new file of the same format
with the same ops and arguments but other values: a stand-in for the case files nn4j is run against but cannot see.

Floats are perturbed so that their domain holds: values in [0, 1] stay there (x ** (1 + su)), positive values
stay positive (x * max(1 + su, 0.05)), floats that are all integers (class targets, +-1 labels) are kept, the rest
get x * (1 + su) + 0.5 s n, with u uniform in [-1, 1], n standard normal and s the scale (0.2 unless given).
Integer and bool inputs are kept. Sequential cases and scheduler cases are copied.
usage: /usr/bin/python3 tools/golden/perturb_cases.py IN.jsonl SEED [SCALE] > OUT.jsonl   (SCALE: 0.2 unless given)
"""
import json
import os
import sys

import torch
import torch.nn as nn

src = open(sys.argv[1]).read().splitlines()
seed = int(sys.argv[2])
scale = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2
repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ref = open(os.path.join(repo, "..", "shared", "conformance", "reference_runner.py")).read()
exec(ref[:ref.index("bad = skipped = 0")])   # tens, close, call_functional

g = torch.Generator().manual_seed(seed)


def enc(t):
    t = t.detach()
    if t.dtype == torch.bool:
        return {"dtype": "bool", "shape": list(t.shape), "data": [bool(v) for v in t.reshape(-1).tolist()]}
    if not t.is_floating_point():
        return {"dtype": "int64", "shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    return {"dtype": "float32", "shape": list(t.shape), "data": [float(f"{v:.9g}") for v in t.reshape(-1).tolist()]}


def perturb(d):
    if d["dtype"] != "float32" or not d["data"]:
        return d
    x = torch.tensor(d["data"], dtype=torch.float64)
    finite = x[torch.isfinite(x)]
    if finite.numel() == 0 or torch.all(finite == finite.round()):
        return d
    u = torch.rand(x.shape, generator=g, dtype=torch.float64) * 2 - 1
    if torch.all((finite >= 0) & (finite <= 1)):
        y = x ** (1 + scale * u)
    elif torch.all(finite > 0):
        y = x * (1 + scale * u).clamp(min=0.05)
    else:
        y = x * (1 + scale * u) + 0.5 * scale * torch.randn(x.shape, generator=g, dtype=torch.float64)
    y = torch.where(torch.isfinite(x), y, x).to(torch.float32)
    return {"dtype": "float32", "shape": d["shape"], "data": [float(f"{v:.9g}") for v in y.tolist()]}


def t64(d):
    t = tens(d)
    return t.double() if t.is_floating_point() else t


def outputs(out):
    outs = []
    for o in (out if isinstance(out, (tuple, list)) else [out]):
        outs += list(o) if isinstance(o, (tuple, list)) else ([o] if o is not None else [])
    return outs


def redo_call(c):
    c["inputs"] = {k: perturb(v) for k, v in c["inputs"].items()}
    ins = {}
    for k, v in c["inputs"].items():
        t = t64(v)
        if t.is_floating_point() and k in c.get("grads", {}):
            t.requires_grad_(True)
        ins[k] = t
    outs = outputs(call_functional(c, ins))
    c["output"] = [enc(o) for o in outs] if isinstance(c["output"], list) else enc(outs[0])
    if "grads" in c:
        gos = c["grad_output"] if isinstance(c["grad_output"], list) else [c["grad_output"]]
        diff = [o for o in outs if o.is_floating_point() and o.requires_grad]
        torch.autograd.backward(diff, [t64(x) for x in gos])
        c["grads"] = {k: enc(ins[k].grad if ins[k].grad is not None else torch.zeros_like(ins[k])) for k in c["grads"]}


def redo_module(c):
    ctor = {k: (tuple(v) if isinstance(v, list) and k != "normalized_shape" else v) for k, v in c["ctor"].items()}
    m = getattr(nn, c["module"])(**ctor).double()
    c["state_dict"] = {k: perturb(v) for k, v in c["state_dict"].items()}
    m.load_state_dict({k: t64(v) for k, v in c["state_dict"].items()})
    m.train(c["mode"] == "train")
    c["inputs"] = {k: perturb(v) for k, v in c["inputs"].items()}
    ins = {k: (t64(v).requires_grad_(True) if v["dtype"] == "float32" else t64(v)) for k, v in c["inputs"].items()}
    for _ in range(c["forward_calls"]):
        out = m(*ins.values(), **c.get("forward_kwargs", {}))
    outs = outputs(out)
    c["output"] = [enc(o) for o in outs] if isinstance(c["output"], list) else enc(outs[0])
    gos = c["grad_output"] if isinstance(c["grad_output"], list) else [c["grad_output"]]
    torch.autograd.backward([o for o in outs if o.requires_grad], [t64(x) for x in gos])
    params = dict(m.named_parameters())
    grads = {}
    for k in c["grads"]:
        t = params[k[6:]] if k.startswith("param:") else ins[k]
        grads[k] = enc(t.grad if t.grad is not None else torch.zeros_like(t))
    c["grads"] = grads
    if "state_dict_after" in c:
        sd = m.state_dict()
        c["state_dict_after"] = {k: enc(sd[k]) for k in c["state_dict_after"]}


def redo_optim(c):
    c["param"] = perturb(c["param"])
    c["grads"] = [perturb(x) for x in c["grads"]]
    p = t64(c["param"]).requires_grad_(True)
    a = {k: (tuple(v) if isinstance(v, list) else v) for k, v in c["args"].items()}
    opt = getattr(torch.optim, c["optimizer"])([p], **a)
    after = []
    for gr in c["grads"]:
        p.grad = t64(gr)
        opt.step()
        after.append(enc(p))
    c["params_after"] = after


for ln in src:
    c = json.loads(ln)
    try:
        if c["kind"] in ("tensor", "functional"):
            redo_call(c)
        elif c["kind"] == "module" and c["module"] != "Sequential" and hasattr(nn, c["module"]) and "note" not in c:
            redo_module(c)
        elif c["kind"] == "optim":
            redo_optim(c)
    except Exception as e:   # a call this script cannot rebuild (a tensor in ctor, a custom forward): the case as it was
        print(f"{c['id']}: kept as it was ({type(e).__name__}: {e})", file=sys.stderr)
        c = json.loads(ln)
    c["id"] = c["id"] + f"~{seed}"
    print(json.dumps(c))
