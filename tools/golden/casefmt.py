"""The conformance format's tensor encoding (shared/conformance/FORMAT.md), shared by the case generators here."""
import torch


def enc(t):
    """A tensor as {"dtype", "shape", "data"}: bool, int64, or float32 (floating tensors of any precision)."""
    t = t.detach()
    if t.dtype == torch.bool:
        return {"dtype": "bool", "shape": list(t.shape), "data": [bool(v) for v in t.reshape(-1).tolist()]}
    if not t.is_floating_point():
        return {"dtype": "int64", "shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    return {"dtype": "float32", "shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}
