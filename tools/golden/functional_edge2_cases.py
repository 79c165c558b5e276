#!/usr/bin/python3
"""Second set of functional edge cases (torch.nn.functional), past functional_edge_cases.py and the golden
convpool/losses/vision files: activations at their special points (boundaries of threshold/hardtanh/relu6,
hardswish/hardsigmoid at +-3, the softplus switch, slopes > 1), softmax family on dim 0 / negative / size-1 dims,
batch/instance/layer/group norm variants, local_response_norm on 4-d/5-d inputs, normalize p=inf, linear/bilinear
on 1-d and 3-d inputs, embedding max_norm, embedding_bag modes, distances, every loss's reductions and edge points
(margins exactly at the margin, huber/smooth_l1 at the switch, ctc zero_infinity), convolutions with 'same' even
kernels and depthwise groups, pooling edge windows, fold/unfold, negative pads, interpolate scale factors,
grid_sample edges, scaled_dot_product_attention as the reference runner emulates it.
Every floating input gets a gradient where PyTorch gives one (an input PyTorch refuses to differentiate is dropped);
`grad=[names]` restricts it (running statistics).
Conformance format (shared/conformance/FORMAT.md); references from PyTorch 1.13 in float64.
usage: /usr/bin/python3 tools/golden/functional_edge2_cases.py > nn4j-cli/src/test/resources/conformance/functional-edge2.jsonl
"""
import json, math, sys

import torch
import torch.nn.functional as F

from casefmt import enc

torch.manual_seed(23)
TUP=("kernel_size","stride","padding","dilation","output_padding","output_size","size","normalized_shape","pad","scale_factor")

def sdpa(query, key, value, attn_mask=None, is_causal=False, scale=None):
    """scaled_dot_product_attention is not in PyTorch 1.13: the reference runner's emulation, here in float64."""
    d = query.shape[-1]
    s = query @ key.transpose(-2, -1) * (scale if scale is not None else 1 / math.sqrt(d))
    if is_causal:
        L, S = query.shape[-2], key.shape[-2]
        s = s.masked_fill(~torch.ones(L, S, dtype=torch.bool).tril(), float("-inf"))
    if attn_mask is not None:
        s = s.masked_fill(~attn_mask, float("-inf")) if attn_mask.dtype == torch.bool else s + attn_mask
    return torch.softmax(s, -1) @ value

def call(op, tins, a):
    if op == "scaled_dot_product_attention": return sdpa(**tins, **a)
    if op == "embedding_bag": return F.embedding_bag(tins["input"], tins["weight"], tins["offsets"], **a)
    return getattr(F, op)(**tins, **a)

def nan_agrees(op, ins, a, outs64, grad):
    """The reference runner cannot see a NaN mismatch: check here that float32 PyTorch puts NaN where float64 does."""
    if not any(o.is_floating_point() and torch.isnan(o).any() for o in outs64): return True
    out=call(op, {k:v.clone() for k,v in ins.items()}, a)
    outs=list(out) if isinstance(out,(tuple,list)) else [out]
    ok=all(torch.equal(torch.isnan(o),torch.isnan(w)) for o,w in zip(outs,outs64) if o.is_floating_point())
    if not ok: print("dropped (float32 NaN pattern differs):", op, file=sys.stderr)
    return ok

def case(cid, op, ins, args, grad=True, tol=None):
    a={k:(tuple(v) if isinstance(v,list) and k in TUP else v) for k,v in args.items()}
    floats=set(k for k,v in ins.items() if v.is_floating_point())
    want=(floats if grad is True else set(grad) & floats) if grad else set()
    while True:
        tins={k:(v.clone().double().requires_grad_(k in want) if v.is_floating_point() else v.clone()) for k,v in ins.items()}
        try:
            out=call(op, tins, a)
            outs=list(out) if isinstance(out,(tuple,list)) else [out]
            diff=[o for o in outs if o.is_floating_point() and o.requires_grad]
            gos=[torch.randn(o.shape,dtype=torch.float64) for o in diff]
            if diff: torch.autograd.backward(diff,gos)
            break
        except RuntimeError as e:
            bad=[k for k in sorted(want) if ("'"+k+"'") in str(e) or k in str(e)]
            if not bad: raise
            want-=set(bad[:1])
    if not nan_agrees(op, ins, a, outs, grad): return
    c={"id":"fedge2/"+cid,"kind":"functional","op":op,"inputs":{k:enc(v) for k,v in ins.items()},"args":args,
       "output":[enc(o) for o in outs] if len(outs)>1 else enc(outs[0]),"tol":tol or {"rtol":1e-4,"atol":1e-5}}
    if diff:
        c["grad_output"]=[enc(g) for g in gos] if len(gos)>1 else enc(gos[0])
        c["grads"]={k:enc(t.grad if t.grad is not None else torch.zeros_like(t)) for k,t in tins.items() if t.requires_grad}
    print(json.dumps(c))
r=torch.randn
T=lambda *v: torch.tensor(v, dtype=torch.float32)
def pts(*v):
    """special points followed by random values, as a (2, n) tensor"""
    t=T(*v); return torch.cat([t, r(t.numel())]).reshape(2,-1)

