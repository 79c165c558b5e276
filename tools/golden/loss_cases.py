#!/usr/bin/python3
"""Golden cases for every loss of torch.nn.functional, with the arguments, shapes and reductions that the shared
conformance file does not cover. Same JSONL format as shared/conformance (FORMAT.md, kind "functional"): each case
is the call F.<op>(**inputs, **args); inputs are float32 (or int64) values, the output and the gradients are
computed by PyTorch in float64 from exactly those values.

usage: /usr/bin/python3 tools/golden/loss_cases.py > nn4j-core/src/test/resources/golden/losses.jsonl
Read by nn4j-core's LossGoldenTest (float32 and float64 runs); the CLI runner can run it too:
  ./nn4j conformance nn4j-core/src/test/resources/golden/losses.jsonl
"""
import json

import torch
import torch.nn.functional as F

torch.manual_seed(4242)


def enc(t):
    if t.dtype == torch.bool:
        return {"dtype": "bool", "shape": list(t.shape), "data": [bool(v) for v in t.reshape(-1).tolist()]}
    if not t.is_floating_point():
        return {"dtype": "int64", "shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    return {"dtype": "float32", "shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


def f32(*shape, lo=None, hi=None):
    t = torch.randn(*shape) if lo is None else torch.rand(*shape) * (hi - lo) + lo
    return t.to(torch.float32)


def signs(*shape):
    return (torch.randint(0, 2, shape) * 2 - 1).to(torch.float32)


def case(cid, op, ins, args=None, nograd=(), tol=(1e-4, 1e-5)):
    """nograd: floating inputs that get no gradient (targets PyTorch cannot differentiate, e.g. weights)."""
    args = args or {}
    ins64 = {}
    for k, v in ins.items():
        t = v.to(torch.float64) if v.is_floating_point() else v.clone()
        if t.is_floating_point() and k not in nograd:
            t.requires_grad_(True)
        ins64[k] = t
    out = getattr(F, op)(**ins64, **args)
    c = {"id": "golden/" + cid, "kind": "functional", "op": op, "inputs": {k: enc(v) for k, v in ins.items()},
         "args": args, "output": enc(out.detach())}
    if out.requires_grad:
        go = torch.randn(out.shape, dtype=torch.float32).to(torch.float64)
        out.backward(go)
        c["grad_output"] = enc(go)
        c["grads"] = {k: enc(v.grad if v.grad is not None else torch.zeros_like(v))
                      for k, v in ins64.items() if v.is_floating_point() and v.requires_grad}
    c["tol"] = {"rtol": tol[0], "atol": tol[1]}
    print(json.dumps(c))


REDUCTIONS = ("none", "mean", "sum")


def regression():
    for r in REDUCTIONS:
        case(f"l1_loss/broadcast/{r}", "l1_loss", {"input": f32(3, 4), "target": f32(3, 1)}, {"reduction": r})
        case(f"mse_loss/broadcast/{r}", "mse_loss", {"input": f32(2, 3, 4), "target": f32(4)}, {"reduction": r})
        case(f"huber_loss/{r}", "huber_loss", {"input": f32(4, 5) * 2, "target": f32(4, 5)}, {"reduction": r})
        case(f"smooth_l1_loss/{r}", "smooth_l1_loss", {"input": f32(4, 5) * 2, "target": f32(4, 5)}, {"reduction": r})
        case(f"poisson_nll_loss/{r}", "poisson_nll_loss", {"input": f32(3, 4), "target": f32(3, 4, lo=0, hi=4).round()},
             {"reduction": r})
        case(f"gaussian_nll_loss/{r}", "gaussian_nll_loss",
             {"input": f32(4, 3), "target": f32(4, 3), "var": f32(4, 3, lo=0.2, hi=2)}, {"reduction": r})
    case("huber_loss/delta_large", "huber_loss", {"input": f32(6), "target": f32(6)}, {"delta": 3.0, "reduction": "sum"})
    case("smooth_l1_loss/beta0", "smooth_l1_loss", {"input": f32(3, 4), "target": f32(3, 4)}, {"beta": 0.0})
    case("smooth_l1_loss/legacy_size_average_false", "smooth_l1_loss", {"input": f32(3, 4), "target": f32(3, 4)},
         {"size_average": False})
    case("mse_loss/legacy_reduce_false", "mse_loss", {"input": f32(3, 4), "target": f32(3, 4)}, {"reduce": False})
    case("poisson_nll_loss/rate_input_full", "poisson_nll_loss",
         {"input": f32(3, 5, lo=0.1, hi=3), "target": torch.tensor([[0., 1, 2, 3, 7], [1, 0, 5, 2, 1], [4, 1, 0, 9, 3]])},
         {"log_input": False, "full": True, "eps": 1e-4})
    case("poisson_nll_loss/full_none", "poisson_nll_loss",
         {"input": f32(2, 4), "target": torch.tensor([[0., 1, 2, 6], [3, 0.5, 1.5, 4]])}, {"full": True, "reduction": "none"})
    case("gaussian_nll_loss/homoscedastic_dropped", "gaussian_nll_loss",
         {"input": f32(5, 3), "target": f32(5, 3), "var": f32(5, lo=0.3, hi=2)}, {"full": True})
    case("gaussian_nll_loss/homoscedastic_last1", "gaussian_nll_loss",
         {"input": f32(2, 4, 3), "target": f32(2, 4, 3), "var": f32(2, 4, 1, lo=0.3, hi=2)}, {"reduction": "sum"})
    case("gaussian_nll_loss/eps_clamp", "gaussian_nll_loss",
         {"input": f32(2, 3), "target": f32(2, 3), "var": torch.tensor([[1e-5, 0.5, 0.0], [2.0, 1e-3, 0.03]])},
         {"eps": 0.01, "reduction": "none"})


def classification():
    for r in REDUCTIONS:
        case(f"kl_div/{r}", "kl_div", {"input": F.log_softmax(f32(3, 5), 1), "target": F.softmax(f32(3, 5), 1)}, {"reduction": r})
        case(f"binary_cross_entropy/{r}", "binary_cross_entropy",
             {"input": f32(3, 4, lo=0.05, hi=0.95), "target": f32(3, 4, lo=0, hi=1)}, {"reduction": r})
        case(f"binary_cross_entropy_with_logits/weights/{r}", "binary_cross_entropy_with_logits",
             {"input": f32(3, 4) * 3, "target": f32(3, 4, lo=0, hi=1), "weight": f32(4, lo=0.5, hi=2),
              "pos_weight": f32(4, lo=0.5, hi=3)}, {"reduction": r}, nograd=("weight", "pos_weight"))
        case(f"nll_loss/weight_ignore/{r}", "nll_loss",
             {"input": F.log_softmax(f32(6, 4), 1), "target": torch.tensor([0, 3, 1, 3, 2, 1]), "weight": f32(4, lo=0.5, hi=2)},
             {"ignore_index": 3, "reduction": r}, nograd=("weight",))
        case(f"nll_loss/3d/{r}", "nll_loss", {"input": f32(2, 4, 5), "target": torch.randint(0, 4, (2, 5))}, {"reduction": r})
        case(f"cross_entropy/weight_ignore/{r}", "cross_entropy",
             {"input": f32(7, 5) * 2, "target": torch.tensor([0, 4, 2, -100, 1, 4, 3]), "weight": f32(5, lo=0.5, hi=2)},
             {"reduction": r}, nograd=("weight",))
        case(f"cross_entropy/spatial_smoothing_weight_ignore/{r}", "cross_entropy",
             {"input": f32(2, 4, 3, 2), "target": torch.tensor([[[0, 1], [3, 2], [2, 2]], [[1, 1], [0, 3], [2, 0]]]),
              "weight": f32(4, lo=0.5, hi=2)}, {"reduction": r, "label_smoothing": 0.2, "ignore_index": 2}, nograd=("weight",))
        case(f"cross_entropy/probabilities_weight_smoothing/{r}", "cross_entropy",
             {"input": f32(4, 5), "target": F.softmax(f32(4, 5), 1), "weight": f32(5, lo=0.5, hi=2)},
             {"reduction": r, "label_smoothing": 0.15}, nograd=("weight",))
        case(f"cross_entropy/label_smoothing/{r}", "cross_entropy", {"input": f32(5, 6), "target": torch.randint(0, 6, (5,))},
             {"reduction": r, "label_smoothing": 0.3})
    case("kl_div/batchmean_log_target", "kl_div", {"input": F.log_softmax(f32(4, 3), 1), "target": F.log_softmax(f32(4, 3), 1)},
         {"reduction": "batchmean", "log_target": True})
    case("kl_div/zero_target", "kl_div", {"input": F.log_softmax(f32(2, 4), 1), "target": torch.tensor([[0.5, 0.0, 0.25, 0.25], [0.0, 0.0, 1.0, 0.0]])},
         {"reduction": "batchmean"}, nograd=("target",))
    case("kl_div/3d_batchmean", "kl_div", {"input": F.log_softmax(f32(2, 3, 4), 1), "target": F.softmax(f32(2, 3, 4), 1)},
         {"reduction": "batchmean"})
    case("binary_cross_entropy/weight_broadcast", "binary_cross_entropy",
         {"input": f32(3, 4, lo=0.05, hi=0.95), "target": f32(3, 4, lo=0, hi=1), "weight": f32(4, lo=0.5, hi=2)},
         {"reduction": "sum"}, nograd=("weight",))
    case("binary_cross_entropy/clamped_log", "binary_cross_entropy",
         {"input": torch.tensor([0.0, 1.0, 0.0, 1.0, 0.5, 1e-30]), "target": torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0, 1.0])},
         {"reduction": "none"})
    case("binary_cross_entropy_with_logits/large_logits", "binary_cross_entropy_with_logits",
         {"input": torch.tensor([[-60.0, 60.0, 0.0, 20.0], [-20.0, 3.0, -3.0, 0.5]]), "target": f32(2, 4, lo=0, hi=1)},
         {"reduction": "none"})
    case("binary_cross_entropy_with_logits/pos_weight_3d", "binary_cross_entropy_with_logits",
         {"input": f32(2, 3, 4), "target": (f32(2, 3, 4) > 0).float(), "pos_weight": f32(4, lo=0.5, hi=3)}, {},
         nograd=("pos_weight",))
    case("nll_loss/unbatched", "nll_loss", {"input": F.log_softmax(f32(5), 0), "target": torch.tensor(3)})
    case("nll_loss/unbatched_none", "nll_loss", {"input": F.log_softmax(f32(5), 0), "target": torch.tensor(1)}, {"reduction": "none"})
    case("nll_loss/4d_weight_ignore", "nll_loss",
         {"input": f32(2, 3, 2, 3), "target": torch.tensor([[[0, 1, 2], [2, 1, -1]], [[1, 1, 0], [-1, 2, 0]]]),
          "weight": f32(3, lo=0.5, hi=2)}, {"ignore_index": -1}, nograd=("weight",))
    case("nll_loss/5d", "nll_loss", {"input": f32(2, 3, 2, 2, 2), "target": torch.randint(0, 3, (2, 2, 2, 2))}, {"reduction": "none"})
    case("nll_loss/legacy_size_average_false", "nll_loss", {"input": f32(4, 3), "target": torch.randint(0, 3, (4,))},
         {"size_average": False})
    case("cross_entropy/unbatched", "cross_entropy", {"input": f32(6), "target": torch.tensor(2)})
    case("cross_entropy/unbatched_smoothing", "cross_entropy", {"input": f32(6), "target": torch.tensor(5)},
         {"label_smoothing": 0.1, "reduction": "none"})
    case("cross_entropy/unbatched_probabilities", "cross_entropy", {"input": f32(4), "target": F.softmax(f32(4), 0)})
    case("cross_entropy/3d", "cross_entropy", {"input": f32(3, 4, 5), "target": torch.randint(0, 4, (3, 5))}, {"reduction": "none"})
    case("cross_entropy/probabilities_spatial", "cross_entropy", {"input": f32(2, 3, 4), "target": F.softmax(f32(2, 3, 4), 1)},
         {"reduction": "none"})
    case("cross_entropy/large_logits", "cross_entropy",
         {"input": torch.tensor([[100.0, -100.0, 50.0], [-80.0, -80.0, -79.0], [0.0, 0.0, 0.0]]), "target": torch.tensor([0, 1, 2])})
    case("cross_entropy/ignore_all_but_one", "cross_entropy", {"input": f32(4, 3), "target": torch.tensor([1, 1, 0, 1])},
         {"ignore_index": 1})
    case("cross_entropy/many_classes", "cross_entropy", {"input": f32(9, 37) * 3, "target": torch.randint(0, 37, (9,))})


