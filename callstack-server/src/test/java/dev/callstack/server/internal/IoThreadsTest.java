package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IoThreadsTest {
    @Test
    void defaultIsOneEventLoopPerCoreNotNettysTwice() {
        assertThat(NettyHttpServer.ioThreads(0)).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void configuredCountWins() {
        assertThat(NettyHttpServer.ioThreads(3)).isEqualTo(3);
    }
}
