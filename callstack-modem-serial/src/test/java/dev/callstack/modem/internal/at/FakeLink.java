package dev.callstack.modem.internal.at;

import dev.callstack.modem.internal.link.Link;
import dev.callstack.modem.internal.link.LinkListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-memory link: the test plays the modem by feeding bytes and reading what was written. */
final class FakeLink implements Link {
    private final LinkedBlockingQueue<String> writes = new LinkedBlockingQueue<>();
    private volatile LinkListener listener;
    volatile boolean closed;
    volatile boolean failWrites;

    @Override
    public void start(LinkListener l) {
        this.listener = l;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (failWrites) {
            throw new IOException("boom");
        }
        writes.add(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String description() {
        return "fake";
    }

    void modemSends(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        listener.onBytes(b, b.length);
    }

    void eof() {
        listener.onClosed("end of stream");
    }

    /** The next write; only a broken executor keeps the test waiting anywhere near the bound. */
    String nextWrite() throws InterruptedException {
        String w = writes.poll(30, TimeUnit.SECONDS);
        if (w == null) {
            throw new AssertionError("nothing written");
        }
        return w;
    }

    String pollWrite() {
        return writes.poll();
    }
}
