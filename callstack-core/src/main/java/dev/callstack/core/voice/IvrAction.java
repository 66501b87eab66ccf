package dev.callstack.core.voice;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an {@link IvrMenu} does when the caller picks an option. A closed set of immutable values; build them with the
 * static factories ({@link #play(AudioClip)}, {@link #subMenu(IvrMenu)}, ...) or the record constructors.
 */
public sealed interface IvrAction
        permits IvrAction.Play, IvrAction.SubMenu, IvrAction.TakeVoicemail, IvrAction.Notify, IvrAction.HangUp,
        IvrAction.Back, IvrAction.Custom {

    /** What happens once an action that does not end the call by itself is done. */
    enum After {
        /** Play the current menu's prompt again (with a fresh count of retries). */
        REPEAT_MENU,
        /** Hang up: the call is complete. */
        HANG_UP
    }

    /**
     * Plays a clip, then returns to the menu.
     *
     * @param clip what to play; not null
     * @return the action
     */
    static IvrAction play(AudioClip clip) {
        return new Play(clip, After.REPEAT_MENU);
    }

    /**
     * Plays a clip, then hangs up.
     *
     * @param clip what to play; not null
     * @return the action
     */
    static IvrAction playThenHangUp(AudioClip clip) {
        return new Play(clip, After.HANG_UP);
    }

    /**
     * Runs a sub-menu; a {@link Back} option in it returns here.
     *
     * @param menu the sub-menu; not null
     * @return the action
     */
    static IvrAction subMenu(IvrMenu menu) {
        return new SubMenu(menu);
    }

    /**
     * Takes a voicemail; the box hangs up when it is done.
     *
     * @param box the voicemail box; not null
     * @return the action
     */
    static IvrAction voicemail(VoicemailBox box) {
        return new TakeVoicemail(box);
    }

    /**
     * Tells the listener an event name ({@link IvrListener#onNotify(String)}), then hangs up.
     *
     * @param name the event name, as {@link Notify} requires
     * @return the action
     */
    static IvrAction event(String name) {
        return new Notify(name, After.HANG_UP);
    }

    /**
     * Hangs up.
     *
     * @return the action
     */
    static IvrAction hangUp() {
        return new HangUp();
    }

    /**
     * Returns to the parent menu (in the top menu: repeats it).
     *
     * @return the action
     */
    static IvrAction back() {
        return new Back();
    }

    /**
     * Runs the embedder's own code on the session, then hangs up.
     *
     * @param script the code; not null
     * @return the action
     */
    static IvrAction custom(Consumer<CallSession> script) {
        return new Custom(script, After.HANG_UP);
    }

    /**
     * Plays a clip, then goes on as {@code after} says. Barge-in does not apply: the clip plays to its end.
     *
     * @param clip  what to play; not null
     * @param after what next; not null
     */
    record Play(AudioClip clip, After after) implements IvrAction {
        /**
         * Validates the fields.
         *
         * @param clip  what to play
         * @param after what next
         */
        public Play {
            Objects.requireNonNull(clip, "clip");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * Runs another menu. When it ends the call (completed, retries exhausted, hang-up) so does this one; when the
     * caller picks a {@link Back} option there, this menu plays its prompt again.
     *
     * @param menu the sub-menu; not null
     */
    record SubMenu(IvrMenu menu) implements IvrAction {
        /**
         * Validates the field.
         *
         * @param menu the sub-menu
         */
        public SubMenu {
            Objects.requireNonNull(menu, "menu");
        }
    }

    /**
     * Takes a voicemail with {@link VoicemailBox#take}; the listener gets it ({@link IvrListener#onVoicemail}); the box
     * hangs up, so the menu is complete.
     *
     * @param box the voicemail box; not null
     */
    record TakeVoicemail(VoicemailBox box) implements IvrAction {
        /**
         * Validates the field.
         *
         * @param box the voicemail box
         */
        public TakeVoicemail {
            Objects.requireNonNull(box, "box");
        }
    }

    /**
     * Tells the listener an event name ({@link IvrListener#onNotify(String)}, e.g. {@code "operator"}), then goes on as
     * {@code after} says.
     *
     * @param name  1 to 64 characters of {@code A-Z a-z 0-9 . _ -}
     * @param after what next; not null
     */
    record Notify(String name, After after) implements IvrAction {
        private static final int MAX_NAME = 64;

        /**
         * Validates the fields.
         *
         * @param name  the event name
         * @param after what next
         * @throws IllegalArgumentException if the name is empty, too long or has other characters
         */
        public Notify {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(after, "after");
            if (name.isEmpty() || name.length() > MAX_NAME || !name.chars().allMatch(Notify::nameChar)) {
                throw new IllegalArgumentException(
                        "event name must be 1 to " + MAX_NAME + " characters of A-Z a-z 0-9 . _ -");
            }
        }

        private static boolean nameChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
        }
    }

    /** Hangs up: the call is complete. */
    record HangUp() implements IvrAction {
    }

    /** Returns to the parent menu; in the top menu, plays its prompt again. */
    record Back() implements IvrAction {
    }

    /**
     * Runs the embedder's code on the session (on the menu's thread), then goes on as {@code after} says. A
     * {@link dev.callstack.core.CallEndedException} from it ends the menu like a caller hang-up; any other exception
     * hangs up and propagates from {@link IvrMenu#run}. A script that hangs up itself should use
     * {@link After#HANG_UP}: with {@link After#REPEAT_MENU} the ended call would read as a caller hang-up.
     *
     * @param script the code; not null
     * @param after  what next; not null
     */
    record Custom(Consumer<CallSession> script, After after) implements IvrAction {
        /**
         * Validates the fields.
         *
         * @param script the code
         * @param after  what next
         */
        public Custom {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(after, "after");
        }
    }
}
