package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;

/**
 * What one simulated modem does around a restart and its SMS service, as data: the lines it prints when it boots,
 * the error its SMS commands answer until the SMS service is up, the line that says it is up (null: none), and the
 * {@code AT+CNMI=?} ranges it offers. Sources are in the test resources' {@code at-transcripts.md}.
 *
 * <p>Immutable.
 */
record ProfileQuirks(List<String> bootLines, String smsNotReadyError, String smsReadyLine, String cnmiRanges) {
    /** SIMCom SIM800 (SIM800 Series AT Command Manual; boot log with a fixed baud rate). */
    static final ProfileQuirks SIM800 = new ProfileQuirks(
            List.of("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready"),
            "+CMS ERROR: 302", "SMS Ready", "(0-3),(0-3),(0,2),(0-2),(0,1)");
    /** SIMCom SIM7600: no {@code Call Ready}; {@code SMS DONE} and {@code PB DONE} instead. */
    static final ProfileQuirks SIM7600 = new ProfileQuirks(
            List.of("RDY", "+CPIN: READY", "SMS DONE", "PB DONE"),
            "+CMS ERROR: 314", "SMS DONE", "(0-2),(0-3),(0,2),(0-2),(0,1)");
    /** Quectel EC25: the {@code +QIND} family. */
    static final ProfileQuirks EC25 = new ProfileQuirks(
            List.of("RDY", "+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE", "+QIND: PB DONE"),
            "+CME ERROR: 14", "+QIND: SMS DONE", "(0-2),(0-3),(0,2),(0-2),(0,1)");
    /** Huawei ME909s: {@code ^SYSSTART} and {@code ^SIMST}; no SMS-ready line. */
    static final ProfileQuirks HUAWEI = new ProfileQuirks(
            List.of("^SYSSTART", "^SIMST: 1"),
            "+CMS ERROR: 515", null, "(0,1,2),(0,1,2,3),(0,2),(0,1,2),(0,1)");

    ProfileQuirks {
        bootLines = List.copyOf(bootLines);
        Objects.requireNonNull(smsNotReadyError, "smsNotReadyError");
        Objects.requireNonNull(cnmiRanges, "cnmiRanges");
    }
}
