package dev.cinderemulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

import dev.cinderemulator.config.PropertyHelp;

/**
 * What the emulator says on the terminal itself, outside the log: {@code --help} and
 * {@code --version} (answered in {@code main}, without starting anything), and a start that failed,
 * reported as one line per problem without a stack trace (Spring Boot calls this reporter with the
 * failure analysis; its own, logging one is turned off in {@code application.yml}).
 */
public final class CommandLine implements FailureAnalysisReporter {

    static final String NAME = "cinder-backups-emulator";

    /** True when the arguments asked for help or the version, which has then been printed. */
    static boolean answered(String[] args, PrintStream out) {
        List<String> given = List.of(args);
        if (given.contains("--help") || given.contains("-h")) {
            out.print(help());
            return true;
        }
        if (given.contains("--version")) {
            out.println(NAME + " " + version().orElse("(unknown version)"));
            return true;
        }
        return false;
    }

    static boolean answered(String[] args) {
        return answered(args, System.out);
    }

    static String help() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: java -jar ").append(NAME).append(".jar [--PROPERTY=VALUE ...]\n\n")
                .append("OpenStack Cinder v3 (backups, volumes, snapshots) and Keystone v3 on one port, for real\n")
                .append("clients. Any property below can also be given as -DPROPERTY=VALUE, as an environment\n")
                .append("variable (EMULATOR_AUTH_MODE=noauth) or in an application.yml beside the jar.\n\n")
                .append("  --help, -h   this text\n  --version    the emulator's version\n\n")
                .append("Properties (default in brackets):\n");
        for (PropertyHelp.Entry entry : PropertyHelp.ENTRIES) {
            line(text, entry);
        }
        text.append("\nCommon Spring Boot properties:\n");
        for (PropertyHelp.Entry entry : PropertyHelp.COMMON) {
            line(text, entry);
        }
        text.append("\nDocumentation: README.md, docs/control-api.md; once started, /_emulator lists the control "
                + "routes.\n");
        return text.toString();
    }

    private static void line(StringBuilder text, PropertyHelp.Entry entry) {
        text.append("  --").append(entry.name()).append("  [").append(entry.defaultValue()).append("]\n")
                .append("      ").append(entry.meaning()).append('\n');
    }

    static Optional<String> version() {
        try (InputStream in = CommandLine.class.getResourceAsStream("/emulator-version.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version")).filter(version -> !version.startsWith("@"));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.print(failure(analysis));
        System.err.flush();
    }

    static String failure(FailureAnalysis analysis) {
        StringBuilder text = new StringBuilder(NAME + " did not start:\n");
        for (String line : analysis.getDescription().strip().split("\n")) {
            if (!line.isBlank()) {
                text.append("  ").append(line.strip()).append('\n');
            }
        }
        if (analysis.getAction() != null && !analysis.getAction().isBlank()) {
            text.append(analysis.getAction().strip().replace("\n", " ")).append('\n');
        }
        return text.toString();
    }
}
