#!/usr/bin/python3
"""Weights exported from PyTorch 1.13 for nn4j's PyTorchWeights example (nn4j-examples).

Trains a small CNN (conv -> batch norm -> relu -> max pool -> linear -> relu -> linear) for a few steps on random
data, so that the weights and the batch-norm running statistics are not their initial values, then writes:
  nn4j-examples/src/main/resources/dev/nn4j/examples/small_cnn.safetensors
      model.state_dict() as PyTorch names it ("0.weight", "1.running_mean", "1.num_batches_tracked", ...):
      what `safetensors.torch.save_file(model.state_dict(), path)` writes.
  nn4j-examples/src/main/resources/dev/nn4j/examples/small_cnn_io.safetensors
      "input" (4, 1, 12, 12) and "output" = model.eval()(input) (4, 3), to check nn4j's outputs against.
The safetensors files are written by hand (Debian's python3-torch has no safetensors package): an 8-byte
little-endian header length, the JSON header (dtype, shape, data_offsets per tensor, __metadata__), padded with
spaces to a multiple of 8, then the raw little-endian tensor data.
usage: /usr/bin/python3 tools/golden/examples_pytorch_weights.py   (from the repository root)
"""
import json
import os
import struct

import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "nn4j-examples/src/main/resources/dev/nn4j/examples")

DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}


def save_safetensors(tensors, path, metadata=None):
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        data = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def main():
    torch.manual_seed(1913)
    model = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(4 * 6 * 6, 16), nn.ReLU(), nn.Linear(16, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for _ in range(5):  # a few steps: trained weights and running statistics, not the initial ones
        x = torch.randn(8, 1, 12, 12) * 2 + 0.5
        y = torch.randint(0, 3, (8,))
        opt.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
    model.eval()
    x = torch.randn(4, 1, 12, 12)
    with torch.no_grad():
        out = model(x)
    os.makedirs(OUT, exist_ok=True)
    save_safetensors(model.state_dict(), os.path.join(OUT, "small_cnn.safetensors"), {"format": "pt"})
    save_safetensors({"input": x, "output": out}, os.path.join(OUT, "small_cnn_io.safetensors"),
                     {"torch": torch.__version__})
    print("state_dict keys:", list(model.state_dict().keys()))
    print("output:", out)


if __name__ == "__main__":
    main()
