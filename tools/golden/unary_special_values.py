"""Unary ops of PyTorch 1.13 on special float64 values (NaN, +-inf, +-0, halves, +-1).

Run: /usr/bin/python3 tools/golden/unary_special_values.py > nn4j-core/src/test/resources/golden/unary_special_values.txt
Each line: op name, then the results for INPUTS in order (repr of Python floats); ElementwiseTest compares them.
"""
import torch

INPUTS = [float('nan'), -0.5, 0.5, 1.5, -1.5, 2.5, -0.0, 0.0, float('inf'), float('-inf'), -1.0, 1.0, 3.7, -2.2, 1e-300]
OPS = ['neg', 'abs', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'sqrt', 'rsqrt', 'square', 'reciprocal',
       'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'sigmoid', 'relu', 'sign', 'floor',
       'ceil', 'round', 'trunc', 'frac', 'erf', 'erfc', 'erfinv', 'lgamma', 'digamma']
x = torch.tensor(INPUTS, dtype=torch.float64)
print('inputs ' + ' '.join(repr(v) for v in INPUTS))
for op in OPS:
    print(op + ' ' + ' '.join(repr(v) for v in getattr(torch, op)(x).tolist()))
