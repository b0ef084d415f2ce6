package io.chartlens.review;

/**
 * The Wilson score interval for a binomial proportion (Wilson EB, "Probable inference, the law of succession, and
 * statistical inference", J Am Stat Assoc 1927;22:209-212), at 95 % ({@value #Z_95}, the 0.975 normal quantile).
 * Unlike the Wald interval p &plusmn; z&radic;(p(1-p)/n) it stays inside [0, 1] and does not collapse to a point at
 * 0/n or n/n, which matters for rules with few decisions:
 * <pre>
 *   centre = (p + z&sup2;/2n) / (1 + z&sup2;/n)
 *   half   = z &radic;(p(1-p)/n + z&sup2;/4n&sup2;) / (1 + z&sup2;/n)
 * </pre>
 *
 * @param lower the lower bound, 0 to 1
 * @param upper the upper bound, 0 to 1
 */
public record WilsonInterval(double lower, double upper) {

    /** The two-sided 95 % normal quantile. */
    public static final double Z_95 = 1.959963984540054;

    /** Nothing known: no trials. */
    public static final WilsonInterval UNKNOWN = new WilsonInterval(0, 1);

    public WilsonInterval {
        if (!(lower >= 0 && upper <= 1 && lower <= upper)) {
            throw new IllegalArgumentException("need 0 <= lower <= upper <= 1");
        }
    }

    /**
     * The 95 % interval of {@code successes} out of {@code trials}; {@link #UNKNOWN} for 0 trials.
     *
     * @throws IllegalArgumentException if a count is negative or successes exceed trials
     */
    public static WilsonInterval of(long successes, long trials) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials");
        }
        if (trials == 0) {
            return UNKNOWN;
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // clamp rounding noise (e.g. -1e-17 at 0/n)
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
