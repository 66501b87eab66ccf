package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.pdu.SmsSubmitEncoder;
import dev.callstack.modem.pdu.SubmitPdu;
import dev.callstack.modem.pdu.SubmitRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message: encode (a fresh concatenation reference per multipart message), store it, then per part
 * {@code AT+CMGS=<tpdu length>} → {@code > } → PDU + Ctrl-Z → {@code +CMGS: <mr>}, strictly in order, recording each
 * part's TP-MR (each part is in {@link SendsInFlight} from its {@code AT+CMGS} until recorded); publishes
 * {@link SmsSent} once every part went out. A failure names how many parts went out before it, never the number or
 * the text.
 *
 * <p>{@link #encode} is thread-safe; {@link #send} must be called by one thread at a time (the service's send
 * thread), which is what serialises multipart messages.
 */
final class SmsSender {
    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final BlockingAt at;
    private final MessageStore store;
    private final EventBus events;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final Duration sendTimeout;
    private final SendsInFlight inFlight;
    // Random start: a restart does not reuse the references of the messages sent just before it.
    private final AtomicInteger concatReference = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));

    SmsSender(BlockingAt at, MessageStore store, EventBus events, Clock clock, BooleanSupplier ready,
              Duration sendTimeout, SendsInFlight inFlight) {
        this.at = Objects.requireNonNull(at, "at");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    }

    /** Validates and encodes; throws {@link InvalidRequestException} for text that cannot be sent. */
    List<SubmitPdu> encode(OutgoingSms sms) {
        String body = sms.body();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRequestException("SMS body contains an unpaired surrogate character");
            }
        }
        try {
            return SmsSubmitEncoder.encode(SubmitRequest.of(sms, concatReference.getAndIncrement() & 0xFF));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("SMS cannot be encoded");
        }
    }

    SmsSendResult send(OutgoingSms sms, List<SubmitPdu> pdus) {
        int total = pdus.size();
        if (!ready.getAsBoolean()) {
            throw new ModemUnavailableException("modem not connected");
        }
        long id;
        try {
            id = store.insertSent(new OutboundMessage(sms.to().value(), sms.body(), total, clock.instant()));
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
        List<Integer> references = new ArrayList<>(total);
        for (SubmitPdu pdu : pdus) {
            // The part's status report may be read before it is recorded: the correlator waits for this window.
            inFlight.begin();
            try {
                sendPart(id, pdu, references, total);
            } finally {
                inFlight.end();
            }
        }
        log.info("SMS {} sent to {} in {} part(s)", id, sms.to(), total);
        events.publish(new SmsSent(clock.instant(), sms.to().value(), references, total, id));
        return new SmsSendResult(id, sms.to(), references);
    }

    private void sendPart(long id, SubmitPdu pdu, List<Integer> references, int total) {
        int reference;
        try {
            AtResponse response = at.call(AtCommand.withPrompt("AT+CMGS=" + pdu.tpduLength(), pdu.hex(),
                    "+CMGS:").withTimeout(sendTimeout));
            reference = reference(response);
        } catch (CallstackException e) {
            throw failure(e, references.size(), total);
        }
        references.add(reference);
        Instant now = clock.instant();
        try {
            store.recordSentPart(id, references.size(), reference, now);
        } catch (MessageStoreException e) {
            log.warn("Sent part {} of message {} not recorded: {}", references.size(), id,
                    e.getClass().getSimpleName());
        }
    }

    private static int reference(AtResponse response) {
        String value = response.value("+CMGS:").orElseThrow(
                () -> new ModemRejectedException("modem accepted the SMS part but gave no message reference"));
        int comma = value.indexOf(',');
        String number = (comma >= 0 ? value.substring(0, comma) : value).strip();
        try {
            int reference = Integer.parseInt(number);
            if (reference >= 0 && reference <= 255) {
                return reference;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ModemRejectedException("modem gave an invalid message reference");
    }

    private static CallstackException failure(CallstackException cause, int sent, int total) {
        String prefix = "SMS send failed after " + sent + " of " + total + " part" + (total == 1 ? "" : "s");
        log.warn("{}: {}", prefix, cause.getClass().getSimpleName());
        if (cause instanceof ModemRejectedException rejected) {
            return new ModemRejectedException(prefix + ": modem rejected it",
                    rejected.code().isPresent() ? rejected.code().getAsInt() : null);
        }
        if (cause instanceof ModemTimeoutException) {
            // The modem may have taken the part before going quiet: say so, and never send it again on our own.
            return new ModemTimeoutException(prefix + ": modem did not answer in time; the part may have been sent"
                    + " and is not retried");
        }
        if (cause instanceof InvalidRequestException invalid) {
            return invalid;
        }
        return new ModemUnavailableException(prefix + ": modem disconnected", cause);
    }
}
