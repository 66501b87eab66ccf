package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.server.ServerTransport;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

class TransportChooserTest {
    private static final TransportChooser.NativeEpoll MISSING = new TransportChooser.NativeEpoll() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String whyUnavailable() {
            return "no libnetty_transport_native_epoll for this CPU";
        }
    };
    private static final TransportChooser.NativeEpoll PRESENT = new TransportChooser.NativeEpoll() {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String whyUnavailable() {
            throw new AssertionError("not asked when available");
        }
    };

    @Test
    void epollForcedWithoutItIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new TransportChooser(MISSING).choose(ServerTransport.EPOLL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--transport epoll")
                .hasMessageContaining("not available")
                .hasMessageContaining("no libnetty_transport_native_epoll for this CPU");
    }

    @Test
    void autoFallsBackToNioWithoutEpoll() {
        Transport chosen = new TransportChooser(MISSING).choose(ServerTransport.AUTO);
        assertThat(chosen.name()).isEqualTo("nio");
        assertThat(chosen.serverChannel()).isEqualTo(NioServerSocketChannel.class);
    }

    @Test
    void autoAndEpollTakeEpollWhereItLoads() {
        assertThat(new TransportChooser(PRESENT).choose(ServerTransport.AUTO).serverChannel())
                .isEqualTo(EpollServerSocketChannel.class);
        assertThat(new TransportChooser(PRESENT).choose(ServerTransport.EPOLL).name()).isEqualTo("epoll");
    }

    @Test
    void nioIsNioEvenWhereEpollLoads() {
        assertThat(new TransportChooser(PRESENT).choose(ServerTransport.NIO).name()).isEqualTo("nio");
    }
}
