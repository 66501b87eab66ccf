package dev.callstack.testkit.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of the in-memory pipe: a bounded queue of written chunks with blocking reads and writes.
 *
 * <p>A read never returns bytes of two different writes, so a split write reaches the reader as separate reads
 * (deterministic fragmentation). After {@link #close()} pending bytes can still be read, then reads return -1;
 * writes fail with an {@link IOException}.
 *
 * <p>Thread-safe.
 */
final class ChunkQueue {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private int size;
    private boolean closed;

    ChunkQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int done = 0;
        while (done < length) {
            int piece = Math.min(capacity, length - done);
            lock.lock();
            try {
                while (!closed && size + piece > capacity) {
                    writable.await();
                }
                if (closed) {
                    throw new IOException("pipe closed");
                }
                byte[] chunk = new byte[piece];
                System.arraycopy(bytes, offset + done, chunk, 0, piece);
                chunks.addLast(chunk);
                size += piece;
                readable.signalAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing to the pipe");
            } finally {
                lock.unlock();
            }
            done += piece;
        }
    }

    /**
     * Queues all of {@code bytes} as one chunk without blocking; false (nothing queued) when the queue lacks room or
     * is closed. For real-time audio, which a modem drops rather than waits with.
     */
    boolean offer(byte[] bytes) {
        lock.lock();
        try {
            if (closed || size + bytes.length > capacity) {
                return false;
            }
            chunks.addLast(bytes.clone());
            size += bytes.length;
            readable.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until at least one byte is available or the queue is closed and drained (-1). */
    int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (chunks.isEmpty() && !closed) {
                readable.await();
            }
            if (chunks.isEmpty()) {
                return -1;
            }
            byte[] head = chunks.peekFirst();
            int n = Math.min(length, head.length - headOffset);
            System.arraycopy(head, headOffset, bytes, offset, n);
            headOffset += n;
            if (headOffset == head.length) {
                chunks.removeFirst();
                headOffset = 0;
            }
            size -= n;
            writable.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading from the pipe");
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return chunks.isEmpty() ? 0 : chunks.peekFirst().length - headOffset;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = ChunkQueue.this.read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ChunkQueue.this.read(b, off, len);
            }

            @Override
            public int available() {
                return ChunkQueue.this.available();
            }

            @Override
            public void close() {
                ChunkQueue.this.close();
            }
        };
    }

    OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                ChunkQueue.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ChunkQueue.this.write(b, off, len);
            }

            @Override
            public void close() {
                ChunkQueue.this.close();
            }
        };
    }
}
