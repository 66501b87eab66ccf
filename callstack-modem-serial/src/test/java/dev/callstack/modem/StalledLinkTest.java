package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.UssdCode;
import dev.callstack.testkit.sim.AtModemSimulator;
import dev.callstack.testkit.sim.SimulatorPipe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A peer that stops reading must not pin the engine thread: close releases the link from the caller's thread. */
class StalledLinkTest {
    private final AtModemSimulator sim = new AtModemSimulator();

    @AfterEach
    void tearDown() {
        sim.close();
    }

    @Test
    void closeIsPromptAndLeavesNoThreadsWhileAWriteIsBlockedOnAStalledPeer() throws Exception {
        StallingOutput output = new StallingOutput();
        SerialModem modem = SerialModem.builder(SimHarness.fastConfig().build())
                .sms(context -> new dev.callstack.modem.internal.UnavailableSmsModule())
                .connections(() -> {
                    SimulatorPipe pipe = sim.openPipe();
                    output.target = pipe.hostOutput();
                    return new ConnectionFactory.Connection(pipe.hostInput(), output, () -> {
                        output.released.countDown();
                        pipe.close();
                    }, "stalling pipe");
                })
                .build();
        modem.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> modem.state().connected());

        output.stall = true;
        var pending = modem.ussd().send(UssdCode.of("*100#"), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> output.blocked.getCount() == 0);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(modem::close);
        await().atMost(Duration.ofSeconds(10)).until(closing::isDone);
        assertThat(output.released.getCount()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0);
        await().atMost(Duration.ofSeconds(5)).until(pending::isDone);
        assertThat(pending).isCompletedExceptionally();
    }
}
