package dev.cinderemulator.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests it refuses before any of our code sees them (a space or
 * an encoded slash in the path, a malformed request line): the same Cinder fault JSON that
 * {@link CinderErrorController} gives, never Tomcat's HTML. Public, as Tomcat instantiates it by name.
 */
public class CinderErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || response.isCommitted() || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String message = switch (code) {
            case 400 -> "Malformed request url";
            case 404, 405 -> "The resource could not be found.";
            default -> code >= 500 ? CinderFaults.INTERNAL_ERROR
                    : status != null ? status.getReasonPhrase() : "Error " + code;
        };
        CinderException fault = new CinderException(status != null ? status : HttpStatus.BAD_REQUEST, message);
        String body = "{\"" + fault.faultName() + "\": {\"code\": " + code + ", \"message\": \"" + message + "\"}}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | IllegalStateException gone) {
            // The client went away; there is no one left to answer.
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        TomcatContextCustomizer cinderErrorReports() {
            return context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(CinderErrorReportValve.class.getName());
                }
            };
        }
    }
}
