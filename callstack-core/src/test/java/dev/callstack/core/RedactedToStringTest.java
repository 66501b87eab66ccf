package dev.callstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.UssdResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values that carry numbers or text are logged by accident sooner or later, so their toString hides both. */
class RedactedToStringTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final String NUMBER = "+15550100100";
    private static final String NUMBER_DIGITS = "555010";
    private static final String BODY = "secret body 8273";

    @Test
    void smsEventsShowTheRedactedNumberAndNoBody() {
        assertRedacted(new SmsReceived(NOW, NUMBER, BODY, NOW, 2, 7L).toString(), "SmsReceived", "+***0100");
        assertRedacted(new SmsSent(NOW, NUMBER, List.of(4), 1, 7L).toString(), "SmsSent", "+***0100");
        assertRedacted(new SmsDeliveryReport(NOW, 4, NUMBER, DeliveryStatus.DELIVERED, 0, 7L).toString(),
                "SmsDeliveryReport", "+***0100");
    }

    @Test
    void callEventsHideTheCallerAndTheDigits() {
        assertRedacted(new CallerId(NOW, NUMBER).toString(), "CallerId", "+***0100");
        assertThat(new DtmfReceived(NOW, '7').toString()).contains(Redaction.REDACTED).doesNotContain("7");
    }

    @Test
    void ussdResponseHidesItsText() {
        assertRedacted(new UssdResponse(NOW, 0, BODY, 15).toString(), "UssdResponse", "status=0");
        assertThat(new UssdResponse(NOW, 2, null, -1).toString()).contains("message=" + Redaction.UNKNOWN);
    }

    @Test
    void storedAndOutgoingMessagesShowTheRedactedNumberAndNoBody() {
        assertRedacted(new StoredSms(3, NUMBER, BODY, NOW, null, 1, false).toString(), "StoredSms", "+***0100");
        assertRedacted(new StoredDeliveryReport(3, 4, NUMBER, DeliveryStatus.FAILED, 0x40, NOW, null).toString(),
                "StoredDeliveryReport", "+***0100");
        assertRedacted(OutgoingSms.of(PhoneNumber.of(NUMBER), BODY).toString(), "OutgoingSms", "+***0100");
    }

    private static void assertRedacted(String text, String type, String expected) {
        assertThat(text).startsWith(type + "[").contains(expected).doesNotContain(NUMBER_DIGITS)
                .doesNotContain(BODY).doesNotContain("8273");
    }
}
