package dev.callstack.server.internal;

import dev.callstack.core.Modem;
import dev.callstack.core.voice.VoiceStatus;
import dev.callstack.server.Privilege;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's voice side: the voicemail store and its routes, the retention sweep on it, and, with a plan, the
 * answerer that runs it. Without an audio port nothing is answered and {@code /status} says why; calls, SMS and USSD
 * are untouched either way.
 *
 * <p>Thread-safe: built and closed once; its parts are thread-safe.
 */
final class VoiceService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VoiceService.class);

    private final Modem modem;
    private final VoicemailStore voicemail;
    private final VoicePlan plan;
    private final VoiceAnswerer answerer;
    private final RetentionSweeper sweeper;
    private final boolean temporary;

    private VoiceService(Modem modem, VoicemailStore voicemail, VoicePlan plan, VoiceAnswerer answerer,
                         RetentionSweeper sweeper, boolean temporary) {
        this.temporary = temporary;
        this.modem = modem;
        this.voicemail = voicemail;
        this.plan = plan;
        this.answerer = answerer;
        this.sweeper = sweeper;
    }

    /**
     * Reads the plan (refusing a bad one with a {@link VoicePlanException}), opens the store in {@code database} and
     * starts the answerer and the sweep.
     */
    static VoiceService start(VoiceSettings settings, Modem modem, Path database, Clock clock) {
        Objects.requireNonNull(modem, "modem");
        VoicePlan plan = settings.plan() == null ? null : VoicePlanReader.read(settings.plan());
        Path directory = settings.directory(database);
        boolean temporary = directory == null;
        if (temporary) {
            try {
                directory = Files.createTempDirectory("callstack-voicemail-");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create a voicemail directory ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
        VoicemailStore store = VoicemailStore.open(database, directory);
        RetentionSweeper sweeper = null;
        VoiceAnswerer answerer = null;
        try {
            if (!settings.retention().isZero()) {
                sweeper = new RetentionSweeper(store::deleteBefore, "voicemails", settings.retention(), clock)
                        .start();
            }
            if (plan != null) {
                VoiceStatus audio = modem.voice().status();
                if (audio == VoiceStatus.ABSENT) {
                    log.warn("Voice plan {} loaded, but the modem has no audio port (--audio-port): calls are not "
                            + "answered automatically", plan.source());
                }
                answerer = new VoiceAnswerer(modem, plan, new VoicePlanCall(plan, store, modem.events(), clock))
                        .start();
            }
        } catch (RuntimeException failed) {
            if (sweeper != null) {
                sweeper.close();
            }
            store.close();
            throw failed;
        }
        return new VoiceService(modem, store, plan, answerer, sweeper, temporary);
    }

    /** Whether a plan is loaded, for {@code /status}. */
    boolean planLoaded() {
        return plan != null;
    }

    /** The audio port's state, for {@code /status}. */
    VoiceStatus audioPort() {
        return modem.voice().status();
    }

    /** Adds {@code /voicemail}, {@code /voicemail/{id}.wav} and {@code DELETE /voicemail/{id}}. */
    void routes(Map<String, Map<HttpMethod, Route>> routes, Executor blocking) {
        routes.put(RoutePaths.VOICEMAIL, Map.of(HttpMethod.GET,
                new OffLoopRoute(new VoicemailListRoute(voicemail), blocking)));
        routes.put(RoutePaths.VOICEMAIL_AUDIO, Map.of(HttpMethod.GET, new PrivilegedRoute(Privilege.CONTENT,
                new OffLoopRoute(new VoicemailAudioRoute(voicemail), blocking))));
        routes.put(RoutePaths.VOICEMAIL_ITEM, Map.of(HttpMethod.DELETE, new PrivilegedRoute(Privilege.CONTENT,
                new OffLoopRoute(new VoicemailDeleteRoute(voicemail), blocking))));
    }

    @Override
    public void close() {
        if (answerer != null) {
            answerer.close();
        }
        if (sweeper != null) {
            sweeper.close();
        }
        voicemail.close();
        if (temporary) {
            deleteTemporary(voicemail.directory());
        }
    }

    /** A server without a database keeps voicemail only as long as it runs, like its rows. */
    private static void deleteTemporary(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("Could not remove the temporary voicemail directory ({})", e.getClass().getSimpleName());
        }
    }
}
