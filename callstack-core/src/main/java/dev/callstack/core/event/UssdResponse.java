package dev.callstack.core.event;

import dev.callstack.core.Redaction;
import java.time.Instant;

/**
 * A USSD reply from the network ({@code +CUSD}).
 *
 * @param status             0 no further action, 1 further action required, 2 terminated by network,
 *                           3 other local client responded, 4 operation not supported, 5 network time out
 * @param message            the decoded text, or {@code null} when the network sent none (typically status 2, 4 or 5)
 * @param dataCodingScheme   the DCS the modem reported (0–255), or -1 when it reported none
 */
public record UssdResponse(Instant timestamp, int status, String message, int dataCodingScheme)
        implements ModemEvent {
    /**
     * Validates non-null {@code timestamp}, {@code status} 0–5 and {@code dataCodingScheme} -1–255.
     *
     * @param timestamp        when Callstack observed the event
     * @param status           0 no further action, 1 further action required, 2 terminated by network, 3 other local
     *                         client responded, 4 operation not supported, 5 network time out
     * @param message          the decoded text, or {@code null} when the network sent none (typically status 2, 4 or
     *                         5)
     * @param dataCodingScheme the DCS the modem reported (0–255), or -1 when it reported none
     */
    public UssdResponse {
        Checks.notNull(timestamp, "timestamp");
        Checks.range(status, 0, 5, "status");
        Checks.range(dataCodingScheme, -1, 255, "dataCodingScheme");
    }

    /** No message text: USSD replies carry balances, vouchers and codes. */
    @Override
    public String toString() {
        return "UssdResponse[timestamp=" + timestamp + ", status=" + status + ", message=" + Redaction.text(message)
                + ", dataCodingScheme=" + dataCodingScheme + "]";
    }
}