# ---- activations at their special points
case("threshold_at","threshold",{"input":pts(0.5,0.5,-1.0,0.0,2.0)},{"threshold":0.5,"value":-3.0})
case("hardtanh_bounds","hardtanh",{"input":pts(-1.0,1.0,-1.5,1.5,0.0,-0.25,0.75)},{})
case("hardtanh_bounds_custom","hardtanh",{"input":pts(-0.5,0.25,-0.75,0.5)},{"min_val":-0.5,"max_val":0.25})
case("relu6_bounds","relu6",{"input":pts(0.0,6.0,-1.0,7.0,3.0,5.5)*1.0},{})
case("relu_zero","relu",{"input":pts(0.0,-0.0,1.0,-1.0)},{})
case("elu_neg","elu",{"input":pts(0.0,-0.5,-3.0,-10.0,2.0)},{"alpha":0.5})
case("elu_alpha_big","elu",{"input":pts(0.0,-0.5,-3.0,1.0)},{"alpha":2.5})
case("celu_neg","celu",{"input":pts(0.0,-0.5,-6.0,1.5)},{"alpha":2.0})
case("selu_neg","selu",{"input":pts(0.0,-0.5,-4.0,3.0)},{})
case("softplus_switch","softplus",{"input":pts(6.0,5.9,6.1,-6.0,-30.0,0.0)},{"beta":0.5,"threshold":3.0})
case("softplus_default_big","softplus",{"input":pts(20.0,19.5,21.0,-25.0)},{})
case("softplus_beta_neg_side","softplus",{"input":pts(-2.0,-0.1,3.0)},{"beta":3.0,"threshold":1.0})
# hardswish's gradient at exactly +3 differs between PyTorch's float32 (1) and float64 (1.5) kernels: left out
case("hardswish_pm3","hardswish",{"input":pts(-3.0,2.75,-4.0,4.0,0.0,-2.5,3.25)},{})
case("hardsigmoid_pm3","hardsigmoid",{"input":pts(-3.0,3.0,-4.0,4.0,0.0,-2.5,2.5)},{})
case("gelu_none_pts","gelu",{"input":pts(0.0,-3.0,3.0,-8.0,8.0)},{"approximate":"none"})
case("gelu_tanh_pts","gelu",{"input":pts(0.0,-3.0,3.0,-8.0,8.0)},{"approximate":"tanh"})
case("leaky_relu_slope_gt1","leaky_relu",{"input":pts(0.0,-1.0,2.0,-0.5)},{"negative_slope":2.5})
case("leaky_relu_neg_slope","leaky_relu",{"input":pts(0.0,-1.0,2.0,-0.5)},{"negative_slope":-0.3})
case("rrelu_eval_default","rrelu",{"input":pts(0.0,-1.0,2.0,-0.5)},{"training":False})
case("glu_dim1_3d","glu",{"input":r(2,6,3)},{"dim":1})
case("glu_dim_neg2","glu",{"input":r(2,4,3)},{"dim":-2})
case("glu_1d","glu",{"input":r(6)},{})
case("hardshrink_at","hardshrink",{"input":pts(0.5,-0.5,0.25,-1.0)},{})
case("softshrink_at","softshrink",{"input":pts(0.5,-0.5,0.25,-1.0)},{"lambd":0.5})
case("softshrink_zero","softshrink",{"input":pts(0.0,0.1,-0.1)},{"lambd":0.0})
case("logsigmoid_extreme","logsigmoid",{"input":pts(-100.0,100.0,0.0,-20.0)},{})
case("silu_pts","silu",{"input":pts(0.0,-20.0,20.0)},{})
case("mish_pts","mish",{"input":pts(0.0,-20.0,20.0,-1.0)},{})
case("softsign_pts","softsign",{"input":pts(0.0,-100.0,100.0)},{})
case("tanhshrink_pts","tanhshrink",{"input":pts(0.0,-10.0,10.0)},{})
case("sigmoid_pts","sigmoid",{"input":pts(0.0,-30.0,30.0)},{})
case("prelu_scalar_weight","prelu",{"input":r(2,3,4),"weight":T(0.25)},{})
case("prelu_4d","prelu",{"input":r(2,3,2,2),"weight":torch.rand(3)},{})
case("prelu_1d_input","prelu",{"input":r(5),"weight":T(-0.5)},{})
case("softmax_dim0","softmax",{"input":r(3,4)},{"dim":0})
case("softmax_neg_dim","softmax",{"input":r(2,3,4)},{"dim":-2})
case("softmax_size1","softmax",{"input":r(2,1,4)},{"dim":1})
case("softmax_1d","softmax",{"input":r(5)},{"dim":0})
case("log_softmax_dim0","log_softmax",{"input":r(3,4,2)},{"dim":0})
case("log_softmax_neg3","log_softmax",{"input":r(3,4,2)},{"dim":-3})
case("log_softmax_size1","log_softmax",{"input":r(3,1)},{"dim":-1})
case("log_softmax_large","log_softmax",{"input":pts(1000.0,-1000.0,0.0,999.0)},{"dim":1})
case("softmin_dim0","softmin",{"input":r(3,4)},{"dim":0})
case("softmin_neg","softmin",{"input":r(2,3,4)},{"dim":-1})
case("softmax_implicit_3d","softmax",{"input":r(2,3,4)},{})
case("log_softmax_implicit_4d","log_softmax",{"input":r(2,3,2,2)},{})

# ---- normalization
def stats(c): return {"running_mean":r(c)*0.1,"running_var":torch.rand(c)+0.5}
RS=["input","weight","bias"]
case("bn_train_2d","batch_norm",{"input":r(5,3),**stats(3),"weight":r(3),"bias":r(3)},{"training":True,"momentum":0.3},grad=RS)
case("bn_train_3d_noaffine","batch_norm",{"input":r(2,3,4),**stats(3)},{"training":True},grad=RS)
case("bn_train_5d_weight_only","batch_norm",{"input":r(2,2,2,3,2),**stats(2),"weight":r(2)},{"training":True,"eps":1e-3},grad=RS)
case("bn_eval_4d_bias_only","batch_norm",{"input":r(2,3,2,2),**stats(3),"bias":r(3)},{"training":False},grad=RS)
case("bn_eval_2d_affine","batch_norm",{"input":r(4,3),**stats(3),"weight":r(3),"bias":r(3)},{"training":False,"eps":0.1},grad=RS)
case("bn_train_momentum0","batch_norm",{"input":r(4,2,3),**stats(2),"weight":r(2),"bias":r(2)},{"training":True,"momentum":0.0},grad=RS)
case("instance_norm_running_eval","instance_norm",{"input":r(2,3,5),**stats(3),"weight":r(3),"bias":r(3)},{"use_input_stats":False},grad=RS)
case("instance_norm_running_train","instance_norm",{"input":r(2,3,2,3),**stats(3),"weight":r(3),"bias":r(3)},{"use_input_stats":True,"momentum":0.5},grad=RS)
case("instance_norm_affine_4d","instance_norm",{"input":r(2,3,3,3),"weight":r(3),"bias":r(3)},{"eps":1e-3})
case("instance_norm_5d","instance_norm",{"input":r(1,2,2,3,2)},{})
case("layer_norm_3dims","layer_norm",{"input":r(2,2,3,4)},{"normalized_shape":[2,3,4]})
case("layer_norm_3dims_affine","layer_norm",{"input":r(2,2,3,4),"weight":r(2,3,4),"bias":r(2,3,4)},{"normalized_shape":[2,3,4]})
case("layer_norm_weight_only","layer_norm",{"input":r(3,5),"weight":r(5)},{"normalized_shape":[5],"eps":0.1})
case("layer_norm_1d","layer_norm",{"input":r(6),"weight":r(6),"bias":r(6)},{"normalized_shape":[6]})
case("group_norm_g1","group_norm",{"input":r(2,4,3),"weight":r(4),"bias":r(4)},{"num_groups":1})
case("group_norm_gC","group_norm",{"input":r(2,4,2,3),"weight":r(4),"bias":r(4)},{"num_groups":4})
case("group_norm_noaffine_5d","group_norm",{"input":r(2,4,2,2,2)},{"num_groups":2,"eps":1e-3})
case("group_norm_2d","group_norm",{"input":r(3,6)},{"num_groups":3},tol={"rtol":1e-3,"atol":1e-4})  # 2 values a group: ill-conditioned
case("lrn_4d","local_response_norm",{"input":r(2,5,3,3)},{"size":2,"alpha":0.1,"beta":0.75,"k":1.0})
case("lrn_5d","local_response_norm",{"input":r(1,4,2,3,2)},{"size":3,"alpha":0.2,"beta":0.5,"k":1.5})
case("lrn_size_gt_c","local_response_norm",{"input":r(2,3,4)},{"size":5,"alpha":0.3})
case("lrn_3d_even","local_response_norm",{"input":r(2,6,4)},{"size":4})
case("normalize_inf","normalize",{"input":r(3,4)},{"p":float("inf"),"dim":1})
case("normalize_eps_zero_row","normalize",{"input":torch.cat([torch.zeros(1,4),r(2,4)*0.01]),},{"p":2.0,"dim":1,"eps":0.05})
case("normalize_neg_dim_3d","normalize",{"input":r(2,3,4)},{"p":3.0,"dim":-1})
case("normalize_1d","normalize",{"input":r(5)},{"dim":0})

# ---- linear / bilinear
case("linear_1d_input","linear",{"input":r(4),"weight":r(3,4),"bias":r(3)},{})
case("linear_4d_input","linear",{"input":r(2,2,3,4),"weight":r(5,4),"bias":r(5)},{})
case("bilinear_1d","bilinear",{"input1":r(3),"input2":r(5),"weight":r(2,3,5),"bias":r(2)},{})
case("bilinear_3d_nobias","bilinear",{"input1":r(2,4,3),"input2":r(2,4,2),"weight":r(3,3,2)},{})

