package dev.nn4j.cli.train;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The pictures `nn4j train` writes, drawn with XChart: loss/accuracy curves and the confusion matrix. */
public final class Plots {
    private Plots() {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Train/test loss and test accuracy per epoch, side by side in one PNG. */
    public static void curves(Path file, List<Trainer.EpochMetrics> history) throws IOException {
        double[] epochs = new double[history.size()], trainLoss = new double[epochs.length], testLoss = new double[epochs.length];
        double[] trainAcc = new double[epochs.length], testAcc = new double[epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            Trainer.EpochMetrics m = history.get(i);
            epochs[i] = m.epoch();
            trainLoss[i] = m.trainLoss();
            testLoss[i] = m.testLoss();
            trainAcc[i] = 100 * m.trainAccuracy();
            testAcc[i] = 100 * m.testAccuracy();
        }
        XYChart loss = new XYChartBuilder().width(600).height(400).title("Loss").xAxisTitle("epoch").yAxisTitle("cross-entropy").build();
        loss.addSeries("train", epochs, trainLoss).setMarker(SeriesMarkers.CIRCLE);
        loss.addSeries("test", epochs, testLoss).setMarker(SeriesMarkers.CIRCLE);
        XYChart acc = new XYChartBuilder().width(600).height(400).title("Accuracy").xAxisTitle("epoch").yAxisTitle("%").build();
        acc.addSeries("train", epochs, trainAcc).setMarker(SeriesMarkers.CIRCLE);
        acc.addSeries("test", epochs, testAcc).setMarker(SeriesMarkers.CIRCLE);
        loss.getStyler().setYAxisDecimalPattern("0.000");
        acc.getStyler().setYAxisDecimalPattern("0.0");
        for (XYChart c : List.of(loss, acc)) {
            c.getStyler().setXAxisDecimalPattern("#");
            c.getStyler().setXAxisTickMarkSpacingHint(60);
        }
        List<Chart<?, ?>> charts = List.of(loss, acc);
        writeAtomically(file, tmp -> BitmapEncoder.saveBitmap(charts, 1, 2, tmp.toString(), BitmapEncoder.BitmapFormat.PNG));
    }

    /** Row = true class, column = predicted class, cell = count. */
    public static void confusion(Path file, long[][] counts, String[] classes) throws IOException {
        int n = classes.length;
        List<String> names = List.of(classes);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) cells.add(new Number[] {p, n - 1 - t, counts[t][p]});
        }
        List<String> rows = new ArrayList<>(names);
        java.util.Collections.reverse(rows);
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(800).title("Confusion matrix (test set)")
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(107, 174, 214), new Color(8, 48, 107)});
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries("counts", names, rows, cells);
        writeAtomically(file, tmp -> BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG));
    }

    private interface Writer {
        void write(Path tmpWithoutExtension) throws IOException;
    }

    /** XChart appends ".png" itself; render next to the target, then rename over it. */
    private static void writeAtomically(Path file, Writer w) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path base = dir.resolve("." + file.getFileName() + ".tmp");
        Path rendered = dir.resolve(base.getFileName() + ".png");
        try {
            w.write(base);
            Files.move(rendered, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(rendered);
        }
    }
}
