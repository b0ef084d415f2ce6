package io.chartlens.review;

/**
 * An override rate: overridden / decided, where decided = accepted + overridden + dismissed (what-if input
 * corrections are not decisions), with its 95 % {@link WilsonInterval}.
 *
 * @param overridden how many decisions were overrides
 * @param decided    how many decisions there were; 0 means the rate is undefined ({@link #defined()} false, rate 0,
 *                   interval [0, 1])
 * @param rate       overridden / decided, 0 to 1
 * @param interval   its 95 % Wilson score interval
 */
public record OverrideRate(long overridden, long decided, double rate, WilsonInterval interval) {

    /** The rate of {@code overridden} out of {@code decided}. */
    public static OverrideRate of(long overridden, long decided) {
        return new OverrideRate(overridden, decided, decided == 0 ? 0 : (double) overridden / decided,
                WilsonInterval.of(overridden, decided));
    }

    /** False when there were no decisions. */
    public boolean defined() {
        return decided > 0;
    }

    /** The rate in percent, e.g. 41.7. */
    public double percent() {
        return rate * 100;
    }

    /** The interval's bounds in percent, e.g. "31.2–52.9 %", or "no decisions". */
    public String intervalText() {
        return defined() ? String.format(java.util.Locale.ROOT, "%.1f–%.1f %%", interval.lower() * 100,
                interval.upper() * 100) : "no decisions";
    }
}
