package dev.cinderemulator.config;

import java.util.List;

/**
 * The start stopped on configuration: one line per problem, each naming the property (or the
 * file) at fault and what would be accepted. Reported without a stack trace by
 * {@link ConfigurationFailureAnalyzer}.
 */
public class InvalidConfiguration extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfiguration(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidConfiguration(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
