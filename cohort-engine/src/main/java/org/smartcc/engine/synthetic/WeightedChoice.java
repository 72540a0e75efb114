package org.smartcc.engine.synthetic;

import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;

/** Draws items with fixed weights (cumulative table, binary search): a few nanoseconds per draw. */
final class WeightedChoice<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<T> items;
    private final double[] cumulative;

    private WeightedChoice(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("one weight per item and at least one item");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    static <T> WeightedChoice<T> of(List<T> items, double[] weights) {
        return new WeightedChoice<>(items, weights);
    }

    /** Zipf-like weights 1/rank^exponent: the first item is the most frequent, as in real code frequencies. */
    static <T> WeightedChoice<T> zipf(List<T> items, double exponent) {
        double[] weights = new double[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, exponent);
        }
        return new WeightedChoice<>(items, weights);
    }

    T draw(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return items.get(lo);
    }

    List<T> items() {
        return items;
    }
}
