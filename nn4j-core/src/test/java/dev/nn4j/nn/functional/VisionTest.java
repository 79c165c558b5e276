package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hand-checked values, primitives, dtypes and the error messages of the vision functions. */
class VisionTest {

    private static void assertFails(String expectedPart, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expectedPart), "message was: " + ex.getMessage());
    }

    private static Tensor arange(int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return Tensor.arange(0, n, 1, DType.FLOAT32).reshape(shape);
    }

    // ------------------------------------------------------------------ values by hand

    @Test
    void padModesOnARow() {
        Tensor x = arange(1, 1, 4);   // [0, 1, 2, 3]
        assertArrayEquals(new float[] {9, 0, 1, 2, 3, 9, 9}, F.pad(x, new int[] {1, 2}, 9).toFloatArray());
        assertArrayEquals(new float[] {2, 1, 0, 1, 2, 3, 2}, F.pad(x, new int[] {2, 1}, "reflect").toFloatArray());
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 3, 3}, F.pad(x, new int[] {1, 2}, "replicate").toFloatArray());
        assertArrayEquals(new float[] {3, 0, 1, 2, 3, 0, 1}, F.pad(x, new int[] {1, 2}, "circular").toFloatArray());
        assertArrayEquals(new float[] {1, 2}, F.pad(x, new int[] {-1, -1}).toFloatArray());
    }

    @Test
    void padKeepsIntegerAndBoolDtypes() {
        Tensor m = Tensor.fromArray(new boolean[] {true, false}, 1, 2);
        Tensor p = F.pad(m, new int[] {0, 1});
        assertEquals(DType.BOOL, p.dtype());
        assertArrayEquals(new boolean[] {true, false, false}, p.toBooleanArray());
        Tensor i = Tensor.fromArray(new long[] {1, 2, 3}, 1, 1, 3);
        assertArrayEquals(new long[] {2, 1, 2, 3, 2}, F.pad(i, new int[] {1, 1}, "reflect").toLongArray());
    }

    @Test
    void interpolateNearestAndBilinearByHand() {
        Tensor x = arange(1, 1, 2, 2);   // [[0, 1], [2, 3]]
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3}, F.interpolate(x, 2.0, "nearest").toFloatArray());
        // align_corners=True puts the corners on the corners: a 3x3 output has the midpoints in between
        Tensor b = Interpolate.opts().size(3, 3).mode("bilinear").alignCorners(true).apply(x);
        assertArrayEquals(new float[] {0, 0.5f, 1, 1, 1.5f, 2, 2, 2.5f, 3}, b.toFloatArray(), 1e-6f);
        // area is the average of each block
        Tensor a = F.interpolate(arange(1, 1, 4), new int[] {2}, "area");
        assertArrayEquals(new float[] {0.5f, 2.5f}, a.toFloatArray(), 1e-6f);
    }

    @Test
    void nearestUsesFloatScaleLikeATen() {
        // 5 -> 3 with scale_factor 0.6: ATen's float scale 1/0.6 = 1.6666666f gives sources floor(j * 1.6666666f) = 0, 1, 3
        Tensor y = Interpolate.opts().scaleFactor(0.6).apply(arange(1, 1, 5));
        assertArrayEquals(new float[] {0, 1, 3}, y.toFloatArray());
    }

    @Test
    void interpolateNearestOfIntegers() {
        Tensor i = Tensor.fromArray(new long[] {4, 7}, 1, 1, 2);
        assertArrayEquals(new long[] {4, 4, 7, 7}, F.interpolate(i, new int[] {4}, "nearest").toLongArray());
    }

    @Test
    void optionsArePrimitives() {
        var up = Interpolate.opts().scaleFactor(2).mode("bilinear");
        Tensor x = Tensor.randn(1, 2, 3, 3);
        assertArrayEquals(up.apply(x).toFloatArray(), up.apply(x).toFloatArray());
        assertArrayEquals(new int[] {1, 2, 6, 6}, up.apply(x).shape());
        var reflect = Pad.opts().pad(1, 1, 1, 1).mode("reflect");
        assertArrayEquals(new int[] {1, 2, 5, 5}, reflect.apply(x).shape());
        var sampler = GridSample.opts().mode("nearest").paddingMode("border").alignCorners(true);
        Tensor grid = Tensor.zeros(1, 1, 1, 2);
        assertEquals(x.get(0, 1, 1, 1), sampler.apply(x, grid).get(0, 1, 0, 0), 0);
    }

    @Test
    void upsampleAliases() {
        Tensor x = Tensor.randn(1, 1, 2, 3);
        assertArrayEquals(F.interpolate(x, new int[] {4, 6}, "nearest").toFloatArray(), F.upsampleNearest(x, 4, 6).toFloatArray());
        assertArrayEquals(Interpolate.opts().scaleFactor(2).mode("bilinear").alignCorners(true).apply(x).toFloatArray(),
                F.upsampleBilinear(x, 2.0).toFloatArray());
        assertArrayEquals(F.interpolate(x, 3.0, "bicubic").toFloatArray(),
                F.upsample(x, null, new double[] {3}, "bicubic", null).toFloatArray());
    }

    @Test
    void identityAffineGridSamplesTheInput() {
        Tensor x = Tensor.randn(2, 3, 4, 5);
        Tensor theta = Tensor.fromArray(new float[] {1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0}, 2, 2, 3);
        for (boolean align : new boolean[] {false, true}) {
            Tensor grid = F.affineGrid(theta, x.shape(), align);
            assertArrayEquals(new int[] {2, 4, 5, 2}, grid.shape());
            Tensor y = F.gridSample(x, grid, "bilinear", "zeros", align);
            assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void pixelShuffleRoundTrip() {
        Tensor x = Tensor.randn(2, 3, 8, 4, 6);
        Tensor y = F.pixelShuffle(x, 2);
        assertArrayEquals(new int[] {2, 3, 2, 8, 12}, y.shape());
        assertArrayEquals(x.toFloatArray(), F.pixelUnshuffle(y, 2).toFloatArray());
        // input channel c*4 + i*2 + j (here 5 = 1*4 + 0*2 + 1) goes to (c, h*2 + i, w*2 + j)
        assertEquals(x.get(1, 2, 5, 3, 4), y.get(1, 2, 1, 3 * 2, 4 * 2 + 1), 0);
    }

    @Test
    void channelShuffleInterleavesGroups() {
        Tensor x = arange(1, 6, 1);
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, F.channelShuffle(x, 3).toFloatArray());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void padErrors() {
        Tensor x = Tensor.zeros(1, 2, 4);
        assertFails("divisible by 2", () -> F.pad(x, new int[] {1}));
        assertFails("padding length too large", () -> F.pad(x, new int[] {1, 1, 1, 1, 1, 1, 1, 1}));
        assertFails("should be less than the corresponding input dimension", () -> F.pad(x, new int[] {4, 0}, "reflect"));
        assertFails("unrecognised padding mode 'foo'", () -> F.pad(x, new int[] {1, 1}, "foo"));
        assertFails("doesn't take in value argument", () -> F.pad(x, new int[] {1, 1}, "reflect", 2.0));
        assertFails("circular padding of 1 dimension(s) expects a 3D input", () -> F.pad(Tensor.zeros(2, 4), new int[] {1, 1}, "circular"));
        assertFails("wrap around more than once", () -> F.pad(x, new int[] {5, 0}, "circular"));
        assertFails("expects a 3D or 4D input", () -> F.pad(Tensor.zeros(4, 4), new int[] {1, 1, 1, 1}, "replicate"));
        assertFails("too small for replicate padding", () -> F.pad(x, new int[] {-2, -2}, "replicate"));
        assertFails("resulted in a negative size", () -> F.pad(x, new int[] {-3, -2}));
    }

    @Test
    void interpolateErrors() {
        Tensor x4 = Tensor.zeros(1, 1, 4, 4);
        assertFails("align_corners option can only be set with the interpolating modes",
                () -> Interpolate.opts().size(2).alignCorners(false).apply(x4));
        assertFails("bilinear mode needs 4D input", () -> F.interpolate(Tensor.zeros(1, 1, 4), new int[] {8}, "bilinear"));
        assertFails("linear mode needs 3D input", () -> F.interpolate(x4, new int[] {8, 8}, "linear"));
        assertFails("trilinear mode needs 5D input", () -> F.interpolate(x4, 2.0, "trilinear"));
        assertFails("only 3D, 4D and 5D input", () -> F.interpolate(Tensor.zeros(4, 4), new int[] {8}, "nearest"));
        assertFails("only one of size or scale_factor", () -> Interpolate.opts().size(8).scaleFactor(2).apply(x4));
        assertFails("either size or scale_factor", () -> Interpolate.opts().apply(x4));
        assertFails("same number of spatial dimensions", () -> F.interpolate(x4, new int[] {8, 8, 8}, "nearest"));
        assertFails("scale_factor must have the same number", () -> Interpolate.opts().scaleFactor(2, 2, 2).apply(x4));
        assertFails("recompute_scale_factor is not meaningful", () -> Interpolate.opts().size(8).recomputeScaleFactor(true).apply(x4));
        assertFails("anti-alias option is only supported", () -> Interpolate.opts().size(2).antialias(true).apply(x4));
        assertFails("unknown mode 'cubic'", () -> F.interpolate(x4, 2.0, "cubic"));
        assertFails("sizes should be greater than 0", () -> F.interpolate(x4, 0.1, "nearest"));
        assertFails("expects a floating point input", () -> F.interpolate(Tensor.zeros(DType.INT64, 1, 1, 2), new int[] {4}, "linear"));
    }

    @Test
    void gridSampleErrors() {
        Tensor x = Tensor.zeros(2, 1, 3, 3);
        assertFails("same number of dimensions as input", () -> F.gridSample(x, Tensor.zeros(2, 3, 3, 3, 2)));
        assertFails("same batch size", () -> F.gridSample(x, Tensor.zeros(1, 3, 3, 2)));
        assertFails("size 2 in last dimension", () -> F.gridSample(x, Tensor.zeros(2, 3, 3, 3)));
        assertFails("bicubic interpolation only supports 4D", () -> F.gridSample(Tensor.zeros(1, 1, 2, 2, 2), Tensor.zeros(1, 1, 1, 1, 3),
                "bicubic", "zeros", false));
        assertFails("expected mode to be 'bilinear', 'nearest' or 'bicubic'", () -> F.gridSample(x, Tensor.zeros(2, 3, 3, 2), "linear", "zeros", false));
        assertFails("expected padding_mode", () -> F.gridSample(x, Tensor.zeros(2, 3, 3, 2), "bilinear", "wrap", false));
        assertFails("expected 4D or 5D input", () -> F.gridSample(Tensor.zeros(1, 3, 3), Tensor.zeros(1, 3, 2)));
    }

    @Test
    void affineGridAndShuffleErrors() {
        assertFails("Nx2x3", () -> F.affineGrid(Tensor.zeros(1, 3, 4), new int[] {1, 1, 4, 4}));
        assertFails("Nx3x4", () -> F.affineGrid(Tensor.zeros(1, 2, 3), new int[] {1, 1, 2, 4, 4}));
        assertFails("only supports 4D and 5D sizes", () -> F.affineGrid(Tensor.zeros(1, 2, 3), new int[] {1, 4, 4}));
        assertFails("positive output size", () -> F.affineGrid(Tensor.zeros(1, 2, 3), new int[] {1, 1, 0, 4}));
        assertFails("floating point type", () -> F.affineGrid(Tensor.zeros(DType.INT64, 1, 2, 3), new int[] {1, 1, 2, 4}));
        assertFails("divisible by square of upscale_factor", () -> F.pixelShuffle(Tensor.zeros(1, 6, 2, 2), 2));
        assertFails("at least 3 dimensions", () -> F.pixelShuffle(Tensor.zeros(4, 4), 2));
        assertFails("divisible by downscale_factor", () -> F.pixelUnshuffle(Tensor.zeros(1, 1, 5, 4), 2));
        assertFails("divisible by groups", () -> F.channelShuffle(Tensor.zeros(1, 5, 2), 2));
        assertFails("must be positive", () -> F.channelShuffle(Tensor.zeros(1, 4, 2), 0));
    }
}
