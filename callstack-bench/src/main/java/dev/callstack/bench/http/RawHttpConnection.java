package dev.callstack.bench.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A load client's HTTP/1.1 connection that costs little per request: one plain socket kept alive, a request written
 * as prepared bytes, and of the answer only the status line, {@code Content-Length} and {@code Connection: close}
 * read (the body is skipped). A JDK {@code HttpClient} spends more CPU per request than the server under test, so on
 * a 2-core machine it caps the rate it measures; this one does not follow redirects, chunked bodies or anything else
 * the server under test does not send. Reconnects when the server closed the connection.
 *
 * <p>Not thread-safe: one connection per load thread.
 */
final class RawHttpConnection implements AutoCloseable {
    private final InetSocketAddress server;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder(128);

    RawHttpConnection(InetSocketAddress server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * The bytes of a {@code POST} with a JSON body, to send with {@link #exchange}.
     *
     * @param host    the Host header's value
     * @param path    the request target
     * @param headers extra header lines without line ending, e.g. {@code Authorization: Bearer x}
     * @param json    the body
     * @return the request bytes
     */
    static byte[] post(String host, String path, String[] headers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + body.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    /**
     * Writes {@code request} and reads the answer.
     *
     * @param request a complete HTTP/1.1 request, e.g. from {@link #post}
     * @return the answer's status code
     * @throws IOException when the connection fails or the answer is not HTTP/1.1 as this client reads it
     */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(server, 10_000);
        s.setSoTimeout(60_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 8192);
        out = s.getOutputStream();
    }

    private int readResponse() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line");
        }
        int code = Integer.parseInt(status, 9, 12, 10);
        long length = 0;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            } else if (name.equals("transfer-encoding")) {
                throw new IOException("chunked answers are not read by this client");
            }
        }
        for (long left = length; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("answer body cut short");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        if (close) {
            close();
        }
        return code;
    }

    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed mid-answer");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing a load connection: nothing to do about it.
            }
        }
    }
}
