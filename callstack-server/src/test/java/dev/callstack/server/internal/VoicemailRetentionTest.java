package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.Recording;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicemailRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theRetentionSweepDeletesOldVoicemailFileAndRowAndKeepsNewOnes() {
        try (VoicemailStore store = VoicemailStore.open(dir.resolve("c.db"), dir.resolve("vm"))) {
            Recording recording = new Recording(AudioClip.silence(Duration.ofSeconds(1)), Recording.Ending.HANGUP);
            VoicemailEntry old = store.store("+15550100100", NOW.minus(Duration.ofDays(8)), recording);
            VoicemailEntry fresh = store.store(null, NOW.minus(Duration.ofHours(1)), recording);
            Path oldFile = store.audio(old).orElseThrow();
            RetentionSweeper sweeper = new RetentionSweeper(store::deleteBefore, "voicemails", Duration.ofDays(7),
                    Clock.fixed(NOW, ZoneOffset.UTC));

            assertThat(sweeper.sweep()).isEqualTo(1);

            assertThat(oldFile).doesNotExist();
            assertThat(store.find(old.id())).isEmpty();
            assertThat(store.find(fresh.id())).isPresent();
            assertThat(store.audio(fresh)).isPresent();
            assertThat(store.list(10, -1)).extracting(VoicemailEntry::id).containsExactly(fresh.id());
        }
    }

    @Test
    void rowsSurviveReopeningAndIdsAreRandomNotTheCaller() {
        Recording recording = new Recording(AudioClip.silence(Duration.ofMillis(200)), Recording.Ending.MAX_DURATION);
        String id;
        try (VoicemailStore store = VoicemailStore.open(dir.resolve("c.db"), dir.resolve("vm"))) {
            VoicemailEntry entry = store.store("+15550100100", NOW, recording);
            id = entry.id();
            assertThat(id).matches(VoicemailStore.ID).doesNotContain("0100");
            assertThat(entry.file()).isEqualTo(id + ".wav");
            assertThat(entry.ending()).isEqualTo("max_duration");
        }
        try (VoicemailStore store = VoicemailStore.open(dir.resolve("c.db"), dir.resolve("vm"))) {
            assertThat(store.find(id)).get().extracting(VoicemailEntry::caller).isEqualTo("+15550100100");
        }
    }

    @Test
    void aTamperedFileNameNeverLeavesTheDirectory() {
        try (VoicemailStore store = VoicemailStore.open(null, dir.resolve("vm"))) {
            VoicemailEntry evil = new VoicemailEntry(1, "AAAAAAAAAAAAAAAAAAAAAA", null, NOW, Duration.ZERO, "hangup",
                    "../c.db");
            assertThat(store.audio(evil)).isEmpty();
        }
    }
}