# ---- embedding
case("embedding_max_norm","embedding",{"input":torch.tensor([[0,2,1],[3,2,0]]),"weight":r(5,3)*2},{"max_norm":1.0})
case("embedding_max_norm_p1","embedding",{"input":torch.tensor([1,1,4]),"weight":r(5,3)*2},{"max_norm":1.5,"norm_type":1.0})
case("embedding_scale_grad_freq","embedding",{"input":torch.tensor([[0,2,2],[2,1,0]]),"weight":r(4,3)},{"scale_grad_by_freq":True})
case("embedding_neg_padding_idx","embedding",{"input":torch.tensor([0,3,1,3]),"weight":r(4,2)},{"padding_idx":-1})
case("embedding_1d_scalar_idx","embedding",{"input":torch.tensor(2),"weight":r(4,3)},{})
EB={"input":torch.tensor([1,2,4,5,4,3,2,0]),"weight":r(6,3),"offsets":torch.tensor([0,2,2,5])}
case("embedding_bag_sum_empty","embedding_bag",EB,{"mode":"sum"})
case("embedding_bag_mean_empty","embedding_bag",EB,{"mode":"mean"})
case("embedding_bag_max_empty","embedding_bag",EB,{"mode":"max"})
EBL=dict(EB, offsets=torch.tensor([0,2,2,5,8]))  # include_last_offset: the last offset is len(input)
case("embedding_bag_last_offset","embedding_bag",EBL,{"mode":"mean","include_last_offset":True})
case("embedding_bag_sum_pad","embedding_bag",EB,{"mode":"sum","padding_idx":2})
case("embedding_bag_mean_pad","embedding_bag",EB,{"mode":"mean","padding_idx":4})
case("embedding_bag_max_pad_last","embedding_bag",EBL,{"mode":"max","padding_idx":4,"include_last_offset":True})
case("embedding_bag_max_norm","embedding_bag",{"input":torch.tensor([1,2,4,0]),"weight":r(5,3)*2,"offsets":torch.tensor([0,3])},{"mode":"sum","max_norm":1.0})

# ---- distances
case("pairwise_p_half","pairwise_distance",{"x1":r(3,4),"x2":r(3,4)},{"p":0.5})
case("pairwise_p_inf","pairwise_distance",{"x1":r(3,4),"x2":r(3,4)},{"p":float("inf")})
case("pairwise_p1_eps","pairwise_distance",{"x1":r(3,4),"x2":r(3,4)},{"p":1.0,"eps":0.5})
case("pairwise_bcast_1d","pairwise_distance",{"x1":r(3,4),"x2":r(4)},{})
case("pairwise_1d_both","pairwise_distance",{"x1":r(4),"x2":r(4)},{"keepdim":True})
case("cosine_dim0","cosine_similarity",{"x1":r(4,3),"x2":r(4,3)},{"dim":0})
case("cosine_neg_dim_bcast","cosine_similarity",{"x1":r(2,1,4),"x2":r(3,4)},{"dim":-1})
case("cosine_zero_vec","cosine_similarity",{"x1":torch.cat([torch.zeros(1,3),r(2,3)]),"x2":r(3,3)},{"dim":1,"eps":1e-3})
case("cosine_1d","cosine_similarity",{"x1":r(5),"x2":r(5)},{"dim":0})
case("pdist_p1","pdist",{"input":r(4,3)},{"p":1.0})
case("pdist_inf","pdist",{"input":r(4,3)},{"p":float("inf")})
case("pdist_p0","pdist",{"input":torch.tensor([[1.0,2.0,3.0],[1.0,0.0,3.0],[0.0,0.0,0.0]])},{"p":0.0})
case("pdist_p_half","pdist",{"input":r(4,3)},{"p":0.5})

# ---- losses
for red in ("none","sum","mean"):
    case("nll_5d_w_ignore_"+red,"nll_loss",{"input":torch.log_softmax(r(2,3,2,2,3),1),"target":torch.tensor([0,1,2,1,-1,0,2,2,1,0,-1,1]*2).reshape(2,2,2,3),"weight":torch.rand(3)},{"ignore_index":-1,"reduction":red},grad=["input"])
    case("ce_spatial_smooth_ignore_"+red,"cross_entropy",{"input":r(2,4,3),"target":torch.tensor([[0,3,5],[1,5,2]])},{"ignore_index":5,"label_smoothing":0.25,"reduction":red})
    case("ce_prob_spatial_smooth_"+red,"cross_entropy",{"input":r(2,3,2,2),"target":torch.softmax(r(2,3,2,2),1)},{"label_smoothing":0.1,"reduction":red})
    case("kl_div_"+red,"kl_div",{"input":torch.log_softmax(r(3,4),1),"target":torch.softmax(r(3,4),1)},{"reduction":red})
    case("kl_div_logt_"+red,"kl_div",{"input":torch.log_softmax(r(3,4),1),"target":torch.log_softmax(r(3,4),1)},{"reduction":red,"log_target":True})
    case("poisson_log_full_"+red,"poisson_nll_loss",{"input":r(3,4),"target":torch.tensor([0.,1.,2.,5.]*3).reshape(3,4)},{"log_input":True,"full":True,"reduction":red})
    case("bce_w_"+red,"binary_cross_entropy",{"input":torch.rand(3,4)*0.9+0.05,"target":torch.rand(3,4),"weight":torch.rand(3,4)},{"reduction":red})
    case("bcewl_w_posw_spatial_"+red,"binary_cross_entropy_with_logits",{"input":r(2,3,2),"target":torch.rand(2,3,2),"weight":torch.rand(3,1),"pos_weight":torch.rand(2)+0.5},{"reduction":red})
    case("multilabel_soft_w_"+red,"multilabel_soft_margin_loss",{"input":r(3,4),"target":torch.randint(0,2,(3,4)).float(),"weight":torch.rand(4)},{"reduction":red})
    case("multi_margin_w_"+red,"multi_margin_loss",{"input":r(4,3),"target":torch.tensor([0,2,1,2]),"weight":torch.rand(3)},{"reduction":red,"margin":0.5})
    case("multilabel_margin_"+red,"multilabel_margin_loss",{"input":r(2,4),"target":torch.tensor([[2,1,-1,0],[3,-1,1,1]])},{"reduction":red})
    case("soft_margin_"+red,"soft_margin_loss",{"input":r(3,4),"target":torch.randint(0,2,(3,4)).float()*2-1},{"reduction":red})
    case("cosine_emb_"+red,"cosine_embedding_loss",{"input1":r(4,3),"input2":r(4,3),"target":T(1,-1,-1,1)},{"reduction":red,"margin":-0.2})
    case("hinge_emb_"+red,"hinge_embedding_loss",{"input":r(2,3),"target":T(1,-1,-1,1,1,-1).reshape(2,3)},{"reduction":red})
    case("triplet_"+red,"triplet_margin_loss",{"anchor":r(4,3),"positive":r(4,3),"negative":r(4,3)},{"reduction":red,"p":3.0,"margin":2.0})
    case("triplet_dist_default_"+red,"triplet_margin_with_distance_loss",{"anchor":r(4,3),"positive":r(4,3),"negative":r(4,3)},{"reduction":red,"swap":True,"margin":1.5})
    case("gauss_nll_full_shape_"+red,"gaussian_nll_loss",{"input":r(3,4),"target":r(3,4),"var":torch.rand(3,4)+0.05},{"reduction":red})
    case("gauss_nll_per_sample_"+red,"gaussian_nll_loss",{"input":r(3,4),"target":r(3,4),"var":torch.rand(3)+0.05},{"reduction":red,"full":True})
    case("ctc_"+red,"ctc_loss",{"log_probs":torch.log_softmax(r(6,3,4),2),"targets":torch.tensor([1,2,2,3,1,3,3,3]),"input_lengths":torch.tensor([6,4,5]),"target_lengths":torch.tensor([3,2,3])},{"reduction":red},grad=["log_probs"])
    case("margin_rank_"+red,"margin_ranking_loss",{"input1":r(5),"input2":r(5),"target":T(1,-1,1,-1,1)},{"reduction":red,"margin":0.1})
    case("huber_switch_"+red,"huber_loss",{"input":T(1.25,-0.75,0.5,3.0,0.25),"target":T(0.25,0.25,0.5,1.0,-1.75)},{"reduction":red,"delta":1.0})
    case("smooth_l1_switch_"+red,"smooth_l1_loss",{"input":T(1.25,-0.75,0.5,3.0,0.25),"target":T(0.75,-0.25,0.5,1.0,-0.25)},{"reduction":red,"beta":0.5})
