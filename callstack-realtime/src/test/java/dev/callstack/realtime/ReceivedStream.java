package dev.callstack.realtime;

import java.util.ArrayList;
import java.util.List;

/** What one client saw, checked against the protocol's ordering rules. */
record ReceivedStream(List<Long> eventIds, long reportedDrops, int overflowNotices) {

    /**
     * Checks: hello first and only once; ids strictly increasing; every overflow notice positive and directly followed
     * by an event. A sink that was never writable has received nothing, which is valid too.
     *
     * <p>These streams run to hundreds of thousands of messages, so fields are read by their position in the exact
     * format that {@code EnvelopeContractTest} pins, with plain checks rather than AssertJ per message.
     */
    static ReceivedStream of(RecordingSink sink) {
        List<String> messages = sink.texts();
        if (messages.isEmpty()) {
            return new ReceivedStream(List.of(), 0, 0);
        }
        String who = sink.connectionId();
        check(type(messages.get(0)).equals("hello"), who, 0, "the first message is not hello");
        List<Long> ids = new ArrayList<>();
        long drops = 0;
        int notices = 0;
        long lastId = 0;
        for (int i = 1; i < messages.size(); i++) {
            String message = messages.get(i);
            String type = type(message);
            check(!type.equals("hello"), who, i, "a second hello");
            if (type.equals("overflow")) {
                check(i + 1 < messages.size(), who, i, "overflow is the last message");
                String following = type(messages.get(i + 1));
                check(!following.equals("overflow") && !following.equals("hello"), who, i,
                        "overflow not followed by an event");
                long dropped = number(message, "\"dropped\":");
                check(dropped > 0, who, i, "overflow without drops");
                drops += dropped;
                notices++;
            } else {
                long id = number(message, "\"id\":");
                check(id > lastId, who, i, "id " + id + " after " + lastId);
                lastId = id;
                ids.add(id);
            }
        }
        return new ReceivedStream(ids, drops, notices);
    }

    /**
     * For a client that selected every event: between two events it received, the ids it missed are exactly the
     * count of the overflow notice in between (none without a notice). So nothing vanished unaccounted, even for a
     * client whose drain was delayed long enough to overflow.
     */
    static void assertEveryGapIsReported(RecordingSink sink) {
        long previousId = 0;
        long reported = 0;
        List<String> messages = sink.texts();
        for (int i = 1; i < messages.size(); i++) {
            String message = messages.get(i);
            if (type(message).equals("overflow")) {
                reported += number(message, "\"dropped\":");
                continue;
            }
            long id = number(message, "\"id\":");
            if (previousId != 0) {
                long missed = id - previousId - 1;
                check(missed == reported, sink.connectionId(), i,
                        "missed " + missed + " events before id " + id + " but was told of " + reported);
            }
            previousId = id;
            reported = 0;
        }
    }

    long accountedFor() {
        return eventIds.size() + reportedDrops;
    }

    private static String type(String message) {
        String prefix = "{\"type\":\"";
        if (!message.startsWith(prefix)) {
            throw new AssertionError("not a realtime message: " + message);
        }
        return message.substring(prefix.length(), message.indexOf('"', prefix.length()));
    }

    private static long number(String message, String field) {
        int start = message.indexOf(field);
        if (start < 0) {
            throw new AssertionError("no " + field + " in " + message);
        }
        start += field.length();
        int end = start;
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return Long.parseLong(message.substring(start, end));
    }

    private static void check(boolean condition, String sink, int index, String problem) {
        if (!condition) {
            throw new AssertionError(sink + ", message " + index + ": " + problem);
        }
    }
}
