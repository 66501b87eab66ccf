package dev.callstack.server;

/** What an API key may see beyond the default redacted view. */
public enum Privilege {
    /** Full, unredacted payloads on {@code /ws}, in message listings and in USSD replies. */
    CONTENT;

    /**
     * The name used in key files and {@code CALLSTACK_API_KEYS}.
     *
     * @return the constant's name in lower case, e.g. {@code content}
     */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
