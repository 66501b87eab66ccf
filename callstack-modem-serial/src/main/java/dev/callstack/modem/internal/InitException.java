package dev.callstack.modem.internal;

/** Init did not complete; {@code fatal} means retrying cannot help (or would burn PIN attempts). */
final class InitException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean fatal;

    InitException(String reason, boolean fatal) {
        super(reason, null, false, false);
        this.fatal = fatal;
    }

    boolean fatal() {
        return fatal;
    }
}
