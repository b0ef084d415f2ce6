package io.chartlens.aisummary;

/**
 * {@code smart-config/ai/routes.json} is invalid; the message names the file and what is wrong with it (never a
 * secret's value).
 */
public class SummaryRoutesException extends Exception {

    private static final long serialVersionUID = 1L;

    public SummaryRoutesException(String message) {
        super(message);
    }

    public SummaryRoutesException(String message, Throwable cause) {
        super(message, cause);
    }
}
