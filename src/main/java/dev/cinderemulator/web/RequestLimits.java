package dev.cinderemulator.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.cinderemulator.config.EmulatorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * oslo.middleware's {@code sizelimit}, in front of Cinder's API as in its paste pipeline (before
 * auth), and the same bound on every other surface (Keystone, the control API, the actuator): a
 * declared {@code Content-Length} over the limit is refused before a byte of the body is read, and
 * a body without one (chunked) is cut off as soon as it grows past it; the answer is Cinder's 413
 * {@code overLimit} (Keystone and the control API: their {@code {"error": ...}} shape). Fixture
 * documents have a limit of their own.
 *
 * <p>The body is read here, whole, before anything else sees it, within
 * {@code emulator.limits.body-read-timeout} (a body trickling in a byte at a time gets 408 and the
 * connection is closed), and by at most {@code emulator.limits.concurrent-body-reads} requests at
 * once: slow senders cannot take every worker thread, the rest get 503 with {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class RequestLimits extends OncePerRequestFilter {

    private static final int CHUNK = 8192;

    private final int maxSize;
    private final long maxFixturesSize;
    private final Duration readTimeout;
    private final Semaphore readers;

    RequestLimits(EmulatorProperties properties) {
        this.maxSize = properties.cloud().maxRequestBodySize();
        this.maxFixturesSize = properties.limits().fixturesBodySize().toBytes();
        this.readTimeout = properties.limits().bodyReadTimeout();
        this.readers = new Semaphore(Math.max(1, properties.limits().concurrentBodyReads()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() == 0
                || request.getContentLengthLong() < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = RequestPaths.canonical(request).equals("/_emulator/fixtures")
                ? new Limit(maxFixturesSize, "emulator.limits.fixtures-body-size")
                : new Limit(maxSize, "max_request_body_size");
        if (request.getContentLengthLong() > limit.bytes()) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, limit.refusal());
            return;
        }
        if (!readers.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The server is currently unavailable. Please try again at a later time.");
            return;
        }
        byte[] body;
        try {
            body = read(request.getInputStream(), limit.bytes(), System.nanoTime() + readTimeout.toNanos());
        } catch (TooLarge past) {
            // The rest of the body is not wanted: closing spares Tomcat from swallowing it.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, limit.refusal());
            return;
        } catch (TooSlow late) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            refuse(request, response, HttpStatus.REQUEST_TIMEOUT,
                    "The request body did not arrive within " + readTimeout.toSeconds() + " seconds.");
            return;
        } catch (IOException gone) {
            // The client closed the connection mid-body: there is no one left to answer.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            return;
        } finally {
            readers.release();
        }
        chain.doFilter(new ReadRequest(request, body), response);
    }

    /** oslo's text, naming Cinder's option, or for fixture documents the emulator's own property. */
    private record Limit(long bytes, String name) {

        String refusal() {
            return "Request is too large. Larger than " + name + " (" + bytes + ").";
        }
    }

    private static byte[] read(InputStream in, long limit, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        for (int n; (n = readSome(in, buffer)) >= 0;) {
            body.write(buffer, 0, n);
            if (body.size() > limit) {
                throw new TooLarge();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TooSlow();
            }
        }
        return body.toByteArray();
    }

    /** A read that waited {@code server.tomcat.connection-timeout} for the next bytes counts as too slow. */
    private static int readSome(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (IOException failed) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException) {
                    throw new TooSlow();
                }
            }
            throw failed;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String message) throws IOException {
        SurfaceErrors.write(request, response, status.value(), message);
    }

    private static final class TooLarge extends IOException {
    }

    private static final class TooSlow extends IOException {
    }

    /** The request with its body already in hand. */
    private static final class ReadRequest extends HttpServletRequestWrapper {

        private final ByteArrayInputStream in;
        private final ServletInputStream stream;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.in = new ByteArrayInputStream(body);
            this.stream = new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has been read already");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(in,
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
