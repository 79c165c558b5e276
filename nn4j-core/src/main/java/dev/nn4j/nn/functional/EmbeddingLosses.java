package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.Losses.reduce;
import static dev.nn4j.nn.functional.Losses.requireFloat;
import static dev.nn4j.nn.functional.Losses.requireReduction;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.function.BinaryOperator;

/** Losses on pairs and triplets of embeddings or scores: cosine/hinge embedding, margin ranking, triplet margin. */
final class EmbeddingLosses {
    private EmbeddingLosses() {}

    /** PyTorch's {@code EPSILON} added to the squared magnitudes in cosine_embedding_loss. */
    private static final double EPSILON = 1e-12;

    static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin, Reduction reduction) {
        String op = "cosine_embedding_loss";
        requireReduction(op, reduction);
        requireFloat(op, "input1", input1);
        requireFloat(op, "input2", input2);
        if (target == null) throw new IllegalArgumentException(op + ": 'target' must not be null");
        int td = target.dim();
        if (td > 1) {
            throw new IllegalArgumentException(op + ": 0D or 1D target tensor expected, multi-target not supported (got target of shape "
                    + Shapes.str(target.shape()) + ")");
        }
        if (td == 1 && (input1.dim() != 2 || input2.dim() != 2)) {
            throw new IllegalArgumentException(op + ": 1D target tensor expects 2D input tensors, but found inputs with sizes "
                    + Shapes.str(input1.shape()) + " and " + Shapes.str(input2.shape()));
        }
        if (td == 0 && (input1.dim() != 1 || input2.dim() != 1)) {
            throw new IllegalArgumentException(op + ": 0D target tensor expects 1D input tensors, but found inputs with sizes "
                    + Shapes.str(input1.shape()) + " and " + Shapes.str(input2.shape()));
        }
        Losses.broadcastShape(op, input1, input2);
        Tensor prodSum = input1.mul(input2).sum(td);
        Tensor mag1 = input1.square().sum(td).add(EPSILON);
        Tensor mag2 = input2.square().sum(td).add(EPSILON);
        Tensor cos = prodSum.div(mag1.mul(mag2).sqrt());
        Tensor zeros = Tensor.zerosLike(cos);
        Tensor pos = Tensor.where(target.eq(1), cos.rsub(1), zeros);
        Tensor neg = Tensor.where(target.eq(-1), cos.sub(margin).clampMin(0), zeros);
        return reduce(op, pos.add(neg), reduction);
    }

    static Tensor hingeEmbeddingLoss(Tensor input, Tensor target, double margin, Reduction reduction) {
        String op = "hinge_embedding_loss";
        requireReduction(op, reduction);
        requireFloat(op, "input", input);
        if (target == null) throw new IllegalArgumentException(op + ": 'target' must not be null");
        Losses.broadcastShape(op, input, target);
        Tensor zeros = Tensor.zerosLike(input);
        Tensor marginPart = Tensor.where(target.ne(1), input.rsub(margin).clampMin(0), zeros);
        Tensor selfPart = Tensor.where(target.ne(-1), input, zeros);
        return reduce(op, marginPart.add(selfPart), reduction);
    }

    static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin, Reduction reduction) {
        String op = "margin_ranking_loss";
        requireReduction(op, reduction);
        requireFloat(op, "input1", input1);
        requireFloat(op, "input2", input2);
        if (target == null) throw new IllegalArgumentException(op + ": 'target' must not be null");
        if (input1.dim() != input2.dim() || input1.dim() != target.dim()) {
            throw new IllegalArgumentException(op + ": all input tensors should have same dimension but got sizes: input1: "
                    + Shapes.str(input1.shape()) + ", input2: " + Shapes.str(input2.shape()) + ", target: " + Shapes.str(target.shape()));
        }
        Losses.broadcastShape(op, input1, input2);
        Tensor loss = target.neg().mul(input1.sub(input2)).add(margin).clampMin(0);
        return reduce(op, loss, reduction);
    }

    /** PyTorch's pairwise_distance: {@code ||x1 - x2 + eps||_p} over the last dim. */
    static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps) {
        int nd = Math.max(x1.dim(), x2.dim());
        Tensor d = x1.sub(x2).add(eps);
        return d.norm(p, nd == 0 ? null : new int[] {nd - 1}, false);
    }

    private static void checkTripletDims(String op, Tensor a, Tensor p, Tensor n) {
        requireFloat(op, "anchor", a);
        requireFloat(op, "positive", p);
        requireFloat(op, "negative", n);
        if (a.dim() != p.dim() || p.dim() != n.dim()) {
            throw new IllegalArgumentException(op + ": all inputs should have same dimension but got " + a.dim() + "D, " + p.dim()
                    + "D and " + n.dim() + "D inputs (anchor " + Shapes.str(a.shape()) + ", positive " + Shapes.str(p.shape())
                    + ", negative " + Shapes.str(n.shape()) + ")");
        }
    }

    static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative, TripletMargin o) {
        String op = "triplet_margin_loss";
        requireReduction(op, o.reduction());
        checkTripletDims(op, anchor, positive, negative);
        Tensor dPos = pairwiseDistance(anchor, positive, o.p(), o.eps());
        Tensor dNeg = pairwiseDistance(anchor, negative, o.p(), o.eps());
        if (o.swap()) dNeg = dNeg.minimum(pairwiseDistance(positive, negative, o.p(), o.eps()));
        return reduce(op, dPos.sub(dNeg).add(o.margin()).clampMin(0), o.reduction());
    }

    static Tensor tripletMarginWithDistanceLoss(Tensor anchor, Tensor positive, Tensor negative, TripletMarginWithDistance o) {
        String op = "triplet_margin_with_distance_loss";
        requireReduction(op, o.reduction());
        checkTripletDims(op, anchor, positive, negative);
        BinaryOperator<Tensor> dist = o.distanceFunction() != null ? o.distanceFunction() : (x, y) -> pairwiseDistance(x, y, 2, 1e-6);
        Tensor dPos = dist.apply(anchor, positive);
        Tensor dNeg = dist.apply(anchor, negative);
        if (o.swap()) dNeg = dNeg.minimum(dist.apply(positive, negative));
        return reduce(op, dPos.sub(dNeg).add(o.margin()).clampMin(0), o.reduction());
    }
}
