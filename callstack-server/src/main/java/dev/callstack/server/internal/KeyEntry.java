package dev.callstack.server.internal;

import dev.callstack.server.Privilege;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A key as read from a key file or the environment, before it is digested. {@link #toString()} hides the secret.
 *
 * @param secret            the key itself
 * @param privileges        what it may do beyond reading (none: read-only)
 * @param smsPerDay         SMS parts it may send per rolling 24 hours; 0 for no limit
 * @param recipientPrefixes E.164 prefixes its SMS recipients must start with; empty for any recipient
 */
public record KeyEntry(String secret, Set<Privilege> privileges, int smsPerDay, List<String> recipientPrefixes) {
    /** Shorter keys are refused: they can be guessed, and a short token is more likely a typo or a privilege. */
    public static final int MIN_LENGTH = 16;
    static final Pattern PREFIX = Pattern.compile("\\+[0-9]{1,15}");

    public KeyEntry {
        Objects.requireNonNull(secret, "secret");
        privileges = Set.copyOf(Objects.requireNonNull(privileges, "privileges"));
        recipientPrefixes = List.copyOf(Objects.requireNonNull(recipientPrefixes, "recipientPrefixes"));
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("API key must not be empty");
        }
        if (smsPerDay < 0) {
            throw new IllegalArgumentException("smsPerDay must be 0 (no limit) or more");
        }
        for (String prefix : recipientPrefixes) {
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("recipient prefixes must be '+' and 1 to 15 digits");
            }
        }
    }

    /** A key without limits. */
    public KeyEntry(String secret, Set<Privilege> privileges) {
        this(secret, privileges, 0, List.of());
    }

    /** Privileges and limits as the startup log shows them (never the secret). */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (privileges.isEmpty()) {
            text.append("read-only");
        }
        for (Privilege privilege : Privilege.values()) {
            if (privileges.contains(privilege)) {
                text.append(text.length() == 0 ? "" : " ").append(privilege.wireName());
            }
        }
        if (smsPerDay > 0) {
            text.append(", sms_per_day=").append(smsPerDay);
        }
        if (!recipientPrefixes.isEmpty()) {
            // A prefix may be a whole number: count them, never print them.
            text.append(", to=").append(recipientPrefixes.size()).append(" prefix(es)");
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "KeyEntry[secret=[redacted], " + describe() + "]";
    }
}
