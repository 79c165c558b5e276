"""Reference repr() strings for nn4j's Printer (Tensor.toString), from PyTorch 1.13.

Run: /usr/bin/python3 tools/golden/printer_cases.py > nn4j-core/src/test/resources/golden/printer.txt
Each case is '=== name' followed by the repr; PrinterTest builds the same tensors by name.
"""
import torch

w = torch.tensor([1., 2.], requires_grad=True)
cases = {
    'float': torch.tensor([1.5, -2.25, 3.0]),
    'floatInt': torch.tensor([1., -2., 3.]),
    'float2d': torch.tensor([[1., 2., 3.], [4., 5., 6.]]),
    'float3d': torch.arange(12.).reshape(2, 2, 3) / 4,
    'sci': torch.tensor([1e-5, 1.0, 123456.]),
    'sciInt': torch.tensor([1., 2000.]),
    'nanInt': torch.tensor([float('nan'), 1., float('inf')]),
    'int64': torch.tensor([1, -20, 300]),
    'int64_2d': torch.tensor([[1, 2], [30, 4]]),
    'bool': torch.tensor([True, False, True]),
    'float64': torch.tensor([1.5, 2.0], dtype=torch.float64),
    'float64Int': torch.tensor([1., 2.], dtype=torch.float64),
    'scalar': torch.tensor(3.5),
    'scalarInt': torch.tensor(7),
    'scalarBool': torch.tensor(True),
    'empty': torch.zeros(0),
    'empty2d': torch.zeros(2, 0),
    'emptyInt': torch.zeros(0, dtype=torch.int64),
    'emptyBool': torch.zeros(0, 3, dtype=torch.bool),
    'requiresGrad': w,
    'gradFnMul': w * 2,
    'gradFnAdd': w + 1,
    'gradFnSum': w.sum(),
    'float64Grad': torch.tensor([1.5, 2.], dtype=torch.float64, requires_grad=True),
    'long1d': torch.arange(30.) / 7,
    'big': torch.arange(2000.).reshape(40, 50) / 8,
    'big1d': torch.arange(1001),
    'big3d': torch.arange(24000.).reshape(20, 30, 40),
    'neg0': torch.tensor([-0.0, 0.5]),
    'round': torch.tensor([0.12345, 1.00015, 7.5e-4]),
    'small': torch.tensor([1e-10, 0.]),
    'hugeInt': torch.tensor([1e9, 1.]),
    'zeros': torch.zeros(2, 2),
    'suffixWrap': torch.arange(9., dtype=torch.float64).requires_grad_() / 3,
    'wideInt': torch.arange(40).reshape(2, 20) * 1000,
    'bigInt64': torch.tensor([2**60 + 1, 3]),
    'bigInt64Scalar': torch.tensor(-(2**62)),
}
for name, t in cases.items():
    print('=== ' + name)
    print(repr(t))
