package com.weegigs.events.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.weegigs.events.benchmarks.RunOptions;
import com.weegigs.events.benchmarks.suite.BenchChart.Point;
import com.weegigs.events.benchmarks.suite.BenchChart.Series;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart of a small fixed result set, drawn as the suite and the {@code chart} command draw it. */
class BenchChartTest {
  /** The part of a results file the chart reads, as the suite writes it: one level failed in every run. */
  private static final String RESULTS = """
      {
        "started": "2026-12-07T15:00:00Z",
        "mode": "full",
        "settings": { "repeats": 5 },
        "request_scenarios": {
          "raw-rr": {
            "64": { "ops_per_s": 41000.0, "p50_us": 1300.0, "p99_us": 4800.0 },
            "1": { "ops_per_s": 7600.0, "p50_us": 121.0, "p99_us": 227.0 },
            "16": { "ops_per_s": 29800.0, "p50_us": 459.0, "p99_us": 2226.0 },
            "256": { "ops_per_s": 58000.0, "p50_us": 4260.0, "p99_us": 10306.0 }
          },
          "raw-wire-v1": {
            "1": { "ops_per_s": 6300.0, "p50_us": 134.0, "p99_us": 331.0 },
            "64": { "ops_per_s": 23800.0, "p50_us": 2363.0, "p99_us": 6566.0 }
          },
          "client-inmem": {
            "1": { "ops_per_s": 6800.0, "p50_us": 126.0, "p99_us": 413.0 },
            "16": { "ops_per_s": "NaN", "p50_us": "NaN", "p99_us": "NaN" },
            "64": { "ops_per_s": 21500.0, "p50_us": 2460.0, "p99_us": 10347.0 }
          },
          "raw-micro": {
            "1": { "ops_per_s": "NaN", "p50_us": "NaN", "p99_us": "NaN" }
          }
        }
      }
      """;

  @Test
  void eachScenarioIsALineThroughItsMeasuredLevelsInOrder() throws IOException {
    List<Series> series = BenchChart.series(new ObjectMapper().readTree(RESULTS).path("request_scenarios"));

    assertEquals(List.of("raw-rr", "raw-wire-v1", "client-inmem"), series.stream().map(Series::scenario).toList(),
        "a scenario with no measured level has no line");
    assertEquals(List.of(1, 16, 64, 256), series.get(0).points().stream().map(Point::inFlight).toList());
    assertEquals(new Point(64, 41000.0, 4800.0), series.get(0).points().get(2));
    assertEquals(List.of(1, 64), series.get(2).points().stream().map(Point::inFlight).toList(),
        "a level whose runs all failed has no point");
  }

  @Test
  void theChartCommandDrawsTwoPanelsBesideTheResultsFile(@TempDir Path dir) throws IOException {
    Path results = dir.resolve("bench-results.json");
    Files.writeString(results, RESULTS, StandardCharsets.UTF_8);

    Path png = BenchChart.run(RunOptions.parse(new String[] {"chart", "--in", results.toString()}));

    assertEquals(dir.resolve("bench-chart.png").toAbsolutePath(), png);
    byte[] bytes = Files.readAllBytes(png);
    assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1), "a PNG signature");
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "ImageIO reads it back");
    assertEquals(BenchChart.WIDTH, image.getWidth());
    assertEquals(2 * BenchChart.PANEL_HEIGHT, image.getHeight());
    // both panels are drawn: each has text, axes and lines in several colours, not a blank fill
    assertTrue(colours(image, 0) > 20, "the throughput panel has " + colours(image, 0) + " colours");
    assertTrue(colours(image, BenchChart.PANEL_HEIGHT) > 20,
        "the latency panel has " + colours(image, BenchChart.PANEL_HEIGHT) + " colours");
  }

  @Test
  void anOutputFileCanBeNamed(@TempDir Path dir) throws IOException {
    Path results = dir.resolve("results.json");
    Files.writeString(results, RESULTS, StandardCharsets.UTF_8);
    Path chosen = dir.resolve("docs").resolve("chart.png");

    BenchChart.run(RunOptions.parse(new String[] {"chart", "--in", results.toString(), "--out", chosen.toString()}));

    assertNotNull(ImageIO.read(chosen.toFile()));
  }

  @Test
  void aFileThatIsNotTheSuitesResultsOrHasNoFigureIsRefused(@TempDir Path dir) throws IOException {
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"codec\": {}}", StandardCharsets.UTF_8);

    IOException refused = assertThrows(IOException.class, () -> BenchChart.draw(other, dir.resolve("x.png")));

    assertTrue(refused.getMessage().contains("has no request_scenarios"), refused.getMessage());

    Path failed = dir.resolve("failed.json");
    Files.writeString(failed, "{\"request_scenarios\": {\"raw-rr\": {\"1\": {\"ops_per_s\": \"NaN\"}}}}",
        StandardCharsets.UTF_8);
    IOException empty = assertThrows(IOException.class, () -> BenchChart.draw(failed, dir.resolve("y.png")));
    assertTrue(empty.getMessage().contains("no request figure to draw"), empty.getMessage());
  }

  @Test
  void theXAxisIsLabelledWithTheLevelsInFlight() {
    assertEquals("1", BenchChart.inFlightLabel(0));
    assertEquals("16", BenchChart.inFlightLabel(4));
    assertEquals("256", BenchChart.inFlightLabel(8.0000000000001));
    assertEquals("", BenchChart.inFlightLabel(4.5));
  }

  private static int colours(BufferedImage image, int top) {
    Set<Integer> colours = new HashSet<>();
    for (int y = top; y < top + BenchChart.PANEL_HEIGHT; y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
