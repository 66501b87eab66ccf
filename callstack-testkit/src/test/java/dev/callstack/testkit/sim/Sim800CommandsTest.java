package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Sim800CommandsTest {
    private final SimState state = new SimState(new SmsStorage());
    private final ModemBehaviour sim800 = new ModemBehaviour(Sim800Commands.TABLE, state);

    @Test
    void lineThatIsNotAnAtCommandIsAnErrorAndTheCommandIsMatchedInAnyCase() {
        assertThat(sim800.command("hello")).isEqualTo(SimReply.error());
        assertThat(sim800.command("+CSQ")).isEqualTo(SimReply.error());
        assertThat(sim800.command("at+csq")).isEqualTo(SimReply.of("+CSQ: 20,0", "OK"));
        assertThat(sim800.command("AT")).isEqualTo(SimReply.ok());
    }

    @Test
    void queryAndSetOfTheSameCommandAreAnsweredDifferently() {
        assertThat(sim800.command("AT+CREG?")).isEqualTo(SimReply.of("+CREG: 0,1", "OK"));
        assertThat(sim800.command("AT+CREG=2")).isEqualTo(SimReply.ok());
        assertThat(sim800.command("AT+CREG?")).isEqualTo(SimReply.of("+CREG: 2,1,\"84CD\",\"00D30173\"", "OK"));
        assertThat(sim800.command("AT+CREG=?")).isEqualTo(SimReply.ok());
        assertThat(sim800.command("AT+CREG")).isEqualTo(SimReply.error());
    }

    @Test
    void theMessageFormatTestFormListsPduAndText() {
        // callstack doctor asks it to tell whether the modem does PDU-mode SMS.
        assertThat(sim800.command("AT+CMGF=?")).isEqualTo(SimReply.of("+CMGF: (0,1)", "OK"));
    }

    @Test
    void bareListIsTheExactEntryAndListWithAStatIsTheSetEntry() {
        state.storage().store(AtModemSimulatorPipeTest.DELIVER_PDU, SmsStorage.REC_READ);

        assertThat(sim800.command("AT+CMGL")).isEqualTo(SimReply.ok());
        assertThat(sim800.command("AT+CMGL=1").lines()).hasSize(3).endsWith("OK");
        assertThat(sim800.command("AT+CMGL=?")).isEqualTo(SimReply.error());
    }

    @Test
    void dialIsAPrefixEntrySoTheNumberFollowsTheD() {
        assertThat(sim800.command("ATD+15550100100;")).isEqualTo(SimReply.ok());
        assertThat(sim800.command("AT+CLCC"))
                .isEqualTo(SimReply.of("+CLCC: 1,0,2,0,0,\"+15550100100\",145", "OK"));
        assertThat(sim800.command("ATD+15550100100")).isEqualTo(SimReply.of("NO CARRIER"));
    }

    @Test
    void argumentsKeepTheirCase() {
        state.pinState(PinState.SIM_PIN);
        state.pin("abcd");

        assertThat(sim800.command("AT+CPIN=\"ABCD\"")).isEqualTo(SimReply.of("+CME ERROR: 16"));
        assertThat(sim800.command("AT+CPIN=\"abcd\"")).isEqualTo(SimReply.ok());
        assertThat(state.pinState()).isEqualTo(PinState.READY);
    }

    @Test
    void aProfileBuiltFromTheSim800TableOverridesSomeAnswersAndSharesTheRest() {
        CommandTable other = Sim800Commands.TABLE.toBuilder()
                .replaceExact("+CGMM", CommandHandler.constant("OTHER_MODEL"))
                .removePrefix("+CSMS")
                .build();
        ModemBehaviour profile = new ModemBehaviour(other, state);

        assertThat(profile.command("AT+CGMM")).isEqualTo(SimReply.of("OTHER_MODEL", "OK"));
        assertThat(profile.command("AT+CSMS=1")).isEqualTo(SimReply.error());
        assertThat(profile.command("AT+CGMI")).isEqualTo(SimReply.of(Sim800Commands.MANUFACTURER, "OK"));
        assertThat(profile.command("ATE1")).isEqualTo(SimReply.ok());
        assertThat(state.echo()).isTrue();
        assertThat(sim800.command("AT+CGMM")).isEqualTo(SimReply.of(Sim800Commands.MODEL, "OK"));
    }

    @Test
    void commandParsingSplitsBodyAndArguments() {
        AtCommand command = AtCommand.parse("at+cusd=1,\"*100#,x\",15");

        assertThat(command.body()).isEqualTo("+CUSD=1,\"*100#,X\",15");
        assertThat(command.args()).isEqualTo("1,\"*100#,x\",15");
        assertThat(command.fields()).containsExactly("1", "\"*100#,x\"", "15");
        assertThat(command.integer(0)).hasValue(1);
        assertThat(command.integer(1)).isEmpty();
        assertThat(command.integer(3)).isEmpty();
        assertThat(AtCommand.parse("ATD123;").args()).isEmpty();
        assertThat(AtCommand.parse("hello")).isNull();
        assertThat(List.of(AtCommand.unquote(" \"*100#\" "), AtCommand.unquote("\""))).containsExactly("*100#", "\"");
    }
}
