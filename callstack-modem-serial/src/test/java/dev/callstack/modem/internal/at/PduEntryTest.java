package dev.callstack.modem.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** testdata/at-transcripts.md §2: the shapes +CMGR/+CMGL answers come in. */
class PduEntryTest {

    @Test
    void headerThenPduLine() {
        AtResponse r = new AtResponse(List.of("+CMGR: 1,,25", "0791198948004544040C91198948820062000070503070400422"
                + "06CF35689E9603"), "OK");
        assertThat(PduEntry.parse(r, "+CMGR:")).containsExactly(new PduEntry("+CMGR: 1,,25",
                "0791198948004544040C9119894882006200007050307040042206CF35689E9603"));
    }

    @Test
    void headerAndPduOnOneLine() {
        AtResponse r = new AtResponse(List.of("+CMGR: 1,,147 07914306073011F00405812261F7"), "OK");
        assertThat(PduEntry.parse(r, "+CMGR:")).containsExactly(
                new PduEntry("+CMGR: 1,,147", "07914306073011F00405812261F7"));
    }

    @Test
    void quotedAndLowerCasePdu() {
        AtResponse r = new AtResponse(List.of("+CMGR: 0,\"\",50", "\"0041000b817777777777f70000\""), "OK");
        assertThat(PduEntry.parse(r, "+CMGR:").get(0).pduHex()).isEqualTo("0041000B817777777777F70000");
    }

    @Test
    void listWithATruncatedLastEntryAndAnEntryWithoutPdu() {
        AtResponse r = new AtResponse(List.of("+CMGL: 17,3,35", "0791AA", "+CMGL: 15,3,35", "+CMGL: 11,3,35",
                "079100F4"), "OK");
        assertThat(PduEntry.parse(r, "+CMGL:")).extracting(PduEntry::pduHex).containsExactly("0791AA", "",
                "079100F4");
    }
}
