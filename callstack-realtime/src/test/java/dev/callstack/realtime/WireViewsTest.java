package dev.callstack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.Registration;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireViewsTest {
    private static final Instant T = Instant.parse("2026-12-04T16:42:19.123456Z");

    @Test
    void everyTimestampHasMillisecondsAndZ() {
        assertThat(WireViews.timestamp(Instant.parse("2026-12-04T16:42:19Z"))).isEqualTo("2026-12-04T16:42:19.000Z");
        assertThat(WireViews.timestamp(T)).isEqualTo("2026-12-04T16:42:19.123Z");
        assertThat(WireViews.timestamp(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void enumWireNamesAreLowerCase() {
        assertThat(WireViews.wireName(DeliveryStatus.DELIVERED)).isEqualTo("delivered");
        assertThat(WireViews.wireName(CallState.HELD)).isEqualTo("held");
        assertThat(WireViews.wireName(Registration.NOT_REGISTERED)).isEqualTo("not_registered");
    }

    @Test
    void aStoredSmsAndItsEventWriteTheSameView() throws IOException {
        StoredSms stored = new StoredSms(7, "+15550100100", "hi \uD83D\uDC4B", T, T.minusSeconds(3), 2, true);
        SmsReceived event = new SmsReceived(T, "+15550100100", "hi \uD83D\uDC4B", T.minusSeconds(3), 2, 7L, true);
        for (View view : View.values()) {
            assertThat(write(g -> WireViews.writeSms(g, event, view)))
                    .isEqualTo(write(g -> WireViews.writeSms(g, stored, view)));
        }
        assertThat(write(g -> WireViews.writeSms(g, stored, View.REDACTED))).isEqualTo("{\"id\":7,"
                + "\"sender\":\"+***0100\",\"body\":\"[redacted]\",\"body_length\":4,"
                + "\"received_at\":\"2026-12-04T16:42:19.123Z\",\"smsc_timestamp\":\"2026-12-04T16:42:16.123Z\","
                + "\"parts\":2,\"partial\":true}");
    }

    @Test
    void aStoredReportAndItsEventWriteTheSameView() throws IOException {
        StoredDeliveryReport stored = new StoredDeliveryReport(3, 42, "+15550100100", DeliveryStatus.FAILED, 0x41, T,
                null);
        SmsDeliveryReport event = new SmsDeliveryReport(T, 42, "+15550100100", DeliveryStatus.FAILED, 0x41, null);
        for (View view : View.values()) {
            assertThat(write(g -> WireViews.writeDeliveryReport(g, event, view)))
                    .isEqualTo(write(g -> WireViews.writeDeliveryReport(g, stored, view)));
        }
        assertThat(write(g -> WireViews.writeDeliveryReport(g, stored, View.CONTENT))).isEqualTo("{\"reference\":42,"
                + "\"recipient\":\"+15550100100\",\"status\":\"failed\",\"timestamp\":\"2026-12-04T16:42:19.123Z\","
                + "\"message_id\":null}");
    }

    @Test
    void anOutboxEntryHasOneViewWithMessageIdAsAStringAndNoBodyWhenRedacted() throws IOException {
        OutboxEntry queued = new OutboxEntry(12, PhoneNumber.of("+15550100100"), "code 1234", OutboxStatus.QUEUED,
                List.of(new OutboxPart(1, null, null)), 0, T, null, null, null);

        assertThat(write(g -> WireViews.writeOutboxEntry(g, queued, View.REDACTED))).isEqualTo("{"
                + "\"message_id\":\"12\",\"to\":\"+***0100\",\"status\":\"queued\",\"parts\":1,"
                + "\"references\":[null],\"attempts\":0,\"created_at\":\"2026-12-04T16:42:19.123Z\","
                + "\"sent_at\":null,\"delivered_at\":null,\"error\":null}");
        assertThat(write(g -> WireViews.writeOutboxEntry(g, queued, View.CONTENT))).isEqualTo("{"
                + "\"message_id\":\"12\",\"to\":\"+15550100100\",\"body\":\"code 1234\",\"status\":\"queued\","
                + "\"parts\":1,\"references\":[null],\"attempts\":0,\"created_at\":\"2026-12-04T16:42:19.123Z\","
                + "\"sent_at\":null,\"delivered_at\":null,\"error\":null}");
    }

    @Test
    void aPartiallySentOutboxEntryCarriesPerPartResults() throws IOException {
        OutboxEntry partial = new OutboxEntry(3, PhoneNumber.of("+15550100100"), "long", OutboxStatus.PARTIALLY_SENT,
                List.of(new OutboxPart(1, 41, DeliveryStatus.DELIVERED), new OutboxPart(2, null, null)), 1, T,
                null, T.plusSeconds(5), "modem rejected part 2 (+CMS ERROR: 38)");

        assertThat(write(g -> WireViews.writeOutboxEntry(g, partial, View.REDACTED))).isEqualTo("{"
                + "\"message_id\":\"3\",\"to\":\"+***0100\",\"status\":\"partially_sent\",\"parts\":2,"
                + "\"references\":[41,null],\"attempts\":1,\"created_at\":\"2026-12-04T16:42:19.123Z\","
                + "\"sent_at\":null,\"delivered_at\":\"2026-12-04T16:42:24.123Z\","
                + "\"error\":\"modem rejected part 2 (+CMS ERROR: 38)\",\"part_results\":["
                + "{\"part\":1,\"reference\":41,\"delivery\":\"delivered\"},"
                + "{\"part\":2,\"reference\":null,\"delivery\":null}]}");
    }

    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    private static String write(Fields fields) throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator g = WireViews.newJsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
