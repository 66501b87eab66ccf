package dev.callstack.modem.internal;

import dev.callstack.modem.internal.audio.PcmSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One modem family's quirks, as data: how it is recognised and what it needs beyond the standard 27.005/27.007.
 * Components read the field they care about; nothing branches on the profile's name. The table is
 * {@link ModemProfiles}.
 *
 * @param name          short stable name ({@code "sim800"}, {@code "generic"}), shown in the status
 * @param match         matched against {@code "<CGMI> <CGMM>"} (upper case); the first matching profile wins
 * @param dtmfDetection the commands that switch on detection of the remote party's DTMF tones (each optional)
 * @param ussdEncoding  how the USSD string goes into {@code AT+CUSD}
 * @param charset       the {@code AT+CSCS} character set set at init, so {@code +CUSD} replies arrive decodable
 * @param pollCalls     whether call progress must be read by polling {@code AT+CLCC} while a call exists (the modem
 *                      sends no URC when an outgoing call is answered)
 * @param urcPortNote   documentation only: where this family sends its URCs and what that means for users
 * @param iccidCommands the commands that read the SIM's ICCID, tried in order until one answers ({@code AT+CCID}
 *                      is not in 27.007; each family has its own)
 * @param pcm           the commands that switch call audio to the PCM audio port and back ({@link PcmSwitch#NONE}
 *                      when the family has no such port or none is documented)
 */
record ModemProfile(String name, Pattern match, List<String> dtmfDetection, UssdEncoding ussdEncoding,
                    String charset, boolean pollCalls, String urcPortNote, List<String> iccidCommands,
                    PcmSwitch pcm) {
    /** What most modems answer: SIMCom, u-blox, Telit and many others take {@code AT+CCID}. */
    static final List<String> STANDARD_ICCID = List.of("AT+CCID");

    /** How the USSD string is written into {@code AT+CUSD=1,"<str>",15}. */
    enum UssdEncoding {
        /** The code as typed, in the {@code AT+CSCS} character set (27.007 7.15). */
        TEXT,
        /** The code packed into GSM-7 septets and written as hex (Huawei sticks and modules). */
        PACKED_GSM7_HEX
    }

    ModemProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        dtmfDetection = List.copyOf(dtmfDetection);
        Objects.requireNonNull(ussdEncoding, "ussdEncoding");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(urcPortNote, "urcPortNote");
        iccidCommands = List.copyOf(iccidCommands);
        Objects.requireNonNull(pcm, "pcm");
    }

    /** The settings run (each optional) at the end of every init: the character set, then DTMF detection. */
    List<String> initCommands() {
        List<String> commands = new ArrayList<>(1 + dtmfDetection.size());
        commands.add("AT+CSCS=\"" + charset + "\"");
        commands.addAll(dtmfDetection);
        return List.copyOf(commands);
    }
}