case("nll_unbatched_w","nll_loss",{"input":torch.log_softmax(r(4),0),"target":torch.tensor(2),"weight":torch.rand(4)},{},grad=["input"])
case("nll_w_mean_all_but_one_ignored","nll_loss",{"input":torch.log_softmax(r(3,4),1),"target":torch.tensor([1,-100,-100]),"weight":torch.rand(4)+0.1},{},grad=["input"])
case("ce_unbatched_smooth","cross_entropy",{"input":r(5),"target":torch.tensor(3)},{"label_smoothing":0.3})
case("ce_unbatched_prob","cross_entropy",{"input":r(5),"target":torch.softmax(r(5),0)},{"label_smoothing":0.2})
case("ce_smooth_w_ignore_sum","cross_entropy",{"input":r(4,3,2),"target":torch.tensor([[0,1],[2,-100],[1,1],[-100,0]]),"weight":torch.rand(3)},{"label_smoothing":0.2,"reduction":"sum"},grad=["input"])
case("kl_div_batchmean_4d","kl_div",{"input":torch.log_softmax(r(2,3,2,2),1),"target":torch.softmax(r(2,3,2,2),1)},{"reduction":"batchmean"})
case("poisson_log_full_eps","poisson_nll_loss",{"input":torch.rand(3,4)*0.01,"target":torch.tensor([0.,1.,2.,5.]*3).reshape(3,4)},{"log_input":False,"full":True,"eps":0.1})
case("gauss_nll_unbatched_scalar_var","gaussian_nll_loss",{"input":r(4),"target":r(4),"var":T(0.7)},{})
case("gauss_nll_1d_var1","gaussian_nll_loss",{"input":r(4),"target":r(4),"var":T(0.3)[:1].reshape(1)},{"reduction":"sum"})
case("bce_saturated","binary_cross_entropy",{"input":T(0.0,1.0,0.5,1.0,0.0),"target":T(0.0,1.0,0.3,0.0,1.0)},{"reduction":"none"},grad=["input","target"])
case("ctc_zero_inf_sum","ctc_loss",{"log_probs":torch.log_softmax(r(4,2,5),2),"targets":torch.tensor([[1,2,3,4,1],[2,2,1,0,0]]),"input_lengths":torch.tensor([4,4]),"target_lengths":torch.tensor([5,3])},{"reduction":"sum","zero_infinity":True},grad=["log_probs"])
case("ctc_zero_inf_none","ctc_loss",{"log_probs":torch.log_softmax(r(4,2,5),2),"targets":torch.tensor([[1,1,1,4,1],[2,3,1,0,0]]),"input_lengths":torch.tensor([4,3]),"target_lengths":torch.tensor([3,3])},{"reduction":"none","zero_infinity":True},grad=["log_probs"])
case("ctc_list_lengths_blank","ctc_loss",{"log_probs":torch.log_softmax(r(5,2,4),2),"targets":torch.tensor([[0,1,0],[2,2,1]])},{"input_lengths":[5,4],"target_lengths":[3,2],"blank":3},grad=["log_probs"])
case("ctc_unbatched","ctc_loss",{"log_probs":torch.log_softmax(r(5,4),1),"targets":torch.tensor([1,3]),"input_lengths":torch.tensor(5),"target_lengths":torch.tensor(2)},{},grad=["log_probs"])
case("margin_rank_at_margin","margin_ranking_loss",{"input1":T(0.5,0.25,1.0),"input2":T(0.25,0.5,1.0),"target":T(1.0,-1.0,1.0)},{"margin":0.25,"reduction":"none"},grad=["input1","input2"])
case("hinge_at_margin","hinge_embedding_loss",{"input":T(1.0,0.5,1.0,2.0),"target":T(-1.0,-1.0,1.0,-1.0)},{"margin":1.0,"reduction":"none"},grad=["input"])
case("multi_margin_at_margin","multi_margin_loss",{"input":T(0.5,1.5,0.25,1.0,0.0,1.0).reshape(2,3),"target":torch.tensor([1,2])},{"margin":1.0,"reduction":"none"})
case("multi_margin_unbatched","multi_margin_loss",{"input":r(4),"target":torch.tensor(1)},{"p":2})
case("multilabel_margin_1d","multilabel_margin_loss",{"input":r(4),"target":torch.tensor([3,0,-1,2])},{})
case("multilabel_margin_at_margin","multilabel_margin_loss",{"input":T(1.0,0.0,0.5,1.5),"target":torch.tensor([0,-1,0,0])},{"reduction":"none"})
case("triplet_unbatched","triplet_margin_loss",{"anchor":r(3),"positive":r(3),"negative":r(3)},{"swap":True})
case("cosine_emb_1d","cosine_embedding_loss",{"input1":r(3),"input2":r(3),"target":T(-1.0)[0]},{"margin":-0.5})
case("l1_bcast","l1_loss",{"input":r(3,1),"target":r(3,4)},{"reduction":"none"})
case("mse_sum_3d","mse_loss",{"input":r(2,3,2),"target":r(2,3,2)},{"reduction":"sum"})

