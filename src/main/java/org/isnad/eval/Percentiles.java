package org.isnad.eval;

import java.util.Collection;

/** Nearest-rank percentiles of a set of measurements. */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(Collection<? extends Number> values) {
        this.sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }

    /** The value at percentile {@code p} (0–100) by nearest rank; NaN when there are no values. */
    public double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double median() {
        return at(50);
    }

    public int count() {
        return sorted.length;
    }
}
