package dev.callstack.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventCursorTest {
    @Test
    void unsetUntilTheFirstHelloThenLiveFromTheJournalsNewestId() {
        EventCursor cursor = new EventCursor();
        assertThat(cursor.isSet()).isFalse();
        cursor.hello(10);
        assertThat(cursor.isSet()).isTrue();
        assertThat(cursor.since()).isEqualTo(10);
    }

    @Test
    void aReconnectsHelloDoesNotSkipTheReplayThatFollowsIt() {
        EventCursor cursor = new EventCursor();
        cursor.hello(10);
        cursor.shown(11);
        cursor.shown(12);
        // Reconnected with since=12: the server announces its newest id (50) first, then replays 13..50.
        cursor.hello(50);
        cursor.shown(13);
        // The connection drops here: the next since= must be 13, not 50, or 14..50 are lost.
        assertThat(cursor.since()).isEqualTo(13);
    }

    @Test
    void neverMovesBackwards() {
        EventCursor cursor = new EventCursor();
        cursor.shown(7);
        cursor.shown(5);
        cursor.hello(3);
        assertThat(cursor.since()).isEqualTo(7);
    }
}
