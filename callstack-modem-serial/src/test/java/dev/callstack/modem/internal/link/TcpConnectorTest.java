package dev.callstack.modem.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TcpLinkTest {

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(ReaderThreadLink.THREAD_PREFIX)).count();
    }

    @Test
    void writeBlockedOnAPeerThatStoppedReadingEndsTheLinkAfterTheStallLimit() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            StreamLink link = TcpConnector.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5),
                    Duration.ofMillis(300));
            try (Socket peer = server.accept()) {
                assertThat(peer.isConnected()).isTrue(); // held open, never read
                AtomicReference<String> closed = new AtomicReference<>();
                link.start(new LinkListener() {
                    @Override
                    public void onBytes(byte[] buffer, int length) {
                    }

                    @Override
                    public void onClosed(String reason) {
                        closed.set(reason);
                    }
                });
                // Far more than any socket buffers hold: the peer never reads, so this write cannot finish.
                byte[] big = new byte[64 * 1024 * 1024];
                CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                    try {
                        link.write(big);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> closed.get() != null);
                assertThat(closed.get()).isEqualTo(ReaderThreadLink.WRITE_STALLED);
                await().atMost(Duration.ofSeconds(10)).until(write::isDone);
                assertThat(write).isCompletedExceptionally();
                assertThat(link.isClosed()).isTrue();
                await().until(() -> readers() == 0);
            }
        }
    }
}
