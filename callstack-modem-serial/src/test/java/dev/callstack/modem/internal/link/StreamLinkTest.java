package dev.callstack.modem.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StreamLinkTest {

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(ReaderThreadLink.THREAD_PREFIX)).count();
    }

    @Test
    void endOfStreamIsReportedOnceAndTheReaderEnds() throws Exception {
        PipedOutputStream modem = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(modem);
        StringBuilder got = new StringBuilder();
        AtomicReference<String> closed = new AtomicReference<>();
        StreamLink link = new StreamLink(in, new ByteArrayOutputStream(), in, "test");
        link.start(new LinkListener() {
            @Override
            public void onBytes(byte[] buffer, int length) {
                synchronized (got) {
                    got.append(new String(buffer, 0, length, StandardCharsets.US_ASCII));
                }
            }

            @Override
            public void onClosed(String reason) {
                closed.set(reason);
            }
        });
        modem.write("OK\r\n".getBytes(StandardCharsets.US_ASCII));
        modem.close();
        await().until(() -> closed.get() != null);
        assertThat(closed.get()).isEqualTo("end of stream");
        synchronized (got) {
            assertThat(got.toString()).isEqualTo("OK\r\n");
        }
        await().until(() -> readers() == 0);
    }

    @Test
    void closeStopsTheReaderWithoutReportingALoss() throws Exception {
        PipedOutputStream modem = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(modem);
        AtomicReference<String> closed = new AtomicReference<>();
        StreamLink link = new StreamLink(in, new ByteArrayOutputStream(), in, "test");
        link.start(new LinkListener() {
            @Override
            public void onBytes(byte[] buffer, int length) {
            }

            @Override
            public void onClosed(String reason) {
                closed.set(reason);
            }
        });
        link.close();
        await().until(() -> readers() == 0);
        assertThat(closed.get()).isNull();
        assertThat(link.isClosed()).isTrue();
    }
}