def margins():
    for r in REDUCTIONS:
        case(f"soft_margin_loss/{r}", "soft_margin_loss", {"input": f32(3, 4) * 3, "target": signs(3, 4)}, {"reduction": r},
             nograd=("target",))
        case(f"multilabel_soft_margin_loss/weight/{r}", "multilabel_soft_margin_loss",
             {"input": f32(3, 5) * 2, "target": (f32(3, 5) > 0).float(), "weight": f32(5, lo=0.5, hi=2)}, {"reduction": r},
             nograd=("weight",))
        case(f"multilabel_margin_loss/{r}", "multilabel_margin_loss",
             {"input": f32(3, 5), "target": torch.tensor([[3, 0, -1, 1, 2], [4, 4, 1, -1, 0], [-1, 2, 3, 0, 1]])}, {"reduction": r})
        case(f"multi_margin_loss/p2_weight/{r}", "multi_margin_loss",
             {"input": f32(5, 4), "target": torch.tensor([0, 3, 1, 1, 2]), "weight": f32(4, lo=0.5, hi=2)},
             {"p": 2, "margin": 1.5, "reduction": r}, nograd=("weight",))
    case("multilabel_margin_loss/unbatched", "multilabel_margin_loss", {"input": f32(4), "target": torch.tensor([2, 0, -1, 3])},
         {"reduction": "none"})
    case("multilabel_margin_loss/all_targets", "multilabel_margin_loss",
         {"input": f32(2, 3), "target": torch.tensor([[0, 1, 2], [1, 0, 2]])})
    case("multi_margin_loss/unbatched", "multi_margin_loss", {"input": f32(5), "target": torch.tensor(2)}, {"reduction": "none"})
    case("multi_margin_loss/default", "multi_margin_loss", {"input": f32(4, 6), "target": torch.randint(0, 6, (4,))})
    case("multilabel_soft_margin_loss/unbatched", "multilabel_soft_margin_loss",
         {"input": f32(6), "target": (f32(6) > 0).float()}, {"reduction": "none"})


