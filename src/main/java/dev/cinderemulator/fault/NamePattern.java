package dev.cinderemulator.fault;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A rule's {@code backup_name_pattern}: a Java regular expression, matched against the whole
 * backup name within a time budget. Some patterns backtrack exponentially ({@code (.*a){12}$}
 * against a 41-character name ran for minutes); a match that outlives its budget counts as no
 * match, so a rule can slow one request by at most the budget, never hold a worker thread.
 */
final class NamePattern {

    static final int MAX_LENGTH = 1000;
    static final Duration BUDGET = Duration.ofMillis(50);
    private static final Log LOG = LogFactory.getLog(NamePattern.class);

    private final Pattern pattern;

    private NamePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    static NamePattern compile(String regex) {
        if (regex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("backup_name_pattern: at most " + MAX_LENGTH + " characters");
        }
        try {
            return new NamePattern(Pattern.compile(regex));
        } catch (PatternSyntaxException bad) {
            throw new IllegalArgumentException(
                    "backup_name_pattern: not a valid regular expression: " + bad.getDescription());
        }
    }

    boolean matches(String name) {
        try {
            return pattern.matcher(new Budgeted(name, System.nanoTime() + BUDGET.toNanos())).matches();
        } catch (OutOfTime slow) {
            LOG.warn("backup_name_pattern " + pattern.pattern() + " took over " + BUDGET.toMillis()
                    + " ms on a backup name; counted as no match");
            return false;
        }
    }

    String text() {
        return pattern.pattern();
    }

    private static final class OutOfTime extends RuntimeException {

        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** The name as the regex engine reads it, with a look at the clock every few thousand characters read. */
    private static final class Budgeted implements CharSequence {

        private final CharSequence text;
        private final long deadline;
        private int reads;

        Budgeted(CharSequence text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new OutOfTime();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
