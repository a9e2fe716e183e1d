package dev.cinderemulator.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.cinderemulator.auth.Credentials;
import dev.cinderemulator.auth.TokenValidator;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.AuthMode;
import dev.cinderemulator.web.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may use {@code /_emulator}: whoever is on the same machine (a loopback peer could drop its
 * token anyway, so a token is not looked at), and from elsewhere only an admin: a token with the
 * Keystone admin role, or any token in {@code noauth} mode, where every token is admin as in
 * Cinder. {@code emulator.control.open=true} lets everyone in, for a container whose port is
 * published to its host only. The peer address is the socket's: forwarded-for headers are not
 * trusted ({@code server.forward-headers-strategy: none}), so a reverse proxy on the same host
 * makes every caller local. The path is looked at as the router sees it, whatever its spelling
 * ({@code /%5Femulator}, {@code /_emulator;x}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlAccessFilter extends OncePerRequestFilter {

    static final String REFUSAL = "The control API answers callers on the loopback interface, or callers with an "
            + "admin token (X-Auth-Token).";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.%a-zA-Z]*");

    private final List<TokenValidator> tokenValidators;
    private final EmulatorProperties properties;
    private final JsonMapper json;

    ControlAccessFilter(List<TokenValidator> tokenValidators, EmulatorProperties properties, JsonMapper json) {
        this.tokenValidators = tokenValidators;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isUnder(request, "/_emulator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allowed(request.getRemoteAddr(), request.getHeader("X-Auth-Token"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ControlErrors.body(HttpStatus.FORBIDDEN, REFUSAL).getBody());
    }

    boolean allowed(String peer, String token) {
        if (properties.control().open() || isLoopback(peer)) {
            return true;
        }
        if (token == null || token.isBlank()) {
            return false;
        }
        if (properties.auth().mode() == AuthMode.NOAUTH) {
            return true;
        }
        Optional<Credentials> caller = tokenValidators.stream().map(validator -> validator.validate(token))
                .flatMap(Optional::stream).findFirst();
        return caller.map(Credentials::isAdmin).orElse(false);
    }

    /** Only IP literals are looked at, so no name is ever resolved. */
    static boolean isLoopback(String peer) {
        if (peer == null || !IP_LITERAL.matcher(peer).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(peer).isLoopbackAddress();
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
