package dev.callstack.modem.internal.urc;

import dev.callstack.modem.pdu.PduHex;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Joins the two-line URCs: a {@code +CMT}/{@code +CDS} header waits for the next line, which is the PDU when it is
 * hex. A header followed by anything else (the {@code +CDS:25} then {@code BAD} seen in the wild) is dropped and the
 * line is treated on its own. A text-mode {@code +CMT} header takes its body line as the message text.
 *
 * <p>Not thread-safe; confined to the executor's engine thread.
 */
public final class UrcAssembler {
    /** Shorter than any real SMS-DELIVER or STATUS-REPORT TPDU with its SMSC field. */
    private static final int MIN_PDU_HEX = 20;
    private Urc pending;
    private final UssdContinuation ussd = new UssdContinuation();

    /** Parses a line that is not part of a command's answer; empty while a two-line URC is incomplete. */
    public Optional<Urc> accept(String line) {
        if (UssdContinuation.opens(line)) {
            ussd.start(line);
            return Optional.empty();
        }
        Urc urc = UrcParser.parse(line);
        if (urc instanceof Urc.SmsPduHeader || urc instanceof Urc.TextModeSms) {
            pending = urc;
            return Optional.empty();
        }
        return Optional.of(urc);
    }

    /** True while a header waits for its second line. */
    public boolean awaitingContinuation() {
        return pending != null;
    }

    /**
     * Offers the line after a header: returns the completed URC (or {@link Urc.Info} for a swallowed text-mode
     * body), or empty when the line is not a continuation and must be handled on its own.
     */
    public Optional<Urc> continuation(String line) {
        Urc header = pending;
        if (header == null) {
            return Optional.empty();
        }
        pending = null;
        if (header instanceof Urc.TextModeSms text) {
            // The body line is the message as the modem decoded it (GSM text in the TE character set).
            return Optional.of(new Urc.Sms(new SmsUrc.TextMessage(text.originator(), text.scts(), line)));
        }
        Urc.SmsPduHeader pdu = (Urc.SmsPduHeader) header;
        String hex = stripQuotes(line.strip());
        if (!PduHex.isHexDigits(hex) || hex.length() < MIN_PDU_HEX || hex.length() % 2 != 0) {
            return Optional.empty();
        }
        SmsUrc sms = pdu.statusReport() ? new SmsUrc.DirectStatusReport(hex, pdu.length())
                : new SmsUrc.DirectMessage(hex, pdu.length());
        return Optional.of(new Urc.Sms(sms));
    }

    /** True while a {@code +CUSD} reply's quoted text spans lines and is not closed yet. */
    public boolean awaitingUssdText() {
        return ussd.active();
    }

    /**
     * Offers the next line of a multi-line {@code +CUSD}: true when it belonged to the reply (a completed reply
     * goes to {@code sink}); false when the line must be handled on its own (the partial reply went to
     * {@code sink} first).
     */
    public boolean continueUssd(String line, Consumer<Urc> sink) {
        return ussd.offer(line, sink);
    }

    public void reset() {
        pending = null;
        ussd.reset();
    }

    private static String stripQuotes(String s) {
        return AtFields.unquote(s);
    }
}
