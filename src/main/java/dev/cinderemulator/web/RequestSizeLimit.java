package dev.cinderemulator.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * auth): a declared {@code Content-Length} over {@code max_request_body_size} is refused before a
 * byte of the body is read, and a body without one (chunked) is cut off as soon as it grows past
 * the limit. Either way the answer is 413 {@code overLimit} and nothing is held in memory. It runs
 * before the request journal too, which reads bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class RequestSizeLimit extends OncePerRequestFilter {

    private final int maxSize;

    RequestSizeLimit(EmulatorProperties properties) {
        this.maxSize = properties.cloud().maxRequestBodySize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CinderUrlLayout.isCinderPath(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxSize) {
            Fault.of(RequestBodies.tooLarge(maxSize)).write(response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxSize), response);
    }

    /** Thrown by the body stream past the limit; {@link CinderFaults} answers it with the 413. */
    static final class BodyTooLarge extends IOException {

        private final int maxSize;

        BodyTooLarge(int maxSize) {
            super("Request body larger than " + maxSize + " bytes");
            this.maxSize = maxSize;
        }

        CinderException fault() {
            return RequestBodies.tooLarge(maxSize);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final int maxSize;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, int maxSize) {
            super(request);
            this.maxSize = maxSize;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), maxSize);
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final int maxSize;
        private long read;

        LimitedStream(ServletInputStream body, int maxSize) {
            this.body = body;
            this.maxSize = maxSize;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws IOException {
            read += bytes;
            if (read > maxSize) {
                throw new BodyTooLarge(maxSize);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
