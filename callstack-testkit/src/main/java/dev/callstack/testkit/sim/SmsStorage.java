package dev.callstack.testkit.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The modem's message memories: the SIM ("SM") and the modem's own ("ME"; "MT" names both, as on SIMCom and Quectel,
 * and reads as "SM" here), each with slots 1..{@link #CAPACITY}, each slot a hex PDU with its {@code <stat>}
 * (0 received unread, 1 received read, 2 stored unsent, 3 stored sent). {@code AT+CPMS} selects the memory that
 * reads, lists and deletes go to ({@link #select}); messages arrive in the memory the caller names.
 *
 * <p>Thread-safe.
 */
final class SmsStorage {
    static final int CAPACITY = 30;
    static final int REC_UNREAD = 0;
    static final int REC_READ = 1;
    static final int ALL = 4;
    static final String SIM = "SM";
    static final String MODEM = "ME";
    private static final List<String> DEFAULT_OFFER = List.of(SIM, MODEM, "MT");

    /** One occupied slot. */
    record Entry(int index, int stat, String pdu) {
    }

    private final Map<String, TreeMap<Integer, Entry>> memories = new LinkedHashMap<>();
    private String selected = SIM;
    /** What {@code AT+CPMS=?} offers for mem1, mem2, mem3; a set naming anything else is refused. */
    private List<List<String>> offered = List.of(DEFAULT_OFFER, DEFAULT_OFFER, DEFAULT_OFFER);
    /** Until {@link #offer} restricts it, any memory the simulation has is accepted in any position ("SR" too). */
    private boolean restricted;
    /** mem3 as the host (or {@link #offer}) named it: where received messages are stored and what +CMTI names. */
    private String receiving = SIM;

    SmsStorage() {
        memories.put(SIM, new TreeMap<>());
        memories.put(MODEM, new TreeMap<>());
    }

    /** The memory {@code name} names ("MT" is "SM"), or null when the modem has none of that name. */
    private static String canonical(String name) {
        String n = name.replace("\"", "").strip().toUpperCase(Locale.ROOT);
        return switch (n) {
            case SIM, "MT", "SR" -> SIM;
            case MODEM -> MODEM;
            default -> null;
        };
    }

    /** {@code AT+CPMS="<name>"}: false when there is no such memory. */
    synchronized boolean select(String name) {
        String n = canonical(name);
        if (n == null) {
            return false;
        }
        selected = n;
        return true;
    }

    synchronized String selected() {
        return selected;
    }

    /** Stores in the lowest free slot of the receiving memory (mem3). */
    synchronized int store(String pdu, int stat) {
        return store(receiving, pdu, stat);
    }

    /** The receiving memory (mem3) by the name the host gave it, as {@code +CMTI} names it. */
    synchronized String receiving() {
        return receiving;
    }

    /**
     * What {@code AT+CPMS=?} offers from now on: one list per memory (two or three lists). mem1 becomes the first of
     * the first list, mem3 the first of the last, as a modem that offers nothing else must have them.
     */
    synchronized void offer(List<List<String>> lists) {
        if (lists.size() < 2 || lists.size() > 3 || lists.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("two or three non-empty memory lists");
        }
        for (List<String> list : lists) {
            list.forEach(this::memory);
        }
        offered = lists.stream().map(List::copyOf).toList();
        restricted = true;
        selected = canonical(offered.get(0).get(0));
        receiving = offered.get(offered.size() - 1).get(0);
    }

    /** The {@code AT+CPMS=?} answer's value: {@code ("SM","ME","MT"),(...),(...)}. */
    synchronized String offerText() {
        List<String> groups = new ArrayList<>();
        for (List<String> list : offered) {
            groups.add("(" + String.join(",", list.stream().map(m -> "\"" + m + "\"").toList()) + ")");
        }
        return String.join(",", groups);
    }

    /**
     * {@code AT+CPMS=<mem1>[,<mem2>[,<mem3>]]}: false, changing nothing, when a memory is not offered in its
     * position (or the modem has none of that name); mem3 becomes the receiving memory.
     */
    synchronized boolean selectAll(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\"", "").strip().toUpperCase(Locale.ROOT);
            boolean listed = i < offered.size() && offered.get(i).contains(name);
            if (canonical(name) == null || (restricted && !listed)) {
                return false;
            }
        }
        selected = canonical(names.get(0));
        if (names.size() >= 3) {
            receiving = names.get(2).replace("\"", "").strip().toUpperCase(Locale.ROOT);
        }
        return true;
    }

    /** Stores in the lowest free slot of {@code memory}; -1 when that memory is full. */
    synchronized int store(String memory, String pdu, int stat) {
        Objects.requireNonNull(pdu, "pdu");
        Map<Integer, Entry> slots = memory(memory);
        for (int index = 1; index <= CAPACITY; index++) {
            if (!slots.containsKey(index)) {
                slots.put(index, new Entry(index, stat, pdu));
                return index;
            }
        }
        return -1;
    }

    synchronized boolean full(String memory) {
        return memory(memory).size() >= CAPACITY;
    }

    /** Reads a slot of the selected memory, marking a received message read; null when empty. */
    synchronized Entry read(int index) {
        Map<Integer, Entry> slots = memories.get(selected);
        Entry entry = slots.get(index);
        if (entry != null && entry.stat() == REC_UNREAD) {
            slots.put(index, new Entry(index, REC_READ, entry.pdu()));
        }
        return entry;
    }

    /** Entries of the selected memory with the given stat ({@link #ALL} for every one), marking received ones read. */
    synchronized List<Entry> list(int stat) {
        List<Entry> result = new ArrayList<>();
        for (Entry entry : List.copyOf(memories.get(selected).values())) {
            if (stat == ALL || entry.stat() == stat) {
                result.add(entry);
                read(entry.index());
            }
        }
        return result;
    }

    synchronized void delete(int index) {
        memories.get(selected).remove(index);
    }

    /**
     * {@code AT+CMGD=<i>,<flag>} on the selected memory: 0 the slot, 1 all read, 2 read and sent, 3 read, sent and
     * unsent, 4 all.
     */
    synchronized void delete(int index, int flag) {
        Map<Integer, Entry> slots = memories.get(selected);
        switch (flag) {
            case 0 -> slots.remove(index);
            case 4 -> slots.clear();
            default -> slots.values().removeIf(e -> e.stat() == REC_READ
                    || (flag >= 2 && e.stat() == 3) || (flag >= 3 && e.stat() == 2));
        }
    }

    /** Messages in the selected memory. */
    synchronized int size() {
        return memories.get(selected).size();
    }

    /** Index → PDU of the SIM's messages. */
    synchronized Map<Integer, String> snapshot() {
        return snapshot(SIM);
    }

    /** Index → PDU of {@code memory}'s messages. */
    synchronized Map<Integer, String> snapshot(String memory) {
        Map<Integer, String> copy = new LinkedHashMap<>();
        memory(memory).forEach((i, e) -> copy.put(i, e.pdu()));
        return copy;
    }

    private Map<Integer, Entry> memory(String name) {
        String n = canonical(Objects.requireNonNull(name, "memory"));
        if (n == null) {
            throw new IllegalArgumentException("no SMS memory " + name + " (SM, ME, MT)");
        }
        return memories.get(n);
    }
}
