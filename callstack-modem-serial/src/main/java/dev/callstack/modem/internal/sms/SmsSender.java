package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import dev.callstack.modem.pdu.SmsSubmitEncoder;
import dev.callstack.modem.pdu.SubmitPdu;
import dev.callstack.modem.pdu.SubmitRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages part by part, for both the direct path ({@link #send}) and the outbox ({@link #sendParts}): per
 * part, the {@link SendLedger} marks it in flight, then {@code AT+CMGS=<tpdu length>} → {@code > } → PDU +
 * Ctrl-Z → {@code +CMGS: <mr>}, then the ledger records the TP-MR (each part is in {@link SendsInFlight} from its
 * {@code AT+CMGS} until recorded), strictly in order. A failure names how many parts went out before it, never the
 * number or the text.
 *
 * <p>{@link #encode} is thread-safe; {@link #send} and {@link #sendParts} must be called by one thread at a time (the
 * service's send thread), which is what serialises multipart messages.
 */
final class SmsSender {
    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final BlockingAt at;
    private final SendLedger ledger;
    private final EventBus events;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final Duration sendTimeout;
    private final SendsInFlight inFlight;
    private final Runnable afterAnswer;
    // Random start: a restart does not reuse the references of the messages sent just before it.
    private final AtomicInteger concatReference = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));

    /** @param afterAnswer runs between a part's {@code +CMGS:} answer and its record (crash tests halt there) */
    SmsSender(BlockingAt at, SendLedger ledger, EventBus events, Clock clock, BooleanSupplier ready,
              Duration sendTimeout, SendsInFlight inFlight, Runnable afterAnswer) {
        this.at = Objects.requireNonNull(at, "at");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
        this.afterAnswer = Objects.requireNonNull(afterAnswer, "afterAnswer");
    }

    /** A fresh concatenation reference for a new message. */
    int nextConcatReference() {
        return concatReference.getAndIncrement() & 0xFF;
    }

    /** Validates and encodes with a fresh reference; throws {@link InvalidRequestException} when it cannot be sent. */
    List<SubmitPdu> encode(OutgoingSms sms) {
        return encode(sms, nextConcatReference());
    }

    /** Validates and encodes; the same message and reference always give the same PDUs (retries, resumes). */
    static List<SubmitPdu> encode(OutgoingSms sms, int concatReference) {
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
            return SmsSubmitEncoder.encode(SubmitRequest.of(sms, concatReference));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("SMS cannot be encoded");
        }
    }

    /** The direct path: store, send every part, publish {@link SmsSent}; a failure is recorded and thrown. */
    SmsSendResult send(OutgoingSms sms, List<SubmitPdu> pdus) {
        int total = pdus.size();
        if (!ready.getAsBoolean()) {
            throw new ModemUnavailableException("modem not connected");
        }
        long id;
        try {
            id = ledger.beginDirect(sms, total, clock.instant());
        } catch (MessageStoreException e) {
            throw new ModemUnavailableException("SMS store unavailable", e);
        }
        List<Integer> references;
        try {
            references = sendParts(id, pdus, List.of());
        } catch (PartFailure f) {
            recordDirectFailure(id, f, total);
            throw failure(f.failure(), f.partsSent(), total);
        }
        log.info("SMS {} sent to {} in {} part(s)", id, sms.to(), total);
        events.publish(new SmsSent(clock.instant(), sms.to().value(), references, total, id));
        return new SmsSendResult(id, sms.to(), references);
    }

    /**
     * Sends the parts after those that already left ({@code earlier}, their references), recording each step in the
     * ledger. The shared loop of the direct path and the outbox.
     *
     * @return every part's reference, in part order
     * @throws PartFailure when a part could not be handed over (the parts before it did leave)
     */
    List<Integer> sendParts(long id, List<SubmitPdu> pdus, List<Integer> earlier) throws PartFailure {
        int total = pdus.size();
        List<Integer> references = new ArrayList<>(earlier);
        for (int index = references.size(); index < total; index++) {
            int part = index + 1;
            try {
                ledger.inFlight(id, part);
            } catch (MessageStoreException e) {
                throw new PartFailure(references, new ModemUnavailableException(PartFailure.NOT_RECORDED, e));
            }
            // The part's status report may be read before it is recorded: the correlator waits for this window.
            inFlight.begin();
            try {
                int reference;
                try {
                    reference = reference(at.call(AtCommand.withPrompt("AT+CMGS=" + pdus.get(index).tpduLength(),
                            pdus.get(index).hex(), "+CMGS:").withTimeout(sendTimeout)));
                } catch (CallstackException e) {
                    throw new PartFailure(references, e);
                }
                afterAnswer.run();
                try {
                    ledger.sent(id, part, total, reference, clock.instant());
                } catch (MessageStoreException e) {
                    log.warn("Sent part {} of message {} not recorded: {}", part, id, e.getClass().getSimpleName());
                    throw new PartFailure(references, new ModemUnavailableException("SMS store unavailable", e));
                }
                references.add(reference);
            } finally {
                inFlight.end();
            }
        }
        return references;
    }

    private void recordDirectFailure(long id, PartFailure f, int total) {
        OutboxStatus status = switch (SendFailures.classify(f.failure())) {
            case UNKNOWN -> OutboxStatus.UNKNOWN;
            case RETRY, FAIL -> f.partsSent() > 0 ? OutboxStatus.PARTIALLY_SENT : OutboxStatus.FAILED;
        };
        try {
            ledger.failedDirect(id, status, describe(f, total));
        } catch (MessageStoreException e) {
            log.warn("Failed message {} not recorded: {}", id, e.getClass().getSimpleName());
        }
    }

    /** Why a message stopped, for the store and events: no number, no text. */
    static String describe(PartFailure f, int total) {
        CallstackException cause = f.failure();
        String what;
        if (cause instanceof ModemTimeoutException) {
            what = "the modem did not answer AT+CMGS in time; the part may have been sent";
        } else if (cause instanceof ModemRejectedException) {
            what = "the modem rejected it (" + cause.getMessage() + ")";
        } else if (cause instanceof InvalidRequestException) {
            what = "it cannot be sent (" + cause.getMessage() + ")";
        } else {
            what = "the modem was unavailable (" + cause.getMessage() + ")";
        }
        return "part " + (f.partsSent() + 1) + " of " + total + ": " + what;
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
