package dev.callstack.modem.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The table of known modem families, most specific first, ending with {@link #GENERIC}: plain 27.005/27.007.
 *
 * <p>Immutable.
 */
final class ModemProfiles {
    static final ModemProfile GENERIC = new ModemProfile("generic", Pattern.compile(".*"), List.of());

    static final List<ModemProfile> TABLE = List.of(
            new ModemProfile("sim800", Pattern.compile(".*SIM8\\d\\d.*"), List.of()),
            new ModemProfile("sim7600", Pattern.compile(".*SIM7\\d\\d\\d.*"), List.of()),
            new ModemProfile("quectel", Pattern.compile(".*QUECTEL.*"), List.of()),
            new ModemProfile("huawei", Pattern.compile(".*HUAWEI.*"), List.of()),
            GENERIC);

    private ModemProfiles() {
    }

    /** The first profile matching the identity strings (either may be null). */
    static ModemProfile detect(String manufacturer, String model) {
        String identity = ((manufacturer == null ? "" : manufacturer) + " " + (model == null ? "" : model))
                .toUpperCase(Locale.ROOT);
        for (ModemProfile profile : TABLE) {
            if (profile.match().matcher(identity).matches()) {
                return profile;
            }
        }
        return GENERIC;
    }
}
