package dev.nn4j.cli;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nn4j predict}: classifies image files with a checkpoint written by `nn4j train`. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images (PNG, JPEG, any size) with a trained checkpoint.",
            "Each image is converted to 28x28 grayscale; images of dark objects on a",
            "light background are inverted to match Fashion-MNIST's light-on-dark ones."})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "model.safetensors written by nn4j train, or its folder")
    Path checkpoint;

    @Option(names = "--top", defaultValue = "3", description = "how many classes to show per image (default: ${DEFAULT-VALUE})")
    int top;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "image files")
    List<Path> images;

    @Override
    public Integer call() {
        if (top < 1) throw new ParameterException(spec.commandLine(), "--top must be a positive number, got " + top);
        EvalCommand.Loaded l = EvalCommand.load(checkpoint);
        int k = Math.min(top, l.classes().length);
        PrintWriter out = spec.commandLine().getOut();
        for (Path image : images) {
            Tensor x = toInput(image, l.mean(), l.std());
            Tensor probs;
            try (var g = Autograd.noGrad()) {
                probs = F.softmax(l.model().call(x), 1).reshape(-1);
            }
            Tensor.ValuesIndices best = probs.topk(k);
            StringBuilder sb = new StringBuilder(image.toString()).append(':');
            for (int i = 0; i < k; i++) {
                sb.append(String.format(Locale.ROOT, " %s %.1f%%", l.classes()[(int) best.indices().getLong(i)], 100 * best.values().get(i)));
                if (i < k - 1) sb.append(',');
            }
            out.println(sb);
        }
        out.flush();
        return 0;
    }

    /** Reads an image as a (1, 1, 28, 28) normalized tensor. */
    static Tensor toInput(Path image, float mean, float std) {
        if (!Files.isRegularFile(image)) throw new CliException("no such image: " + image, Main.EXIT_USAGE, null);
        BufferedImage src;
        try {
            src = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new CliException(image + ": cannot read image: " + e.getMessage(), Main.EXIT_USAGE, e);
        }
        if (src == null) throw new CliException(image + ": not a PNG or JPEG image", Main.EXIT_USAGE, null);
        BufferedImage gray = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, 28, 28, null);
        g.dispose();
        float[] px = new float[28 * 28];
        double sum = 0;
        for (int y = 0; y < 28; y++) {
            for (int xx = 0; xx < 28; xx++) {
                px[y * 28 + xx] = (gray.getRaster().getSample(xx, y, 0)) / 255f;
                sum += px[y * 28 + xx];
            }
        }
        boolean lightBackground = sum / px.length > 0.5;
        for (int i = 0; i < px.length; i++) {
            float v = lightBackground ? 1 - px[i] : px[i];
            px[i] = (v - mean) / std;
        }
        return Tensor.fromArray(px, 1, 1, 28, 28);
    }
}