# ---- convolutions
case("conv2d_same_even_dil","conv2d",{"input":r(2,2,7,8),"weight":r(3,2,4,2),"bias":r(3)},{"padding":"same","dilation":[1,3]})
case("conv3d_same_even","conv3d",{"input":r(1,2,4,5,5),"weight":r(2,2,2,3,4)},{"padding":"same","dilation":[2,1,1]})
case("conv1d_valid","conv1d",{"input":r(2,3,8),"weight":r(4,3,3),"bias":r(4)},{"padding":"valid","stride":2})
case("conv1d_depthwise","conv1d",{"input":r(2,3,9),"weight":r(6,1,3),"bias":r(6)},{"groups":3,"padding":2,"dilation":2})
case("conv2d_depthwise_same","conv2d",{"input":r(1,4,5,6),"weight":r(4,1,2,3)},{"groups":4,"padding":"same"})
case("conv3d_depthwise_stride","conv3d",{"input":r(1,2,5,5,4),"weight":r(4,1,2,2,2),"bias":r(4)},{"groups":2,"stride":[2,1,2],"padding":1})
case("conv1d_same_even_kernel","conv1d",{"input":r(1,2,6),"weight":r(3,2,2)},{"padding":"same"})
case("conv_transpose1d_groups_dil","conv_transpose1d",{"input":r(2,4,5),"weight":r(4,2,3),"bias":r(4)},{"stride":3,"padding":2,"output_padding":2,"groups":2,"dilation":2})
case("conv_transpose3d_groups_dil","conv_transpose3d",{"input":r(1,4,2,3,2),"weight":r(4,1,2,2,3),"bias":r(2)},{"stride":[2,1,2],"padding":[1,0,1],"output_padding":[1,0,1],"groups":2,"dilation":[1,2,1]})
case("conv_transpose2d_unbatched","conv_transpose2d",{"input":r(3,3,4),"weight":r(3,2,2,3)},{"stride":[1,2],"output_padding":[0,1]})
case("conv_transpose2d_depthwise","conv_transpose2d",{"input":r(1,3,3,3),"weight":r(3,1,3,3),"bias":r(3)},{"groups":3,"stride":2,"padding":1,"output_padding":1})

# ---- pooling
case("max_pool1d_idx_dil_ceil","max_pool1d",{"input":r(2,2,11)},{"kernel_size":3,"stride":2,"padding":1,"dilation":2,"ceil_mode":True,"return_indices":True})
case("max_pool3d_idx_ceil","max_pool3d",{"input":r(1,2,5,4,5)},{"kernel_size":2,"stride":2,"ceil_mode":True,"return_indices":True})
case("max_pool2d_ceil_edge_dropped","max_pool2d",{"input":r(1,1,5,5)},{"kernel_size":2,"stride":2,"padding":1,"ceil_mode":True,"return_indices":True})
case("avg_pool1d_ceil_edge_dropped","avg_pool1d",{"input":r(1,2,5)},{"kernel_size":2,"stride":2,"padding":1,"ceil_mode":True})
case("avg_pool1d_ceil_include_pad","avg_pool1d",{"input":r(1,2,6)},{"kernel_size":3,"stride":2,"padding":1,"ceil_mode":True,"count_include_pad":True})
case("avg_pool2d_ceil_no_pad","avg_pool2d",{"input":r(1,2,5,7)},{"kernel_size":[2,3],"stride":2,"ceil_mode":True})
case("avg_pool2d_exclude_pad","avg_pool2d",{"input":r(2,1,4,5)},{"kernel_size":3,"stride":1,"padding":1,"count_include_pad":False})
case("avg_pool2d_divisor_pad","avg_pool2d",{"input":r(1,2,4,4)},{"kernel_size":2,"stride":1,"padding":1,"divisor_override":3})
case("avg_pool3d_ceil_include_pad","avg_pool3d",{"input":r(1,1,4,5,3)},{"kernel_size":2,"stride":2,"padding":1,"ceil_mode":True})
case("avg_pool3d_divisor_exclude","avg_pool3d",{"input":r(1,2,3,4,4)},{"kernel_size":[1,2,3],"stride":[1,2,2],"padding":[0,1,1],"count_include_pad":False,"divisor_override":4})
case("lp_pool1d_no_stride","lp_pool1d",{"input":r(2,3,7)},{"norm_type":2.0,"kernel_size":3})
case("lp_pool1d_ceil","lp_pool1d",{"input":r(1,2,7).abs()+0.1},{"norm_type":3.0,"kernel_size":3,"stride":2,"ceil_mode":True})
case("lp_pool2d_ceil","lp_pool2d",{"input":r(1,2,5,5).abs()+0.1},{"norm_type":2.0,"kernel_size":2,"stride":2,"ceil_mode":True})
case("lp_pool2d_no_stride_rect","lp_pool2d",{"input":r(1,2,6,6)},{"norm_type":2.0,"kernel_size":[3,2]})
case("adaptive_avg1d_nondiv","adaptive_avg_pool1d",{"input":r(2,3,7)},{"output_size":3})
case("adaptive_avg2d_nondiv","adaptive_avg_pool2d",{"input":r(1,2,7,5)},{"output_size":[3,4]})
case("adaptive_avg3d_none","adaptive_avg_pool3d",{"input":r(1,2,3,5,4)},{"output_size":[None,2,None]})
case("adaptive_max1d_nondiv_idx","adaptive_max_pool1d",{"input":r(2,2,7)},{"output_size":4,"return_indices":True})
case("adaptive_max2d_none_idx","adaptive_max_pool2d",{"input":r(1,2,5,7)},{"output_size":[None,3],"return_indices":True})
case("adaptive_max3d_none","adaptive_max_pool3d",{"input":r(1,2,3,5,4)},{"output_size":[2,None,3]})
case("adaptive_max3d_up","adaptive_max_pool3d",{"input":r(1,1,2,3,2)},{"output_size":[3,4,3],"return_indices":True})
x1=r(2,2,8); v1,i1=F.max_pool1d(x1,3,2,1,return_indices=True)
case("max_unpool1d_output_size","max_unpool1d",{"input":v1,"indices":i1},{"kernel_size":3,"stride":2,"padding":1,"output_size":[8]})
x3=r(1,2,4,5,4); v3,i3=F.max_pool3d(x3,2,2,return_indices=True)
case("max_unpool3d_output_size_full","max_unpool3d",{"input":v3,"indices":i3},{"kernel_size":2,"stride":2,"output_size":[1,2,5,5,5]})
x2=r(2,1,4,4); v2,i2=F.max_pool2d(x2,2,2,return_indices=True)
case("max_unpool2d_default","max_unpool2d",{"input":v2,"indices":i2},{"kernel_size":2})

# ---- fold / unfold
case("unfold_unbatched_all","unfold",{"input":r(2,6,5)},{"kernel_size":[2,2],"dilation":[1,2],"padding":[1,2],"stride":[2,1]})
case("unfold_k1_stride","unfold",{"input":r(1,2,4,5)},{"kernel_size":1,"stride":2})
case("fold_stride_dil_pad","fold",{"input":r(2,8,9)},{"output_size":[5,6],"kernel_size":2,"dilation":2,"padding":1,"stride":2})
case("fold_unbatched_rect","fold",{"input":r(6,12)},{"output_size":[4,6],"kernel_size":[2,3],"stride":[2,1],"padding":[0,1]})

# ---- pad
case("pad_reflect_neg","pad",{"input":r(1,2,4,5)},{"pad":[-1,2,1,-1],"mode":"reflect"})
case("pad_reflect1d_neg","pad",{"input":r(2,3,6)},{"pad":[2,-2],"mode":"reflect"})
case("pad_reflect3d","pad",{"input":r(1,1,3,4,5)},{"pad":[1,2,0,3,2,1],"mode":"reflect"})
case("pad_replicate1d_neg","pad",{"input":r(2,3,6)},{"pad":[-2,3],"mode":"replicate"})
case("pad_replicate3d_neg","pad",{"input":r(1,2,3,4,3)},{"pad":[1,-1,-1,2,0,1],"mode":"replicate"})
case("pad_circular1d_neg","pad",{"input":r(1,2,5)},{"pad":[-1,3],"mode":"circular"})
case("pad_circular3d_neg","pad",{"input":r(1,1,3,3,4)},{"pad":[-1,2,1,0,2,-1],"mode":"circular"})
case("pad_circular_full","pad",{"input":r(1,2,4)},{"pad":[4,4],"mode":"circular"})
case("pad_const_6_on_3d","pad",{"input":r(2,3,4)},{"pad":[1,0,-1,2,0,1],"value":-2.0})
case("pad_const_1d_default","pad",{"input":r(4)},{"pad":[2,1]})
case("pad_const_all_neg","pad",{"input":r(3,5)},{"pad":[-1,-2,-1,0]})
case("pad_reflect_unbatched","pad",{"input":r(3,5)},{"pad":[2,3],"mode":"reflect"})
case("pad_replicate_unbatched_2d","pad",{"input":r(2,3,4)},{"pad":[1,2,2,1],"mode":"replicate"})

