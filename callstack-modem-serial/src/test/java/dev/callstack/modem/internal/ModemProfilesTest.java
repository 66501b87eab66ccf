package dev.callstack.modem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.event.CallState;
import dev.callstack.modem.pdu.Gsm7;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The profile table: each family recognised from what real devices answer to AT+CGMI / AT+CGMM. */
class ModemProfilesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIMCOM_Ltd|SIMCOM_SIM800L|sim800",
        "SIMCOM_Ltd|SIMCOM_SIM868|sim800",
        "SIMCOM_Ltd|SIMCOM_SIM900|sim800",
        "SIMCOM INCORPORATED|SIMCOM_SIM7600E-H|sim7600",
        "SIMCOM INCORPORATED|SIMCOM_SIM7000E|sim7600",
        "Quectel|EC25|quectel",
        "Quectel|EG25|quectel",
        "Quectel|BG95-M3|quectel",
        "Quectel_Ltd|Quectel_EC21|quectel",
        "Huawei Technologies Co., Ltd.|ME909s-120|huawei",
        "huawei|MU709s-2|huawei",
        "huawei|E3372|huawei",
        "Telit|LE910C4-EU|telit",
        "Telit|ME910C1-WW|telit",
        "u-blox|SARA-R410M-02B|ublox",
        "u-blox|LARA-R211|ublox",
        "u-blox|TOBY-L201|ublox",
        "Sierra Wireless, Incorporated|MC7455|generic",
    })
    void realIdentityStringsSelectTheirFamily(String manufacturer, String model, String profile) {
        assertThat(ModemProfiles.detect(manufacturer, model).name()).isEqualTo(profile);
    }

    @Test
    void missingIdentityIsGeneric() {
        assertThat(ModemProfiles.detect(null, null)).isSameAs(ModemProfiles.GENERIC);
    }

    @Test
    void everyProfileSetsTheCharacterSetFirstThenItsDtmfCommands() {
        assertThat(ModemProfiles.detect("SIMCOM_Ltd", "SIMCOM_SIM800L").initCommands())
                .containsExactly("AT+CSCS=\"GSM\"", "AT+DDET=1");
        assertThat(ModemProfiles.detect("Quectel", "EC25").initCommands())
                .containsExactly("AT+CSCS=\"GSM\"", "AT+QTONEDET=1");
        assertThat(ModemProfiles.detect("Telit", "LE910C4-EU").initCommands())
                .containsExactly("AT+CSCS=\"IRA\"", "AT#DTMF=1");
        assertThat(ModemProfiles.detect("huawei", "E3372").initCommands()).containsExactly("AT+CSCS=\"IRA\"");
    }

    @Test
    void onlyHuaweiPacksUssdAndReportsCallProgressItself() {
        for (ModemProfile profile : ModemProfiles.TABLE) {
            boolean huawei = profile.name().equals("huawei");
            assertThat(profile.ussdEncoding() == ModemProfile.UssdEncoding.PACKED_GSM7_HEX).isEqualTo(huawei);
            assertThat(profile.pollCalls()).isNotEqualTo(huawei);
        }
    }

    @ParameterizedTest
    @CsvSource({"*100#,AA180C3602", "*106#,AA18CC3602", "#123#,A3986C3602"})
    void ussdCodesPackIntoGsm7Hex(String code, String hex) {
        assertThat(UssdCodePacker.pack(code)).isEqualTo(hex);
    }

    @Test
    void aSevenCharacterCodeGetsACrFillNotAnAt() {
        String hex = UssdCodePacker.pack("*123*4#");
        byte[] octets = new byte[hex.length() / 2];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        assertThat(Gsm7.decodePacked(octets, 8)).isEqualTo("*123*4#\r");
    }

    @Test
    void callListDecidesTheCallState() {
        assertThat(CallListParser.state(List.of())).isEqualTo(CallState.IDLE);
        assertThat(CallListParser.state(List.of("+CLCC: 1,0,2,0,0,\"+15550100100\",145"))).isEqualTo(CallState.DIALING);
        assertThat(CallListParser.state(List.of("+CLCC: 1,0,3,0,0"))).isEqualTo(CallState.DIALING);
        assertThat(CallListParser.state(List.of("+CLCC: 1,0,0,0,0,\"+15550100100\",145"))).isEqualTo(CallState.ACTIVE);
        assertThat(CallListParser.state(List.of("+CLCC: 1,1,4,0,0,\"+15550100100\",145"))).isEqualTo(CallState.RINGING);
        // A data call is not a voice call; a waiting call alone decides nothing.
        assertThat(CallListParser.state(List.of("+CLCC: 1,0,0,1,0"))).isEqualTo(CallState.IDLE);
        assertThat(CallListParser.state(List.of("+CLCC: 2,1,5,0,0"))).isNull();
        assertThat(CallListParser.state(List.of("+CLCC: 1,0,0,0,0", "+CLCC: 2,1,5,0,0"))).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void callListSaysWhetherACallIsStillUp() {
        assertThat(CallListParser.connected(List.of("+CLCC: 1,1,0,0,0,\"+15550100100\",145"))).isTrue();
        assertThat(CallListParser.connected(List.of("+CLCC: 1,1,1,0,0"))).isTrue(); // held
        assertThat(CallListParser.connected(List.of("+CLCC: 1,1,0,0,0", "+CLCC: 2,1,5,0,0"))).isTrue();
        // Only the waiting caller left, nothing, a dialling call or a data call: ours is not up.
        assertThat(CallListParser.connected(List.of("+CLCC: 2,1,5,0,0,\"+15550100200\",145"))).isFalse();
        assertThat(CallListParser.connected(List.of())).isFalse();
        assertThat(CallListParser.connected(List.of("+CLCC: 1,0,2,0,0"))).isFalse();
        assertThat(CallListParser.connected(List.of("+CLCC: 1,0,0,1,0"))).isFalse();
    }
}
