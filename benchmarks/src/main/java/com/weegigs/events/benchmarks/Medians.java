package com.weegigs.events.benchmarks;

import java.util.Arrays;
import java.util.List;

/** The median every figure of the suite is taken with: failed runs (NaN) are left out. */
public final class Medians {
  private Medians() {}

  /** The median of the numbers in {@code values} that are not NaN; NaN when there are none. */
  public static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The median of the numbers in {@code values} that are not NaN; NaN when there are none. */
  public static double median(double... values) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
