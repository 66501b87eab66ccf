package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import java.util.Map;
import java.util.Set;

/**
 * The one table that says what a failed {@code AT+CMGS} means for an outbox message: try again later, give up, or
 * "may have been sent". Stateless.
 *
 * <p>{@code +CMS ERROR} values (3GPP TS 27.005 §3.2.5): 1–127 are the network's RP-causes (TS 24.011 §8.2.5.4),
 * permanent except the four TS 24.011 Table 8.4 marks temporary (38 network out of order, 41 temporary failure, 42
 * congestion, 47 resources unavailable); 128–255 are TP-FCS values (TS 23.040 §9.2.3.22), permanent except 192
 * "SC busy"; 300–340 are the ME's own: temporary where the ME or SIM is busy, not ready or off the network (300, 301,
 * 302, 314, 320, 322, 331, 332), permanent where the request itself is wrong (303, 304, 305, 330 no SMSC address,
 * and the rest); 500 "unknown error" and manufacturer codes (512+) are retried (bounded by the time to live).
 * {@code +CME ERROR} during a send (an EC25 says 14 "SIM busy" while its SMS service starts) and a bare
 * {@code ERROR} are retried. A timeout, or a link lost while the exchange was under way, is {@link Verdict#UNKNOWN}:
 * the PDU may have reached the network.
 */
final class SendFailures {
    /** What to do with the message. */
    enum Verdict {
        /** Nothing left the modem for this part: try again after a backoff, until the time to live. */
        RETRY,
        /** It will not work by trying again: failed (partially sent when earlier parts left). */
        FAIL,
        /** The part may have left: unknown, never retried unless the request asked for it. */
        UNKNOWN
    }

    private static final Set<Integer> TEMPORARY_RP_CAUSES = Set.of(38, 41, 42, 47);
    private static final int SC_BUSY = 192;
    private static final Map<Integer, Verdict> ME_ERRORS = Map.ofEntries(
            Map.entry(300, Verdict.RETRY), // ME failure
            Map.entry(301, Verdict.RETRY), // SMS service of ME reserved
            Map.entry(302, Verdict.RETRY), // operation not allowed (SIM800: SMS not ready)
            Map.entry(303, Verdict.FAIL), // operation not supported
            Map.entry(304, Verdict.FAIL), // invalid PDU mode parameter
            Map.entry(305, Verdict.FAIL), // invalid text mode parameter
            Map.entry(314, Verdict.RETRY), // SIM busy
            Map.entry(320, Verdict.RETRY), // memory failure
            Map.entry(322, Verdict.RETRY), // memory full (the sweep empties it)
            Map.entry(330, Verdict.FAIL), // SMSC address unknown
            Map.entry(331, Verdict.RETRY), // no network service
            Map.entry(332, Verdict.RETRY), // network timeout
            Map.entry(500, Verdict.RETRY)); // unknown error
    /** Failures raised before the command was written to the modem: nothing can have left. */
    private static final Set<String> NOT_WRITTEN = Set.of("modem not connected", "AT command queue full",
            "SMS service not initialised", PartFailure.NOT_RECORDED);

    private SendFailures() {
    }

    static Verdict classify(CallstackException failure) {
        if (failure instanceof InvalidRequestException) {
            return Verdict.FAIL;
        }
        if (failure instanceof ModemTimeoutException) {
            return Verdict.UNKNOWN;
        }
        if (failure instanceof ModemRejectedException rejected) {
            String message = String.valueOf(rejected.getMessage());
            if (!message.contains("+CMS ERROR") || rejected.code().isEmpty()) {
                return Verdict.RETRY;
            }
            return cmsError(rejected.code().getAsInt());
        }
        return NOT_WRITTEN.contains(failure.getMessage()) ? Verdict.RETRY : Verdict.UNKNOWN;
    }

    static Verdict cmsError(int code) {
        if (code >= 1 && code <= 127) {
            return TEMPORARY_RP_CAUSES.contains(code) ? Verdict.RETRY : Verdict.FAIL;
        }
        if (code >= 128 && code <= 255) {
            return code == SC_BUSY ? Verdict.RETRY : Verdict.FAIL;
        }
        if (code >= 512) {
            return Verdict.RETRY;
        }
        return ME_ERRORS.getOrDefault(code, Verdict.FAIL);
    }
}
