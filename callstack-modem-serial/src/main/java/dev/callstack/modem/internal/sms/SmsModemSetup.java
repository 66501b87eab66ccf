package dev.callstack.modem.internal.sms;

import java.util.List;
import java.util.Objects;

/**
 * What the SMS init learned about the modem.
 *
 * @param ackRequired whether {@code +CMT}/{@code +CDS} must be acknowledged with {@code AT+CNMA} (phase 2+ service,
 *                    or unknown: an unneeded CNMA only earns a tolerated {@code +CMS ERROR})
 * @param readStorage mem1 after init
 * @param sweep       the storages inbound messages can be in (mem1 and mem3), swept on every connect
 * @param indications the {@code AT+CNMI} command the modem accepted, or null when it took none
 */
record SmsModemSetup(boolean ackRequired, String readStorage, List<String> sweep, String indications) {
    SmsModemSetup {
        Objects.requireNonNull(readStorage, "readStorage");
        sweep = List.copyOf(sweep);
    }

    /** The {@code <mt>} of {@link #indications}, or -1 when none was accepted. */
    int mt() {
        if (indications == null) {
            return -1;
        }
        String[] values = indications.substring(indications.indexOf('=') + 1).split(",", -1);
        return values.length > 1 ? Integer.parseInt(values[1].strip()) : 0;
    }
}
