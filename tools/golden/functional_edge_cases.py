#!/usr/bin/python3
"""Functional cases past the shared file's arguments: probability targets with label smoothing and class weights
(whose gradient PyTorch gives), spatial cross-entropy, all-ignored nll_loss, every pad mode, interpolate modes
(bicubic, area, nearest-exact, trilinear, recomputed scale factors), grid_sample paddings, fold/unfold with
dilation, grouped and dilated transposed convs, ceil-mode pooling, the rarer losses and activations.
Every floating input gets a gradient where PyTorch gives one (an input PyTorch refuses to differentiate is dropped).
Conformance format (shared/conformance/FORMAT.md); references from PyTorch 1.13 in float64.
usage: /usr/bin/python3 tools/golden/functional_edge_cases.py > nn4j-cli/src/test/resources/conformance/functional-edge.jsonl
"""
import json

import torch

from casefmt import enc
import torch.nn.functional as F

torch.manual_seed(11)
TUP=("kernel_size","stride","padding","dilation","output_padding","output_size","size","normalized_shape","pad","scale_factor")
def case(cid, op, ins, args, grad=True):
    a={k:(tuple(v) if isinstance(v,list) and k in TUP else v) for k,v in args.items()}
    want=set(k for k,v in ins.items() if v.is_floating_point()) if grad else set()
    while True:
        tins={k:(v.clone().double().requires_grad_(k in want) if v.is_floating_point() else v.clone()) for k,v in ins.items()}
        try:
            out=getattr(F,op)(**tins, **a)
            outs=list(out) if isinstance(out,(tuple,list)) else [out]
            diff=[o for o in outs if o.is_floating_point() and o.requires_grad]
            gos=[torch.randn(o.shape,dtype=torch.float64) for o in diff]
            if diff: torch.autograd.backward(diff,gos)
            break
        except RuntimeError as e:
            bad=[k for k in sorted(want) if ("'"+k+"'") in str(e) or k in str(e)]
            if not bad: raise
            want-=set(bad[:1])
    c={"id":"fedge/"+cid,"kind":"functional","op":op,"inputs":{k:enc(v) for k,v in ins.items()},"args":args,
       "output":[enc(o) for o in outs] if len(outs)>1 else enc(outs[0]),"tol":{"rtol":1e-4,"atol":1e-5}}
    if diff:
        c["grad_output"]=[enc(g) for g in gos] if len(gos)>1 else enc(gos[0])
        c["grads"]={k:enc(t.grad if t.grad is not None else torch.zeros_like(t)) for k,t in tins.items() if t.requires_grad}
    print(json.dumps(c))
