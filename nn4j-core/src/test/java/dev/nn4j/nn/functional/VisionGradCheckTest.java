package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Float64 finite-difference checks of every vision op's backward (gather kernels and composites alike). */
class VisionGradCheckTest {
    private final Generator gen = new Generator(7);

    private Tensor randn(int... shape) {
        return Tensor.randn(DType.FLOAT64, gen, shape).requiresGrad_(true);
    }

    private Tensor uniform(double lo, double hi, int... shape) {
        return Tensor.rand(DType.FLOAT64, gen, shape).mul(hi - lo).add(lo).detach().requiresGrad_(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "reflect", "replicate", "circular"})
    void pad(String mode) {
        Tensor x = randn(2, 2, 4, 5);
        GradCheck.check(in -> F.pad(in[0], new int[] {2, 1, 3, 2}, mode), x);
        // negative amounts crop (for circular: crop first, then wrap)
        GradCheck.check(in -> F.pad(in[0], new int[] {-1, 2, 1, -2}, mode), x);
    }

    @Test
    void padConstant3dAndUnbatchedReflect() {
        GradCheck.check(in -> F.pad(in[0], new int[] {1, 0, 0, 2, 2, 1}, "constant", 0.5), randn(1, 2, 3, 2, 2));
        GradCheck.check(in -> F.pad(in[0], new int[] {3, 2}, "reflect"), randn(3, 5));
    }

    @ParameterizedTest
    @CsvSource({
        "nearest,       3, , false", "nearest-exact, 3, , false", "linear, 3, false, false", "linear, 3, true, false",
        "area,          3, , false", "nearest,       4, , false", "bilinear, 4, false, false", "bilinear, 4, true, false",
        "bicubic,       4, false, false", "bicubic, 4, true, false", "area, 4, , false", "bilinear, 4, false, true",
        "bicubic,       4, false, true", "trilinear, 5, false, false", "trilinear, 5, true, false", "nearest, 5, , false",
        "area,          5, , false"})
    void interpolateUpAndDown(String mode, int rank, Boolean alignCorners, boolean antialias) {
        int[] in = rank == 3 ? new int[] {2, 2, 5} : rank == 4 ? new int[] {1, 2, 5, 6} : new int[] {1, 1, 3, 4, 5};
        int[] up = rank == 3 ? new int[] {8} : rank == 4 ? new int[] {7, 9} : new int[] {5, 6, 7};
        int[] down = rank == 3 ? new int[] {3} : rank == 4 ? new int[] {3, 4} : new int[] {2, 3, 3};
        Tensor x = randn(in);
        for (int[] size : new int[][] {up, down}) {
            Interpolate opts = Interpolate.opts().size(size).mode(mode).alignCorners(alignCorners).antialias(antialias);
            GradCheck.check(t -> opts.apply(t[0]), x);
        }
        Interpolate scaled = Interpolate.opts().scaleFactor(1.7).mode(mode).alignCorners(alignCorners).antialias(antialias);
        GradCheck.check(t -> scaled.apply(t[0]), x);
    }

    @ParameterizedTest
    @CsvSource({
        "bilinear, zeros, false", "bilinear, zeros, true", "bilinear, border, false", "bilinear, border, true",
        "bilinear, reflection, false", "bilinear, reflection, true", "bicubic, zeros, false", "bicubic, zeros, true",
        "bicubic, border, false", "bicubic, reflection, true", "bicubic, reflection, false"})
    void gridSample2dInputAndGrid(String mode, String padding, boolean alignCorners) {
        Tensor x = randn(2, 2, 3, 4);
        // beyond [-1, 1] so that padding matters; random values stay clear of the kinks at integer coordinates
        Tensor grid = uniform(-1.6, 1.6, 2, 3, 2, 2);
        GradCheck.check(in -> F.gridSample(in[0], in[1], mode, padding, alignCorners), x, grid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zeros", "border", "reflection"})
    void gridSampleNearestInputOnly(String padding) {
        Tensor x = randn(1, 2, 3, 4);
        Tensor grid = uniform(-1.4, 1.4, 1, 3, 3, 2).detach();
        GradCheck.check(in -> F.gridSample(in[0], grid, "nearest", padding, false), x);
    }

    @ParameterizedTest
    @CsvSource({"bilinear, zeros, false", "bilinear, border, true", "bilinear, reflection, false", "nearest, zeros, true"})
    void gridSample3d(String mode, String padding, boolean alignCorners) {
        Tensor x = randn(1, 2, 2, 3, 4);
        Tensor grid = uniform(-1.4, 1.4, 1, 2, 2, 3, 3);
        if (mode.equals("nearest")) {
            Tensor g = grid.detach();
            GradCheck.check(in -> F.gridSample(in[0], g, mode, padding, alignCorners), x);
        } else {
            GradCheck.check(in -> F.gridSample(in[0], in[1], mode, padding, alignCorners), x, grid);
        }
    }

    @Test
    void affineGrid() {
        GradCheck.check(in -> F.affineGrid(in[0], new int[] {2, 1, 3, 4}), randn(2, 2, 3));
        GradCheck.check(in -> F.affineGrid(in[0], new int[] {1, 1, 2, 3, 4}, true), randn(1, 3, 4));
    }

    @Test
    void affineGridThenGridSample() {
        Tensor x = randn(1, 2, 4, 4);
        Tensor theta = Tensor.fromArray(new double[] {0.9, 0.1, 0.05, -0.2, 1.1, 0.1}, 1, 2, 3).requiresGrad_(true);
        GradCheck.check(in -> F.gridSample(in[0], F.affineGrid(in[1], new int[] {1, 2, 3, 5})), x, theta);
    }

    @Test
    void shuffles() {
        GradCheck.check(in -> F.pixelShuffle(in[0], 2), randn(1, 8, 2, 3));
        GradCheck.check(in -> F.pixelUnshuffle(in[0], 2), randn(2, 1, 4, 2));
        GradCheck.check(in -> F.channelShuffle(in[0], 3), randn(2, 6, 2));
    }
}
