package dev.callstack.modem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.store.DeliveryReportRecord;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingPart;
import dev.callstack.core.store.SentMessage;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Retention: bodies and numbers older than the cutoff go, rows, ids, times and counts stay. */
class ContentErasureTest extends InMemoryStoreTest {
    @Test
    void erasesBodiesAndNumbersBeforeTheCutoffAndKeepsTheRows() {
        long oldIn = store.storeReceived("in-old", new InboundMessage("+16175046925", "code 123456", OLD, OLD, 2,
                false)).orElseThrow();
        long newIn = store.storeReceived("in-new", new InboundMessage("+16175046926", "fresh", NEW, null, 1, false))
                .orElseThrow();
        long oldOut = store.insertSent(new OutboundMessage("+447700900123", "old body", 1, OLD));
        store.recordSentPart(oldOut, 1, 7, OLD);
        long newOut = store.insertSent(new OutboundMessage("+447700900124", "new body", 1, NEW));
        store.storeDeliveryReport("dr-old", new DeliveryReportRecord(7, "+447700900123", DeliveryStatus.DELIVERED, 0,
                OLD, oldOut, 1));
        store.storeDeliveryReport("dr-new", new DeliveryReportRecord(8, "+447700900124", DeliveryStatus.DELIVERED, 0,
                NEW, null, null));
        PartGroupKey group = new PartGroupKey("+16175046925", 9, 2, false);
        store.addPart("part-old", new PendingPart(group, 1, "half a secret", null, OLD));

        assertThat(store.eraseContentBefore(CUTOFF)).isEqualTo(4);

        List<StoredSms> received = store.received(10, OptionalLong.empty());
        assertThat(received).extracting(StoredSms::id).containsExactly(newIn, oldIn);
        assertThat(received.get(1)).satisfies(sms -> {
            assertThat(sms.sender()).isEmpty();
            assertThat(sms.body()).isEmpty();
            assertThat(sms.receivedAt()).isEqualTo(OLD);
            assertThat(sms.parts()).isEqualTo(2);
        });
        assertThat(received.get(0).body()).isEqualTo("fresh");
        assertThat(received.get(0).sender()).isEqualTo("+16175046926");

        SentMessage erased = store.sent(oldOut).orElseThrow();
        assertThat(erased.recipient()).isEmpty();
        assertThat(erased.body()).isEmpty();
        assertThat(erased.parts()).isEqualTo(1);
        assertThat(erased.sentParts()).singleElement()
                .satisfies(part -> assertThat(part.status()).isEqualTo(DeliveryStatus.DELIVERED));
        assertThat(store.sent(newOut).orElseThrow().body()).isEqualTo("new body");

        assertThat(store.deliveryReports(10)).extracting(StoredDeliveryReport::recipient)
                .containsExactly("+447700900124", "");
        assertThat(store.parts(group)).isEmpty();
        assertThat(store.openGroupCount()).isZero();
        // The dedupe fingerprints are not content: a re-delivered old message is still recognised.
        assertThat(store.seen("in-old")).isTrue();
    }

    @Test
    void erasingAgainFindsNothingNew() {
        store.storeReceived("in-old", new InboundMessage("+16175046925", "code 123456", OLD, null, 1, false));
        assertThat(store.eraseContentBefore(CUTOFF)).isEqualTo(1);
        assertThat(store.eraseContentBefore(CUTOFF)).isZero();
    }
}
