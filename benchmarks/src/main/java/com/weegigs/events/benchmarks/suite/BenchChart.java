package com.weegigs.events.benchmarks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.weegigs.events.benchmarks.RunOptions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * The suite's request figures as one PNG, {@value #FILE_NAME}: ops/s above and p99 latency below,
 * against requests in flight, one line per scenario through the medians of its repeats at each level
 * it was measured at (the references only at 1 and 64). Drawn with XChart on an off-screen image,
 * so it needs no display.
 *
 * <p>{@code chart --in bench-results.json [--out FILE]} redraws it from a results file the suite
 * wrote; by default the PNG goes beside the results file.
 */
public final class BenchChart {
  /** The chart's file name, beside the results file unless told otherwise. */
  public static final String FILE_NAME = "bench-chart.png";
  /** Width of the image. */
  static final int WIDTH = 900;
  /** Height of each of the two panels, one above the other. */
  static final int PANEL_HEIGHT = 520;

  static {
    // an off-screen image needs no display; say so before AWT looks for one
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** One scenario's medians at one in-flight level. */
  record Point(int inFlight, double opsPerSecond, double p99Micros) {}

  /** One scenario's line: its points, fewest in flight first. */
  record Series(String scenario, List<Point> points) {}

  private BenchChart() {}

  /** {@code chart --in FILE [--out FILE]}: draws the chart of a results file; returns where it went. */
  public static Path run(RunOptions options) throws IOException {
    Path in = Path.of(options.required("in"));
    Path out = Path.of(options.string("out", besideResults(in).toString()));
    draw(in, out);
    System.out.println("chart: " + out);
    return out;
  }

  /** Where the chart of {@code results} goes by default: beside it. */
  static Path besideResults(Path results) {
    return results.toAbsolutePath().resolveSibling(FILE_NAME);
  }

  /** Reads a results file of the suite and draws its chart to {@code png}. */
  static void draw(Path results, Path png) throws IOException {
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    JsonNode scenarios = root.path("request_scenarios");
    if (!scenarios.isObject()) {
      throw new IOException(results + " has no request_scenarios: it is not a results file of the suite");
    }
    List<Series> series = series(scenarios);
    if (series.isEmpty()) {
      throw new IOException(results + " has no request figure to draw: every run failed");
    }
    String repeats = root.path("settings").path("repeats").asText("?");
    String caption = String.format("%s, %s mode, median of %s repeat%s", started(root.path("started").asText("")),
        root.path("mode").asText("?"), repeats, repeats.equals("1") ? "" : "s");
    write(render(series, caption), png);
  }

  /** When the run started, to the minute. */
  private static String started(String instant) {
    try {
      return Instant.parse(instant).truncatedTo(ChronoUnit.MINUTES).toString();
    } catch (DateTimeParseException e) {
      return instant.isEmpty() ? "?" : instant;
    }
  }

  /** The lines of {@code request_scenarios} ({@code scenario -> in flight -> figures}), in its order. */
  static List<Series> series(JsonNode requestScenarios) {
    List<Series> series = new ArrayList<>();
    for (Map.Entry<String, JsonNode> scenario : requestScenarios.properties()) {
      List<Point> points = new ArrayList<>();
      for (Map.Entry<String, JsonNode> level : scenario.getValue().properties()) {
        // a figure whose runs all failed is written as "NaN" or null: it has no point
        double ops = level.getValue().path("ops_per_s").asDouble(Double.NaN);
        double p99 = level.getValue().path("p99_us").asDouble(Double.NaN);
        if (Double.isFinite(ops) && Double.isFinite(p99) && ops > 0 && p99 > 0) {
          points.add(new Point(Integer.parseInt(level.getKey()), ops, p99));
        }
      }
      if (!points.isEmpty()) {
        points.sort(Comparator.comparingInt(Point::inFlight));
        series.add(new Series(scenario.getKey(), List.copyOf(points)));
      }
    }
    return series;
  }

  /** Draws the two panels, one above the other, on one image of {@link #WIDTH} × 2 {@link #PANEL_HEIGHT}. */
  static BufferedImage render(List<Series> series, String caption) {
    double xMax = series.stream().flatMap(s -> s.points().stream())
        .mapToDouble(p -> log2(p.inFlight())).max().orElse(0);
    XYChart throughput = panel("Throughput: " + caption, "ops/s", false, xMax);
    XYChart latency = panel("p99 latency", "p99 latency (ms, log scale)", true, xMax);
    for (Series s : series) {
      add(throughput, s, Point::opsPerSecond);
      add(latency, s, p -> p.p99Micros() / 1000);
    }
    BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.drawImage(BitmapEncoder.getBufferedImage(throughput), 0, 0, null);
      graphics.drawImage(BitmapEncoder.getBufferedImage(latency), 0, PANEL_HEIGHT, null);
    } finally {
      graphics.dispose();
    }
    return image;
  }

