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
 * storages (chosen from {@code AT+CPMS=?}, else {@code AT+CPMS?}) and new-message indications ({@code AT+CNMI}, first choice {@code 2,1,0,2,0}: messages
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

    /**
     * mem1 first, then mem3 if different, then "SR" when mem1 may be it. They are chosen from {@code AT+CPMS=?}
     * ({@link StorageChoice}) and set; without a usable list the modem's own setting ({@code AT+CPMS?}) is kept,
     * "SM" when that names none.
     */
    private List<String> storages() {
        List<List<String>> offered = offeredStorages();
        Set<String> out = new LinkedHashSet<>(chosen(offered).orElseGet(this::currentStorages));
        if (!offered.isEmpty() && offered.get(0).contains(ModemStorage.STATUS_REPORTS)) {
            // Reports stored while nobody listened wait there (CNMI ds=2 on modems with an "SR" storage).
            out.add(ModemStorage.STATUS_REPORTS);
        }
        return List.copyOf(out);
    }

    /** The memories set from the offered lists, logged (memory names only); empty when none could be set. */
    private Optional<List<String>> chosen(List<List<String>> offered) {
        Optional<StorageChoice> choice = StorageChoice.choose(offered, StorageChoice.PREFERRED);
        if (choice.isEmpty()) {
            return Optional.empty();
        }
        try {
            at.call(AtCommand.query(choice.get().command(), "+CPMS:"));
            log.info("SMS storage chosen from the modem's lists {}: {}", offered, choice.get().memories());
            return Optional.of(choice.get().readFrom());
        } catch (CallstackException e) {
            log.debug("{} refused: {}", choice.get().command(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** mem1 and mem3 as {@code AT+CPMS?} names them; "SM" when it names none. */
    private List<String> currentStorages() {
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
        return List.copyOf(out);
    }

    /** The memory lists of {@code AT+CPMS=?} ({@code +CPMS: ("SM","ME","SR"),(...),(...)}); empty when unusable. */
    private List<List<String>> offeredStorages() {
        try {
            String value = at.call(AtCommand.query("AT+CPMS=?", "+CPMS:")).value("+CPMS:").orElse("");
            return StorageChoice.parseLists(value);
        } catch (CallstackException e) {
            log.debug("AT+CPMS=? failed: {}", e.getClass().getSimpleName());
            return List.of();
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