r=torch.randn
case("ce_prob_smooth_weight","cross_entropy",{"input":r(4,5),"target":torch.softmax(r(4,5),1),"weight":torch.rand(5)},{"label_smoothing":0.2})
case("ce_index_smooth_weight_ignore","cross_entropy",{"input":r(4,5),"target":torch.tensor([1,-100,3,0]),"weight":torch.rand(5)},{"label_smoothing":0.1,"ignore_index":-100})
case("ce_kdim","cross_entropy",{"input":r(2,3,4,5),"target":torch.randint(0,3,(2,4,5))},{"reduction":"sum"})
case("nll_all_ignored","nll_loss",{"input":torch.log_softmax(r(3,4),1),"target":torch.tensor([2,2,2])},{"ignore_index":2},grad=False)
case("kl_log_target","kl_div",{"input":torch.log_softmax(r(3,4),1),"target":torch.log_softmax(r(3,4),1)},{"reduction":"batchmean","log_target":True})
case("bce_weight","binary_cross_entropy",{"input":torch.rand(3,4)*0.9+0.05,"target":torch.rand(3,4),"weight":torch.rand(4)},{})
case("bcewl_posw","binary_cross_entropy_with_logits",{"input":r(3,4),"target":torch.rand(3,4),"pos_weight":torch.rand(4)+0.5},{"reduction":"sum"})
case("huber_delta","huber_loss",{"input":r(3,4),"target":r(3,4)},{"delta":0.5})
case("smooth_l1_beta0","smooth_l1_loss",{"input":r(3,4),"target":r(3,4)},{"beta":0.0})
case("pad_reflect","pad",{"input":r(1,2,4,5)},{"pad":[1,2,2,1],"mode":"reflect"})
case("pad_circular","pad",{"input":r(1,2,4,5)},{"pad":[1,2,2,1],"mode":"circular"})
case("pad_replicate3d","pad",{"input":r(1,1,3,4,5)},{"pad":[1,1,2,0,1,1],"mode":"replicate"})
case("pad_const_neg","pad",{"input":r(2,3,4)},{"pad":[-1,2],"value":1.5})
case("interp_bicubic_ac","interpolate",{"input":r(1,2,4,5)},{"size":[7,3],"mode":"bicubic","align_corners":True})
case("interp_area","interpolate",{"input":r(1,2,6,9)},{"size":[4,4],"mode":"area"})
case("interp_nearest_exact","interpolate",{"input":r(1,2,5,5)},{"scale_factor":1.7,"mode":"nearest-exact"})
case("interp_trilinear","interpolate",{"input":r(1,1,3,4,5)},{"size":[5,3,6],"mode":"trilinear","align_corners":False})
case("interp_linear_sf","interpolate",{"input":r(2,3,7)},{"scale_factor":0.6,"mode":"linear","recompute_scale_factor":True})
case("gelu_tanh","gelu",{"input":r(3,4)},{"approximate":"tanh"})
case("softmax_dim0","softmax",{"input":r(3,4,2)},{"dim":0})
case("log_softmax_neg_inf","log_softmax",{"input":torch.tensor([[0.0,float('-inf'),1.0],[2.0,3.0,float('-inf')]])},{"dim":1})
case("normalize_p1","normalize",{"input":r(3,4)},{"p":1.0,"dim":0})
case("grid_sample_border_ac","grid_sample",{"input":r(1,2,4,5),"grid":torch.rand(1,3,3,2)*2.4-1.2},{"mode":"bilinear","padding_mode":"border","align_corners":True})
case("grid_sample_reflect_nearest","grid_sample",{"input":r(1,2,4,5),"grid":torch.rand(1,3,3,2)*2.4-1.2},{"mode":"nearest","padding_mode":"reflection","align_corners":False})
case("embedding_pad_maxnorm","embedding",{"input":torch.tensor([[0,2,1],[2,2,3]]),"weight":r(5,3)},{"padding_idx":2})
case("one_hot","one_hot",{"input":torch.tensor([0,3,1])},{"num_classes":5},grad=False)
case("layer_norm_noaffine","layer_norm",{"input":r(2,3,4)},{"normalized_shape":[3,4],"eps":1e-3})
case("group_norm","group_norm",{"input":r(2,6,3),"weight":r(6),"bias":r(6)},{"num_groups":3})
case("instance_norm_run","instance_norm",{"input":r(2,3,5)},{"use_input_stats":True})
case("lrn","local_response_norm",{"input":r(2,6,4)},{"size":3,"alpha":0.01,"beta":0.5,"k":2.0})
case("pixel_shuffle","pixel_shuffle",{"input":r(1,8,2,3)},{"upscale_factor":2})
case("unfold","unfold",{"input":r(1,2,5,6)},{"kernel_size":[2,3],"dilation":[2,1],"padding":1,"stride":[1,2]})
case("fold","fold",{"input":r(1,12,15)},{"output_size":[4,5],"kernel_size":[2,3],"padding":[0,1],"stride":1})
case("conv_transpose2d_groups","conv_transpose2d",{"input":r(1,4,3,3),"weight":r(4,3,3,2)},{"stride":2,"padding":1,"output_padding":1,"groups":2,"dilation":[1,2]})
case("conv1d_same_even","conv1d",{"input":r(2,3,9),"weight":r(4,3,4)},{"padding":"same","dilation":2})
case("avg_pool2d_div","avg_pool2d",{"input":r(1,2,5,6)},{"kernel_size":3,"stride":2,"padding":1,"ceil_mode":True,"count_include_pad":False,"divisor_override":None})
case("max_pool1d_ceil_dil","max_pool1d",{"input":r(2,3,10)},{"kernel_size":3,"stride":2,"padding":1,"dilation":2,"ceil_mode":True})
case("adaptive_avg3d","adaptive_avg_pool3d",{"input":r(1,2,5,6,7)},{"output_size":[2,3,4]})
case("lp_pool2d","lp_pool2d",{"input":r(1,2,6,6).abs()+0.1},{"norm_type":3.0,"kernel_size":2,"stride":2})
case("cosine_sim_bcast","cosine_similarity",{"x1":r(3,1,4),"x2":r(1,5,4)},{"dim":2,"eps":1e-6})
case("pairwise_dist_keep","pairwise_distance",{"x1":r(3,4),"x2":r(3,4)},{"p":3.0,"keepdim":True})
case("pdist","pdist",{"input":r(5,3)},{"p":1.5})
case("triplet_swap","triplet_margin_loss",{"anchor":r(4,3),"positive":r(4,3),"negative":r(4,3)},{"margin":0.5,"p":1.0,"swap":True})
case("multilabel_margin","multilabel_margin_loss",{"input":r(3,4),"target":torch.tensor([[3,0,-1,1],[1,2,3,-1],[-1,0,0,0]])},{})
case("multi_margin_p2_w","multi_margin_loss",{"input":r(3,4),"target":torch.tensor([3,0,1]),"weight":torch.rand(4)},{"p":2,"margin":0.7})
case("gaussian_nll_full","gaussian_nll_loss",{"input":r(3,4),"target":r(3,4),"var":torch.rand(3,1)+0.1},{"full":True,"eps":1e-4})
case("poisson_nll_nolog","poisson_nll_loss",{"input":torch.rand(3,4)+0.1,"target":torch.randint(0,4,(3,4)).double()},{"log_input":False,"full":True})
case("ctc","ctc_loss",{"log_probs":torch.log_softmax(r(6,2,4),2),"targets":torch.tensor([[1,2,2],[3,1,0]]),"input_lengths":torch.tensor([6,5]),"target_lengths":torch.tensor([3,2])},{"blank":0,"reduction":"mean","zero_infinity":True})
case("glu_dim0","glu",{"input":r(4,3)},{"dim":0})
case("hardtanh_range","hardtanh",{"input":r(3,4)*3},{"min_val":-2.0,"max_val":0.5})
case("rrelu_eval","rrelu",{"input":r(3,4)},{"lower":0.1,"upper":0.3,"training":False})
case("softplus_beta_thr","softplus",{"input":r(3,4)*10},{"beta":2.0,"threshold":5.0})
case("celu_alpha","celu",{"input":r(3,4)},{"alpha":0.5})
case("threshold","threshold",{"input":r(3,4)},{"threshold":0.1,"value":-2.0})
case("prelu_channels","prelu",{"input":r(2,3,4),"weight":torch.rand(3)},{})
case("bilinear","bilinear",{"input1":r(4,3),"input2":r(4,5),"weight":r(2,3,5),"bias":r(2)},{})
case("mse_none","mse_loss",{"input":r(3,4),"target":r(3,4)},{"reduction":"none"})
case("margin_ranking","margin_ranking_loss",{"input1":r(5),"input2":r(5),"target":torch.tensor([1.0,-1.0,1.0,1.0,-1.0])},{"margin":0.3})
case("hinge_embedding","hinge_embedding_loss",{"input":r(5),"target":torch.tensor([1.0,-1.0,1.0,1.0,-1.0])},{"margin":0.8})
case("soft_margin","soft_margin_loss",{"input":r(5),"target":torch.tensor([1.0,-1.0,1.0,1.0,-1.0])},{})
case("cosine_embedding","cosine_embedding_loss",{"input1":r(4,3),"input2":r(4,3),"target":torch.tensor([1.0,-1.0,1.0,-1.0])},{"margin":0.2})
case("multilabel_soft_margin_w","multilabel_soft_margin_loss",{"input":r(3,4),"target":torch.randint(0,2,(3,4)).double(),"weight":torch.rand(4)},{})
case("l1_sum","l1_loss",{"input":r(3,4),"target":r(3,4)},{"reduction":"sum"})
case("affine_grid","affine_grid",{"theta":r(2,2,3)},{"size":[2,1,3,4],"align_corners":False})
case("pixel_unshuffle","pixel_unshuffle",{"input":r(1,2,4,6)},{"downscale_factor":2})
case("linear_nobias","linear",{"input":r(2,3,4),"weight":r(5,4)},{})
case("dropout_eval","dropout",{"input":r(3,4)},{"p":0.4,"training":False})
case("logsigmoid","logsigmoid",{"input":r(3,4)*20},{})
case("mish","mish",{"input":r(3,4)*5},{})
case("hardswish","hardswish",{"input":r(3,4)*4},{})
case("softmin","softmin",{"input":r(3,4)},{"dim":1})
case("tanhshrink","tanhshrink",{"input":r(3,4)*3},{})
