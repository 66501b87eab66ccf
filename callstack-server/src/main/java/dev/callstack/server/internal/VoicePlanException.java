package dev.callstack.server.internal;

/**
 * A voice plan refused at startup: the message names the file, the JSON path of the offending value
 * ({@code options.7.play}) and the reason, and is meant for the operator as it is (the server prints it and exits 2).
 */
final class VoicePlanException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    VoicePlanException(String message) {
        super(message);
    }

    VoicePlanException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an operator's mistake, reported by message; a trace would only hide it
    }
}
