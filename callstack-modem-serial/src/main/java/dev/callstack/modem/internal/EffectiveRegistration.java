package dev.callstack.modem.internal;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.Registration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The best registration over the circuit-switched ({@code +CREG}), packet ({@code +CGREG}), LTE ({@code +CEREG})
 * and 5G ({@code +C5GREG}) domains, with its access technology. An LTE-only modem reports {@code +CREG: 0,0} for
 * hours next to {@code +CEREG: 0,1}, so no one domain can speak for the modem: registered (home, then roaming) beats
 * searching, denied, not registered and unknown, in that order. The technology is the winning domain's
 * {@code <AcT>}; when its line has none, what the domain implies (LTE for {@code +CEREG}, NR for {@code +C5GREG}),
 * then another registered domain's {@code <AcT>}, then {@code AT+COPS?}'s. It is unknown while not registered.
 *
 * <p>Immutable; {@link #of} is pure.
 */
record EffectiveRegistration(Registration registration, AccessTechnology technology) {
    static final EffectiveRegistration UNKNOWN =
            new EffectiveRegistration(Registration.UNKNOWN, AccessTechnology.UNKNOWN);

    /** One domain's last report; {@code act} -1 when the line carried none. */
    record Report(int stat, int act) {
    }

    /** Newest first: between equally good domains, the newer one's {@code <AcT>} says more. */
    private static final List<String> DOMAINS = List.of("C5GREG", "CEREG", "CGREG", "CREG");
    private static final List<Registration> BEST_FIRST = List.of(Registration.HOME, Registration.ROAMING,
            Registration.SEARCHING, Registration.DENIED, Registration.NOT_REGISTERED, Registration.UNKNOWN);
    /** What a registered domain's report means when it has no {@code <AcT>}: these domains have one radio. */
    private static final Map<String, AccessTechnology> IMPLIED =
            Map.of("CEREG", AccessTechnology.LTE, "C5GREG", AccessTechnology.NR);

    EffectiveRegistration {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(technology, "technology");
    }

    /*
     * equals and hashCode written out, with the generated ones' meaning: NetworkMonitor compares registrations on every
     * report, and the generated methods bootstrap java.lang.runtime.ObjectMethods, whose method-handle machinery
     * (about 40 classes, a third of them generated at run time outside the CDS archive) an idle server loads for
     * nothing else.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof EffectiveRegistration that && registration == that.registration
                && technology == that.technology;
    }

    @Override
    public int hashCode() {
        return 31 * registration.hashCode() + technology.hashCode();
    }

    /**
     * @param reports  the last report of each domain that has reported, keyed {@code "CREG"}, {@code "CGREG"},
     *                 {@code "CEREG"}, {@code "C5GREG"}; other keys are ignored
     * @param operator the technology {@code AT+COPS?} reported, {@link AccessTechnology#UNKNOWN} if none
     */
    static EffectiveRegistration of(Map<String, Report> reports, AccessTechnology operator) {
        String winner = null;
        Registration best = Registration.UNKNOWN;
        for (String domain : DOMAINS) {
            Report report = reports.get(domain);
            if (report == null) {
                continue;
            }
            Registration r = Registration.fromStat(report.stat());
            if (winner == null || BEST_FIRST.indexOf(r) < BEST_FIRST.indexOf(best)) {
                winner = domain;
                best = r;
            }
        }
        if (winner == null) {
            return UNKNOWN;
        }
        if (!best.isRegistered()) {
            return new EffectiveRegistration(best, AccessTechnology.UNKNOWN);
        }
        return new EffectiveRegistration(best, technology(winner, best, reports, operator));
    }

    private static AccessTechnology technology(String winner, Registration best, Map<String, Report> reports,
                                               AccessTechnology operator) {
        AccessTechnology own = AccessTechnology.fromAct(reports.get(winner).act());
        if (own != AccessTechnology.UNKNOWN) {
            return own;
        }
        AccessTechnology implied = IMPLIED.getOrDefault(winner, AccessTechnology.UNKNOWN);
        if (implied != AccessTechnology.UNKNOWN) {
            return implied;
        }
        for (String domain : DOMAINS) {
            Report report = reports.get(domain);
            if (report != null && Registration.fromStat(report.stat()) == best) {
                AccessTechnology other = AccessTechnology.fromAct(report.act());
                if (other != AccessTechnology.UNKNOWN) {
                    return other;
                }
            }
        }
        return operator;
    }
}
