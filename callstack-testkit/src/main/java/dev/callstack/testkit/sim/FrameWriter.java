package dev.callstack.testkit.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Writes modem output to one link: response and URC lines framed {@code \r\n<line>\r\n}, raw bytes verbatim,
 * every write cut into chunks of at most {@code maxChunk} bytes (flushed separately) to exercise host framers.
 * A failed write means the link is gone; it is reported once to {@code onFailure} and later writes are dropped.
 *
 * <p>Thread-safe; writes from the reader thread, the scheduler and test threads never interleave.
 */
final class FrameWriter {
    private final OutputStream out;
    private final IntSupplier maxChunk;
    private final Runnable onFailure;
    private boolean failed;

    FrameWriter(OutputStream out, IntSupplier maxChunk, Runnable onFailure) {
        this.out = Objects.requireNonNull(out, "out");
        this.maxChunk = Objects.requireNonNull(maxChunk, "maxChunk");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    static byte[] frame(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : lines) {
            bytes.writeBytes(("\r\n" + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return bytes.toByteArray();
    }

    void lines(List<String> lines) {
        if (!lines.isEmpty()) {
            raw(frame(lines));
        }
    }

    void raw(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        boolean justFailed = false;
        synchronized (this) {
            if (failed) {
                return;
            }
            try {
                int chunk = Math.max(1, maxChunk.getAsInt());
                for (int offset = 0; offset < bytes.length; offset += chunk) {
                    out.write(bytes, offset, Math.min(chunk, bytes.length - offset));
                    out.flush();
                }
            } catch (IOException e) {
                failed = true;
                justFailed = true;
            }
        }
        if (justFailed) {
            onFailure.run();
        }
    }
}
