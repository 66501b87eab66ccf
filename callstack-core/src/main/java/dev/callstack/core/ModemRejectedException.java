package dev.callstack.core;

import java.util.OptionalInt;

/**
 * The modem or the network refused the request ({@code ERROR}, {@code +CMS ERROR}, {@code +CME ERROR}, a USSD
 * "not supported"...). Keeps the numeric error code when there was one.
 */
public final class ModemRejectedException extends CallstackException {
    private static final long serialVersionUID = 1L;

    private final Integer code;

    public ModemRejectedException(String message) {
        this(message, (Integer) null);
    }

    public ModemRejectedException(String message, Integer code) {
        super(code == null ? message : message + " (code " + code + ")");
        this.code = code;
    }

    public ModemRejectedException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }
}