# ---- interpolate
case("interp_linear_down_noac","interpolate",{"input":r(2,2,9)},{"scale_factor":0.5,"mode":"linear","align_corners":False})
case("interp_linear_sf_norecompute","interpolate",{"input":r(1,2,5)},{"scale_factor":1.3,"mode":"linear","recompute_scale_factor":False})
case("interp_bilinear_ac_to1","interpolate",{"input":r(1,2,4,5)},{"size":[1,3],"mode":"bilinear","align_corners":True})
case("interp_bilinear_sf_tuple_recompute","interpolate",{"input":r(1,2,4,5)},{"scale_factor":[1.7,0.6],"mode":"bilinear","recompute_scale_factor":True})
case("interp_bilinear_sf_ac","interpolate",{"input":r(1,1,3,4)},{"scale_factor":2.5,"mode":"bilinear","align_corners":True})
case("interp_bicubic_sf_noac","interpolate",{"input":r(1,2,4,4)},{"scale_factor":[1.5,0.75],"mode":"bicubic","align_corners":False})
case("interp_bicubic_size_down_ac","interpolate",{"input":r(1,1,6,7)},{"size":[3,4],"mode":"bicubic","align_corners":True})
case("interp_nearest_1d_down","interpolate",{"input":r(1,2,10)},{"scale_factor":0.3,"mode":"nearest"})
case("interp_nearest_3d_sf","interpolate",{"input":r(1,1,3,4,2)},{"scale_factor":[1.5,0.5,2.0],"mode":"nearest"})
case("interp_nearest_3d_size","interpolate",{"input":r(1,2,2,3,4)},{"size":[3,5,2],"mode":"nearest"})
case("interp_nearest_exact_3d_sf","interpolate",{"input":r(1,1,3,4,5)},{"scale_factor":[1.7,0.8,1.2],"mode":"nearest-exact"})
case("interp_trilinear_sf","interpolate",{"input":r(1,1,2,3,4)},{"scale_factor":[1.5,2.0,0.75],"mode":"trilinear"})
case("interp_trilinear_ac_size","interpolate",{"input":r(1,2,3,3,2)},{"size":[4,2,5],"mode":"trilinear","align_corners":True})
case("interp_area_1d_nondiv","interpolate",{"input":r(1,2,7)},{"size":3,"mode":"area"})
case("interp_area_3d_up","interpolate",{"input":r(1,1,2,3,2)},{"size":[3,4,5],"mode":"area"})
case("interp_area_sf","interpolate",{"input":r(1,2,6,7)},{"scale_factor":0.4,"mode":"area"})
case("interp_nearest_2d_recompute","interpolate",{"input":r(1,1,5,6)},{"scale_factor":[0.7,1.4],"mode":"nearest","recompute_scale_factor":True})

# ---- grid_sample / affine_grid / shuffles
g=torch.tensor([[-1.0,-1.0],[1.0,1.0],[-1.0,1.0],[1.0,-1.0],[0.0,0.0],[1.5,-2.0],[-3.0,0.5],[0.3,-0.7],[2.5,2.5]]).reshape(1,3,3,2)
for mode in ("bilinear","nearest","bicubic"):
    for pm in ("zeros","border","reflection"):
        for ac in (False,True):
            case(f"grid_sample_edges_{mode}_{pm}_{'ac' if ac else 'noac'}","grid_sample",{"input":r(1,2,3,4),"grid":g.clone()},{"mode":mode,"padding_mode":pm,"align_corners":ac})
for pm in ("zeros","border","reflection"):
    case(f"grid_sample3d_far_{pm}","grid_sample",{"input":r(1,2,3,3,4),"grid":torch.rand(2,2,2,3,3)[:1]*5-2.5},{"mode":"bilinear","padding_mode":pm,"align_corners":False})
case("grid_sample3d_batch2_ac","grid_sample",{"input":r(2,1,2,3,4),"grid":torch.rand(2,2,3,2,3)*2.2-1.1},{"mode":"bilinear","padding_mode":"zeros","align_corners":True})
case("affine_grid_2d_ac","affine_grid",{"theta":r(2,2,3)},{"size":[2,3,4,5],"align_corners":True})
case("affine_grid_3d_n1","affine_grid",{"theta":r(1,3,4)},{"size":[1,1,2,3,2],"align_corners":False})
case("pixel_shuffle_unbatched","pixel_shuffle",{"input":r(9,2,2)},{"upscale_factor":3})
case("pixel_unshuffle_5d","pixel_unshuffle",{"input":r(2,1,2,4,6)},{"downscale_factor":2})
case("pixel_unshuffle_unbatched","pixel_unshuffle",{"input":r(1,6,3)},{"downscale_factor":3})
case("channel_shuffle_4d","channel_shuffle",{"input":r(2,6,2,2)},{"groups":3},grad=False)  # PyTorch 1.13 has no derivative for channel_shuffle
case("native_channel_shuffle","native_channel_shuffle",{"input":r(1,6,3)},{"groups":2},grad=False)

# ---- attention (the reference runner's emulation)
case("sdpa_bool_mask_bcast","scaled_dot_product_attention",{"query":r(2,3,4,5),"key":r(2,3,6,5),"value":r(2,3,6,4),"attn_mask":torch.tensor([[True,False,True,True,False,True]]*4)},{})
case("sdpa_float_mask_bcast","scaled_dot_product_attention",{"query":r(2,2,3,4),"key":r(2,2,5,4),"value":r(2,2,5,3),"attn_mask":r(2,1,3,5)},{})
case("sdpa_causal_tall","scaled_dot_product_attention",{"query":r(2,5,4),"key":r(2,3,4),"value":r(2,3,2)},{"is_causal":True})
case("sdpa_causal_float_mask","scaled_dot_product_attention",{"query":r(1,4,3),"key":r(1,4,3),"value":r(1,4,3),"attn_mask":r(4,4)},{"is_causal":True})
case("sdpa_causal_bool_mask_scale","scaled_dot_product_attention",{"query":r(2,4,3),"key":r(2,4,3),"value":r(2,4,3),"attn_mask":torch.tensor([[True,True,True,True],[False,True,True,True],[True,False,True,True],[True,True,False,True]])},{"is_causal":True,"scale":0.7})
case("sdpa_batch_bcast","scaled_dot_product_attention",{"query":r(2,3,4,5),"key":r(1,3,6,5),"value":r(1,3,6,4)},{})
case("sdpa_1d_batch_mask_3d","scaled_dot_product_attention",{"query":r(3,2,4),"key":r(3,5,4),"value":r(3,5,4),"attn_mask":torch.rand(3,1,5)>0.3},{})

