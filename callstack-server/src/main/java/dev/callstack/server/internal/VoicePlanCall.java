package dev.callstack.server.internal;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.IvrOptionChosen;
import dev.callstack.core.event.VoicemailRecorded;
import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.RecordOptions;
import dev.callstack.core.voice.Recording;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link VoicePlan} on one answered call: the greeting with barge-in, one digit, its action; a time-out or an
 * unknown digit repeats the menu up to {@code retries} times (each pass counts, a {@code play} option's too, so a
 * call always ends). A voicemail is stored before {@code call.voicemail} is published. The call is hung up on
 * every way out. Logs carry neither the caller nor the digits.
 *
 * <p>Stateless apart from its collaborators; {@link #run} blocks for the whole call, on the voice thread.
 */
final class VoicePlanCall {
    private static final Logger log = LoggerFactory.getLogger(VoicePlanCall.class);
    /** The tone before recording: 400 ms of 1 kHz. */
    static final AudioClip BEEP = beep();

    private final VoicePlan plan;
    private final VoicemailStore voicemail;
    private final EventBus events;
    private final Clock clock;

    VoicePlanCall(VoicePlan plan, VoicemailStore voicemail, EventBus events, Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.voicemail = Objects.requireNonNull(voicemail, "voicemail");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the menu; {@code caller} is the number for the voicemail's metadata, null when withheld. */
    void run(CallSession session, String caller) {
        try {
            menu(session, caller);
        } catch (CallEndedException ended) {
            log.info("Voice: the caller hung up during the menu");
        } finally {
            session.hangUp();
        }
    }

    private void menu(CallSession session, String caller) {
        for (int pass = 0; pass <= plan.retries(); pass++) {
            String digits = session.playAndCollect(plan.greeting(), 1, plan.timeout(), (char) 0);
            if (digits.isEmpty()) {
                continue;
            }
            VoicePlan.Action action = plan.options().get(digits.charAt(0));
            if (action == null) {
                if (plan.invalid() != null) {
                    session.play(plan.invalid());
                }
                continue;
            }
            events.publish(new IvrOptionChosen(clock.instant(), digits.substring(0, 1),
                    action instanceof VoicePlan.Notify notify ? notify.event() : null));
            if (action instanceof VoicePlan.Play play) {
                session.play(play.clip());
                continue;
            }
            if (action instanceof VoicePlan.Voicemail box) {
                recordVoicemail(session, caller, box);
                return;
            }
            goodbye(session);
            return;
        }
        log.info("Voice: no option chosen after {} pass(es); hanging up", plan.retries() + 1);
        goodbye(session);
    }

    private void recordVoicemail(CallSession session, String caller, VoicePlan.Voicemail box) {
        session.play(BEEP);
        Instant started = clock.instant();
        Recording recording = session.record(RecordOptions.upTo(box.maxDuration()));
        if (recording.audio().sampleCount() == 0) {
            log.info("Voice: empty voicemail not stored");
            return;
        }
        VoicemailEntry stored = voicemail.store(caller, started, recording);
        log.info("Voice: voicemail {} stored ({} ms, {})", stored.id(), stored.duration().toMillis(),
                stored.ending());
        events.publish(new VoicemailRecorded(clock.instant(), stored.id(), stored.duration(), stored.caller()));
        if (recording.ending() != Recording.Ending.HANGUP) {
            goodbye(session);
        }
    }

    private void goodbye(CallSession session) {
        if (plan.goodbye() != null && session.isActive()) {
            session.play(plan.goodbye());
        }
    }

    private static AudioClip beep() {
        short[] samples = new short[AudioFormat8k.SAMPLE_RATE * 2 / 5];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 1000 * i / AudioFormat8k.SAMPLE_RATE));
        }
        return AudioClip.ofSamples("beep", samples);
    }
}
