#!/usr/bin/env python3
"""Runs nn4j's bench workloads in PyTorch and in nn4j, and prints PyTorch-ms / nn4j-ms per workload.

    /usr/bin/python3 bench/compare_pytorch.py [--repeat 3] [--threads 2] [--only NAME,...] [--json FILE]

Each round times every workload in PyTorch (a child process of this script, Debian's python3-torch, with
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment so OpenBLAS picks its own kernel), then in
nn4j (`./nn4j bench --json`). Both use the same method: warm-up (at least 3 runs and --warmup-ms), then timed
runs (at least --runs and --time-ms), median. A ratio above 1 means nn4j is faster. With --repeat N the rounds
are repeated and the median ratio and its spread (min..max over rounds) are reported.

The workloads (float32, standard-normal inputs) mirror dev.nn4j.bench.Workloads:
  matmul-1024               (1024x1024) @ (1024x1024)
  conv2d-b64-c64-32x32-k3   conv2d forward, input (64,64,32,32), weight (64,64,3,3), padding 1, no bias
  mlp-train-step-b128       zero_grad, forward, cross_entropy, backward, SGD(lr 0.01, momentum 0.9) step of
                            Flatten-Linear(784,512)-ReLU-Linear(512,256)-ReLU-Linear(256,10) on (128,1,28,28)
  cnn-train-step-b64        one Adam(lr 1e-3) step of the MNIST CNN (dropouts in training mode) on (64,1,28,28)
  cnn-infer-b256            that CNN in eval mode under no_grad on (256,1,28,28)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = ["matmul-1024", "conv2d-b64-c64-32x32-k3", "mlp-train-step-b128", "cnn-train-step-b64", "cnn-infer-b256"]
TARGETS = {"matmul-1024": 0.8, "conv2d-b64-c64-32x32-k3": 3.0, "mlp-train-step-b128": 1.0,
           "cnn-train-step-b64": 1.5, "cnn-infer-b256": 5.0}
SEED = 1234


# ---------------------------------------------------------------------------------------------- PyTorch side

def torch_workloads(torch):
    nn, F = torch.nn, torch.nn.functional

    def matmul():
        a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
        return lambda: a @ b

    def conv2d():
        x, w = torch.randn(64, 64, 32, 32), torch.randn(64, 64, 3, 3)
        return lambda: F.conv2d(x, w, None, padding=1)

    def train_step(model, opt, x, y):
        def step():
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
        return step

    def mlp():
        model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(),
                              nn.Linear(256, 10))
        x, y = torch.randn(128, 1, 28, 28), torch.randint(0, 10, (128,))
        return train_step(model, torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9), x, y)

    def cnn():
        return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Dropout(0.25), nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5),
                             nn.Linear(128, 10))

    def cnn_train():
        model = cnn().train()
        x, y = torch.randn(64, 1, 28, 28), torch.randint(0, 10, (64,))
        return train_step(model, torch.optim.Adam(model.parameters(), lr=1e-3), x, y)

    def cnn_infer():
        model = cnn().eval()
        x = torch.randn(256, 1, 28, 28)

        def step():
            with torch.no_grad():
                model(x)
        return step

    return dict(zip(NAMES, [matmul, conv2d, mlp, cnn_train, cnn_infer]))


def time_step(step, warmup_ms, time_ms, min_runs):
    end = time.perf_counter() + warmup_ms / 1e3
    i = 0
    while i < 3 or time.perf_counter() < end:
        step()
        i += 1
    times = []
    end = time.perf_counter() + time_ms / 1e3
    while (len(times) < min_runs or time.perf_counter() < end) and len(times) < 1000:
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1e3)
    return times


def run_torch(args):
    """The child process: times the PyTorch workloads and writes {name: [ms...]} as JSON."""
    import torch
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    factories = torch_workloads(torch)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "results": {}}
    for name in args.only:
        out["results"][name] = time_step(factories[name](), args.warmup_ms, args.time_ms, args.runs)
    with open(args.torch_child, "w") as f:
        json.dump(out, f)


# ---------------------------------------------------------------------------------------------- one round

def torch_round(args, tmp):
    path = os.path.join(tmp, "torch.json")
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)   # let OpenBLAS pick its best kernel for this CPU
    env.pop("OPENBLAS_L2_SIZE", None)
    cmd = [sys.executable, os.path.abspath(__file__), "--torch-child", path, "--threads", str(args.threads),
           "--only", ",".join(args.only), "--warmup-ms", str(args.warmup_ms), "--time-ms", str(args.time_ms),
           "--runs", str(args.runs)]
    subprocess.run(cmd, env=env, check=True)
    with open(path) as f:
        return json.load(f)


def nn4j_round(args, tmp):
    path = os.path.join(tmp, "nn4j.json")
    cmd = [os.path.join(ROOT, "nn4j"), "bench", "--threads", str(args.threads), "--only", ",".join(args.only),
           "--json", path, "--warmup-ms", str(args.warmup_ms), "--time-ms", str(args.time_ms), "--runs", str(args.runs)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(path) as f:
        doc = json.load(f)
    return {r["name"]: r["runs_ms"] for r in doc["results"]}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeat", type=int, default=1, help="rounds (each runs both PyTorch and nn4j); default 1")
    p.add_argument("--threads", type=int, default=2, help="threads for both (default 2)")
    p.add_argument("--only", default=",".join(NAMES), help="comma-separated workload names")
    p.add_argument("--warmup-ms", type=int, default=2000)
    p.add_argument("--time-ms", type=int, default=3000)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--json", help="write every round's medians and ratios here")
    p.add_argument("--torch-child", help=argparse.SUPPRESS)
    args = p.parse_args()
    args.only = [n.strip() for n in args.only.split(",") if n.strip()]
    for n in args.only:
        if n not in NAMES:
            p.error(f"unknown workload '{n}' (expected one of {', '.join(NAMES)})")
    if args.torch_child:
        run_torch(args)
        return 0

    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            t = torch_round(args, tmp)
            n = nn4j_round(args, tmp)
            row = {}
            for name in args.only:
                tm, nm = statistics.median(t["results"][name]), statistics.median(n[name])
                row[name] = {"torch_ms": tm, "nn4j_ms": nm, "ratio": tm / nm}
            rounds.append(row)
            print(f"round {r + 1}/{args.repeat} (torch {t['torch']}, {t['threads']} threads):")
            for name in args.only:
                e = row[name]
                print(f"  {name:26s} torch {e['torch_ms']:9.3f} ms   nn4j {e['nn4j_ms']:9.3f} ms   ratio {e['ratio']:6.2f}")
            sys.stdout.flush()

    print()
    print(f"{'workload':26s} {'torch ms':>9s} {'nn4j ms':>9s} {'ratio':>6s} {'spread':>13s} {'target':>6s}  met")
    all_met = True
    summary = {}
    for name in args.only:
        ratios = [row[name]["ratio"] for row in rounds]
        med = statistics.median(ratios)
        tm = statistics.median(row[name]["torch_ms"] for row in rounds)
        nm = statistics.median(row[name]["nn4j_ms"] for row in rounds)
        met = med >= TARGETS[name]
        all_met &= met
        summary[name] = {"ratio_median": med, "ratio_min": min(ratios), "ratio_max": max(ratios),
                         "torch_ms_median": tm, "nn4j_ms_median": nm, "target": TARGETS[name], "met": met}
        print(f"{name:26s} {tm:9.3f} {nm:9.3f} {med:6.2f} {min(ratios):6.2f}..{max(ratios):<5.2f} "
              f"{TARGETS[name]:6.1f}  {'yes' if met else 'NO'}")
    print("all targets met" if all_met else "some targets NOT met")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rounds": rounds, "summary": summary}, f, indent=2)
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
