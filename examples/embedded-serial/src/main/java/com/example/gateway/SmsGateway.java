package com.example.gateway;

import dev.callstack.core.PhoneNumber;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.modem.SerialModem;
import dev.callstack.modem.SerialModemConfig;
import dev.callstack.modem.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The "Embedding" example of Callstack's README.md: a SerialModem with a SQLite store, sending one SMS.
 * Run it as {@code java com.example.gateway.SmsGateway /dev/serial/by-id/... +15550100100}.
 */
public final class SmsGateway {
    private SmsGateway() {
    }

    public static void main(String[] args) throws Exception {
        SmsSendResult sent = sendOne(args[0], Path.of("callstack.db"), args[1], "Your code is 481516");
        System.out.println("sent in " + sent.references().size() + " part(s)");
    }

    /** Connects to the modem on {@code port}, sends {@code text} to {@code to}, and closes the modem. */
    static SmsSendResult sendOne(String port, Path db, String to, String text) throws Exception {
        SerialModemConfig config = SerialModemConfig.builder(port)       // "/dev/ttyUSB2" or "tcp://192.0.2.10:7000"
                .simPin(System.getenv("SIM_PIN"))                       // optional; never logged
                .build();

        try (SqliteMessageStore store = SqliteMessageStore.open(db);
             SerialModem modem = SerialModem.builder(config).messageStore(store).build()) {
            // Handlers run on a bus dispatcher thread, through their own bounded buffer.
            modem.events().subscribe(SmsReceived.class,
                    sms -> System.out.println("SMS #" + sms.messageId() + " in " + sms.parts() + " part(s)"));

            modem.start();                               // connects (and later reconnects) in the background
            if (!modem.awaitConnected(Duration.ofSeconds(30))) {
                throw new IllegalStateException("modem not ready: " + modem.haltReason().orElse("still connecting"));
            }
            return modem.sms().send(PhoneNumber.of(to), text).join();
        }
    }
}
