package dev.callstack.modem.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.modem.internal.at.AtResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StoredPduParserTest {
    private static final String PDU = "0791198948004544040C9119894882006200007050307040042206CF35689E9603";

    @Test
    void readsATypicalCmgrAnswer() {
        assertThat(StoredPduParser.read(1, answer("+CMGR: 1,,25", PDU)))
                .hasValue(new StoredPdu(1, 1, PDU));
    }

    @Test
    void readsTelitEmptyAlphaAndLowerCaseAndQuotedPdus() {
        assertThat(StoredPduParser.read(0, answer("+CMGR: 0,\"\",50", "\"" + PDU.toLowerCase(Locale.ROOT) + "\"")))
                .hasValue(new StoredPdu(0, 0, PDU));
    }

    @Test
    void readsAPduOnTheHeaderLine() {
        assertThat(StoredPduParser.read(1, answer("+CMGR: 1,,147 " + PDU))).hasValue(new StoredPdu(1, 1, PDU));
    }

    @Test
    void emptySlotIsEmpty() {
        assertThat(StoredPduParser.read(3, answer())).isEmpty();
    }

    @Test
    void listsEveryEntryIncludingATruncatedLastOne() {
        List<StoredPdu> entries = StoredPduParser.list(answer("+CMGL: 17,3,35", PDU, "+CMGL: 15,1,,35", PDU,
                "+CMGL: 11,3,35", "079100F40D11"));
        assertThat(entries).extracting(StoredPdu::index).containsExactly(17, 15, 11);
        assertThat(entries).extracting(StoredPdu::stat).containsExactly(3, 1, 3);
        assertThat(entries.get(2).pduHex()).isEqualTo("079100F40D11");
        assertThat(entries.get(0).outgoing()).isTrue();
        assertThat(entries.get(1).outgoing()).isFalse();
    }

    @Test
    void headerWithoutPduLineGivesAnEmptyPdu() {
        assertThat(StoredPduParser.list(answer("+CMGL: 1,0,\"\",23", "+CMGL: 2,0,,23", PDU)))
                .extracting(StoredPdu::pduHex).containsExactly("", PDU);
    }

    private static AtResponse answer(String... lines) {
        return new AtResponse(List.of(lines), "OK");
    }

    @Test
    void cpmsAnswersOfAllShapesGiveTheStorageNames() {
        assertThat(SmsInitializer.parseCpms("\"SM\",3,30,\"ME\",3,30,\"MT\",3,30")).containsExactly("SM", "ME", "MT");
        assertThat(SmsInitializer.parseCpms("7,20,7,20,7,20")).isEmpty();
        assertThat(SmsInitializer.parseCpms("")).isEmpty();
        assertThat(SmsInitializer.parseCpms("(ME\", \"SR\")")).containsExactly("ME", "SR");
    }
}
