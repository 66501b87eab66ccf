package dev.callstack.modem.internal.at;

/** Where the executor hands lines that are not part of a command's answer. Called on the engine thread only. */
public interface UnsolicitedHandler {
    /** Takes no line for a URC and drops whatever reaches it: for a user that wants answers only (a probe). */
    UnsolicitedHandler NONE = new UnsolicitedHandler() {
        @Override
        public boolean consumeContinuation(String line) {
            return false;
        }

        @Override
        public boolean isUnsolicited(String line) {
            return false;
        }

        @Override
        public void onUnsolicited(String line) {
            // Answers only.
        }

        @Override
        public void reset() {
            // Nothing remembered.
        }
    };

    /** True when {@code line} was the awaited second line of a two-line URC ({@code +CMT}, {@code +CDS}). */
    boolean consumeContinuation(String line);

    /** True for a line the URC parser recognises (so a free-text answer does not swallow it). */
    boolean isUnsolicited(String line);

    void onUnsolicited(String line);

    /** A new link starts: forget any half-received URC. */
    void reset();
}
