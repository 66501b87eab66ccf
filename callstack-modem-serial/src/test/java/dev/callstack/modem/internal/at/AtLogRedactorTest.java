package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AtLogRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AT+CPIN=\"1234\"|AT+CPIN=[redacted]",
            "ATD+15550100100;|ATD+***0100;",
            "ATD5550100100;|ATD***0100;",
            "AT+CUSD=1,\"*100*123456#\",15|AT+CUSD=1,[redacted]",
            "AT+VTS=5|AT+VTS=[redacted]",
            "AT+CSQ|AT+CSQ",
            "AT+CMGS=61|AT+CMGS=61",
            "AT+CPMS=\"SM\",\"SM\",\"SM\"|AT+CPMS=\"SM\",\"SM\",\"SM\"",
            "AT+CMGR=3|AT+CMGR=3"})
    void commands(String in, String out) {
        assertThat(AtLogRedactor.command(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+CLIP: \"+481239823991\",145,\"\",128,\"\",0|+CLIP: \"+***3991\",145,\"\",128,\"\",0",
            "+CLIP: \"+481239823991\",145,\"\",128,\"Jane Doe\",0|+CLIP: \"+***3991\",145,\"\",128,\"[redacted]\",0",
            "+CLCC: 1,1,4,0,0,\"+15550100100\",145,\"Mum\"|+CLCC: 1,1,4,0,0,\"+***0100\",145,\"[redacted]\"",
            "+CUSD: 0,\"Balance 5.00\",15|+CUSD: 0,[redacted]",
            "+CUSD: 2|+CUSD: 2",
            "+CSQ: 11,99|+CSQ: 11,99",
            "+CMTI: \"SM\",7|+CMTI: \"SM\",7",
            "07918497483252F0840B918496445078F700007121320144744004D4F29C0E|[hex 62 chars]",
            "356938035643809|[redacted]",
            "OK|OK",
            "Revision:1418B04SIM800L24|Revision:1418B04SIM800L24",
            "89860012345678901234F|[redacted]",
            "262011234567890|[redacted]",
            "+CGSN: 490154203237518|+CGSN: [redacted]",
            "+CCID: \"89860012345678901234\"|+CCID: [redacted]",
            "+QCCID: 89860012345678901234F|+QCCID: [redacted]",
            "^ICCID: 98681000000000000000|^ICCID: [redacted]",
            "#CCID: 89390100001234567890|#CCID: [redacted]",
            "IMEI: 867584034567895|IMEI: [redacted]",
            "+COPS: 0,0,\"Callstack Sim\"|+COPS: 0,0,\"Callstack Sim\"",
            "MISSED_CALL: 11:01AM 07712345678|MISSED_CALL: 11:01AM ***5678",
            "+RXDTMF: C|+RXDTMF: [redacted]",
            "+DTMF: 5,100|+DTMF: [redacted]",
            "+QTONEDET: 53|+QTONEDET: [redacted]",
            "#DTMFEV: 9|#DTMFEV: [redacted]"})
    void responses(String in, String out) {
        assertThat(AtLogRedactor.response(in)).isEqualTo(out);
    }
}
