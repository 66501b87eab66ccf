package dev.callstack.modem.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.callstack.core.event.EventBus;
import dev.callstack.modem.internal.at.AtCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class NetworkMonitorTest {

    @Test
    void startAfterCloseShutTheEngineDownPollsNothingAndThrowsNothing() {
        // The lifecycle worker starts polling after publishing ModemConnected; close() may have shut the engine down
        // by then. An exception here would escape on the worker thread as an uncaught exception.
        ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor();
        engine.shutdown();
        List<AtCommand> sent = new CopyOnWriteArrayList<>();
        try (EventBus events = new EventBus()) {
            NetworkMonitor monitor = new NetworkMonitor(command -> {
                sent.add(command);
                throw new AssertionError("no command may be sent");
            }, engine, new ModemStateHolder(), events, Clock.systemUTC(), Duration.ofMillis(10));

            assertThatCode(monitor::start).doesNotThrowAnyException();
            monitor.stop();
        }
        assertThat(sent).isEmpty();
    }
}
