package dev.callstack.testkit.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The SIM's message store ("SM"): slots 1..{@link #CAPACITY}, each a hex PDU with its {@code <stat>}
 * (0 received unread, 1 received read, 2 stored unsent, 3 stored sent).
 *
 * <p>Thread-safe.
 */
final class SmsStorage {
    static final int CAPACITY = 30;
    static final int REC_UNREAD = 0;
    static final int REC_READ = 1;
    static final int ALL = 4;

    /** One occupied slot. */
    record Entry(int index, int stat, String pdu) {
    }

    private final TreeMap<Integer, Entry> slots = new TreeMap<>();

    /** Stores in the lowest free slot. */
    synchronized int store(String pdu, int stat) {
        Objects.requireNonNull(pdu, "pdu");
        for (int index = 1; index <= CAPACITY; index++) {
            if (!slots.containsKey(index)) {
                slots.put(index, new Entry(index, stat, pdu));
                return index;
            }
        }
        throw new IllegalStateException("SMS storage full (" + CAPACITY + " messages)");
    }

    /** Reads a slot, marking a received message read; null when empty. */
    synchronized Entry read(int index) {
        Entry entry = slots.get(index);
        if (entry != null && entry.stat() == REC_UNREAD) {
            slots.put(index, new Entry(index, REC_READ, entry.pdu()));
        }
        return entry;
    }

    /** Entries with the given stat ({@link #ALL} for every one), marking received ones read. */
    synchronized List<Entry> list(int stat) {
        List<Entry> result = new ArrayList<>();
        for (Entry entry : List.copyOf(slots.values())) {
            if (stat == ALL || entry.stat() == stat) {
                result.add(entry);
                read(entry.index());
            }
        }
        return result;
    }

    synchronized void delete(int index) {
        slots.remove(index);
    }

    /**
     * {@code AT+CMGD=<i>,<flag>}: 0 the slot, 1 all read, 2 read and sent, 3 read, sent and unsent, 4 all.
     */
    synchronized void delete(int index, int flag) {
        switch (flag) {
            case 0 -> slots.remove(index);
            case 4 -> slots.clear();
            default -> slots.values().removeIf(e -> e.stat() == REC_READ
                    || (flag >= 2 && e.stat() == 3) || (flag >= 3 && e.stat() == 2));
        }
    }

    synchronized int size() {
        return slots.size();
    }

    synchronized Map<Integer, String> snapshot() {
        Map<Integer, String> copy = new LinkedHashMap<>();
        slots.forEach((i, e) -> copy.put(i, e.pdu()));
        return copy;
    }
}
