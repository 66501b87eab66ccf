package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AtModemSimulatorPipeTest {
    /** SMS-DELIVER from gammu's smsd-incoming-cmt test: announced as {@code +CMT: ,23}. */
    static final String DELIVER_PDU = "07918497483252F0840B918496445078F700007121320144744004D4F29C0E";
    /** SMS-STATUS-REPORT from ModemManager's test_parse_cds: {@code +CDS: 24}. */
    static final String REPORT_PDU = "07914356060013F1065A098136395339F6219011700463802190117004638030";
    /** SMS-SUBMIT from python-gsmmodem#44, sent with {@code AT+CMGS=61}. */
    static final String SUBMIT_PDU = "0021000C91197909913764000036D3E614242F8FCB697B99AC038964B058AD058BB560395"
            + "0ECA69BE17433D80A56D3CD603A1032AD5004DD73741D341501";
    static final String CTRL_Z = "\u001A";

    private AtModemSimulator sim;
    private SimulatorPipe pipe;
    private HostEnd host;

    @BeforeEach
    void open() {
        sim = new AtModemSimulator();
        pipe = sim.openPipe();
        host = HostEnd.of(pipe);
    }

    @AfterEach
    void close() throws Exception {
        sim.close();
        host.close();
    }

    @Test
    void answersTheInitSequenceOutOfTheBox() {
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("ATE0", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CMEE=1", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: READY\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CLIP=1", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CREG=2", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CGREG=2", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CEREG=2", "ERROR")).isEqualTo("\r\nERROR\r\n"); // 2G only
        assertThat(host.exchange("AT+CMGF=0", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CNMI=2,1,0,1,0", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CPMS=\"SM\",\"SM\",\"SM\"", "OK"))
                .isEqualTo("\r\n+CPMS: 0,30,0,30,0,30\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CGMI", "OK")).isEqualTo("\r\nSIMCOM_Ltd\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CGMM", "OK")).isEqualTo("\r\nSIMCOM_SIM800L\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CGMR", "OK")).isEqualTo("\r\nRevision:1418B04SIM800L24\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CGSN", "OK")).matches("\r\n\\d{15}\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CREG?", "OK")).isEqualTo("\r\n+CREG: 2,1,\"84CD\",\"00D30173\"\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+COPS?", "OK")).isEqualTo("\r\n+COPS: 0,0,\"Callstack Sim\"\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
        assertThat(host.received()).isEmpty();
    }

    @Test
    void unknownCommandsAndGarbageGetError() {
        assertThat(host.exchange("AT+FOO", "ERROR")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.exchange("hello", "ERROR")).isEqualTo("\r\nERROR\r\n");
        host.send("AT" + "X".repeat(3 * ModemLineReader.MAX_LENGTH) + "\r");
        assertThat(host.awaitReceived("ERROR\r\n")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void signalIsSettable() {
        sim.signal(31, 99);
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 31,99\r\n\r\nOK\r\n");
    }

    @Test
    void registrationChangeIsAnnouncedAndQueryable() {
        host.exchange("AT+CREG=2", "OK");
        host.exchange("AT+CGREG=2", "OK");
        sim.registration(5);
        assertThat(host.awaitReceived("+CGREG: 5,\"84CD\",\"00D30173\"\r\n"))
                .isEqualTo("\r\n+CREG: 5,\"84CD\",\"00D30173\"\r\n\r\n+CGREG: 5,\"84CD\",\"00D30173\"\r\n");
        assertThat(host.exchange("AT+CREG?", "OK")).isEqualTo("\r\n+CREG: 2,5,\"84CD\",\"00D30173\"\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CGREG?", "OK")).isEqualTo("\r\n+CGREG: 2,5,\"84CD\",\"00D30173\"\r\n\r\nOK\r\n");
    }

    @Test
    void respondOverridesTheDefaultUntilCleared() {
        sim.respond("AT+CSQ", "+CSQ: 5,3", "OK");
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 5,3\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 5,3\r\n\r\nOK\r\n");
        sim.clearResponses();
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
    }

    @Test
    void respondOnceIsUsedBeforeThePersistentAnswer() {
        sim.respond("AT+CSQ", "+CSQ: 5,3", "OK");
        sim.respondOnce("AT+CSQ", "+CME ERROR: 100");
        sim.respondOnce("AT+CSQ", "+CSQ: 7,7", "OK");
        assertThat(host.exchange("AT+CSQ", "+CME ERROR: 100")).isEqualTo("\r\n+CME ERROR: 100\r\n");
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 7,7\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 5,3\r\n\r\nOK\r\n");
    }

    @Test
    void delayedAnswerStillArrives() {
        sim.delay("AT+CSQ", Duration.ofMillis(50));
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
    }

    @Test
    void otherCommandsAreServedWhileAnAnswerIsDelayed() {
        sim.delay("AT+CSQ", Duration.ofMinutes(10));
        host.send("AT+CSQ\r");
        assertThat(host.exchange("AT+CGMI", "OK")).isEqualTo("\r\nSIMCOM_Ltd\r\n\r\nOK\r\n");
    }

    @Test
    void droppedCommandIsNeverAnswered() {
        sim.drop("AT+CSQ");
        host.send("AT+CSQ\r");
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(sim.takeCommand(1, TimeUnit.SECONDS)).isEqualTo("AT+CSQ");
        assertThat(sim.takeCommand(1, TimeUnit.SECONDS)).isEqualTo("AT");
    }

    @Test
    void echoRepeatsTheCommandBeforeItsAnswer() {
        sim.echo(true);
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("AT+CSQ\r\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
        assertThat(host.exchange("ATE0", "OK")).isEqualTo("ATE0\r\r\nOK\r\n");
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("ATE1", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT", "OK")).isEqualTo("AT\r\r\nOK\r\n");
    }

    @Test
    void splitWritesCutEveryWriteIntoSmallChunks() {
        sim.splitWrites(4);
        assertThat(host.exchange("AT+CSQ", "OK")).isEqualTo("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
        assertThat(host.readSizes()).allMatch(n -> n <= 4).hasSizeGreaterThanOrEqualTo(5);
        sim.splitWrites(0);
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.readSizes()).last().isEqualTo(6);
    }

    @Test
    void urcAndRawBytesAreSentAsGiven() {
        sim.urc("+CMTI: \"SM\",3");
        assertThat(host.awaitReceived("3\r\n")).isEqualTo("\r\n+CMTI: \"SM\",3\r\n");
        sim.sendRaw("\r\r\n+CRING: VOICE\r\r\n");
        assertThat(host.awaitReceived("VOICE\r\r\n")).isEqualTo("\r\r\n+CRING: VOICE\r\r\n");
        sim.sendRaw(new byte[] {'?', (byte) 0xFF, '\n'});
        assertThat(host.awaitReceived("\n")).isEqualTo("?\u00FF\n");
    }

    @Test
    void ussdReplyFollowsTheOk() {
        host.send("AT+CUSD=1,\"*100#\",15\r");
        assertThat(host.awaitReceived(",15\r\n"))
                .isEqualTo("\r\nOK\r\n\r\n+CUSD: 0,\"Simulated balance 10.00\",15\r\n");

        sim.ussdReply("*101#", 1, "0414043B044F", 72);
        host.send("AT+CUSD=1,\"*101#\",15\r");
        assertThat(host.awaitReceived(",72\r\n")).isEqualTo("\r\nOK\r\n\r\n+CUSD: 1,\"0414043B044F\",72\r\n");

        sim.ussdReply("*102#", 4, null, 15);
        host.send("AT+CUSD=1,\"*102#\",15\r");
        assertThat(host.awaitReceived("+CUSD: 4\r\n")).isEqualTo("\r\nOK\r\n\r\n+CUSD: 4\r\n");

        assertThat(host.exchange("AT+CUSD=2", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void smsSubmitGetsPromptThenMessageReference() {
        host.send("AT+CMGS=61\r");
        assertThat(host.awaitReceived("> ")).isEqualTo("\r\n> ");
        host.send(SUBMIT_PDU + CTRL_Z);
        assertThat(host.awaitReceived("OK\r\n")).isEqualTo("\r\n+CMGS: 0\r\n\r\nOK\r\n");

        host.send("AT+CMGS=61\r");
        host.awaitReceived("> ");
        host.send(SUBMIT_PDU.toLowerCase(Locale.ROOT) + CTRL_Z);
        assertThat(host.awaitReceived("OK\r\n")).isEqualTo("\r\n+CMGS: 1\r\n\r\nOK\r\n");

        assertThat(sim.sentPdus()).containsExactly(SUBMIT_PDU, SUBMIT_PDU.toLowerCase(Locale.ROOT));
        assertThat(sim.commands()).containsExactly("AT+CMGS=61", "AT+CMGS=61");
    }

    @Test
    void echoRepeatsTheSmsPayloadToo() {
        sim.echo(true);
        host.send("AT+CMGS=61\r");
        assertThat(host.awaitReceived("> ")).isEqualTo("AT+CMGS=61\r\r\n> ");
        host.send(SUBMIT_PDU + CTRL_Z);
        assertThat(host.awaitReceived("OK\r\n")).isEqualTo(SUBMIT_PDU + "\r\n+CMGS: 0\r\n\r\nOK\r\n");
    }

    @Test
    void escapeCancelsTheSmsPayload() {
        host.send("AT+CMGS=61\r");
        host.awaitReceived("> ");
        host.send(SUBMIT_PDU.substring(0, 10) + "\u001B");
        assertThat(host.awaitReceived("OK\r\n")).isEqualTo("\r\nOK\r\n");
        assertThat(sim.sentPdus()).isEmpty();
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void pduOfTheWrongLengthIsRejected() {
        host.send("AT+CMGS=60\r");
        host.awaitReceived("> ");
        host.send(SUBMIT_PDU + CTRL_Z);
        assertThat(host.awaitReceived("304\r\n")).isEqualTo("\r\n+CMS ERROR: 304\r\n");
        assertThat(sim.sentPdus()).containsExactly(SUBMIT_PDU);
    }

    @Test
    void scriptedPayloadAnswerOverridesTheSubmit() {
        sim.respond(SUBMIT_PDU, "+CMS ERROR: 500");
        host.send("AT+CMGS=61\r");
        host.awaitReceived("> ");
        host.send(SUBMIT_PDU + CTRL_Z);
        assertThat(host.awaitReceived("500\r\n")).isEqualTo("\r\n+CMS ERROR: 500\r\n");
    }

    @Test
    void storedMessagesAreReadListedAndDeleted() {
        assertThat(sim.storeSms(DELIVER_PDU)).isEqualTo(1);
        assertThat(sim.storeSms(REPORT_PDU)).isEqualTo(2);

        assertThat(host.exchange("AT+CMGR=1", "OK"))
                .isEqualTo("\r\n+CMGR: 0,,23\r\n\r\n" + DELIVER_PDU + "\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CMGR=1", "OK"))
                .isEqualTo("\r\n+CMGR: 1,,23\r\n\r\n" + DELIVER_PDU + "\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CMGL=4", "OK")).isEqualTo("\r\n+CMGL: 1,1,,23\r\n\r\n" + DELIVER_PDU
                + "\r\n\r\n+CMGL: 2,0,,24\r\n\r\n" + REPORT_PDU + "\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CMGL=0", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CPMS=\"SM\"", "OK")).isEqualTo("\r\n+CPMS: 2,30,2,30,2,30\r\n\r\nOK\r\n");

        assertThat(host.exchange("AT+CMGD=1", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(sim.storedSms()).containsOnlyKeys(2);
        assertThat(host.exchange("AT+CMGR=1", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(sim.storeSms(DELIVER_PDU)).isEqualTo(1);

        assertThat(host.exchange("AT+CMGD=1,4", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(sim.storedSms()).isEmpty();
    }

    @Test
    void deliveriesEmitTheirUrcs() {
        assertThat(sim.deliverStored(DELIVER_PDU)).isEqualTo(1);
        assertThat(host.awaitReceived(",1\r\n")).isEqualTo("\r\n+CMTI: \"SM\",1\r\n");

        sim.deliverDirect(DELIVER_PDU);
        assertThat(host.awaitReceived(DELIVER_PDU + "\r\n")).isEqualTo("\r\n+CMT: ,23\r\n\r\n" + DELIVER_PDU + "\r\n");

        sim.deliverReportDirect(REPORT_PDU);
        assertThat(host.awaitReceived(REPORT_PDU + "\r\n")).isEqualTo("\r\n+CDS: 24\r\n\r\n" + REPORT_PDU + "\r\n");

        assertThat(sim.deliverReportStored(REPORT_PDU)).isEqualTo(2);
        assertThat(host.awaitReceived(",2\r\n")).isEqualTo("\r\n+CDSI: \"SM\",2\r\n");
        assertThat(sim.deliverReportStored(REPORT_PDU, "SR")).isEqualTo(3);
        assertThat(host.awaitReceived(",3\r\n")).isEqualTo("\r\n+CDSI: \"SR\",3\r\n");

        assertThat(sim.storedSms()).containsExactly(
                java.util.Map.entry(1, DELIVER_PDU), java.util.Map.entry(2, REPORT_PDU),
                java.util.Map.entry(3, REPORT_PDU));
    }

    @Test
    void pinIsRequiredUntilTheRightOneIsEntered() {
        sim.pinState(PinState.SIM_PIN);
        sim.pin("4321");
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CPIN=\"1234\"", "+CME ERROR: 16")).isEqualTo("\r\n+CME ERROR: 16\r\n");
        assertThat(sim.wrongPinAttempts()).isEqualTo(1);
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CPIN=\"4321\"", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: READY\r\n\r\nOK\r\n");
        assertThat(sim.pinState()).isEqualTo(PinState.READY);
    }

    @Test
    void threeWrongPinsBlockTheSim() {
        sim.pinState(PinState.SIM_PIN);
        for (int i = 0; i < 3; i++) {
            assertThat(host.exchange("AT+CPIN=0000", "+CME ERROR: 16")).isEqualTo("\r\n+CME ERROR: 16\r\n");
        }
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n");
        assertThat(sim.wrongPinAttempts()).isEqualTo(3);
    }

    @Test
    void missingSimAndBlockedSimAreReported() {
        sim.pinState(PinState.NO_SIM);
        assertThat(host.exchange("AT+CPIN?", "+CME ERROR: 10")).isEqualTo("\r\n+CME ERROR: 10\r\n");
        sim.pinState(PinState.SIM_PUK);
        assertThat(host.exchange("AT+CPIN?", "OK")).isEqualTo("\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n");
    }

    @Test
    void incomingCallRingsAndCanBeAnsweredThenHungUpRemotely() {
        sim.incomingCall("+15550100100");
        assertThat(host.awaitReceived(",0\r\n"))
                .isEqualTo("\r\nRING\r\n\r\n+CLIP: \"+15550100100\",145,\"\",0,\"\",0\r\n");
        assertThat(host.exchange("ATA", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CLCC", "OK"))
                .isEqualTo("\r\n+CLCC: 1,1,0,0,0,\"+15550100100\",145\r\n\r\nOK\r\n");
        sim.remoteHangup();
        assertThat(host.awaitReceived("NO CARRIER\r\n")).isEqualTo("\r\nNO CARRIER\r\n");
        assertThat(host.exchange("ATA", "NO CARRIER")).isEqualTo("\r\nNO CARRIER\r\n");
    }

    @Test
    void dialledCallIsAnsweredRemotelyAndHungUpLocally() {
        assertThat(host.exchange("ATD+15550100100;", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CLCC", "OK"))
                .isEqualTo("\r\n+CLCC: 1,0,2,0,0,\"+15550100100\",145\r\n\r\nOK\r\n");
        sim.answerCall();
        assertThat(host.awaitReceived("BEGIN\r\n")).isEqualTo("\r\nVOICE CALL: BEGIN\r\n");
        assertThat(host.exchange("AT+VTS=5", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("ATH", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CLCC", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CHUP", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void takeCommandReturnsCommandsInOrderThenNull() {
        host.send("AT\rAT+CSQ\r\nAT+CPIN?\r");
        host.awaitReceived("READY\r\n\r\nOK\r\n");
        assertThat(sim.takeCommand(1, TimeUnit.SECONDS)).isEqualTo("AT");
        assertThat(sim.takeCommand(1, TimeUnit.SECONDS)).isEqualTo("AT+CSQ");
        assertThat(sim.takeCommand(1, TimeUnit.SECONDS)).isEqualTo("AT+CPIN?");
        assertThat(sim.takeCommand(10, TimeUnit.MILLISECONDS)).isNull();
        assertThat(sim.commands()).containsExactly("AT", "AT+CSQ", "AT+CPIN?");
    }

    @Test
    void unplugGivesTheHostEofAndANewPipeWorks() throws Exception {
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
        sim.unplug();
        host.awaitEof();
        assertThatThrownBy(() -> pipe.hostOutput().write('A')).isInstanceOf(IOException.class);
        sim.urc("RING");

        sim.replug();
        host.close();
        pipe = sim.openPipe();
        host = HostEnd.of(pipe);
        assertThat(host.exchange("AT", "OK")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void newPipeReplacesTheOldOne() throws Exception {
        SimulatorPipe second = sim.openPipe();
        host.awaitEof();
        host.close();
        host = HostEnd.of(second);
        sim.urc("RING");
        assertThat(host.awaitReceived("RING\r\n")).isEqualTo("\r\nRING\r\n");
    }

    @Test
    void hostClosingThePipeEndsTheLinkQuietly() {
        pipe.close();
        host.awaitEof();
        sim.urc("RING");
        sim.deliverDirect(DELIVER_PDU);
        List<String> none = sim.commands();
        assertThat(none).isEmpty();
    }
}
