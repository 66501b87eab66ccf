package dev.callstack.modem.internal.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code AT+CPMS} memories chosen from what {@code AT+CPMS=?} offers: {@code +CPMS: (<mem1 list>),(<mem2
 * list>),(<mem3 list>)} (27.005 3.2.2; mem1 is read and deleted, mem2 written and sent from, mem3 where received
 * messages are stored; some modems give two lists, none for mem3). Preferences are 27.005's common memories, SIM
 * first: "SM", "ME", "MT". mem3 is chosen first, among the memories mem1 can also read, so every received message is
 * readable without switching to a memory mem1 does not offer; mem1 and mem2 follow it when they offer it. A memory the
 * modem does not list is never chosen: a list without any preferred memory means no choice (the modem's own setting
 * stays).
 *
 * @param memories the chosen memories, one per list the modem gave (mem1 first)
 */
record StorageChoice(List<String> memories) {
    /** 27.005's common memories in order of preference: the SIM, the modem's own, both. */
    static final List<String> PREFERRED = List.of("SM", "ME", "MT");

    StorageChoice {
        memories = List.copyOf(memories);
        if (memories.isEmpty()) {
            throw new IllegalArgumentException("no memory chosen");
        }
    }

    /** The lists of a {@code +CPMS=?} answer ({@code ("SM","ME"),("SM"),("SM")}), names canonical; empty when none. */
    static List<List<String>> parseLists(String value) {
        List<List<String>> lists = new ArrayList<>();
        int open = value.indexOf('(');
        while (open >= 0) {
            int close = value.indexOf(')', open);
            if (close < 0) {
                break;
            }
            List<String> names = new ArrayList<>();
            for (String field : value.substring(open + 1, close).split(",", -1)) {
                ModemStorage.canonical(field).ifPresent(names::add);
            }
            lists.add(List.copyOf(names));
            open = value.indexOf('(', close);
        }
        return List.copyOf(lists.subList(0, Math.min(3, lists.size())));
    }

    /** The choice for the offered lists and preferences; empty when a list offers no preferred memory. */
    static Optional<StorageChoice> choose(List<List<String>> offered, List<String> preferred) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        List<String> read = offered.get(0);
        List<String> last = offered.get(offered.size() - 1);
        Optional<String> receive = preferred.stream().filter(last::contains).filter(read::contains).findFirst()
                .or(() -> preferred.stream().filter(last::contains).findFirst());
        if (receive.isEmpty()) {
            return Optional.empty();
        }
        List<String> memories = new ArrayList<>();
        for (List<String> list : offered) {
            Optional<String> pick = list.contains(receive.get()) ? receive
                    : preferred.stream().filter(list::contains).findFirst();
            if (pick.isEmpty()) {
                return Optional.empty();
            }
            memories.add(pick.get());
        }
        return Optional.of(new StorageChoice(memories));
    }

    /** The set command: {@code AT+CPMS="ME","ME","ME"}. */
    String command() {
        return "AT+CPMS=" + String.join(",", memories.stream().map(m -> "\"" + m + "\"").toList());
    }

    /** mem1, then mem3 when it differs: the memories messages are read from. */
    List<String> readFrom() {
        String read = memories.get(0);
        String receive = memories.get(memories.size() - 1);
        return read.equals(receive) || memories.size() < 3 ? List.of(read) : List.of(read, receive);
    }
}
