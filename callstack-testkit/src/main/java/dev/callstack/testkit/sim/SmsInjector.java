package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The network's side of SMS for {@link AtModemSimulator}: incoming messages and delivery reports, stored (with the
 * {@code +CMTI}/{@code +CDSI} announcement the modem's settings call for) or routed straight to the link
 * ({@code +CMT}/{@code +CDS}), and a full storage. Thread-safe: storage and state are.
 */
final class SmsInjector {
    private final SimProfile profile;
    private final SmsStorage storage;
    private final SimState simState;
    private final Consumer<List<String>> emit;

    SmsInjector(SimProfile profile, SmsStorage storage, SimState simState, Consumer<List<String>> emit) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.simState = Objects.requireNonNull(simState, "simState");
        this.emit = Objects.requireNonNull(emit, "emit");
    }

    int store(String pduHex) {
        return storage.store(pduHex, SmsStorage.REC_UNREAD);
    }

    int deliverStored(String pduHex) {
        int index = store(pduHex);
        if (simState.announcesStored()) {
            urc("+CMTI: \"" + storage.receiving() + "\"," + index);
        }
        return index;
    }

    void deliverDirect(String pduHex) {
        Objects.requireNonNull(pduHex, "pduHex");
        emit.accept(List.of("+CMT: ," + Pdus.announcedLength(pduHex), pduHex));
    }

    void deliverReportDirect(String pduHex) {
        Objects.requireNonNull(pduHex, "pduHex");
        emit.accept(List.of("+CDS: " + Pdus.announcedLength(pduHex), pduHex));
    }

    int deliverReportStored(String pduHex, String memory) {
        int index = store(pduHex);
        if (simState.announcesStoredReports()) {
            urc("+CDSI: \"" + memory + "\"," + index);
        }
        return index;
    }

    int deliverStored(String memory, String pduHex) {
        int index = simState.storage().store(memory, pduHex, SmsStorage.REC_UNREAD);
        if (index < 0) {
            signalStorageFull();
            return -1;
        }
        urc("+CMTI: \"" + memory + "\"," + index);
        return index;
    }

    int storeRaw(String memory, String pduHex, int stat) {
        if (stat < 0 || stat > 3) {
            throw new IllegalArgumentException("stat must be 0..3");
        }
        return simState.storage().store(memory, pduHex, stat);
    }

    void fill(String memory, String pduHex) {
        while (simState.storage().store(memory, pduHex, SmsStorage.REC_UNREAD) > 0) {
            // one more slot taken
        }
    }

    void signalStorageFull() {
        urc(StorageFullUrc.line(profile));
    }

    void deliverTextMode(String sender, String scts, String text) {
        emit.accept(List.of("+CMT: \"" + Objects.requireNonNull(sender, "sender") + "\",,\""
                + Objects.requireNonNull(scts, "scts") + "\"", Objects.requireNonNull(text, "text")));
    }

    private void urc(String line) {
        emit.accept(List.of(line));
    }
}
