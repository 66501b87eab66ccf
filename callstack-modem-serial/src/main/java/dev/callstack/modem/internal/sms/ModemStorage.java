package dev.callstack.modem.internal.sms;

import dev.callstack.modem.internal.at.AtCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The modem's message storage as the SMS service uses it: which storage reads and deletes go to ({@code AT+CPMS}
 * mem1), reading one slot, listing all, deleting one.
 *
 * <p>Not thread-safe; confined to the SMS inbound thread.
 */
final class ModemStorage {
    /** Storage names are short upper-case words ("SM", "ME", "SR", "MT"); anything else is not sent to the modem. */
    private static final Pattern NAME = Pattern.compile("[A-Z0-9]{1,4}");
    static final String DEFAULT = "SM";
    static final String STATUS_REPORTS = "SR";

    private final BlockingAt at;
    private String current = DEFAULT;
    // Storages a +CMTI named ("ME", "MT"): swept too from then on, even if the init's sweep list lacks them.
    private final Set<String> announced = new LinkedHashSet<>();

    ModemStorage(BlockingAt at) {
        this.at = Objects.requireNonNull(at, "at");
    }

    /** What {@code AT+CPMS?} said mem1 is (after a connect); nothing is sent. */
    void assume(String storage) {
        current = canonical(storage).orElse(DEFAULT);
    }

    String current() {
        return current;
    }

    /** The storage a notification named, or the current one when it named none usable. */
    String resolve(String storage) {
        return canonical(storage).orElse(current);
    }

    /** A {@code +CMTI} named {@code storage}: it is in use, so every sweep lists it from now on. */
    void noteAnnounced(String storage) {
        canonical(storage).filter(name -> !STATUS_REPORTS.equals(name)).ifPresent(announced::add);
    }

    /** {@code storages} and every storage a {@code +CMTI} has named, each once, in that order. */
    List<String> inUse(List<String> storages) {
        Set<String> all = new LinkedHashSet<>();
        for (String name : storages) {
            canonical(name).ifPresent(all::add);
        }
        all.addAll(announced);
        return List.copyOf(all);
    }

    /** Makes {@code storage} mem1 unless it already is. */
    void select(String storage) {
        String name = resolve(storage);
        if (!name.equals(current)) {
            at.call(AtCommand.query("AT+CPMS=\"" + name + "\"", "+CPMS:"));
            current = name;
        }
    }

    Optional<StoredPdu> read(int index) {
        return StoredPduParser.read(index, at.call(AtCommand.pduRead("AT+CMGR=" + index, "+CMGR:", 1)));
    }

    List<StoredPdu> listAll() {
        return StoredPduParser.list(at.call(AtCommand.pduRead("AT+CMGL=4", "+CMGL:", AtCommand.UNLIMITED)));
    }

    void delete(int index) {
        at.call(AtCommand.simple("AT+CMGD=" + index));
    }

    /** mem1's used and total slots from {@code AT+CPMS?} ({@code +CPMS: "SM",3,30,...}); empty when unreadable. */
    Optional<StorageUsage> usage() {
        for (String line : at.call(AtCommand.query("AT+CPMS?", "+CPMS:")).lines()) {
            Optional<StorageUsage> usage = StorageUsage.parse(line);
            if (usage.isPresent()) {
                return usage;
            }
        }
        return Optional.empty();
    }

    static Optional<String> canonical(String storage) {
        if (storage == null) {
            return Optional.empty();
        }
        String s = storage.replace("\"", "").strip().toUpperCase(Locale.ROOT);
        return NAME.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
