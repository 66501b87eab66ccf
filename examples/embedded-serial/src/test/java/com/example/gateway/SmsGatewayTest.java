package com.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.SmsSendResult;
import dev.callstack.testkit.sim.AtModemSimulator;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's embedding example against Callstack's AT modem simulator, reached over tcp:// like ser2net. */
class SmsGatewayTest {

    @Test
    void sendsOneSmsThroughTheSimulatedModem(@TempDir Path dir) throws Exception {
        try (AtModemSimulator simulator = new AtModemSimulator()) {
            InetSocketAddress address = simulator.listenTcp();

            SmsSendResult sent = SmsGateway.sendOne("tcp://127.0.0.1:" + address.getPort(), dir.resolve("callstack.db"),
                    "+15550100100", "Your code is 481516");

            assertThat(sent.references()).hasSize(1);
            assertThat(simulator.sentPdus()).hasSize(1);
        }
    }
}
