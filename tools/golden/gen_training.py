#!/usr/bin/python3
"""PyTorch 1.13 reference trajectories for nn4j's optimizers and learning-rate schedulers.

Writes two files:
  nn4j-cli/src/test/resources/conformance/training-extra.jsonl
      extra cases of kind "optim" and "sched" in the shared conformance format (FORMAT.md): every optimizer and
      scheduler with non-default options (weight decay, maximize, amsgrad, nesterov, centered, lr_decay,
      momentum_decay, CyclicLR modes, OneCycleLR three_phase/linear, ReduceLROnPlateau max/abs/cooldown/min_lr...).
      Inputs are float32 values; the reference runs in float64 from exactly those values.
      Check: /usr/bin/python3 ../shared/conformance/reference_runner.py nn4j-cli/src/test/resources/conformance/training-extra.jsonl
  nn4j-core/src/test/resources/golden/training.json
      what that format cannot express, all in float64: parameter groups with different options over two
      parameters of different shapes (one of them sometimes without a gradient), the optimizer's state after the
      last step, L-BFGS with a closure, LambdaLR/MultiplicativeLR/SequentialLR/ChainedScheduler, schedulers over
      several groups, and the momentum / beta1 that OneCycleLR and CyclicLR cycle.
usage: /usr/bin/python3 tools/golden/gen_training.py   (from the repository root)
"""
import json
import math
import os

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
gen = torch.Generator().manual_seed(4242)


def randn(*shape):
    return torch.randn(*shape, generator=gen)


def enc(t):
    t = t.detach()
    return {"dtype": "float32" if t.is_floating_point() else "int64", "shape": list(t.shape),
            "data": [float(v) if t.is_floating_point() else int(v) for v in t.reshape(-1).tolist()]}


def enc64(t):
    t = t.detach()
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


def torch_args(args):
    return {k: (tuple(v) if isinstance(v, list) else v) for k, v in args.items()}


# ---------------------------------------------------------------------------------------------- conformance cases

