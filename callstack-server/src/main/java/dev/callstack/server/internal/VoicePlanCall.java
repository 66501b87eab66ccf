package dev.callstack.server.internal;

import dev.callstack.core.event.EventBus;
import dev.callstack.core.event.IvrOptionChosen;
import dev.callstack.core.event.VoicemailRecorded;
import dev.callstack.core.voice.CallSession;
import dev.callstack.core.voice.IvrAction;
import dev.callstack.core.voice.IvrListener;
import dev.callstack.core.voice.IvrMenu;
import dev.callstack.core.voice.IvrOutcome;
import dev.callstack.core.voice.Voicemail;
import dev.callstack.core.voice.VoicemailBox;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link VoicePlan} on one answered call as the core {@link IvrMenu} it describes: the greeting with
 * barge-in, one digit, its action; a time-out or an unknown digit repeats the menu up to {@code retries} times. Every
 * chosen option is published as {@code call.ivr}; a voicemail is stored (file, then row) before {@code call.voicemail}
 * is published. The call is hung up on every way out. Logs carry neither the caller nor the digits.
 *
 * <p>Thread-safe: the menu is immutable; {@link #run} blocks for the whole call, on the voice thread.
 */
final class VoicePlanCall {
    private static final Logger log = LoggerFactory.getLogger(VoicePlanCall.class);

    private final VoicePlan plan;
    private final IvrMenu menu;
    private final VoicemailStore voicemail;
    private final EventBus events;
    private final Clock clock;

    VoicePlanCall(VoicePlan plan, VoicemailStore voicemail, EventBus events, Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.voicemail = Objects.requireNonNull(voicemail, "voicemail");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.menu = menu(plan, clock);
    }

    /** The plan as a core menu; the plan was validated, so the builders accept it. */
    static IvrMenu menu(VoicePlan plan, Clock clock) {
        IvrMenu.Builder builder = IvrMenu.builder(plan.greeting()).digitTimeout(plan.timeout())
                .retries(plan.retries());
        if (plan.invalid() != null) {
            builder.invalidPrompt(plan.invalid());
        }
        if (plan.goodbye() != null) {
            builder.goodbye(plan.goodbye());
        }
        for (Map.Entry<Character, VoicePlan.Action> option : plan.options().entrySet()) {
            builder.option(String.valueOf(option.getKey()), action(option.getValue(), plan, clock));
        }
        return builder.build();
    }

    private static IvrAction action(VoicePlan.Action action, VoicePlan plan, Clock clock) {
        if (action instanceof VoicePlan.Voicemail box) {
            VoicemailBox.Builder builder = VoicemailBox.builder().maxDuration(box.maxDuration()).clock(clock);
            if (plan.goodbye() != null) {
                builder.goodbye(plan.goodbye());
            }
            return IvrAction.voicemail(builder.build());
        }
        if (action instanceof VoicePlan.Play play) {
            return IvrAction.play(play.clip());
        }
        return new IvrAction.Notify(((VoicePlan.Notify) action).event(), IvrAction.After.HANG_UP);
    }

    /**
     * Runs the menu; {@code caller} is the number for the voicemail's metadata, null when withheld.
     *
     * @throws RuntimeException when the session failed other than by the call ending (after hanging up)
     */
    void run(CallSession session, String caller) {
        try {
            IvrOutcome outcome = menu.run(session, null, new Listener(caller));
            log.info("Voice: menu done ({}, {} option(s) chosen)", outcome.ending(), outcome.path().size());
        } finally {
            session.hangUp();
        }
    }

    /** Publishes the choices and stores the voicemail; on the voice thread, in order. */
    private final class Listener implements IvrListener {
        private final String caller;

        Listener(String caller) {
            this.caller = caller;
        }

        @Override
        public void onOption(String digit) {
            VoicePlan.Action action = plan.options().get(digit.charAt(0));
            events.publish(new IvrOptionChosen(clock.instant(), digit,
                    action instanceof VoicePlan.Notify notify ? notify.event() : null));
        }

        @Override
        public void onVoicemail(Voicemail message) {
            if (message.recording().audio().sampleCount() == 0) {
                log.info("Voice: empty voicemail not stored");
                return;
            }
            try {
                VoicemailEntry stored = voicemail.store(caller, message.start(), message.recording());
                log.info("Voice: voicemail {} stored ({} ms, {})", stored.id(), stored.duration().toMillis(),
                        stored.ending());
                events.publish(new VoicemailRecorded(clock.instant(), stored.id(), stored.duration(),
                        stored.caller()));
            } catch (RuntimeException failed) {
                // The menu would log only the class as a listener failure; say what was lost.
                log.error("Voice: a voicemail could not be stored ({})", failed.getClass().getName());
            }
        }
    }
}
