package dev.callstack.realtime;

/**
 * Which version of an event's data a client receives.
 *
 * <ul>
 *   <li>{@link #REDACTED}: the default; numbers are redacted by {@link dev.callstack.core.Redaction#phone} and free
 *       text (SMS body, DTMF digit, USSD message) is replaced by {@code [redacted]}, with its length kept.</li>
 *   <li>{@link #CONTENT}: the same fields with numbers and text in full; only for credentials carrying the
 *       {@code content} privilege.</li>
 * </ul>
 */
public enum View {
    /** Numbers redacted, free text replaced by {@code [redacted]}; the default for every client. */
    REDACTED,
    /** Numbers and text in full; requires the {@code content} privilege. */
    CONTENT
}
