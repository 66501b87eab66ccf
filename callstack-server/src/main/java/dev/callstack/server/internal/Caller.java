package dev.callstack.server.internal;

import dev.callstack.realtime.View;
import dev.callstack.server.Privilege;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, as far as authorisation cares.
 *
 * @param keyId             the key's 1-based configuration position; 0 when the server runs with {@code --no-auth}
 * @param privileges        what the caller may do beyond reading
 * @param smsPerDay         SMS parts per rolling 24 hours; 0 for no limit
 * @param recipientPrefixes E.164 prefixes SMS recipients must start with; empty for any
 * @param quotaId           the stable name the SMS quota is counted under (a digest of the key, never the key)
 */
record Caller(int keyId, Set<Privilege> privileges, int smsPerDay, List<String> recipientPrefixes, String quotaId) {
    /**
     * The caller of a {@code --no-auth} server (loopback only): it may send, but it sees the redacted view and has no
     * {@code admin}, so an unauthenticated local process can neither read payloads nor reconfigure the server.
     */
    static final Caller NO_AUTH = new Caller(0, EnumSet.of(Privilege.SEND, Privilege.USSD, Privilege.CALLS), 0,
            List.of(), "no-auth");

    Caller {
        privileges = Set.copyOf(Objects.requireNonNull(privileges, "privileges"));
        recipientPrefixes = List.copyOf(Objects.requireNonNull(recipientPrefixes, "recipientPrefixes"));
        Objects.requireNonNull(quotaId, "quotaId");
    }

    boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }

    /** Whether {@code recipient} (E.164) is one this caller may send to. */
    boolean mayReach(String recipient) {
        if (recipientPrefixes.isEmpty()) {
            return true;
        }
        for (String prefix : recipientPrefixes) {
            if (recipient.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The view this caller may see. */
    View view() {
        return has(Privilege.CONTENT) ? View.CONTENT : View.REDACTED;
    }
}
