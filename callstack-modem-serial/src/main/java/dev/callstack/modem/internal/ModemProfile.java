package dev.callstack.modem.internal;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One modem family's quirks, as data: how it is recognised and what it needs beyond the standard 27.005/27.007.
 * Components read the field they care about; nothing branches on the profile's name. The table is
 * {@link ModemProfiles}.
 *
 * @param name         short stable name ({@code "sim800"}, {@code "generic"}), shown in the status
 * @param match        matched against {@code "<CGMI> <CGMM>"} (upper case); the first matching profile wins
 * @param initCommands extra settings run (each optional) at the end of every init, e.g. DTMF detection on
 */
record ModemProfile(String name, Pattern match, List<String> initCommands) {
    ModemProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        initCommands = List.copyOf(initCommands);
    }
}
