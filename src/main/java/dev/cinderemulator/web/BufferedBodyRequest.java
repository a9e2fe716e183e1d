package dev.cinderemulator.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body has been read ahead, up to a limit, so that a filter (the request journal,
 * the fault rules) can look at it while the controller still reads all of it: the bytes read ahead
 * are replayed, followed by whatever the limit left unread. Memory stays bounded by the limit.
 */
public final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private static final String ATTRIBUTE = BufferedBodyRequest.class.getName();

    private final byte[] head;
    private final boolean complete;
    private final InputStream rest;

    private BufferedBodyRequest(HttpServletRequest request, byte[] head, boolean complete, InputStream rest) {
        super(request);
        this.head = head;
        this.complete = complete;
        this.rest = rest;
    }

    /**
     * Reads up to {@code limit} bytes of the body ahead (one more, to know whether that was all of
     * it); the wrapper serves the whole body.
     */
    public static BufferedBodyRequest of(HttpServletRequest request, int limit) throws IOException {
        InputStream in = request.getInputStream();
        byte[] head = in.readNBytes(limit + 1);
        boolean complete = head.length <= limit;
        BufferedBodyRequest buffered = new BufferedBodyRequest(request, head, complete,
                complete ? InputStream.nullInputStream() : in);
        request.setAttribute(ATTRIBUTE, buffered);
        return buffered;
    }

    /** The body read ahead by an earlier filter for this request, or null if none did. */
    public static BufferedBodyRequest current(HttpServletRequest request) {
        return (BufferedBodyRequest) request.getAttribute(ATTRIBUTE);
    }

    /** The bytes read ahead: the whole body when {@link #isComplete()}, else somewhat more than the limit. */
    public byte[] head() {
        return head.clone();
    }

    public boolean isComplete() {
        return complete;
    }

    @Override
    public ServletInputStream getInputStream() {
        InputStream replay = complete ? new ByteArrayInputStream(head)
                : new SequenceInputStream(new ByteArrayInputStream(head), rest);
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int next = replay.read();
                finished = next < 0;
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = replay.read(buffer, offset, length);
                finished = read < 0;
                return read;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("Blocking reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
