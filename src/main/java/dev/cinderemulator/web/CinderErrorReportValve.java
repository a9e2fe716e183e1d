package dev.cinderemulator.web;

import java.io.IOException;
import java.io.OutputStream;


import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * Tomcat's own error page, for requests it refuses before any of our code sees them (a space or
 * an encoded slash in the path, a malformed request line, a request line or headers past
 * {@code server.max-http-request-header-size}): the same Cinder fault JSON that
 * {@link CinderErrorController} gives (Keystone's shape off Cinder's paths), never Tomcat's HTML.
 * Tomcat answers 400 to an oversized request line or header; they get 414 and 431, as HTTP has it. Public, as Tomcat instantiates it by name.
 */
public class CinderErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || response.isCommitted() || !response.setErrorReported()) {
            return;
        }
        if (code == 400 && failure instanceof IllegalArgumentException && failure.getMessage() != null
                && failure.getMessage().startsWith("Request header is too large")) {
            // Tomcat says 400 for both; the request line not even parsed means the URL was the long part.
            code = request.getRequestURI() == null ? 414 : 431;
            response.setStatus(code);
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            String uri = request.getRequestURI();
            if (!SurfaceErrors.isCinder(uri)) {
                out.write(SurfaceErrors.keystoneShaped(code, Fault.ofContainerStatus(code).message()));
            } else {
                out.write(Fault.ofContainerStatus(code).pythonSpacedBytes());
            }
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
