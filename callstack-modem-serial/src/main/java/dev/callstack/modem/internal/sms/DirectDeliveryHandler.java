package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.modem.internal.at.AtCommand;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code +CMT} and {@code +CDS}: the PDU came with the notification and is on no storage, so it is stored first,
 * then acknowledged with {@code AT+CNMA} when the modem runs the phase 2+ message service (an unneeded or late
 * CNMA answers {@code +CMS ERROR}, which is tolerated). A PDU whose store failed is not acknowledged, so the
 * network delivers it again.
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class DirectDeliveryHandler {
    private static final Logger log = LoggerFactory.getLogger(DirectDeliveryHandler.class);

    private final InboundSmsReceiver receiver;
    private final BlockingAt at;

    DirectDeliveryHandler(InboundSmsReceiver receiver, BlockingAt at) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.at = Objects.requireNonNull(at, "at");
    }

    void onDirect(String pduHex, String kind, boolean ackRequired) {
        acknowledge(receiver.accept(pduHex, PduSource.direct(kind)), kind, ackRequired);
    }

    /**
     * A text-mode {@code +CMT} (a modem that ignores {@code AT+CMGF=0} for direct delivery, testdata §1): stored as
     * the modem decoded it, then acknowledged like a PDU.
     */
    void onText(String originator, String scts, String text, boolean ackRequired) {
        acknowledge(receiver.acceptText(originator, scts, text), "+CMT text", ackRequired);
    }

    private void acknowledge(InboundOutcome outcome, String kind, boolean ackRequired) {
        if (!ackRequired || outcome == InboundOutcome.STORE_FAILED) {
            return;
        }
        try {
            at.call(AtCommand.simple("AT+CNMA"));
        } catch (CallstackException e) {
            log.debug("AT+CNMA after {} not accepted: {}", kind, e.getMessage());
        }
    }
}
