package dev.callstack.modem.internal.sms;

import dev.callstack.core.CallstackException;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS part of every connect: PDU mode ({@code AT+CMGF=0}), the message service phase ({@code AT+CSMS?}), the
 * storages ({@code AT+CPMS?}) and new-message indications ({@code AT+CNMI}, first choice {@code 2,1,0,2,0}: messages
 * stored and announced with {@code +CMTI}, reports stored and announced with {@code +CDSI}; the service handles
 * {@code +CMT} and {@code +CDS} too whatever the modem ends up doing). Odd or missing answers fall back to defaults.
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class SmsInitializer {
    private static final Logger log = LoggerFactory.getLogger(SmsInitializer.class);
    private static final List<String> CNMI_CHOICES = List.of("AT+CNMI=2,1,0,2,0", "AT+CNMI=2,1,0,1,0",
            "AT+CNMI=1,1,0,1,0", "AT+CNMI=1,1,0,0,0");

    private final BlockingAt at;

    SmsInitializer(BlockingAt at) {
        this.at = Objects.requireNonNull(at, "at");
    }

    /** Throws only when the modem refuses PDU mode or the link fails; everything else degrades. */
    SmsModemSetup run() {
        at.call(AtCommand.simple("AT+CMGF=0"));
        boolean ack = ackRequired();
        List<String> storages = storages();
        String indications = null;
        Optional<String> chosen = chooseIndications();
        List<String> candidates = new ArrayList<>();
        chosen.ifPresent(candidates::add);
        // When AT+CNMI=? failed, or the modem refuses its own choice: the standard list, most useful first.
        CNMI_CHOICES.stream().filter(c -> !candidates.contains(c)).forEach(candidates::add);
        for (String cnmi : candidates) {
            try {
                at.call(AtCommand.simple(cnmi));
                indications = cnmi;
                break;
            } catch (CallstackException e) {
                log.debug("{} refused: {}", cnmi, e.getClass().getSimpleName());
            }
        }
        if (indications == null) {
            log.warn("The modem accepted no AT+CNMI setting; new messages are found by the connect sweep only");
        }
        log.info("SMS ready: PDU mode, {}, storages {}, CNMA {}", indications, storages,
                ack ? "used" : "not needed");
        return new SmsModemSetup(ack, storages.get(0), storages, indications);
    }

    /** The setting chosen from {@code AT+CNMI=?}, logged (values only); empty when the test command failed. */
    private Optional<String> chooseIndications() {
        try {
            Optional<String> answer = at.call(AtCommand.query("AT+CNMI=?", "+CNMI:")).value("+CNMI:");
            Optional<String> chosen = answer.flatMap(CnmiChoice::choose);
            if (chosen.isPresent()) {
                log.info("AT+CNMI chosen from the modem's ranges {}: {}", answer.get().strip(), chosen.get());
            } else {
                log.debug("AT+CNMI=? answer unusable; trying the standard settings");
            }
            return chosen;
        } catch (CallstackException e) {
            log.debug("AT+CNMI=? failed: {}; trying the standard settings", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private boolean ackRequired() {
        try {
            Optional<String> csms = at.call(AtCommand.query("AT+CSMS?", "+CSMS:")).value("+CSMS:");
            if (csms.isPresent()) {
                String service = csms.get().split(",", -1)[0].strip();
                return !service.equals("0");
            }
        } catch (CallstackException e) {
            log.debug("AT+CSMS? failed: {}", e.getClass().getSimpleName());
        }
        return true;
    }

    /**
     * Whether the modem still has the {@code <mt>} the init set ({@code AT+CNMI?}): a modem that restarted under a
     * live link answers the power-on {@code 0,0,...}. A modem that cannot answer the query is taken as unchanged.
     */
    boolean indicationsLost(SmsModemSetup setup) {
        int expected = setup.mt();
        if (expected <= 0) {
            return false;
        }
        try {
            Optional<String> value = at.call(AtCommand.query("AT+CNMI?", "+CNMI:")).value("+CNMI:");
            if (value.isEmpty()) {
                return false;
            }
            String[] fields = value.get().split(",", -1);
            return fields.length > 1 && !fields[1].strip().equals(String.valueOf(expected));
        } catch (CallstackException e) {
            log.debug("AT+CNMI? failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /** mem1 first, then mem3 if different; "SM" when the answer names none. */
    private List<String> storages() {
        List<String> names = new ArrayList<>();
        try {
            AtResponse r = at.call(AtCommand.query("AT+CPMS?", "+CPMS:"));
            names = parseCpms(r.value("+CPMS:").orElse(""));
        } catch (CallstackException e) {
            log.debug("AT+CPMS? failed: {}", e.getClass().getSimpleName());
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(names.isEmpty() ? ModemStorage.DEFAULT : names.get(0));
        if (names.size() >= 3) {
            out.add(names.get(2));
        }
        if (supportsStatusReportStorage()) {
            // Reports stored while nobody listened wait there (CNMI ds=2 on modems with an "SR" storage).
            out.add(ModemStorage.STATUS_REPORTS);
        }
        return List.copyOf(out);
    }

    /** Whether {@code AT+CPMS=?} lists "SR" among the read storages ({@code +CPMS: ("SM","ME","SR"),(...),(...)}). */
    private boolean supportsStatusReportStorage() {
        try {
            String value = at.call(AtCommand.query("AT+CPMS=?", "+CPMS:")).value("+CPMS:").orElse("");
            int close = value.indexOf(')');
            String readStorages = close > 0 ? value.substring(0, close) : "";
            return parseCpms(readStorages).contains(ModemStorage.STATUS_REPORTS);
        } catch (CallstackException e) {
            log.debug("AT+CPMS=? failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Storage names in a {@code +CPMS?} answer, in order ({@code "SM",3,30,"ME",0,100,...}). */
    static List<String> parseCpms(String value) {
        List<String> names = new ArrayList<>();
        for (String field : value.split(",", -1)) {
            String f = field.replace("(", "").replace(")", "").strip();
            if (f.startsWith("\"") || (!f.isEmpty() && Character.isLetter(f.charAt(0)))) {
                ModemStorage.canonical(f).ifPresent(names::add);
            }
        }
        return names;
    }
}
