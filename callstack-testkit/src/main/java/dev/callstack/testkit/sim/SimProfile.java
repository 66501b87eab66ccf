package dev.callstack.testkit.sim;

import java.util.Locale;
import java.util.Objects;

/**
 * The modems the simulator can play. Each is a {@link CommandTable}: the SIM800 table with the entries where the
 * real device answers differently (identity, registration domains, quirks). Identity strings are those real devices
 * report (see the test resources' {@code at-transcripts.md}).
 */
public enum SimProfile {
    /** SIMCom SIM800L: 2G only, {@code +CREG}/{@code +CGREG}. The default. */
    SIM800,
    /** SIMCom SIM7600E-H: LTE Cat-1 with 3G/2G fallback. */
    SIM7600,
    /** Quectel EC25-E: LTE Cat-4 with 3G/2G fallback. */
    EC25,
    /** Huawei ME909s-120: LTE module with the {@code ^} URC family. */
    HUAWEI;

    CommandTable table() {
        return switch (this) {
            case SIM800 -> Sim800Commands.TABLE;
            case SIM7600 -> ProfileTables.SIM7600;
            case EC25 -> ProfileTables.EC25;
            case HUAWEI -> ProfileTables.HUAWEI;
        };
    }

    ProfileQuirks quirks() {
        return switch (this) {
            case SIM800 -> ProfileQuirks.SIM800;
            case SIM7600 -> ProfileQuirks.SIM7600;
            case EC25 -> ProfileQuirks.EC25;
            case HUAWEI -> ProfileQuirks.HUAWEI;
        };
    }

    /**
     * The profile named {@code name} ({@code sim800}, {@code sim7600}, {@code ec25}, {@code huawei}; any case).
     *
     * @param name the profile's name
     * @return the profile
     * @throws IllegalArgumentException when no profile has that name
     */
    public static SimProfile named(String name) {
        Objects.requireNonNull(name, "name");
        for (SimProfile p : values()) {
            if (p.name().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown simulator profile '" + name + "' (sim800, sim7600, ec25, huawei)");
    }

    /**
     * The profile's name in lower case, as {@code --modem simulator:<name>} spells it.
     *
     * @return e.g. {@code "sim800"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
