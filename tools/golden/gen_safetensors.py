#!/usr/bin/python3
"""Safetensors fixtures written from PyTorch 1.13 for nn4j's reader and checkpoint tests.

The `safetensors` Python package is not needed: write_safetensors() below writes the format by hand (8-byte
little-endian header length, JSON header padded with spaces to 8 bytes, raw little-endian data), as the
reference implementation lays it out (tensors sorted by name, offsets tiling the data section).

Writes into nn4j-core/src/test/resources/golden/:
  safetensors-dtypes.safetensors   every dtype PyTorch 1.13 has a safetensors name for (F16, BF16, F32, F64, I8,
                                   I16, I32, I64, U8, BOOL), with special values (inf, nan, -0, subnormals, extremes),
                                   a scalar and an empty tensor; next to each tensor NAME its exact values as
                                   NAME.f64 (F64) or NAME.i64 (I64), converted by PyTorch; and __metadata__.
  checkpoint-cnn.safetensors       state_dict of Sequential(Conv2d(1,4,3), BatchNorm2d(4), ReLU, Flatten,
                                   Linear(144,16), LayerNorm(16), Linear(16,3)) with trained BatchNorm statistics.
  checkpoint-cnn-io.safetensors    a fixed input (2,1,8,8) and PyTorch's eval-mode output (float32 and float64), and
                                   in __metadata__ PyTorch's load_state_dict error messages for a missing, an
                                   unexpected and a mis-shaped key.
usage: /usr/bin/python3 tools/golden/gen_safetensors.py   (from the repository root)
"""
import json
import os
import struct

import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "nn4j-core/src/test/resources/golden")

DTYPES = {torch.float16: "F16", torch.bfloat16: "BF16", torch.float32: "F32", torch.float64: "F64",
          torch.int8: "I8", torch.int16: "I16", torch.int32: "I32", torch.int64: "I64", torch.uint8: "U8", torch.bool: "BOOL"}


def raw_bytes(t):
    """The tensor's elements as little-endian bytes (x86 is little-endian; bfloat16 goes through int16)."""
    t = t.contiguous()
    if t.dtype in (torch.bfloat16, torch.float16):
        t = t.view(torch.int16)
    return t.numpy().tobytes()


def write_safetensors(path, tensors, metadata=None):
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    offset, blobs = 0, []
    for name in sorted(tensors):
        data = raw_bytes(tensors[name])
        header[name] = {"dtype": DTYPES[tensors[name].dtype], "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def dtype_fixture():
    g = torch.Generator().manual_seed(99)
    special = torch.tensor([0.0, -0.0, 1.0, -2.5, float("inf"), float("-inf"), float("nan"), 65504.0, 6e-8, 1e-5, 3.14159, -1e4])
    t = {
        "f16": torch.cat([special, torch.randn(12, generator=g)]).to(torch.float16).reshape(4, 6),
        "bf16": torch.cat([special, torch.tensor([3e38, -1e-38, 1e-40]), torch.randn(9, generator=g)]).to(torch.bfloat16).reshape(2, 3, 4),
        "f32": torch.randn(3, 5, generator=g),
        "f64": torch.randn(7, generator=g, dtype=torch.float64),
        "i8": torch.tensor([-128, -1, 0, 1, 127], dtype=torch.int8),
        "i16": torch.tensor([-32768, -300, 0, 300, 32767], dtype=torch.int16),
        "i32": torch.tensor([[-2147483648, -7, 0], [7, 65536, 2147483647]], dtype=torch.int32),
        "i64": torch.tensor([-(2 ** 63), -1, 0, 2 ** 40, 2 ** 63 - 1], dtype=torch.int64),
        "u8": torch.tensor([0, 1, 127, 128, 200, 255], dtype=torch.uint8).reshape(2, 3),
        "bool": torch.tensor([[True, False, True], [False, False, True]]),
        "scalar": torch.tensor(2.5, dtype=torch.float32),
        "empty": torch.zeros(0, 3, dtype=torch.float32),
    }
    out = dict(t)
    for name, v in t.items():
        if v.is_floating_point():
            out[name + ".f64"] = v.to(torch.float64)
        else:
            out[name + ".i64"] = v.to(torch.int64)
    write_safetensors(os.path.join(OUT, "safetensors-dtypes.safetensors"), out,
                      {"format": "pt", "source": "tools/golden/gen_safetensors.py", "note": "quotes \" and unicode \u00e9 survive"})


def model():
    return nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(144, 16), nn.LayerNorm(16), nn.Linear(16, 3))


def load_error(m, sd):
    try:
        m.load_state_dict(sd, strict=True)
    except RuntimeError as e:
        return str(e)
    raise AssertionError("load_state_dict should have failed")


def checkpoint_fixture():
    torch.manual_seed(5)
    m = model()
    with torch.no_grad():  # non-trivial affine parameters for the norms
        m[1].weight.uniform_(0.5, 1.5)
        m[1].bias.uniform_(-0.5, 0.5)
        m[5].weight.uniform_(0.5, 1.5)
        m[5].bias.uniform_(-0.5, 0.5)
    m.train()
    for _ in range(3):  # running statistics and num_batches_tracked = 3
        m(torch.randn(6, 1, 8, 8) * 2 + 0.5)
    m.eval()
    sd = {k: v.detach().clone() for k, v in m.state_dict().items()}
    write_safetensors(os.path.join(OUT, "checkpoint-cnn.safetensors"), sd)
    x = torch.randn(2, 1, 8, 8)
    with torch.no_grad():
        y = m(x)
        y64 = model().double().eval()
        y64.load_state_dict(sd)
        y64 = y64(x.double())
    missing = {k: v for k, v in sd.items() if k != "4.bias"}
    unexpected = dict(sd, **{"7.weight": torch.zeros(3), "1.extra": torch.zeros(1)})
    misshaped = dict(sd, **{"4.weight": torch.zeros(16, 143)})
    metadata = {
        "keys": json.dumps(list(sd.keys())),
        "missing": load_error(model(), missing),
        "unexpected": load_error(model(), unexpected),
        "misshaped": load_error(model(), misshaped),
        "missing_and_misshaped": load_error(model(), {k: v for k, v in misshaped.items() if k != "0.bias"}),
    }
    write_safetensors(os.path.join(OUT, "checkpoint-cnn-io.safetensors"), {"input": x, "output": y, "output64": y64}, metadata)


if __name__ == "__main__":
    dtype_fixture()
    checkpoint_fixture()