def embeddings():
    for r in REDUCTIONS:
        case(f"cosine_embedding_loss/{r}", "cosine_embedding_loss",
             {"input1": f32(5, 4), "input2": f32(5, 4), "target": torch.tensor([1, -1, -1, 1, -1])}, {"margin": -0.2, "reduction": r})
        case(f"hinge_embedding_loss/{r}", "hinge_embedding_loss", {"input": f32(3, 4, lo=0, hi=2), "target": signs(3, 4)},
             {"reduction": r})
        case(f"margin_ranking_loss/{r}", "margin_ranking_loss",
             {"input1": f32(3, 4), "input2": f32(3, 4), "target": signs(3, 4)}, {"margin": 0.1, "reduction": r})
        case(f"triplet_margin_loss/p1_swap/{r}", "triplet_margin_loss",
             {"anchor": f32(4, 5), "positive": f32(4, 5), "negative": f32(4, 5)},
             {"margin": 2.0, "p": 1.0, "swap": True, "eps": 1e-3, "reduction": r})
        case(f"triplet_margin_with_distance_loss/{r}", "triplet_margin_with_distance_loss",
             {"anchor": f32(4, 5), "positive": f32(4, 5), "negative": f32(4, 5)}, {"margin": 1.5, "reduction": r})
    case("cosine_embedding_loss/unbatched", "cosine_embedding_loss",
         {"input1": f32(6), "input2": f32(6), "target": torch.tensor(-1)}, {"margin": -0.5})
    case("hinge_embedding_loss/int_target", "hinge_embedding_loss",
         {"input": f32(2, 5), "target": torch.tensor([[1, -1, 1, -1, -1], [-1, -1, 1, 1, -1]])}, {"margin": 0.5})
    case("triplet_margin_loss/unbatched", "triplet_margin_loss",
         {"anchor": f32(5), "positive": f32(5), "negative": f32(5)}, {"reduction": "none"})
    case("triplet_margin_loss/p3", "triplet_margin_loss", {"anchor": f32(3, 4), "positive": f32(3, 4), "negative": f32(3, 4)},
         {"p": 3.0, "margin": 3.0})
    case("triplet_margin_with_distance_loss/swap", "triplet_margin_with_distance_loss",
         {"anchor": f32(6, 3), "positive": f32(6, 3), "negative": f32(6, 3)}, {"swap": True, "margin": 2.0, "reduction": "none"})


