package dev.cinderemulator.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte, for requests no well-behaved client would send: invalid UTF-8
 * in the path or body, odd header values, chunked bodies, a Content-Length that lies. With
 * {@link #send} every request closes its connection, so the answer is whatever arrives until the
 * server closes; a {@link Connection} keeps one open across requests (the fuzz suites send tens of
 * thousands) and reads each answer by its framing.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends a request head (request line and headers, CRLF-separated, no blank line) and a body. */
    public static Answer send(int port, byte[] head, byte[] body) throws IOException {
        return send(port, head, out -> {
            if (body != null) {
                out.write(body);
            }
        });
    }

    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    public static Answer send(int port, byte[] head, BodyWriter body) throws IOException {
        return send(InetAddress.getLoopbackAddress(), port, head, body);
    }

    /**
     * From one of this machine's own addresses to the same address: the emulator sees that address
     * as the peer, so a non-loopback one makes a remote caller without a second machine.
     */
    public static Answer send(InetAddress from, int port, byte[] head, BodyWriter body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(from, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                body.write(out);
                out.flush();
                socket.shutdownOutput();
            } catch (SocketException closedEarly) {
                // The server answered (and closed) before taking the whole body: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    /**
     * One kept-alive connection, opened again when the server closed it (after an error, or its
     * keep-alive limit). Optionally from a given local address, to be a caller that is not on the
     * loopback interface.
     */
    public static final class Connection implements AutoCloseable {

        private final InetSocketAddress server;
        private final InetAddress from;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean used;

        public Connection(int port) {
            this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null);
        }

        public Connection(InetSocketAddress server, InetAddress from) {
            this.server = server;
            this.from = from;
        }

        /** Sends a request head (request line and headers, CRLF-separated, no blank line) and a body. */
        public Answer send(String method, byte[] head, byte[] body) throws IOException {
            boolean reused = socket != null && used;
            try {
                return exchange(method, head, body);
            } catch (ClosedBeforeAnswer stale) {
                close();
                if (!reused) {
                    throw stale;
                }
                // The server had closed the idle connection before this request reached it.
                return exchange(method, head, body);
            } catch (IOException | RuntimeException broken) {
                close();
                throw broken;
            }
        }

        private Answer exchange(String method, byte[] head, byte[] body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                if (from != null) {
                    socket.bind(new InetSocketAddress(from, 0));
                }
                socket.connect(server, 5_000);
                socket.setSoTimeout(30_000);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
                used = false;
            }
            used = true;
            try {
                ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + 4
                        + (body == null ? 0 : body.length));
                request.writeBytes(head);
                request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    request.writeBytes(body);
                }
                out.write(request.toByteArray());
                out.flush();
            } catch (SocketException closedEarly) {
                // The server answered (and closed) before taking the whole request: read what it said.
            }
            String statusLine;
            int status;
            Map<String, String> headers;
            do {
                statusLine = readLine(in);
                if (statusLine == null) {
                    throw new ClosedBeforeAnswer();
                }
                status = Integer.parseInt(statusLine.split(" ")[1]);
                headers = new LinkedHashMap<>();
                for (String line; !(line = readLine(in)).isEmpty();) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            } while (status >= 100 && status < 200);
            byte[] answer;
            boolean closes = "close".equalsIgnoreCase(headers.get("connection"));
            if (method.equals("HEAD") || status == 204 || status == 304) {
                answer = new byte[0];
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                answer = readChunked(in);
            } else if (headers.containsKey("content-length")) {
                answer = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                answer = readAll(in);
                closes = true;
            }
            if (closes) {
                close();
            }
            return new Answer(status, headers, answer);
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                Socket closing = socket;
                socket = null;
                closing.close();
            }
        }
    }

    private static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer() {
            super("The server closed the connection without answering");
        }
    }

    /** A CRLF-terminated line as ISO-8859-1, without its end; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0;) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new IOException("The connection ended inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("The connection ended inside a chunked body");
            }
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer; (trailer = readLine(in)) != null && !trailer.isEmpty();) {
                    // Trailers are not looked at.
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            readLine(in);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // A reset after the answer (the server stopped swallowing an unread body) ends it.
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("No HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1)
                    .trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