OPTIM_CASES = [
    ("SGD", "momentum", {"lr": 0.1, "momentum": 0.9}, 5),
    ("SGD", "momentum_dampening_wd_maximize", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.1, "maximize": True}, 5),
    ("SGD", "nesterov_maximize", {"lr": 0.05, "momentum": 0.5, "nesterov": True, "maximize": True}, 5),
    ("SGD", "weight_decay", {"lr": 0.2, "weight_decay": 0.5}, 4),
    ("Adam", "betas_maximize", {"lr": 0.05, "betas": [0.5, 0.9], "maximize": True}, 5),
    ("Adam", "amsgrad", {"lr": 0.01, "amsgrad": True}, 6),
    ("Adam", "all_options", {"lr": 0.02, "betas": [0.7, 0.8], "eps": 1e-3, "weight_decay": 0.2, "amsgrad": True, "maximize": True}, 6),
    ("AdamW", "defaults", {}, 4),
    ("AdamW", "amsgrad_wd", {"lr": 0.01, "amsgrad": True, "weight_decay": 0.1}, 6),
    ("AdamW", "maximize_betas", {"lr": 0.02, "maximize": True, "betas": [0.7, 0.95], "eps": 1e-4}, 5),
    ("RMSprop", "centered", {"lr": 0.01, "centered": True}, 5),
    ("RMSprop", "momentum", {"lr": 0.01, "momentum": 0.9}, 5),
    ("RMSprop", "alpha_eps_wd_maximize", {"lr": 0.005, "alpha": 0.8, "eps": 1e-4, "weight_decay": 0.1, "maximize": True}, 5),
    ("RMSprop", "centered_momentum_maximize", {"lr": 0.01, "alpha": 0.95, "momentum": 0.3, "centered": True, "maximize": True}, 5),
    ("Adagrad", "wd_maximize", {"lr": 0.1, "weight_decay": 0.1, "maximize": True}, 5),
    ("Adagrad", "lr_decay_eps", {"lr": 0.5, "eps": 1e-3, "lr_decay": 0.1, "initial_accumulator_value": 0.5}, 5),
    ("Adadelta", "rho_eps_wd", {"lr": 0.5, "rho": 0.5, "eps": 1e-4, "weight_decay": 0.1}, 5),
    ("Adadelta", "maximize", {"maximize": True}, 4),
    ("Adamax", "betas_wd", {"lr": 0.01, "betas": [0.8, 0.9], "weight_decay": 0.1}, 5),
    ("Adamax", "maximize_eps", {"lr": 0.02, "maximize": True, "eps": 1e-3}, 5),
    ("NAdam", "momentum_decay_wd", {"lr": 0.01, "momentum_decay": 0.01, "weight_decay": 0.1}, 5),
    ("NAdam", "betas_eps", {"lr": 0.02, "betas": [0.8, 0.99], "eps": 1e-3}, 5),
    ("RAdam", "wd", {"lr": 0.01, "weight_decay": 0.1}, 8),
    ("RAdam", "betas", {"lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-6}, 9),
    # implementation switches that change no value: the runner must accept them
    ("Adam", "implementation_flags", {"lr": 0.01, "foreach": False, "capturable": False, "differentiable": False, "fused": False}, 4),
]

SCHED_CASES = [
    ("StepLR", "every_epoch", {"step_size": 1, "gamma": 0.9}, 0.1, None),
    ("StepLR", "default_gamma", {"step_size": 4}, 1.0, None),
    ("MultiStepLR", "repeated_milestone", {"milestones": [3, 3, 7]}, 0.5, None),
    ("ExponentialLR", "half", {"gamma": 0.5}, 1.0, None),
    ("CosineAnnealingLR", "past_T_max", {"T_max": 3}, 0.1, None),
    ("CosineAnnealingLR", "eta_min", {"T_max": 5, "eta_min": 0.05}, 0.2, None),
    ("CosineAnnealingWarmRestarts", "T_mult_1", {"T_0": 3}, 0.1, None),
    ("CosineAnnealingWarmRestarts", "T_mult_3", {"T_0": 2, "T_mult": 3, "eta_min": 0.001}, 0.1, None),
    ("LinearLR", "decay", {"start_factor": 1.0, "end_factor": 0.1, "total_iters": 6}, 0.1, None),
    ("LinearLR", "defaults", {}, 0.3, None),
    ("ConstantLR", "half", {"factor": 0.5, "total_iters": 3}, 0.1, None),
    ("ConstantLR", "defaults", {}, 0.3, None),
    ("PolynomialLR", "defaults", {}, 0.1, None),
    ("PolynomialLR", "sqrt", {"total_iters": 6, "power": 0.5}, 0.1, None),
    ("OneCycleLR", "three_phase", {"max_lr": 0.5, "total_steps": 20, "three_phase": True}, 0.1, None),
    ("OneCycleLR", "linear_epochs", {"max_lr": 0.3, "epochs": 4, "steps_per_epoch": 5, "anneal_strategy": "linear",
                                     "pct_start": 0.25, "div_factor": 10.0, "final_div_factor": 100.0}, 0.1, None),
    ("OneCycleLR", "no_momentum", {"max_lr": 1.0, "total_steps": 10, "cycle_momentum": False, "pct_start": 0.5}, 0.1, None),
    ("CyclicLR", "triangular", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3}, 0.1, None),
    ("CyclicLR", "triangular2", {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 2, "step_size_down": 4, "mode": "triangular2"}, 0.1, None),
    ("CyclicLR", "exp_range", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3, "mode": "exp_range", "gamma": 0.9,
                               "cycle_momentum": False}, 0.1, None),
    ("ReduceLROnPlateau", "max_abs_cooldown_min_lr",
     {"mode": "max", "factor": 0.5, "patience": 2, "threshold_mode": "abs", "threshold": 0.1, "cooldown": 2, "min_lr": 0.01},
     0.1, [0.1, 0.5, 0.55, 0.58, 0.59, 0.62, 0.61, 0.6, 0.59, 0.8, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85]),
    ("ReduceLROnPlateau", "min_rel_patience0",
     {"mode": "min", "factor": 0.3, "patience": 0, "threshold": 0.05, "cooldown": 1},
     1.0, [1.0, 0.9, 0.89, 0.8, 0.79, 0.78, 0.5, 0.49, 0.6, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]),
    ("ReduceLROnPlateau", "eps_stops_tiny_updates",
     {"mode": "min", "factor": 0.5, "patience": 0, "eps": 0.02}, 0.1, [1.0] * 12),
    ("ReduceLROnPlateau", "max_rel",
     {"mode": "max", "factor": 0.5, "patience": 1, "threshold": 0.1}, 0.1,
     [1.0, 1.05, 1.08, 1.2, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 2.0, 2.1]),
]