# ---- dropout forms that are deterministic
case("dropout_p0_train","dropout",{"input":r(3,4)},{"p":0.0,"training":True})
case("dropout_p1_train","dropout",{"input":r(3,4)},{"p":1.0,"training":True})
case("dropout2d_p0_train","dropout2d",{"input":r(2,3,2,2)},{"p":0.0,"training":True})
case("alpha_dropout_eval","alpha_dropout",{"input":r(3,4)},{"p":0.5})
case("feature_alpha_dropout_eval","feature_alpha_dropout",{"input":r(2,3,4)},{"p":0.5,"training":False})
case("dropout3d_eval","dropout3d",{"input":r(1,2,2,2,2)},{"p":0.3,"training":False})
case("one_hot_2d_infer","one_hot",{"input":torch.tensor([[0,2],[4,1]])},{},grad=False)

# ---- second batch: special values, explicit None arguments, empty and 0-d tensors, in-place forms, legacy reductions
INF, NAN = float("inf"), float("nan")
SP = lambda: T(INF, -INF, NAN, 0.0, 1.0, -1.0)
for op, a in [("relu",{}),("relu6",{}),("hardtanh",{}),("threshold",{"threshold":0.0,"value":5.0}),("elu",{}),("selu",{}),
              ("celu",{"alpha":0.5}),("leaky_relu",{"negative_slope":0.2}),("gelu",{}),("gelu",{"approximate":"tanh"}),
              ("silu",{}),("mish",{}),("softplus",{}),("hardswish",{}),("hardsigmoid",{}),("sigmoid",{}),("tanh",{}),
              ("logsigmoid",{}),("softsign",{}),("hardshrink",{}),("softshrink",{}),("tanhshrink",{}),("rrelu",{})]:
    case(f"special_{op}{'_'+a['approximate'] if 'approximate' in a else ''}", op, {"input":SP()}, a, grad=False)
case("softmax_inf_row","softmax",{"input":T(INF,1.0,0.0, -INF,-INF,2.0).reshape(2,3)},{"dim":1},grad=False)
case("log_softmax_all_neg_inf","log_softmax",{"input":T(-INF,-INF,-INF,0.0,1.0,2.0).reshape(2,3)},{"dim":1},grad=False)
case("softmax_dtype_none","softmax",{"input":r(2,3)},{"dim":-1,"dtype":None})
case("log_softmax_0d","log_softmax",{"input":r(())},{"dim":0})
case("softmax_0d","softmax",{"input":r(())},{"dim":-1})
case("relu_0d","relu",{"input":r(())},{})
case("gelu_0d","gelu",{"input":r(())},{})
case("mse_0d","mse_loss",{"input":r(()),"target":r(())},{})
case("bce_0d","binary_cross_entropy",{"input":torch.rand(()),"target":torch.rand(())},{})
case("normalize_0row","normalize",{"input":torch.zeros(2,3)},{})
# empty batches
case("linear_empty","linear",{"input":r(0,4),"weight":r(3,4),"bias":r(3)},{})
case("softmax_empty","softmax",{"input":r(0,3)},{"dim":1})
case("relu_empty","relu",{"input":r(2,0)},{})
case("layer_norm_empty","layer_norm",{"input":r(0,4)},{"normalized_shape":[4]})
case("conv2d_empty_batch","conv2d",{"input":r(0,2,4,4),"weight":r(3,2,2,2),"bias":r(3)},{})
case("max_pool2d_empty_batch","max_pool2d",{"input":r(0,2,4,4)},{"kernel_size":2})
case("mse_empty_sum","mse_loss",{"input":r(0,3),"target":r(0,3)},{"reduction":"sum"})
case("mse_empty_mean","mse_loss",{"input":r(0,3),"target":r(0,3)},{"reduction":"mean"},grad=False)
case("ce_empty_sum","cross_entropy",{"input":r(0,3),"target":torch.zeros(0,dtype=torch.long)},{"reduction":"sum"})
case("embedding_empty","embedding",{"input":torch.zeros(0,dtype=torch.long),"weight":r(4,3)},{})
# explicit None arguments (PyTorch's defaults)
case("max_pool2d_stride_none","max_pool2d",{"input":r(1,2,5,5)},{"kernel_size":2,"stride":None})
case("max_pool2d_stride_empty","max_pool2d",{"input":r(1,2,5,5)},{"kernel_size":2,"stride":[]})
case("avg_pool1d_stride_none","avg_pool1d",{"input":r(1,2,7)},{"kernel_size":3,"stride":None})
case("lp_pool2d_stride_none","lp_pool2d",{"input":r(1,2,4,4)},{"norm_type":2.0,"kernel_size":2,"stride":None})
case("interp_none_args","interpolate",{"input":r(1,2,3,4)},{"size":[5,6],"scale_factor":None,"mode":"bilinear","align_corners":None,"recompute_scale_factor":None})
case("interp_size_int_2d","interpolate",{"input":r(1,1,3,4)},{"size":5})
case("interp_sf_int","interpolate",{"input":r(1,1,3,4)},{"scale_factor":2,"mode":"bilinear"})
case("max_unpool2d_output_size_none","max_unpool2d",{"input":v2,"indices":i2},{"kernel_size":2,"stride":None,"padding":0,"output_size":None})
case("embedding_none_args","embedding",{"input":torch.tensor([0,2]),"weight":r(3,2)},{"padding_idx":None,"max_norm":None})
case("embedding_bag_none_args","embedding_bag",EB,{"mode":"sum","max_norm":None,"padding_idx":None,"per_sample_weights":None})
case("grid_sample_defaults","grid_sample",{"input":r(1,2,3,4),"grid":torch.rand(1,2,3,2)*2-1},{})
case("affine_grid_default_ac","affine_grid",{"theta":r(1,2,3)},{"size":[1,1,2,3]})
case("pad_value_none","pad",{"input":r(1,3,4)},{"pad":[1,1],"mode":"constant","value":None})
case("pad_reflect_value_none","pad",{"input":r(1,3,4)},{"pad":[1,2],"mode":"reflect","value":None})
case("hardtanh_int_bounds","hardtanh",{"input":r(3,4)*2},{"min_val":-1,"max_val":2})
case("leaky_relu_int_slope","leaky_relu",{"input":r(3,4)},{"negative_slope":1})
case("pad_int_value","pad",{"input":r(2,3)},{"pad":[1,1],"value":3})
# in-place forms (no gradient: PyTorch refuses an in-place op on a leaf that requires grad)
for op, a in [("relu",{}),("relu6",{}),("hardtanh",{"min_val":-0.5,"max_val":0.5}),("elu",{"alpha":0.7}),("selu",{}),
              ("celu",{}),("leaky_relu",{"negative_slope":0.3}),("threshold",{"threshold":0.2,"value":-1.0}),
              ("rrelu",{}),("silu",{}),("mish",{}),("hardswish",{}),("hardsigmoid",{}),
              ("dropout",{"p":0.0}),("alpha_dropout",{"p":0.5,"training":False})]:
    case(f"inplace_{op}", op, {"input":r(3,4)}, dict(a, inplace=True), grad=False)
for op in ("relu_","elu_","leaky_relu_","hardtanh_","celu_","selu_","rrelu_"):
    case(f"underscore_{op}", op, {"input":r(3,4)}, {}, grad=False)
