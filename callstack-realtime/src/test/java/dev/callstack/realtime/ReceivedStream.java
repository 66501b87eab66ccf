package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What one client saw, checked against the protocol's ordering rules. */
record ReceivedStream(List<Long> eventIds, long reportedDrops, int overflowNotices) {

    /**
     * Checks: hello first and only once; ids strictly increasing; every overflow notice directly followed by an event.
     */
    static ReceivedStream of(RecordingSink sink) {
        List<JsonNode> messages = sink.json();
        assertThat(messages).as("messages of %s", sink.connectionId()).isNotEmpty();
        assertThat(messages.get(0).get("type").asText()).isEqualTo("hello");
        List<Long> ids = new ArrayList<>();
        long drops = 0;
        int notices = 0;
        long lastId = 0;
        for (int i = 1; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String type = message.get("type").asText();
            assertThat(type).as("message %d of %s", i, sink.connectionId()).isNotEqualTo("hello");
            if (type.equals("overflow")) {
                assertThat(i + 1).as("overflow is followed by an event").isLessThan(messages.size());
                assertThat(messages.get(i + 1).get("type").asText()).isNotIn("overflow", "hello");
                assertThat(message.get("dropped").asLong()).isPositive();
                drops += message.get("dropped").asLong();
                notices++;
            } else {
                long id = message.get("id").asLong();
                assertThat(id).as("ids increase for %s", sink.connectionId()).isGreaterThan(lastId);
                lastId = id;
                ids.add(id);
            }
        }
        return new ReceivedStream(ids, drops, notices);
    }

    long accountedFor() {
        return eventIds.size() + reportedDrops;
    }
}