def optim_case(name, tag, args, steps):
    shape = [3, 4] if len(tag) % 2 else [7]
    p32 = randn(*shape)
    grads = [randn(*shape) for _ in range(steps)]
    p = p32.double().clone().requires_grad_(True)
    opt = getattr(torch.optim, name)([p], **torch_args(args))
    after = []
    for g in grads:
        p.grad = g.double()
        opt.step()
        after.append(enc(p))
    return {"id": f"optim/{name}/{tag}", "kind": "optim", "optimizer": name, "args": args, "param": enc(p32),
            "grads": [enc(g) for g in grads], "params_after": after, "tol": {"rtol": 1e-5, "atol": 1e-6}}


def sched_case(name, tag, args, base_lr, metrics):
    epochs = len(metrics) if metrics else 20
    if name == "OneCycleLR":  # stepping past total_steps is an error
        epochs = args.get("total_steps") or args["epochs"] * args["steps_per_epoch"]
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=base_lr)
    sch = getattr(torch.optim.lr_scheduler, name)(opt, **torch_args(args))
    lrs = []
    for e in range(epochs):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sch.step(metrics[e]) if metrics else sch.step()
    return {"id": f"sched/{name}/{tag}", "kind": "sched", "scheduler": name, "args": args, "base_lr": base_lr,
            "metrics": metrics, "lrs": lrs, "tol": {"rtol": 1e-9, "atol": 1e-12}}


# ---------------------------------------------------------------------------------------------- float64 goldens

GROUP_CASES = [
    # (optimizer, defaults, group 0 overrides, group 1 overrides, steps)
    ("SGD", {"lr": 0.1, "momentum": 0.9}, {}, {"lr": 0.01, "nesterov": True, "weight_decay": 0.1}),
    ("SGD", {"lr": 0.1}, {"maximize": True, "weight_decay": 0.2}, {"momentum": 0.5, "dampening": 0.5}),
    ("Adam", {"lr": 0.01}, {"amsgrad": True}, {"lr": 0.1, "betas": (0.5, 0.6), "weight_decay": 0.1, "maximize": True}),
    ("AdamW", {"lr": 0.01, "weight_decay": 0.1}, {"amsgrad": True, "eps": 1e-3}, {"lr": 0.05, "weight_decay": 0.0}),
    ("RMSprop", {"lr": 0.01}, {"centered": True, "weight_decay": 0.1}, {"lr": 0.02, "momentum": 0.8, "alpha": 0.9, "maximize": True}),
    # PyTorch fills every accumulator from the constructor's initial_accumulator_value (a group's own is ignored)
    ("Adagrad", {"lr": 0.1, "initial_accumulator_value": 0.2}, {"lr_decay": 0.05}, {"lr": 0.3, "eps": 1e-5, "maximize": True}),
    ("Adadelta", {"lr": 1.0}, {"rho": 0.8}, {"lr": 0.5, "weight_decay": 0.2, "maximize": True}),
    ("Adamax", {"lr": 0.02}, {"betas": (0.8, 0.95)}, {"lr": 0.05, "weight_decay": 0.1, "maximize": True}),
    ("NAdam", {"lr": 0.02}, {"momentum_decay": 0.02}, {"lr": 0.05, "weight_decay": 0.1, "betas": (0.8, 0.9)}),
    ("RAdam", {"lr": 0.02}, {"betas": (0.8, 0.99)}, {"lr": 0.05, "weight_decay": 0.1, "eps": 1e-4}),
]
# gradients of parameter 1 are missing (None) on these steps: it must keep its value and state
SKIP_STEPS_P1 = {2}


def jsonable(v):
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, torch.Tensor):
        return enc64(v) if v.dim() > 0 else float(v)
    return v


def group_case(name, defaults, o0, o1, steps=7):
    p0 = randn(3, 4).double().requires_grad_(True)
    p1 = randn(5).double().requires_grad_(True)
    start = [enc64(p0), enc64(p1)]
    opt = getattr(torch.optim, name)([dict(params=[p0], **o0), dict(params=[p1], **o1)], **defaults)
    out = []
    for s in range(steps):
        g0, g1 = randn(3, 4).double(), randn(5).double()
        p0.grad = g0
        p1.grad = None if s in SKIP_STEPS_P1 else g1
        opt.step()
        out.append({"grads": [enc64(g0), None if p1.grad is None else enc64(g1)], "after": [enc64(p0), enc64(p1)]})
    state = []
    for p in (p0, p1):
        st = opt.state[p]
        state.append({k: jsonable(v) for k, v in st.items() if v is not None})
    return {"id": f"{name}/" + "+".join(sorted(set(o0) | set(o1))), "optimizer": name, "defaults": {k: jsonable(v) for k, v in defaults.items()},
            "groups": [{k: jsonable(v) for k, v in o0.items()}, {k: jsonable(v) for k, v in o1.items()}],
            "params": start, "steps": out, "state": state}


