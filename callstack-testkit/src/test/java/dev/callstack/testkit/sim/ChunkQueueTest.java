package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChunkQueueTest {

    private static CompletableFuture<Integer> readAsync(ChunkQueue queue, byte[] into) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return queue.read(into, 0, into.length);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aReadNeverSpansTwoWrites() throws IOException {
        ChunkQueue queue = new ChunkQueue(64);
        queue.write("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        queue.write("de".getBytes(StandardCharsets.US_ASCII), 0, 2);
        byte[] buffer = new byte[16];
        assertThat(queue.read(buffer, 0, 16)).isEqualTo(3);
        assertThat(queue.read(buffer, 0, 1)).isEqualTo(1);
        assertThat((char) buffer[0]).isEqualTo('d');
        assertThat(queue.read(buffer, 0, 16)).isEqualTo(1);
        assertThat((char) buffer[0]).isEqualTo('e');
    }

    @Test
    void readBlocksUntilAWriteArrives() throws Exception {
        ChunkQueue queue = new ChunkQueue(64);
        byte[] buffer = new byte[8];
        CompletableFuture<Integer> read = readAsync(queue, buffer);
        assertThat(read).isNotDone();
        queue.write(new byte[] {42}, 0, 1);
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 42);
    }

    @Test
    void closeDrainsPendingBytesThenGivesEof() throws Exception {
        ChunkQueue queue = new ChunkQueue(64);
        byte[] buffer = new byte[8];
        CompletableFuture<Integer> blocked = readAsync(queue, buffer);
        queue.close();
        assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(-1);

        ChunkQueue pending = new ChunkQueue(64);
        pending.write(new byte[] {1, 2}, 0, 2);
        pending.close();
        assertThat(pending.read(buffer, 0, 8)).isEqualTo(2);
        assertThat(pending.read(buffer, 0, 8)).isEqualTo(-1);
        assertThatThrownBy(() -> pending.write(new byte[] {3}, 0, 1)).isInstanceOf(IOException.class);
    }

    @Test
    void fullQueueBlocksTheWriterUntilTheReaderMakesRoomOrItCloses() throws Exception {
        ChunkQueue queue = new ChunkQueue(4);
        queue.write(new byte[4], 0, 4);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            started.countDown();
            try {
                queue.write(new byte[] {9, 9}, 0, 2);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        started.await();
        assertThat(write).isNotDone();
        assertThat(queue.read(new byte[2], 0, 2)).isEqualTo(2);
        write.get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> stuck = CompletableFuture.runAsync(() -> {
            try {
                queue.write(new byte[] {1}, 0, 1);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        queue.close();
        assertThatThrownBy(() -> stuck.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void writesLargerThanTheCapacityAreDeliveredInPieces() throws Exception {
        ChunkQueue queue = new ChunkQueue(3);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                queue.write("abcdefg".getBytes(StandardCharsets.US_ASCII), 0, 7);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        StringBuilder got = new StringBuilder();
        byte[] buffer = new byte[16];
        while (got.length() < 7) {
            int n = queue.read(buffer, 0, 16);
            assertThat(n).isBetween(1, 3);
            got.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
        write.get(5, TimeUnit.SECONDS);
        assertThat(got).hasToString("abcdefg");
    }
}
