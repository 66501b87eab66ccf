package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.Registration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every URC sample of testdata/at-transcripts.md that concerns the engine; the section (§N) is cited per case. */
class UrcParserTest {

    static Stream<Arguments> smsNotifications() {
        return Stream.of(
                // testdata/at-transcripts.md §1: +CMTI
                Arguments.of("+CMTI: \"SM\",7", new SmsUrc.NewMessage("SM", 7)),
                Arguments.of("+CMTI: \"SM\",1", new SmsUrc.NewMessage("SM", 1)),
                Arguments.of("+CMTI: \"ME\",1", new SmsUrc.NewMessage("ME", 1)),
                Arguments.of("+CMTI: \"SR\",0", new SmsUrc.StatusReportStored("SR", 0)),
                Arguments.of("+CMTI: \"SL\",1", new SmsUrc.NewMessage("SL", 1)),
                Arguments.of("+CMTI: \"SM\",8", new SmsUrc.NewMessage("SM", 8)),
                // testdata/at-transcripts.md §1: +CDSI
                Arguments.of("+CDSI: \"SR\",1", new SmsUrc.StatusReportStored("SR", 1)),
                Arguments.of("+CDSI: \"SR\",0", new SmsUrc.StatusReportStored("SR", 0)),
                Arguments.of("+CDSI: \"SM\",0", new SmsUrc.StatusReportStored("SM", 0)));
    }

    @ParameterizedTest
    @MethodSource
    void smsNotifications(String line, SmsUrc expected) {
        assertThat(UrcParser.parse(line)).isEqualTo(new Urc.Sms(expected));
    }

    @Test
    void cmtiWithEmptyStorageAndMinusOneIsNotASmsToRead() {
        // testdata/at-transcripts.md §1: SIM7000G "+CMTI: ,-1"
        assertThat(UrcParser.parse("+CMTI: ,-1")).isInstanceOf(Urc.Unknown.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+CMT: ,23|false|23",      // testdata/at-transcripts.md §1, GM smsd-incoming-cmt.c
            "+CDS: 24|true|24",        // MMH test_parse_cds
            "+CDS:25|true|25",         // GM incoming-sms.c, no space
            "+CDS: 25|true|25",        // python-gsmmodem#44
            "+CMT: \"\",23|false|23"})
    void pduModeHeadersWaitForTheirPduLine(String line, boolean report, int length) {
        assertThat(UrcParser.parse(line)).isEqualTo(new Urc.SmsPduHeader(report, length));
    }

    @Test
    void textModeCmtHeaderIsRecognised() {
        // testdata/at-transcripts.md §1: Quectel manual, text mode
        assertThat(UrcParser.parse(
                "+CMT: \"+8615021012496\",,\"13/03/18,17:07:21+32\",145,4,0,0,\"+8613800551500\",145,28"))
                .isInstanceOf(Urc.TextModeSms.class);
    }

    @Test
    void assemblerJoinsHeaderAndPdu() {
        UrcAssembler a = new UrcAssembler();
        assertThat(a.accept("+CMT: ,23")).isEmpty();
        assertThat(a.awaitingContinuation()).isTrue();
        assertThat(a.continuation("07918497483252F0840B918496445078F700007121320144744004D4F29C0E"))
                .contains(new Urc.Sms(new SmsUrc.DirectMessage(
                        "07918497483252F0840B918496445078F700007121320144744004D4F29C0E", 23)));
        assertThat(a.accept("+CDS: 24")).isEmpty();
        assertThat(a.continuation("07914356060013F1065A098136395339F6219011700463802190117004638030"))
                .contains(new Urc.Sms(new SmsUrc.DirectStatusReport(
                        "07914356060013F1065A098136395339F6219011700463802190117004638030", 24)));
    }

    @Test
    void assemblerDropsAHeaderFollowedByGarbage() {
        // testdata/at-transcripts.md §1: "+CDS:25\rBAD\r" must not crash
        UrcAssembler a = new UrcAssembler();
        assertThat(a.accept("+CDS:25")).isEmpty();
        assertThat(a.continuation("BAD")).isEmpty();
        assertThat(a.awaitingContinuation()).isFalse();
        assertThat(a.accept("BAD")).containsInstanceOf(Urc.Unknown.class);
    }

