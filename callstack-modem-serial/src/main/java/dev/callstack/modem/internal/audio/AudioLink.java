package dev.callstack.modem.internal.audio;

import dev.callstack.core.voice.AudioFormat8k;
import dev.callstack.modem.internal.link.Link;
import dev.callstack.modem.internal.link.LinkListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The modem's audio port for one call: the reader thread cuts what arrives into whole 40 ms frames of
 * {@value AudioFormat8k#FRAME_BYTES} bytes (a read may end mid-frame or mid-sample), and {@link #output()} writes
 * played frames. The link is opened per call and closed when the call ends; its own close reports nothing.
 *
 * <p>Thread-safe: frames and the loss report arrive on the link's reader thread; writes may come from one player
 * thread at a time, {@link #close()} from any thread.
 */
public final class AudioLink implements AutoCloseable {
    /** Receives what the reader thread sees; must not block. */
    public interface Listener {
        /**
         * One whole frame arrived.
         *
         * @param frame {@value AudioFormat8k#FRAME_BYTES} bytes, owned by the callee
         */
        void onFrame(byte[] frame);

        /**
         * The port went away by itself (EOF, read error).
         *
         * @param reason short, free of personal data
         */
        void onLost(String reason);
    }

    private final Link link;
    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            link.write(offset == 0 && length == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, offset,
                    offset + length));
        }
    };

    /**
     * Wraps an opened, not yet started link.
     *
     * @param link the audio port
     */
    public AudioLink(Link link) {
        this.link = Objects.requireNonNull(link, "link");
    }

    /**
     * Starts the reader thread.
     *
     * @param listener receives frames and the loss, on the reader thread
     */
    public void start(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        link.start(new FrameCutter(listener::onFrame, listener));
    }

    /**
     * Where playback writes; each write goes to the port at once.
     *
     * @return the stream; fails once the link is closed
     */
    public OutputStream output() {
        return output;
    }

    /**
     * For logs: the port path or address.
     *
     * @return the description
     */
    public String description() {
        return link.description();
    }

    /** Closes the port; a blocked write fails, the reader thread ends. Idempotent. */
    @Override
    public void close() {
        link.close();
    }

    /** Not thread-safe; confined to the link's reader thread. */
    private static final class FrameCutter implements LinkListener {
        private final Consumer<byte[]> frames;
        private final Listener listener;
        private byte[] frame = new byte[AudioFormat8k.FRAME_BYTES];
        private int filled;

        FrameCutter(Consumer<byte[]> frames, Listener listener) {
            this.frames = frames;
            this.listener = listener;
        }

        @Override
        public void onBytes(byte[] buffer, int length) {
            int at = 0;
            while (at < length) {
                int n = Math.min(length - at, frame.length - filled);
                System.arraycopy(buffer, at, frame, filled, n);
                filled += n;
                at += n;
                if (filled == frame.length) {
                    byte[] full = frame;
                    frame = new byte[AudioFormat8k.FRAME_BYTES];
                    filled = 0;
                    frames.accept(full);
                }
            }
        }

        @Override
        public void onClosed(String reason) {
            listener.onLost(reason);
        }
    }
}
