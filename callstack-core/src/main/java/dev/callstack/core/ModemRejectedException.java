package dev.callstack.core;

import java.util.OptionalInt;

/**
 * The modem or the network refused the request ({@code ERROR}, {@code +CMS ERROR}, {@code +CME ERROR}, a USSD
 * "not supported"...). Keeps the numeric error code when there was one.
 */
public final class ModemRejectedException extends CallstackException {
    private static final long serialVersionUID = 1L;

    /** The modem's numeric error code, or {@code null} when it answered a bare {@code ERROR}. */
    private final Integer code;

    /**
     * A rejection without an error code (a bare {@code ERROR}).
     *
     * @param message what was refused, free of numbers, bodies and USSD text
     */
    public ModemRejectedException(String message) {
        this(message, (Integer) null);
    }

    /**
     * A rejection with the modem's error code, which is appended to the message.
     *
     * @param message what was refused, free of numbers, bodies and USSD text
     * @param code the {@code +CMS ERROR}/{@code +CME ERROR} number, or {@code null} when there was none
     */
    public ModemRejectedException(String message, Integer code) {
        super(code == null ? message : message + " (code " + code + ")");
        this.code = code;
    }

    /**
     * A rejection caused by a lower-level failure; it has no error code.
     *
     * @param message what was refused, free of numbers, bodies and USSD text
     * @param cause the underlying failure
     */
    public ModemRejectedException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    /**
     * The modem's error code, for callers that map specific codes (e.g. {@code +CMS ERROR: 500}).
     *
     * @return the {@code +CMS ERROR}/{@code +CME ERROR} number, or empty when the modem gave none
     */
    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }
}
