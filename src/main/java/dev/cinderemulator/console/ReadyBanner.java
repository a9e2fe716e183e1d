package dev.cinderemulator.console;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.cinderemulator.identity.Identities.UserView;

/**
 * One block in the log when the emulator can answer (after the fixtures are loaded): the URLs, who
 * may log in, where the state is kept, and a paste-ready {@code export OS_*} line. The framework's
 * own start-up lines are quietened in {@code application.yml}, so this is what a person sees.
 */
@Component
class ReadyBanner {

    private static final Log LOG = LogFactory.getLog(ReadyBanner.class);

    private final ReadyFacts facts;

    ReadyBanner(ReadyFacts facts) {
        this.facts = facts;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return;
        }
        LOG.info(text(EmulatorInfo.version(), event.getTimeTaken() == null ? -1 : event.getTimeTaken().toMillis()));
    }

    String text(String version, long startMillis) {
        Map<String, String> links = facts.links();
        StringBuilder text = new StringBuilder("\n\n  Cinder backups emulator ").append(version).append(" is ready");
        if (startMillis >= 0) {
            text.append(String.format(" (started in %.1f s, JVM up %.1f s)", startMillis / 1000.0,
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
        }
        text.append("\n\n");
        row(text, "Cinder v3", links.get("cinder") + "   (also /v3/{project_id}, /cinder/v3)");
        row(text, "OS_AUTH_URL", links.get("keystone") + "   (auth mode: " + facts.authMode() + ")");
        if ("noauth".equals(facts.authMode())) {
            row(text, "Tokens", "X-Auth-Token: <user>:<project>, e.g. demo:demo (every token is admin, as in "
                    + "Cinder's noauth)");
        } else {
            row(text, "Users", users(facts.users()));
        }
        row(text, "Data", facts.data());
        List<String> fixtures = facts.fixtures();
        row(text, "Fixtures", fixtures.isEmpty() ? "none (--emulator.fixtures=FILE_OR_FOLDER)" : fixtures.get(0));
        fixtures.stream().skip(1).forEach(line -> row(text, "", line));
        row(text, "Swagger UI", links.get("swagger_ui"));
        row(text, "Dashboard", links.get("dashboard"));
        row(text, "Control API", links.get("control_api") + "   (clouds.yaml, openrc, tokens: see the list there)");
        row(text, "Health", links.get("health"));
        Map<String, String> openrc = facts.openrc();
        if (!openrc.isEmpty()) {
            text.append("\n  For the openstack CLI:\n    export ").append(openrc.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(" \\\n      ")))
                    .append('\n');
        }
        return text.toString();
    }

    private static String users(List<UserView> users) {
        return users.stream().map(user -> user.name() + "/" + (user.password() == null ? "(no password)"
                : user.password()) + " (project " + user.projectName() + (user.roles().contains("admin") ? ", admin"
                        : "") + ")")
                .collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append(String.format("  %-12s %s%n", label, value));
    }
}
