package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventSelectionTest {
    private static final List<String> ALL = List.of("sms.received", "sms.delivery_report", "sms.sent", "call.state",
            "call.ring", "call.caller_id", "call.dtmf", "modem.state", "signal.quality", "network.registration",
            "ussd.response", "sms.queued", "sms.failed", "call.voicemail", "call.ivr");

    @Test
    void supportedNamesAreInWireOrder() {
        assertThat(EventNames.supported()).containsExactlyElementsOf(ALL);
    }

    @Test
    void itemsAreTrimmedEmptiesDroppedAndDuplicatesKeptFirst() {
        EventSelection selection = EventSelection.parse(" sms.sent , ,sms.sent,call.ring");

        assertThat(selection.names()).containsExactly("sms.sent", "call.ring");
        assertThat(selection.includes("sms.sent")).isTrue();
        assertThat(selection.includes("call.ring")).isTrue();
        assertThat(selection.includes("sms.received")).isFalse();
        assertThat(selection.isAll()).isFalse();
    }

    @Test
    void clientOrderIsKept() {
        assertThat(EventSelection.parse("ussd.response,sms.received").names())
                .containsExactly("ussd.response", "sms.received");
    }

    @Test
    void everyAsciiWhitespaceIsTrimmed() {
        assertThat(EventSelection.parse("\t\r\n\f\u000Bmodem.state \t").names()).containsExactly("modem.state");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", ",", " , ,, ", "\t,\n"})
    void absentOrEmptyAfterNormalisationSelectsEverything(String param) {
        EventSelection selection = EventSelection.parse(param);

        assertThat(selection.names()).containsExactlyElementsOf(ALL);
        assertThat(selection.isAll()).isTrue();
        assertThat(ALL).allMatch(selection::includes);
    }

    @Test
    void allListsEverySupportedNameInWireOrder() {
        assertThat(EventSelection.all().names()).containsExactlyElementsOf(ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "sms.sent,bogus", "SMS.SENT", "sms.sent;call.ring", "sms .sent", "sms.sent\u00A0"})
    void unknownNameIsATypedErrorCarryingTheSupportedNamesWithoutEchoingIt(String param) {
        assertThatThrownBy(() -> EventSelection.parse(param))
                .isInstanceOfSatisfying(UnsupportedEventFilterException.class, e -> {
                    assertThat(e.supportedEvents()).containsExactlyElementsOf(ALL);
                    assertThat(e.getMessage()).isEqualTo("unsupported WebSocket event filter");
                });
    }

    @Test
    void unknownNamesNeverMatch() {
        assertThat(EventSelection.all().includes("bogus")).isFalse();
        assertThat(EventSelection.all().includes(null)).isFalse();
    }

    @Test
    void selectionsWithTheSameNamesAreEqual() {
        assertThat(EventSelection.parse("call.ring, sms.sent")).isEqualTo(EventSelection.parse("call.ring,sms.sent"))
                .isNotEqualTo(EventSelection.parse("sms.sent,call.ring"));
    }
}
