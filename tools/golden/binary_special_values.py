"""Binary ops of PyTorch 1.13 on special float64 pairs (NaN, +-inf, +-0, negatives, non-integers).

Run: /usr/bin/python3 tools/golden/binary_special_values.py > nn4j-core/src/test/resources/golden/binary_special_values.txt
Line 1: the a values, line 2: the b values (all pairs), then one line per op with the results.
"""
import itertools
import torch

VALUES = [float('nan'), float('inf'), float('-inf'), 0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.0, -7.0, 0.5]
pairs = list(itertools.product(VALUES, VALUES))
a = torch.tensor([p[0] for p in pairs], dtype=torch.float64)
b = torch.tensor([p[1] for p in pairs], dtype=torch.float64)
OPS = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'atan2', 'fmod', 'remainder', 'floor_divide',
       'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logical_and', 'logical_or', 'logical_xor']
print('a ' + ' '.join(repr(v) for v in a.tolist()))
print('b ' + ' '.join(repr(v) for v in b.tolist()))
for op in OPS:
    print(op + ' ' + ' '.join(repr(float(v)) for v in getattr(torch, op)(a, b).tolist()))
