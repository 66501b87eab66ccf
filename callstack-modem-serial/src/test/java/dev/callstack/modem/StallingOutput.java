package dev.callstack.modem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A link's output for tests: writes through to {@code target} until {@code stall} is set, then blocks
 * (uninterruptibly, like a socket write to a peer that stopped reading) until {@code released} counts down — which
 * the test wires to the link's closer — and fails. Thread-safe.
 */
final class StallingOutput extends OutputStream {
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    volatile OutputStream target;
    volatile boolean stall;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (stall) {
            blocked.countDown();
            boolean interrupted = false;
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stream closed");
        }
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