# L-BFGS problems; LbfgsGoldenTest defines the same functions
Q = torch.tensor([[1.0, 2.0, 0.5], [0.3, 1.5, 3.0]], dtype=torch.float64)
T = torch.tensor([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5]], dtype=torch.float64)
A = torch.tensor([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]], dtype=torch.float64)
B = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)


def rosen_plus(x, w):
    """Rosenbrock on x (4) plus a weighted quadratic on w (2, 3)."""
    return (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum() + (Q * (w - T) ** 2).sum()


def quadratic(x, w):
    """0.5 x'Ax - b'x on x (3) plus a weighted quadratic on w (2, 3)."""
    return 0.5 * (x @ (A @ x)) - B @ x + (Q * (w - T) ** 2).sum()


LBFGS_CASES = [
    ("rosenbrock_h3", rosen_plus, [-0.5, 0.8, 0.6, 1.2], {"lr": 1.0, "max_iter": 4, "history_size": 3}, 6),
    ("rosenbrock_lr05_h2", rosen_plus, [-0.5, 0.8, 0.6, 1.2], {"lr": 0.5, "max_iter": 5, "history_size": 2}, 5),
    ("rosenbrock_max_eval", rosen_plus, [-0.5, 0.8, 0.6, 1.2], {"lr": 1.0, "max_iter": 10, "max_eval": 4, "history_size": 5}, 4),
    ("rosenbrock_tolerance_grad", rosen_plus, [0.9, 0.8, 0.7, 0.6], {"lr": 1.0, "max_iter": 6, "history_size": 3, "tolerance_grad": 1.0}, 5),
    ("quadratic_converges", quadratic, [1.0, 1.0, -1.0], {"lr": 1.0, "history_size": 4}, 3),
    ("quadratic_tolerance_change", quadratic, [1.0, 1.0, -1.0], {"lr": 0.8, "max_iter": 8, "history_size": 2, "tolerance_change": 1e-3}, 4),
    ("rosenbrock_strong_wolfe", rosen_plus, [-0.5, 0.8, 0.6, 1.2], {"max_iter": 10, "history_size": 5, "line_search_fn": "strong_wolfe"}, 5),
    ("rosenbrock_strong_wolfe_lr05_max_eval", rosen_plus, [-1.2, 1.0, 1.0, 0.5],
     {"lr": 0.5, "max_iter": 6, "max_eval": 9, "history_size": 2, "line_search_fn": "strong_wolfe"}, 6),
    ("quadratic_strong_wolfe", quadratic, [1.0, 1.0, -1.0], {"line_search_fn": "strong_wolfe"}, 2),
    # the line search keeps its own tolerance_change (1e-9): PyTorch does not pass the group's
    ("rosenbrock_strong_wolfe_tolerance_change", rosen_plus, [-1.2, 1.0, 1.0, 0.5],
     {"lr": 3.0, "line_search_fn": "strong_wolfe", "tolerance_change": 0.3, "max_iter": 5, "history_size": 3}, 3),
]


def lbfgs_case(tag, fn, x0, options, steps):
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    w = torch.zeros(2, 3, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([x, w], **options)

    def closure():
        opt.zero_grad()
        loss = fn(x, w)
        loss.backward()
        return loss

    out = []
    for _ in range(steps):
        loss = opt.step(closure)
        out.append({"loss": float(loss), "after": [enc64(x), enc64(w)], "func_evals": opt.state[x]["func_evals"],
                    "n_iter": opt.state[x]["n_iter"]})
    return {"id": tag, "problem": fn.__name__, "options": options, "x0": x0, "steps": out}


def lr_trace(opt, sch, epochs, step=lambda s, e: s.step()):
    """Per epoch: every group's lr, momentum and beta1 (when the group has them), read before stepping."""
    rows = []
    for e in range(epochs):
        row = {"lr": [g["lr"] for g in opt.param_groups]}
        if "momentum" in opt.param_groups[0]:
            row["momentum"] = [g["momentum"] for g in opt.param_groups]
        if "betas" in opt.param_groups[0]:
            row["beta1"] = [g["betas"][0] for g in opt.param_groups]
        rows.append(row)
        opt.step()
        step(sch, e)
    return rows


def two_groups(cls=torch.optim.SGD, lrs=(0.1, 0.02), **kw):
    a = torch.zeros(2, requires_grad=True)
    b = torch.zeros(3, requires_grad=True)
    return cls([{"params": [a], "lr": lrs[0]}, {"params": [b], "lr": lrs[1]}], **kw)


def sched_goldens():
    S = torch.optim.lr_scheduler
    out = []

    def add(tag, opt, make, epochs=16, step=lambda s, e: s.step()):
        sch = make(opt)
        out.append({"id": tag, "trace": lr_trace(opt, sch, epochs, step)})

    add("LambdaLR/two_lambdas", two_groups(), lambda o: S.LambdaLR(o, [lambda e: 0.95 ** e, lambda e: 1.0 / (1 + e)]))
    add("LambdaLR/one_lambda", two_groups(), lambda o: S.LambdaLR(o, lambda e: (e % 4 + 1) / 4.0))
    add("MultiplicativeLR/alternating", two_groups(), lambda o: S.MultiplicativeLR(o, lambda e: 0.5 if e % 2 else 1.0))
    add("SequentialLR/linear_then_exponential", two_groups(),
        lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=4), S.ExponentialLR(o, gamma=0.8)], milestones=[4]))
    add("SequentialLR/constant_cosine_step", two_groups(),
        lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=0.5, total_iters=2), S.CosineAnnealingLR(o, T_max=4, eta_min=0.001),
                                     S.StepLR(o, step_size=2, gamma=0.5)], milestones=[3, 8]), epochs=16)
    add("ChainedScheduler/constant_exponential", two_groups(),
        lambda o: S.ChainedScheduler([S.ConstantLR(o, factor=0.25, total_iters=3), S.ExponentialLR(o, gamma=0.9)]))
    add("ChainedScheduler/linear_multistep", two_groups(),
        lambda o: S.ChainedScheduler([S.LinearLR(o, start_factor=0.5, total_iters=5), S.MultiStepLR(o, milestones=[2, 6], gamma=0.5)]))
    add("StepLR/two_groups", two_groups(), lambda o: S.StepLR(o, step_size=3, gamma=0.5))
    add("CosineAnnealingLR/two_groups", two_groups(), lambda o: S.CosineAnnealingLR(o, T_max=5, eta_min=0.001), epochs=14)
    add("OneCycleLR/adam_betas", two_groups(torch.optim.Adam),
        lambda o: S.OneCycleLR(o, max_lr=0.2, total_steps=15, base_momentum=0.7, max_momentum=0.9), epochs=15)
    add("OneCycleLR/sgd_three_phase_linear", two_groups(torch.optim.SGD, momentum=0.9),
        lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=16, three_phase=True, anneal_strategy="linear", pct_start=0.25), epochs=16)
    add("CyclicLR/sgd_momentum_triangular2", two_groups(torch.optim.SGD, momentum=0.9),
        lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=2, step_size_down=3, mode="triangular2",
                             base_momentum=0.7, max_momentum=0.95), epochs=20)
    add("CyclicLR/sgd_momentum_exp_range", two_groups(torch.optim.SGD, momentum=0.9),
        lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3, mode="exp_range", gamma=0.95), epochs=20)
    metrics = [1.0, 0.9, 0.95, 0.96, 0.97, 0.8, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.91, 0.92]
    add("ReduceLROnPlateau/two_groups_min_lr", two_groups(),
        lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=1, min_lr=0.01, cooldown=1), epochs=len(metrics),
        step=lambda s, e: s.step(metrics[e]))
    return out, metrics


def main():
    cases = [optim_case(*c) for c in OPTIM_CASES] + [sched_case(*c) for c in SCHED_CASES]
    with open(os.path.join(ROOT, "nn4j-cli/src/test/resources/conformance/training-extra.jsonl"), "w") as f:
        for c in cases:
            f.write(json.dumps(c, allow_nan=False) + "\n")
    sched, metrics = sched_goldens()
    golden = {
        "torch": torch.__version__,
        "optim_groups": [group_case(*c) for c in GROUP_CASES],
        "lbfgs": {"Q": enc64(Q), "T": enc64(T), "A": enc64(A), "B": enc64(B),
                  "cases": [lbfgs_case(*c) for c in LBFGS_CASES]},
        "sched": sched,
        "plateau_metrics": metrics,
    }
    with open(os.path.join(ROOT, "nn4j-core/src/test/resources/golden/training.json"), "w") as f:
        json.dump(golden, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
