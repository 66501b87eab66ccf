package dev.callstack.modem.internal.urc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lines modems print while they boot, as data: which line, which family prints it, and what it tells. A modem
 * that restarts under a live link (firmware crash, brown-out on a USB port, {@code AT+CFUN=1,1}) prints them between
 * our commands; the sources are in the test resources' {@code at-transcripts.md}.
 *
 * <p>Pure and stateless.
 */
final class BootLines {
    /** One line of the table; {@code prefix} lines carry a value after the colon ({@code ^SIMST: 1}). */
    record Entry(String line, boolean prefix, String family, Urc.Boot.Kind kind) {
        Entry {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(kind, "kind");
        }

        boolean matches(String upper) {
            return prefix ? upper.startsWith(line) : upper.equals(line);
        }
    }

    // +CPIN: READY is a boot line too, but also the answer to our own PIN entry: it is a PinStatus, never a restart.
    static final List<Entry> TABLE = List.of(
            new Entry("RDY", false, "SIMCom, Quectel (fixed baud rate)", Urc.Boot.Kind.RESTARTED),
            new Entry("+CFUN: 1", false, "SIMCom, Quectel", Urc.Boot.Kind.RESTARTED),
            new Entry("^SYSSTART", false, "Huawei, Cinterion", Urc.Boot.Kind.RESTARTED),
            new Entry("SMS READY", false, "SIMCom SIM800", Urc.Boot.Kind.SMS_READY),
            new Entry("SMS DONE", false, "SIMCom SIM7600", Urc.Boot.Kind.SMS_READY),
            new Entry("+QIND: SMS DONE", false, "Quectel", Urc.Boot.Kind.SMS_READY),
            new Entry("CALL READY", false, "SIMCom SIM800", Urc.Boot.Kind.NOTICE),
            new Entry("PB DONE", false, "SIMCom SIM7600", Urc.Boot.Kind.NOTICE),
            new Entry("+QIND: PB DONE", false, "Quectel", Urc.Boot.Kind.NOTICE),
            new Entry("^SIMST:", true, "Huawei", Urc.Boot.Kind.NOTICE));

    private BootLines() {
    }

    /** The entry for an upper-case, stripped line. */
    static Optional<Entry> match(String upper) {
        for (Entry entry : TABLE) {
            if (entry.matches(upper)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