case("threshold_underscore","threshold_",{"input":r(3,4)},{"threshold":0.1,"value":2.0},grad=False)
# legacy size_average / reduce flags
for name, op, ins in [("l1","l1_loss",{"input":r(3,4),"target":r(3,4)}),
                      ("kl","kl_div",{"input":torch.log_softmax(r(3,4),1),"target":torch.softmax(r(3,4),1)}),
                      ("bce","binary_cross_entropy",{"input":torch.rand(3,4)*0.9+0.05,"target":torch.rand(3,4)}),
                      ("nll","nll_loss",{"input":torch.log_softmax(r(3,4),1),"target":torch.tensor([0,3,1])}),
                      ("ce","cross_entropy",{"input":r(3,4),"target":torch.tensor([0,3,1])}),
                      ("hinge","hinge_embedding_loss",{"input":r(3,4),"target":torch.randint(0,2,(3,4)).float()*2-1}),
                      ("mrank","margin_ranking_loss",{"input1":r(4),"input2":r(4),"target":T(1,-1,1,-1)}),
                      ("multi_margin","multi_margin_loss",{"input":r(3,4),"target":torch.tensor([0,3,1])}),
                      ("soft_margin","soft_margin_loss",{"input":r(3,4),"target":torch.randint(0,2,(3,4)).float()*2-1}),
                      ("smooth_l1","smooth_l1_loss",{"input":r(3,4),"target":r(3,4)}),
                      ("poisson","poisson_nll_loss",{"input":r(3,4),"target":torch.rand(3,4)*3}),
                      ("bcewl","binary_cross_entropy_with_logits",{"input":r(3,4),"target":torch.rand(3,4)})]:
    case(f"legacy_{name}_sa_false","{op}".format(op=op),ins,{"size_average":False})
    case(f"legacy_{name}_reduce_false","{op}".format(op=op),ins,{"reduce":False,"size_average":True})
# more argument corners
case("ce_ignore_index_0_smooth_w","cross_entropy",{"input":r(5,4),"target":torch.tensor([0,1,0,3,2]),"weight":torch.rand(4)},{"ignore_index":0,"label_smoothing":0.3},grad=["input"])
case("ce_prob_weight_none_spatial","cross_entropy",{"input":r(2,3,2),"target":torch.softmax(r(2,3,2),1),"weight":torch.rand(3)},{"reduction":"none"})
case("nll_unbatched_ignored","nll_loss",{"input":torch.log_softmax(r(4),0),"target":torch.tensor(1)},{"ignore_index":1,"reduction":"sum"})
case("kl_batchmean_1d","kl_div",{"input":torch.log_softmax(r(5),0),"target":torch.softmax(r(5),0)},{"reduction":"batchmean"})
case("multi_margin_p1_m0","multi_margin_loss",{"input":r(3,4),"target":torch.tensor([1,1,3])},{"margin":0.0})
case("hinge_neg_margin","hinge_embedding_loss",{"input":r(6),"target":T(1,-1,-1,1,-1,-1)},{"margin":-0.5})
case("poisson_rate_zero","poisson_nll_loss",{"input":T(0.0,0.5,2.0,0.0),"target":T(0.0,1.0,3.0,2.0)},{"log_input":False})
case("ctc_empty_target","ctc_loss",{"log_probs":torch.log_softmax(r(4,2,3),2),"targets":torch.tensor([[1,2],[0,0]]),"input_lengths":torch.tensor([4,3]),"target_lengths":torch.tensor([2,0])},{"reduction":"mean"},grad=["log_probs"])
case("triplet_p1_eps","triplet_margin_loss",{"anchor":r(3,4),"positive":r(3,4),"negative":r(3,4)},{"p":1.0,"eps":0.1})
case("smooth_l1_beta_big","smooth_l1_loss",{"input":r(3,4),"target":r(3,4)},{"beta":5.0,"reduction":"sum"})
case("huber_delta_small","huber_loss",{"input":r(3,4),"target":r(3,4)},{"delta":0.05,"reduction":"none"})
case("adaptive_max1d_unbatched","adaptive_max_pool1d",{"input":r(2,7)},{"output_size":3,"return_indices":True})
case("adaptive_avg1d_unbatched","adaptive_avg_pool1d",{"input":r(2,7)},{"output_size":4})
case("max_pool1d_unbatched_idx","max_pool1d",{"input":r(2,7)},{"kernel_size":3,"stride":2,"return_indices":True})
case("max_pool2d_unbatched_idx","max_pool2d",{"input":r(2,5,5)},{"kernel_size":2,"return_indices":True,"padding":1})
case("avg_pool1d_unbatched_excl","avg_pool1d",{"input":r(2,7)},{"kernel_size":3,"stride":2,"padding":1,"count_include_pad":False,"ceil_mode":True})
case("lp_pool1d_unbatched","lp_pool1d",{"input":r(2,6)},{"norm_type":2.0,"kernel_size":2})
case("conv_transpose1d_unbatched","conv_transpose1d",{"input":r(2,5),"weight":r(2,3,3),"bias":r(3)},{"stride":2})
case("conv1d_padding_list","conv1d",{"input":r(1,2,6),"weight":r(3,2,3)},{"padding":[2],"stride":[2],"dilation":[1]})
case("fold_int_sizes","fold",{"input":r(1,8,9)},{"output_size":4,"kernel_size":2,"stride":1})
case("pixel_shuffle_1","pixel_shuffle",{"input":r(1,2,2,3)},{"upscale_factor":1})
case("upsample_bilinear_ac","upsample",{"input":r(1,1,3,3)},{"scale_factor":1.5,"mode":"bilinear","align_corners":True})
case("upsample_nearest_sf_tuple","upsample_nearest",{"input":r(1,1,2,3)},{"scale_factor":[2.0,3.0]})
case("layer_norm_eps_big","layer_norm",{"input":r(2,3)*0.01},{"normalized_shape":[3],"eps":0.5})
case("group_norm_eps_big","group_norm",{"input":r(2,4,3)*0.1},{"num_groups":2,"eps":0.5})
case("bn_train_eps_big_n2","batch_norm",{"input":r(2,3),**stats(3)},{"training":True,"eps":1.0},grad=RS)
case("instance_norm_weight_only","instance_norm",{"input":r(2,3,4),"weight":r(3)},{})
case("instance_norm_running_no_affine_eval","instance_norm",{"input":r(2,3,4),**stats(3)},{"use_input_stats":False,"eps":0.1},grad=RS)
case("embedding_max_norm_dup","embedding",{"input":torch.tensor([1,1,3,1]),"weight":r(4,3)*3},{"max_norm":2.0,"norm_type":3.0})
case("cosine_eps_big","cosine_similarity",{"x1":r(3,4)*0.01,"x2":r(3,4)},{"eps":0.1})
case("pairwise_eps_neg_keep_3d","pairwise_distance",{"x1":r(2,3,4),"x2":r(2,3,4)},{"p":1.5,"eps":-0.1,"keepdim":True})
case("glu_dim0_3d","glu",{"input":r(4,2,3)},{"dim":0})
case("softplus_neg_beta","softplus",{"input":r(3,4)*3},{"beta":-1.0,"threshold":2.0})
case("elu_alpha0","elu",{"input":r(3,4)},{"alpha":0.0})
case("hardtanh_equal_bounds","hardtanh",{"input":pts(0.5,0.2,0.8)},{"min_val":0.5,"max_val":0.5})
case("threshold_inf_value","threshold",{"input":r(3,4)},{"threshold":0.0,"value":-INF},grad=False)