def ctc():
    def lp(t, n, c):
        return F.log_softmax(f32(t, n, c) * 2, -1)
    tl = torch.tensor([4, 3, 0])
    for r in REDUCTIONS:
        case(f"ctc_loss/padded/{r}", "ctc_loss",
             {"log_probs": lp(10, 3, 5), "targets": torch.tensor([[1, 2, 2, 3], [4, 4, 1, 0], [0, 0, 0, 0]]),
              "input_lengths": torch.tensor([10, 7, 5]), "target_lengths": tl}, {"reduction": r}, tol=(1e-4, 1e-4))
    case("ctc_loss/concatenated_blank3", "ctc_loss",
         {"log_probs": lp(9, 2, 6), "targets": torch.tensor([1, 2, 1, 5, 4, 0]),
          "input_lengths": torch.tensor([9, 8]), "target_lengths": torch.tensor([4, 2])}, {"blank": 3}, tol=(1e-4, 1e-4))
    case("ctc_loss/zero_infinity", "ctc_loss",
         {"log_probs": lp(6, 2, 4), "targets": torch.tensor([[1, 1, 1, 2, 3], [1, 2, 0, 0, 0]]),
          "input_lengths": torch.tensor([4, 6]), "target_lengths": torch.tensor([5, 2])},
         {"zero_infinity": True, "reduction": "none"}, tol=(1e-4, 1e-4))
    case("ctc_loss/zero_infinity_mean", "ctc_loss",
         {"log_probs": lp(6, 2, 4), "targets": torch.tensor([[1, 1, 1, 2, 3], [1, 2, 0, 0, 0]]),
          "input_lengths": torch.tensor([4, 6]), "target_lengths": torch.tensor([5, 2])},
         {"zero_infinity": True}, tol=(1e-4, 1e-4))
    case("ctc_loss/unbatched", "ctc_loss",
         {"log_probs": F.log_softmax(f32(8, 5), -1), "targets": torch.tensor([1, 3, 3]),
          "input_lengths": torch.tensor(8), "target_lengths": torch.tensor(3)}, {"reduction": "none"}, tol=(1e-4, 1e-4))
    case("ctc_loss/lengths_as_args", "ctc_loss",
         {"log_probs": lp(7, 2, 4), "targets": torch.tensor([[1, 2], [3, 3]])},
         {"input_lengths": [7, 6], "target_lengths": [2, 2], "reduction": "sum"}, tol=(1e-4, 1e-4))


if __name__ == "__main__":
    regression()
    classification()
    margins()
    embeddings()
    ctc()
