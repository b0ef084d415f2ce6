package io.chartlens.review;

/**
 * A review filter or page request that cannot be used. The message names the parameter and the problem, never the
 * value that was given.
 */
public class InvalidFilterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FilterProblem problem;
    private final String parameter;

    public InvalidFilterException(FilterProblem problem, String parameter) {
        super(parameter + ": " + problem + " (" + problem.advice() + ")");
        this.problem = problem;
        this.parameter = parameter;
    }

    public FilterProblem problem() {
        return problem;
    }

    /** The request parameter at fault, e.g. {@code from}. */
    public String parameter() {
        return parameter;
    }
}
