package dev.callstack.core.voice;

import dev.callstack.core.CallEndedException;
import dev.callstack.core.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link IvrMenu#run} on one call: walks the menus and records the path. Confined to the thread running the menu.
 */
final class IvrRun {
    private static final Logger LOG = LoggerFactory.getLogger(IvrRun.class);
    /** No terminator: options are single digits, so {@code #} can be one. */
    private static final char NO_TERMINATOR = 0;

    /** How one menu level ended: the whole call ended one way or another, or the caller asked to go back. */
    private enum Exit { COMPLETED, RETRIES_EXHAUSTED, BACK }

    private final CallSession session;
    private final PhoneNumber caller;
    private final IvrListener listener;
    private final List<String> path = new ArrayList<>();

    IvrRun(CallSession session, PhoneNumber caller, IvrListener listener) {
        this.session = Objects.requireNonNull(session, "session");
        this.caller = caller;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    IvrOutcome run(IvrMenu top) {
        try {
            Exit exit;
            do {
                exit = runMenu(top);
            } while (exit == Exit.BACK); // "back" in the top menu repeats it
            return new IvrOutcome(path, exit == Exit.COMPLETED
                    ? IvrOutcome.Ending.COMPLETED : IvrOutcome.Ending.RETRIES_EXHAUSTED);
        } catch (CallEndedException e) {
            // The normal end of most calls: the caller hung up somewhere in the script.
            return new IvrOutcome(path, IvrOutcome.Ending.CALLER_HUNG_UP);
        } catch (RuntimeException e) {
            // A custom action failed: do not leave the caller in dead air.
            session.hangUp();
            throw e;
        }
    }

    private Exit runMenu(IvrMenu menu) {
        int failures = 0;
        while (true) {
            String digit = session.playAndCollect(menu.prompt(), 1, menu.digitTimeout(), NO_TERMINATOR);
            IvrAction action = digit.isEmpty() ? null : menu.options().get(digit);
            if (action == null) {
                failures++;
                AudioClip complaint = digit.isEmpty()
                        ? menu.timeoutPrompt().orElse(menu.invalidPrompt().orElse(null))
                        : menu.invalidPrompt().orElse(null);
                if (complaint != null) {
                    session.play(complaint);
                }
                if (failures > menu.retries()) {
                    menu.goodbye().ifPresent(session::play);
                    session.hangUp();
                    return Exit.RETRIES_EXHAUSTED;
                }
                continue;
            }
            failures = 0;
            path.add(digit);
            tell(() -> listener.onOption(digit));
            Exit exit = perform(action);
            if (exit != null) {
                return exit;
            }
        }
    }

    /** Performs an action; null means "play this menu again". Java 17 has no pattern switch, hence the chain. */
    private Exit perform(IvrAction action) {
        if (action instanceof IvrAction.Play p) {
            session.play(p.clip());
            return after(p.after());
        }
        if (action instanceof IvrAction.SubMenu s) {
            Exit exit = runMenu(s.menu());
            return exit == Exit.BACK ? null : exit;
        }
        if (action instanceof IvrAction.TakeVoicemail v) {
            Voicemail message = v.box().take(session, caller);
            tell(() -> listener.onVoicemail(message));
            return Exit.COMPLETED;
        }
        if (action instanceof IvrAction.Notify n) {
            tell(() -> listener.onNotify(n.name()));
            return after(n.after());
        }
        if (action instanceof IvrAction.Custom c) {
            c.script().accept(session);
            return after(c.after());
        }
        if (action instanceof IvrAction.Back) {
            return Exit.BACK;
        }
        session.hangUp(); // IvrAction.HangUp, the last of the sealed set
        return Exit.COMPLETED;
    }

    private Exit after(IvrAction.After after) {
        if (after == IvrAction.After.HANG_UP) {
            session.hangUp();
            return Exit.COMPLETED;
        }
        return null;
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // A listener bug must not drop the caller; the class alone says enough without leaking call data.
            LOG.warn("IVR listener failed: {}", e.getClass().getName());
        }
    }
}