  static void write(BufferedImage image, Path png) throws IOException {
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("this JVM has no PNG writer");
    }
  }

  /**
   * One panel. The x axis is log2 of the requests in flight, so that 1, 16, 64 and 256 are spread
   * out evenly; its ticks are labelled with the levels themselves.
   */
  private static XYChart panel(String title, String yTitle, boolean logarithmic, double xMax) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title)
        .xAxisTitle("requests in flight").yAxisTitle(yTitle).build();
    XYStyler styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(LegendPosition.OutsideE);
    styler.setMarkerSize(7);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax(Math.max(1, Math.ceil(xMax)));
    styler.setxAxisTickLabelsFormattingFunction(BenchChart::inFlightLabel);
    if (logarithmic) {
      styler.setYAxisLogarithmic(true);
      // the latencies span one or two decades: label the ticks between the powers of ten too
      styler.setYAxisLogarithmicDecadeOnly(false);
    } else {
      styler.setYAxisMin(0.0);
      styler.setYAxisDecimalPattern("#,###");
    }
    return chart;
  }

  /** The label of an x tick: the level it stands for where that is a whole power of two, else none. */
  static String inFlightLabel(double log2) {
    long rounded = Math.round(log2);
    return Math.abs(log2 - rounded) < 1e-9 && rounded >= 0 && rounded < 31 ? Long.toString(1L << rounded) : "";
  }

  private static double log2(int inFlight) {
    return Math.log(inFlight) / Math.log(2);
  }

  private static void add(XYChart chart, Series series, ToDoubleFunction<Point> figure) {
    double[] x = new double[series.points().size()];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      Point point = series.points().get(i);
      x[i] = log2(point.inFlight());
      y[i] = figure.applyAsDouble(point);
    }
    XYSeries line = chart.addSeries(series.scenario(), x, y);
    Style style = STYLES.get(series.scenario());
    if (style == null) {
      line.setLineWidth(2f);
      return;
    }
    line.setLineColor(style.colour());
    line.setMarkerColor(style.colour());
    line.setLineWidth(style.width());
    line.setLineStyle(style.dashed()
        ? new BasicStroke(style.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
        : new BasicStroke(style.width()));
  }

  /** How a known scenario's line looks, the same in every chart. */
  private record Style(Color colour, float width, boolean dashed) {}

  /**
   * The framework's lines are the boldest; the baselines are solid, the scenarios measured at 1 and
   * 64 in flight only (the references, the JetStream pair and the telemetry rows) dashed.
   */
  private static final Map<String, Style> STYLES = Map.ofEntries(
      Map.entry("raw-rr", new Style(new Color(31, 119, 180), 2f, false)),
      Map.entry("raw-micro", new Style(new Color(148, 103, 189), 2f, false)),
      Map.entry("raw-wire", new Style(new Color(44, 160, 44), 2f, false)),
      Map.entry("client-inmem", new Style(new Color(214, 39, 40), 3f, false)),
      Map.entry("raw-rr-traced", new Style(new Color(23, 190, 207), 2f, true)),
      Map.entry("raw-wire-v1", new Style(new Color(127, 127, 127), 2f, true)),
      Map.entry("raw-js-occ", new Style(new Color(140, 86, 75), 2f, true)),
      Map.entry("client-js", new Style(new Color(255, 127, 14), 3f, true)),
      Map.entry("client-inmem-otel-off", new Style(new Color(227, 119, 194), 2f, true)),
      Map.entry("client-inmem-otel-all", new Style(new Color(188, 189, 34), 2f, true)),
      Map.entry("client-inmem-otel-request", new Style(new Color(219, 219, 141), 2f, true)));
}