    @Test
    void assemblerTurnsATextModeBodyIntoAMessage() {
        UrcAssembler a = new UrcAssembler();
        assertThat(a.accept("+CMT: \"+8615021012496\",,\"13/03/18,17:07:21+32\",145,4,0,0,\"+86138\",145,28"))
                .isEmpty();
        assertThat(a.continuation("This is a test from Quectel.")).contains(new Urc.Sms(new SmsUrc.TextMessage(
                "+8615021012496", "13/03/18,17:07:21+32", "This is a test from Quectel.")));
    }

    static Stream<Arguments> registrations() {
        return Stream.of(
                // testdata/at-transcripts.md §5, MMH
                Arguments.of("+CREG: 1,3", "CREG", 3),
                Arguments.of("+CREG: 3", "CREG", 3),
                Arguments.of("+CREG: 11", "CREG", 11),
                Arguments.of("+CREG: 1,1,84CD,00D30173", "CREG", 1),
                Arguments.of("+CREG: 1,84CD,00D30156", "CREG", 1),
                Arguments.of("+CREG: 2,1,\"CE00\",\"01CEAD8F\"", "CREG", 1),
                Arguments.of("+CREG: 11,\"33FE\",\"a3fb477\"", "CREG", 11),
                Arguments.of("+CREG: 2,0,00,0", "CREG", 0),
                Arguments.of("+CREG:002,001,\"18d8\",\"ffff\"", "CREG", 1),
                Arguments.of("+CREG:2,1,0001,0010", "CREG", 1),
                Arguments.of("+CREG: 2,,", "CREG", -1),
                Arguments.of("+CREG: 1,0001,0010,0", "CREG", 1),
                Arguments.of("+CREG: 001,\"0001\",\"0010\",000", "CREG", 1),
                Arguments.of("+CREG: 2,6,\"8B37\",\"0A265185\",7", "CREG", 6),
                Arguments.of("+CREG: 2,5,\"0502\",\"0404736D\"", "CREG", 5),
                Arguments.of("+CREG: 5", "CREG", 5),
                Arguments.of("+CGREG: 0", "CGREG", 0),
                Arguments.of("+CREG: 2,1,000B,2816, B, C2816", "CREG", 1),
                Arguments.of("+CREG: 2,1,  0 5, 2715", "CREG", 1),
                Arguments.of("+CEREG: 1,3", "CEREG", 3),
                Arguments.of("+CEREG: 2,1, 1F00, 79D903 ,7", "CEREG", 1),
                Arguments.of("+CEREG: 2,10,\"8d83\",\"671f98a\",7", "CEREG", 10),
                Arguments.of("+CEREG: 2,10, 2CA8, 20 ,B5583D ,7", "CEREG", 10),
                Arguments.of("+CEREG: 1, 2, 0001, 00000100, 7", "CEREG", 2),
                // testdata/at-transcripts.md §5, gammu dumps
                Arguments.of("+CREG: 2,1,4CA,81DE445", "CREG", 1),
                Arguments.of("+CREG: 2,5,\"2AF5\",\"0B88E350\",2", "CREG", 5),
                Arguments.of("+CREG: 0,1,\"5E25\",\"605F\",2", "CREG", 1),
                Arguments.of("+CREG: 2,1,\"\",\"605F\"", "CREG", 1),
                Arguments.of("+CREG: 2,1,\"0B,\"0100701\",7", "CREG", 1),
                Arguments.of("+CREG: 2,1,\"5E25", "CREG", 1),
                // OEM Marvell, u-blox
                Arguments.of("+CREG: 2,1,3584,ef4a08,7", "CREG", 1),
                Arguments.of("+CEREG: 2,1,\"3584\",\"00ef4a08\",7", "CEREG", 1),
                Arguments.of("+CREG: 5,\"07D0\",\"009D4564\",7", "CREG", 5),
                // malformed: never throws
                Arguments.of("+CREG:", "CREG", -1),
                Arguments.of("+CREG: x,y", "CREG", -1),
                Arguments.of("+CREG: \"", "CREG", -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void registrations(String line, String type, int stat) {
        assertThat(UrcParser.parse(line)).isInstanceOfSatisfying(Urc.NetworkRegistration.class, r -> {
            assertThat(r.type()).isEqualTo(type);
            assertThat(r.stat()).isEqualTo(stat);
        });
    }

    static Stream<Arguments> registrationActs() {
        return Stream.of(
                // testdata/at-transcripts.md §5 (ModemManager test-modem-helpers.c) and the new LTE-only section
                Arguments.of("+CEREG: 2,1, 1F00, 79D903 ,7", 1, 7),
                Arguments.of("+CEREG: 1, 1F00, 79D903 ,7", 1, 7),
                Arguments.of("+CEREG: 1, 2, 0001, 00000100, 7", 2, 7),
                Arguments.of("+CEREG: 2, 0001, 00000100, 7", 2, 7),
                Arguments.of("+CGREG: 2,1,\"8BE3\",\"00002B5D\",3", 1, 3),
                Arguments.of("+CGREG: 1,\"1422\",\"00000142\",3,\"00\"", 1, 3),
                Arguments.of("+CREG: 6,\"8B37\",\"0A265185\",7", 6, 7),
                Arguments.of("+C5GREG: 2,1,1F00,79D903,11,6,ABCDEF", 1, 11),
                Arguments.of("+C5GREG: 1,1F00,79D903,11,6,ABCDEF", 1, 11),
                Arguments.of("+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7", 1, 7),
                Arguments.of("+CEREG: 1,\"1A2B\",\"01A2B3C4\",7", 1, 7),
                // no AcT: SIM800, n=1, not registered
                Arguments.of("+CREG: 2,1,\"84CD\",\"00D30173\"", 1, -1),
                Arguments.of("+CREG: 1,\"CE00\",\"00005449\"", 1, -1),
                Arguments.of("+CREG: 0,0", 0, -1),
                Arguments.of("+CEREG: 1", 1, -1),
                Arguments.of("+CREG: 2,,", -1, -1),
                // an extra field before AcT (Novatel E362): no technology rather than a wrong one
                Arguments.of("+CEREG: 2,1, 1F00, 20 ,79D903 ,7", 1, -1),
                Arguments.of("+CREG: 2,1,000B,2816, B, C2816", 1, -1),
                Arguments.of("+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",99", 1, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void registrationActs(String line, int stat, int act) {
        assertThat(UrcParser.parse(line)).isInstanceOfSatisfying(Urc.NetworkRegistration.class, r -> {
            assertThat(r.stat()).isEqualTo(stat);
            assertThat(r.act()).isEqualTo(act);
        });
    }

    @Test
    void registrationStatsMapToCoreStates() {
        assertThat(Registration.fromStat(RegistrationParser.stat("+CREG: 2,5,\"0502\",\"0404736D\"")))
                .isEqualTo(Registration.ROAMING);
        assertThat(Registration.fromStat(RegistrationParser.stat("+CREG: 11"))).isEqualTo(Registration.UNKNOWN);
        assertThat(Registration.fromStat(RegistrationParser.stat("+CREG: 2,,"))).isEqualTo(Registration.UNKNOWN);
    }

    @Test
    void answerShapeTellsQueryAnswersFromUrcs() {
        assertThat(RegistrationParser.isAnswerShape("+CREG: 2,1,\"84CD\",\"00D30173\"")).isTrue();
        assertThat(RegistrationParser.isAnswerShape("+CREG: 5,\"07D0\",\"009D4564\",7")).isFalse();
        assertThat(RegistrationParser.isAnswerShape("+CREG: 5")).isFalse();
        assertThat(RegistrationParser.isAnswerShape("+CREG: 0,1")).isTrue();
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                // testdata/at-transcripts.md §6
                Arguments.of("RING", new Urc.Ring()),
                Arguments.of("+CRING: VOICE", new Urc.Ring()),
                Arguments.of("+CLIP: \"+481239823991\",145,\"\",128,\"\",0", new Urc.Clip("+481239823991")),
                Arguments.of("+CLIP: \"123456789\",129", new Urc.Clip("123456789")),
                Arguments.of("+CLIP: \"123456789\",129,,,,0", new Urc.Clip("123456789")),
                Arguments.of("+CLIP: \"+0123456789\",145,,,,0", new Urc.Clip("+0123456789")),
                Arguments.of("+CLIP: \"\",128", new Urc.Clip("")),
                Arguments.of("VOICE CALL: BEGIN", new Urc.CallConnected()),
                Arguments.of("MO CONNECTED", new Urc.CallConnected()),
                Arguments.of("VOICE CALL: END: 000041", new Urc.CallEnded("VOICE CALL: END")),
                Arguments.of("NO CARRIER", new Urc.CallEnded("NO CARRIER")),
                Arguments.of("BUSY", new Urc.CallEnded("BUSY")),
                Arguments.of("NO ANSWER", new Urc.CallEnded("NO ANSWER")),
                Arguments.of("+RXDTMF: 8", new Urc.Dtmf('8')),
                Arguments.of("+DTMF: #", new Urc.Dtmf('#')),
                Arguments.of("+DTMF:a", new Urc.Dtmf('A')),
                Arguments.of("+DTMF: 12", new Urc.Unknown("+DTMF")),
                Arguments.of("MISSED_CALL: 11:01AM 07712345678", new Urc.CallMissed()),
                Arguments.of("+CIEV: 7,1", new Urc.Info("+CIEV")),
                Arguments.of("^CIEV: 1,0", new Urc.Info("^CIEV")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void calls(String line, Urc expected) {
        assertThat(UrcParser.parse(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+CPIN: READY|READY", "+CPIN: SIM PIN|SIM PIN", "+CPIN: SIM PUK|SIM PUK"})
    void pinStatus(String line, String status) {
        assertThat(UrcParser.parse(line)).isEqualTo(new Urc.PinStatus(status));
    }

    @Test
    void csqnIsASignalReading() {
        assertThat(UrcParser.parse("+CSQN: 22,0")).isEqualTo(new Urc.Signal(22, 0));
        assertThat(UrcParser.parse("+CSQN: 99,99")).isEqualTo(new Urc.Signal(99, 99));
        assertThat(UrcParser.parse("+CSQN: 40,0")).isInstanceOf(Urc.Unknown.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RDY", "Call Ready", "SMS Ready", "SMS DONE", "PB DONE", "+CPIN: NOT READY",
            "^SYSINFO: 2,3,0,17,1,7", "NORMAL POWER DOWN", "UNDER-VOLTAGE WARNNING"})
    void bootNoiseIsRecognisedInfo(String line) {
        assertThat(UrcParser.parse(line)).isInstanceOfAny(Urc.Info.class, Urc.PinStatus.class, Urc.Boot.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?????", "oooops", "Something extra", "+WEIRD: 1,2,\"+15550100100\"", "", ":",
            "\uFFFD\uFFFD", "+CUSD: 9,\"x\"", "+CUSD:", "+CLIP:", "+CMTI:", "+CDS:", "+CMT:", "+CSQN:"})
    void unknownOrMalformedLinesNeverThrowAndNeverCarryContent(String line) {
        Urc urc = UrcParser.parse(line);
        assertThat(urc).isNotNull();
        assertThat(urc.toString()).doesNotContain("15550100100");
    }

    @Test
    void unknownLabelIsThePrefixOnly() {
        assertThat(UrcParser.parse("+WEIRD: 1,2,\"+15550100100\"")).isEqualTo(new Urc.Unknown("+WEIRD"));
        assertThat(UrcParser.parse("call me 5550100")).isEqualTo(new Urc.Unknown("<15 chars>"));
    }
}
