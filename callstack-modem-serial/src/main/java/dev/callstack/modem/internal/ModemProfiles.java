package dev.callstack.modem.internal;

import dev.callstack.modem.internal.ModemProfile.UssdEncoding;
import dev.callstack.modem.internal.audio.PcmSwitch;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The table of known modem families, most specific first, ending with {@link #GENERIC}: plain 27.005/27.007.
 * Identity strings are what the devices answer to {@code AT+CGMI}/{@code AT+CGMM} (see the test resources'
 * {@code at-transcripts.md} and ModemManager's plugins, which match the same vendor strings).
 *
 * <p>Sources of the quirks: SIM800 Series AT Command Manual V1.09 (16.2.1 {@code AT+DDET}: URC {@code +DTMF: <key>}
 * or {@code +DTMF: <key>,<last time>}); Quectel EC2x/EG2x AT Commands Manual ({@code AT+QTONEDET=1}, URC
 * {@code +QTONEDET: <ASCII code>}; {@code AT+QURCCFG="urcport"}); Telit LE910 AT Reference ({@code AT#DTMF=1}, URC
 * {@code #DTMFEV: <key>}); ModemManager's Huawei plugin (USSD as packed GSM-7 hex, {@code ^ORIG}/{@code ^CONN}/
 * {@code ^CEND} call URCs on the PCUI port).
 *
 * <p>Sources of the PCM audio commands ({@link ModemProfile#pcm()}): SIM7500/SIM7600 Series AT Command Manual
 * ({@code AT+CPCMREG=1} routes call audio to the USB audio port, {@code AT+CPCMREG=0} back; 8 kHz 16-bit mono);
 * Quectel EC2x/EG2x "Voice over USB and UAC" application note ({@code AT+QPCMV=1,0} routes it to the USB NMEA/audio
 * port, {@code AT+QPCMV=0} back); Huawei: chan_dongle (Asterisk's driver for Huawei sticks, {@code at_command.c}
 * sends {@code AT^DDSETEX=2} once a call is connected, routing voice to the diagnostics port; there is no
 * documented command to switch it back, the routing ends with the call). SIM800, Telit, u-blox and generic modems
 * have no PCM-over-USB port we could confirm.
 *
 * <p>Immutable.
 */
final class ModemProfiles {
    private static final PcmSwitch SIMCOM_PCM = new PcmSwitch("AT+CPCMREG=1", "AT+CPCMREG=0");
    private static final PcmSwitch QUECTEL_PCM = new PcmSwitch("AT+QPCMV=1,0", "AT+QPCMV=0");
    private static final PcmSwitch HUAWEI_PCM = new PcmSwitch("AT^DDSETEX=2", "");

    static final ModemProfile GENERIC = new ModemProfile("generic", Pattern.compile(".*"), List.of(),
            UssdEncoding.TEXT, "GSM", true, "27.007 URCs on the AT port",
            List.of("AT+CCID", "AT+ICCID", "AT+QCCID", "AT^ICCID?"), PcmSwitch.NONE);

    static final List<ModemProfile> TABLE = List.of(
            // SIM800/SIM800L/SIM800C/SIM808/SIM868, and the older SIM900 family ("SIMCOM_SIM900").
            new ModemProfile("sim800", Pattern.compile(".*SIM(8\\d\\d|9\\d\\d)\\w*.*"), List.of("AT+DDET=1"),
                    UssdEncoding.TEXT, "GSM", true,
                    "one UART: URCs interleave with answers; outgoing calls report nothing until NO CARRIER",
                    ModemProfile.STANDARD_ICCID, PcmSwitch.NONE),
            // SIM7000/SIM7070/SIM7500/SIM7600: "VOICE CALL: BEGIN/END"; DTMF arrives as +RXDTMF.
            new ModemProfile("sim7600", Pattern.compile(".*SIM7\\d\\d\\d\\w*.*"), List.of("AT+DDET=1"),
                    UssdEncoding.TEXT, "GSM", true,
                    "USB: URCs on the AT port (ttyUSB2); AT+CATR selects the port",
                    ModemProfile.STANDARD_ICCID, SIMCOM_PCM),
            // EC20/EC21/EC25/EG25-G/EG91/BG95/BG96: URC port chosen with AT+QURCCFG="urcport".
            new ModemProfile("quectel", Pattern.compile(".*QUECTEL.*|.*\\b(EC2\\d|EG\\d\\d|BG9\\d)\\b.*"),
                    List.of("AT+QTONEDET=1"), UssdEncoding.TEXT, "GSM", true,
                    "URCs go to the port set by AT+QURCCFG=\"urcport\" (usbat by default, not usbmodem)",
                    List.of("AT+QCCID", "AT+CCID"), QUECTEL_PCM),
            // ME909/MU709/E3372 in stick mode (not HiLink): USSD wants packed GSM-7 hex, call URCs ^ORIG..^CEND.
            new ModemProfile("huawei", Pattern.compile(".*HUAWEI.*|.*\\b(ME909|MU709|E3372)\\w*.*"), List.of(),
                    UssdEncoding.PACKED_GSM7_HEX, "IRA", false,
                    "URCs only on the PCUI port (AT^CURC to select); HiLink mode has no AT port at all",
                    List.of("AT^ICCID?"), HUAWEI_PCM),
            // LE910/ME910/LN940: #DTMFEV URCs once AT#DTMF=1.
            new ModemProfile("telit", Pattern.compile(".*TELIT.*|.*\\b(LE9\\d\\d|ME9\\d\\d|LN9\\d\\d)\\w*.*"),
                    List.of("AT#DTMF=1"), UssdEncoding.TEXT, "IRA", true,
                    "USB: URCs on the modem port; AT#PORTCFG chooses the layout",
                    List.of("AT#CCID", "AT+ICCID", "AT+CCID"), PcmSwitch.NONE),
            // SARA/LARA/TOBY: no verified DTMF-detection command, so none is sent.
            new ModemProfile("ublox", Pattern.compile(".*U-BLOX.*|.*\\b(SARA|LARA|TOBY)-\\w*.*"), List.of(),
                    UssdEncoding.TEXT, "IRA", true,
                    "URCs on every AT interface; AT+UCALLSTAT would report call progress",
                    ModemProfile.STANDARD_ICCID, PcmSwitch.NONE),
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
