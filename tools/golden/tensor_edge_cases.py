#!/usr/bin/python3
"""Tensor cases at edges the shared file does not reach: int64 and bool inputs (true division, remainder and
floor_divide with negative operands, integer sums, products and cumsums), NaN in reductions, ties in argmax/max/sort,
logsumexp over -inf rows, reductions over several dims, matmul with 1-d operands, einsum with a trace, negative dims.
Conformance format (shared/conformance/FORMAT.md); references from PyTorch 1.13 in float64.
topk with ties is left out: PyTorch's CPU kernel orders tied indices by libstdc++'s nth_element (not specified).
usage: /usr/bin/python3 tools/golden/tensor_edge_cases.py > nn4j-cli/src/test/resources/conformance/tensor-edge.jsonl
"""
import json

import torch

from casefmt import enc

torch.manual_seed(7)




def case(cid, op, ins, args, fn, grad=False):
    tins={k:(v.clone().double().requires_grad_(True) if grad and v.is_floating_point() else v.clone().double() if v.is_floating_point() else v.clone()) for k,v in ins.items()}
    out=fn(**tins, **args)
    outs=list(out) if isinstance(out,(tuple,list)) else [out]
    c={"id":"edge/"+cid,"kind":"tensor","op":op,"inputs":{k:enc(v) for k,v in ins.items()},"args":args,
       "output":[enc(o) for o in outs] if len(outs)>1 else enc(outs[0]),"tol":{"rtol":1e-5,"atol":1e-6}}
    if grad:
        gos=[torch.randn(o.shape,dtype=torch.float64) for o in outs if o.is_floating_point()]
        torch.autograd.backward([o for o in outs if o.is_floating_point()], gos)
        c["grad_output"]=[enc(g) for g in gos] if len(gos)>1 else enc(gos[0])
        c["grads"]={k:enc(t.grad) for k,t in tins.items() if t.is_floating_point()}
    print(json.dumps(c))
i1=torch.tensor([[-7,5,3],[4,-9,2]]); i2=torch.tensor([[2,-3,5],[-4,2,3]])
case("add_int","add",{"input":i1,"other":i2},{},lambda input,other: input+other)
case("mul_int","mul",{"input":i1,"other":i2},{},lambda input,other: input*other)
case("div_int","div",{"input":i1,"other":i2},{},lambda input,other: input/other)
case("remainder_int","remainder",{"input":i1,"other":i2},{},lambda input,other: torch.remainder(input,other))
case("floor_divide_int","floor_divide",{"input":i1,"other":i2},{},lambda input,other: torch.floor_divide(input,other))
x=torch.tensor([[1.5,-2.5,0.5],[3.0,3.0,-1.0]])
case("remainder_float_neg","remainder",{"input":x,"other":torch.tensor([-2.0,2.0,-0.3])},{},lambda input,other: torch.remainder(input,other),grad=True)
case("fmod_float","fmod",{"input":x,"other":torch.tensor([-2.0,2.0,-0.3])},{},lambda input,other: torch.fmod(input,other),grad=True)
case("sum_bool","sum",{"input":torch.tensor([[True,False,True],[True,True,False]])},{"dim":1},lambda input,dim: torch.sum(input,dim=dim))
case("sum_int","sum",{"input":i1},{"dim":0},lambda input,dim: torch.sum(input,dim=dim))
case("prod_int","prod",{"input":i1},{"dim":1},lambda input,dim: torch.prod(input,dim=dim))
case("cumsum_int","cumsum",{"input":i1},{"dim":1},lambda input,dim: torch.cumsum(input,dim))
case("argmax_ties","argmax",{"input":torch.tensor([[1.0,3.0,3.0],[2.0,2.0,2.0]])},{"dim":1},lambda input,dim: torch.argmax(input,dim=dim))
case("max_ties","max",{"input":torch.tensor([[1.0,3.0,3.0],[2.0,2.0,2.0]])},{"dim":1},lambda input,dim: torch.max(input,dim=dim),grad=True)
case("sort_ties","sort",{"input":torch.tensor([[1.0,3.0,3.0,0.0,3.0]])},{"dim":1,"descending":True},lambda input,dim,descending: torch.sort(input,dim=dim,descending=descending),grad=True)
case("pow_int","pow",{"input":i1,"exponent":torch.tensor([[2,3,1],[0,2,1]])},{},lambda input,exponent: input**exponent)
case("maximum_int","maximum",{"input":i1,"other":i2},{},lambda input,other: torch.maximum(input,other))
case("clamp_int","clamp",{"input":i1},{"min":-3,"max":4},lambda input,min,max: torch.clamp(input,min,max))
case("amax_nan","amax",{"input":torch.tensor([[1.0,float('nan'),3.0],[2.0,5.0,2.0]])},{"dim":1},lambda input,dim: torch.amax(input,dim=dim))
case("max_nan","max",{"input":torch.tensor([[1.0,float('nan'),3.0],[2.0,5.0,2.0]])},{"dim":1},lambda input,dim: torch.max(input,dim=dim))
case("mean_dims","mean",{"input":torch.randn(2,3,4)},{"dim":[0,2],"keepdim":True},lambda input,dim,keepdim: torch.mean(input,dim=tuple(dim),keepdim=keepdim),grad=True)
case("var_unbiased_false","var",{"input":torch.randn(3,4)},{"dim":1,"unbiased":False},lambda input,dim,unbiased: torch.var(input,dim=dim,unbiased=unbiased),grad=True)
case("std_correction","std",{"input":torch.randn(3,4)},{"dim":0,"keepdim":True},lambda input,dim,keepdim: torch.std(input,dim=dim,keepdim=keepdim),grad=True)
case("logsumexp_inf","logsumexp",{"input":torch.tensor([[float('-inf'),float('-inf')],[1.0,float('-inf')]])},{"dim":1},lambda input,dim: torch.logsumexp(input,dim))
case("where_broadcast","where",{"condition":torch.tensor([True,False,True]),"input":torch.randn(2,3),"other":torch.randn(2,1)},{},lambda condition,input,other: torch.where(condition,input,other),grad=True)
case("matmul_1d_2d","matmul",{"input":torch.randn(3),"other":torch.randn(3,4)},{},lambda input,other: input@other,grad=True)
case("matmul_3d_1d","matmul",{"input":torch.randn(2,3,4),"other":torch.randn(4)},{},lambda input,other: input@other,grad=True)
case("einsum_trace","einsum",{"a":torch.randn(3,3),"b":torch.randn(3)},{"equation":"ii,j->j"},lambda a,b,equation: torch.einsum(equation,a,b),grad=True)
case("gather_neg_dim","gather",{"input":torch.randn(2,3),"index":torch.tensor([[2,0],[1,1]])},{"dim":-1},lambda input,dim,index: torch.gather(input,dim,index),grad=True)
