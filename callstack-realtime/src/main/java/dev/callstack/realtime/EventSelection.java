package dev.callstack.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events one client asked for, in the order it named them. Immutable.
 */
public final class EventSelection {
    private static final EventSelection ALL = new EventSelection(EventNames.supported());

    private final List<String> names;
    /** Bit {@code i} set when the name at index {@code i} of {@link EventNames#supported()} is selected. */
    private final int mask;

    private EventSelection(List<String> names) {
        this.names = List.copyOf(names);
        int bits = 0;
        for (String name : this.names) {
            bits |= 1 << EventNames.indexOf(name);
        }
        this.mask = bits;
    }

    /**
     * Every supported event.
     *
     * @return the shared selection of all events, in wire order
     */
    public static EventSelection all() {
        return ALL;
    }

    /**
     * Parses an {@code events} parameter: split on commas, trim ASCII whitespace, drop empty items, de-duplicate
     * keeping the first occurrence. {@code null}, blank or nothing left after normalisation selects every event.
     *
     * @throws UnsupportedEventFilterException when any item is not a supported name (checked before anything else
     *                                         happens, and the message does not echo the item)
     * @param eventsParam the raw query parameter value, or {@code null} when absent
     * @return the selection
     */
    public static EventSelection parse(String eventsParam) {
        if (eventsParam == null) {
            return ALL;
        }
        List<String> names = new ArrayList<>();
        int start = 0;
        while (start <= eventsParam.length()) {
            int comma = eventsParam.indexOf(',', start);
            int end = comma < 0 ? eventsParam.length() : comma;
            String item = trimAsciiWhitespace(eventsParam, start, end);
            if (!item.isEmpty()) {
                if (EventNames.indexOf(item) < 0) {
                    throw new UnsupportedEventFilterException(EventNames.supported());
                }
                if (!names.contains(item)) {
                    names.add(item);
                }
            }
            start = end + 1;
        }
        return names.isEmpty() ? ALL : new EventSelection(names);
    }

    /**
     * The selected names: the client's order for an explicit selection, wire order for all.
     *
     * @return an immutable list without duplicates
     */
    public List<String> names() {
        return names;
    }

    /**
     * Whether events named {@code name} are selected.
     *
     * @param name a wire event name
     * @return true when it is supported and selected; false for unknown names
     */
    public boolean includes(String name) {
        int index = EventNames.indexOf(name);
        return index >= 0 && includesIndex(index);
    }

    /**
     * Whether every supported event is selected.
     *
     * @return true for {@link #all()} and for an explicit list that names every event
     */
    public boolean isAll() {
        return names.size() == EventNames.supported().size();
    }

    boolean includesIndex(int index) {
        return (mask & (1 << index)) != 0;
    }

    int mask() {
        return mask;
    }

    private static String trimAsciiWhitespace(String value, int start, int end) {
        while (start < end && isAsciiWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventSelection that && names.equals(that.names);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(names);
    }

    @Override
    public String toString() {
        return "EventSelection" + names;
    }
}
