package dev.callstack.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain socket to the real server, for what {@code java.net.http} never does: several requests in one write
 * (pipelining) and WebSocket frames sent and read byte for byte. Reads block with a timeout, so a missing answer
 * fails the test instead of hanging it.
 *
 * <p>Not thread-safe; confined to the test thread.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    RawConnection(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TestServer.TIMEOUT.toMillis());
        socket.setSoTimeout((int) TestServer.TIMEOUT.toMillis());
        in = new DataInputStream(socket.getInputStream());
    }

    /** Writes {@code text} (ISO-8859-1) in one write call. */
    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** One HTTP response: status line, headers, and a {@code Content-Length} body ({@code head}: no body). */
    Response readResponse(boolean head) throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body = new byte[0];
        String length = headers.get("content-length");
        if (!head && length != null && status != 101) {
            body = new byte[Integer.parseInt(length)];
            in.readFully(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** One server frame (servers do not mask); null at end of stream. */
    Frame readFrame() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload, (first & 0x40) != 0);
    }

    /** A masked client frame with FIN set. */
    static byte[] clientFrame(int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        }
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        return out.toByteArray();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed mid-response");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    /** True when the server has ended its side: nothing more arrives (reads one byte to find out). */
    boolean atEndOfStream() throws IOException {
        return in.read() < 0;
    }

    /** Ends what this side sends (a FIN); reading goes on. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    /** {@code rsv1}: the permessage-deflate bit (RFC 7692 §6): the payload is compressed. */
    @SuppressWarnings("ArrayRecordComponent") // a frame read once in a test, never compared
    record Frame(int opcode, byte[] payload, boolean rsv1) {
        static final int TEXT = 1;
        static final int BINARY = 2;
        static final int CLOSE = 8;

        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }
}
