package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.UssdCode;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.modem.internal.UnavailableSmsModule;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A modem that sends more than the engine can frame is dropped and reconnected, not buffered without limit; the drop
 * is counted and its reason ("input flood") is in the {@code modem.state} event and the status.
 */
class FloodingModemTest {
    private final AtModemSimulator sim = new AtModemSimulator();
    private final List<ModemEvent> events = new CopyOnWriteArrayList<>();
    private SerialModem modem;

    @AfterEach
    void tearDown() {
        if (modem != null) {
            modem.close();
        }
        sim.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0);
    }

    @Test
    void floodingModemIsDisconnectedCountedAndReconnected() {
        AtomicInteger opened = new AtomicInteger();
        FloodingInput flood = new FloodingInput();
        StallingOutput held = new StallingOutput();
        modem = SerialModem.builder(SimHarness.fastConfig().build())
                .sms(context -> new UnavailableSmsModule())
                .connections(() -> {
                    SimulatorPipe pipe = sim.openPipe();
                    if (opened.incrementAndGet() > 1) {
                        return new ConnectionFactory.Connection(pipe.hostInput(), pipe.hostOutput(), pipe, "sim pipe");
                    }
                    flood.target = pipe.hostInput();
                    held.target = pipe.hostOutput();
                    return new ConnectionFactory.Connection(flood, held, () -> {
                        held.released.countDown();
                        pipe.close();
                    }, "flooding pipe");
                })
                .build();
        modem.events().subscribe(ModemEvent.class, events::add, dev.callstack.core.event.Delivery.inline());
        modem.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> modem.state().connected());

        // Hold the engine thread in a write so it frames nothing, then flood: only the input budget can end this.
        held.stall = true;
        var unused = modem.ussd().send(UssdCode.of("*100#"), Duration.ofSeconds(30)); // parks the engine thread
        await().atMost(Duration.ofSeconds(10)).until(() -> held.blocked.getCount() == 0);
        flood.flooding = true;
        sim.sendRaw("\r\n"); // wakes the reader from its read of the quiet pipe

        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(e -> e instanceof ModemDisconnected d && d.reason().equals("input flood")));
        assertThat(modem.status().modem().floodDisconnects()).isEqualTo(1);
        assertThat(modem.status().modem().lastDisconnect()).isEqualTo("input flood");
        // A reconnect: backoff, then a whole init on the second pipe.
        await().atMost(Duration.ofSeconds(30)).until(() -> modem.state().connected()
                && events.stream().filter(ModemConnected.class::isInstance).count() == 2);
        assertThat(opened.get()).isEqualTo(2);
        // Counted once although the flood also failed the write the engine was blocked in; kept after reconnect.
        assertThat(modem.status().modem().floodDisconnects()).isEqualTo(1);
        assertThat(modem.status().modem().lastDisconnect()).isEqualTo("input flood");
    }

    /** Reads through until told to flood, then returns a full buffer of garbage without a line end, forever. */
    private static final class FloodingInput extends InputStream {
        volatile InputStream target;
        volatile boolean flooding;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (flooding) {
                Arrays.fill(b, off, off + len, (byte) 'Z');
                return len;
            }
            return target.read(b, off, len);
        }
    }
}
