package dev.callstack.core.voice;

/**
 * Told what happens while an {@link IvrMenu} runs. Called on the menu's thread, in order; keep it quick (hand work
 * to another thread). An exception thrown here is logged (its class only) and ignored, so a faulty listener cannot
 * drop a call. Every method does nothing by default.
 */
public interface IvrListener {

    /** A listener that ignores everything. */
    IvrListener NONE = new IvrListener() {
    };

    /**
     * The caller picked a valid option (the server publishes it as {@code call.ivr}). Not called for invalid input.
     *
     * @param digit the option's digit (a DTMF digit: treat it as caller input, never log it)
     */
    default void onOption(String digit) {
    }

    /**
     * A voicemail was taken (including one ended by the caller hanging up).
     *
     * @param voicemail the voicemail; not null
     */
    default void onVoicemail(Voicemail voicemail) {
    }

    /**
     * A {@link IvrAction.Notify} option was picked.
     *
     * @param name the event name
     */
    default void onNotify(String name) {
    }
}
