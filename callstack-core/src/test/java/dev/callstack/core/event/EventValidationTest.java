package dev.callstack.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.Registration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidationTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void everyEventRejectsANullTimestamp() {
        List<Runnable> constructors = List.of(
                () -> new SmsReceived(null, "DUO", "b", null, 1, null),
                () -> new SmsSent(null, "123", List.of(1), 1, null),
                () -> new SmsDeliveryReport(null, 1, "123", DeliveryStatus.DELIVERED, 0, null),
                () -> new CallStateChanged(null, CallState.IDLE),
                () -> new CallRing(null),
                () -> new CallerId(null, "123"),
                () -> new DtmfReceived(null, '1'),
                () -> new ModemConnected(null),
                () -> new ModemDisconnected(null, "gone"),
                () -> new SignalQuality(null, 10, 0),
                () -> new NetworkRegistrationChanged(null, Registration.HOME, AccessTechnology.LTE),
                () -> new UssdResponse(null, 0, "m", 15),
                () -> new SmsQueued(null, "123", 1, 1),
                () -> new SmsFailed(null, "123", 1, dev.callstack.core.OutboxStatus.FAILED, "rejected"),
                () -> new VoicemailRecorded(null, "vm1", java.time.Duration.ofSeconds(3), null),
                () -> new IvrOptionChosen(null, "1", null));

        assertThat(constructors).allSatisfy(constructor ->
                assertThatNullPointerException().isThrownBy(constructor::run).withMessage("timestamp"));
    }

    @Test
    void everyPermittedEventTypeIsCoveredByTheNullTimestampTest() {
        assertThat(ModemEvent.class.getPermittedSubclasses()).hasSize(16);
    }

    @Test
    void networkRegistrationChangedRejectsNullComponents() {
        assertThatNullPointerException()
                .isThrownBy(() -> new NetworkRegistrationChanged(T, null, AccessTechnology.LTE))
                .withMessage("registration");
        assertThatNullPointerException()
                .isThrownBy(() -> new NetworkRegistrationChanged(T, Registration.HOME, null))
                .withMessage("technology");
    }

    @Nested
    class SmsReceivedEvent {
        @Test
        void acceptsAValidMessage() {
            SmsReceived sms = new SmsReceived(T, "+15550100100", "", T, 3, 7L);

            assertThat(sms.partial()).isFalse();
            assertThat(sms.messageId()).isEqualTo(7L);
            assertThat(new SmsReceived(T, "DUO", "x", null, 255, null, true).partial()).isTrue();
        }

        @Test
        void rejectsNullOrBlankSenderAndNullBody() {
            assertThatNullPointerException().isThrownBy(() -> new SmsReceived(T, null, "b", null, 1, null))
                    .withMessage("sender");
            assertThatThrownBy(() -> new SmsReceived(T, " ", "b", null, 1, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sender");
            assertThatThrownBy(() -> new SmsReceived(T, "", "b", null, 1, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatNullPointerException().isThrownBy(() -> new SmsReceived(T, "DUO", null, null, 1, null))
                    .withMessage("body");
        }

        @ParameterizedTest
        @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 256, 1000})
        void rejectsPartsOutside1To255(int parts) {
            assertThatThrownBy(() -> new SmsReceived(T, "DUO", "b", null, parts, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parts");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void rejectsNonPositiveMessageId(long id) {
            assertThatThrownBy(() -> new SmsReceived(T, "DUO", "b", null, 1, id))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId");
        }

        @Test
        void validationMessagesNeverContainTheSenderOrBody() {
            assertThatThrownBy(() -> new SmsReceived(T, "+15550100100", "secret body", null, 0, null))
                    .message().doesNotContain("5550100100", "secret");
        }
    }

    @Nested
    class SmsSentEvent {
        @Test
        void acceptsOneReferencePerPart() {
            SmsSent sent = new SmsSent(T, "+15550100100", List.of(0, 255, 7), 3, 1L);

            assertThat(sent.reference()).isZero();
            assertThat(sent.references()).containsExactly(0, 255, 7);
        }

        @Test
        void referencesAreCopiedAndImmutable() {
            List<Integer> references = new ArrayList<>(List.of(1));
            SmsSent sent = new SmsSent(T, "123", references, 1, null);
            references.set(0, 2);

            assertThat(sent.references()).containsExactly(1);
            assertThatThrownBy(() -> sent.references().add(3)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void rejectsReferencesWhoseSizeDiffersFromParts() {
            assertThatThrownBy(() -> new SmsSent(T, "123", List.of(1, 2), 1, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SmsSent(T, "123", List.of(1), 2, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SmsSent(T, "123", List.of(), 1, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 256})
        void rejectsReferencesOutside0To255(int reference) {
            assertThatThrownBy(() -> new SmsSent(T, "123", List.of(reference), 1, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
            assertThatThrownBy(() -> new SmsSent(T, "123", List.of(1, reference), 2, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        }

        @Test
        void rejectsPartsOutside1To255() {
            assertThatThrownBy(() -> new SmsSent(T, "123", List.of(), 0, null))
                    .isInstanceOf(IllegalArgumentException.class);
            List<Integer> tooMany = Arrays.asList(new Integer[256]);
            tooMany.replaceAll(ignored -> 1);
            assertThatThrownBy(() -> new SmsSent(T, "123", tooMany, 256, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsNullsBlankRecipientAndNonPositiveMessageId() {
            assertThatNullPointerException().isThrownBy(() -> new SmsSent(T, null, List.of(1), 1, null));
            assertThatThrownBy(() -> new SmsSent(T, " ", List.of(1), 1, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatNullPointerException().isThrownBy(() -> new SmsSent(T, "123", null, 1, null));
            assertThatNullPointerException().isThrownBy(() -> new SmsSent(T, "123", Arrays.asList(1, null), 2, null));
            assertThatThrownBy(() -> new SmsSent(T, "123", List.of(1), 1, 0L))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class SmsDeliveryReportEvent {
        @Test
        void acceptsBoundaryValues() {
            assertThatCode(() -> {
                new SmsDeliveryReport(T, 0, "123", DeliveryStatus.UNKNOWN, -1, null);
                new SmsDeliveryReport(T, 255, "123", DeliveryStatus.FAILED, 255, 1L);
            }).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 256})
        void rejectsReferenceOutside0To255(int reference) {
            assertThatThrownBy(() -> new SmsDeliveryReport(T, reference, "123", DeliveryStatus.DELIVERED, 0, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        }

        @ParameterizedTest
        @ValueSource(ints = {-2, 256})
        void rejectsRawStatusOutsideMinus1To255(int raw) {
            assertThatThrownBy(() -> new SmsDeliveryReport(T, 1, "123", DeliveryStatus.DELIVERED, raw, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rawStatus");
        }

        @Test
        void rejectsNullsAndNonPositiveMessageId() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new SmsDeliveryReport(T, 1, null, DeliveryStatus.DELIVERED, 0, null));
            assertThatNullPointerException().isThrownBy(() -> new SmsDeliveryReport(T, 1, "123", null, 0, null));
            assertThatThrownBy(() -> new SmsDeliveryReport(T, 1, "123", DeliveryStatus.DELIVERED, 0, 0L))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class CallEvents {
        @Test
        void rejectNullStateAndNullNumber() {
            assertThatNullPointerException().isThrownBy(() -> new CallStateChanged(T, null)).withMessage("state");
            assertThatNullPointerException().isThrownBy(() -> new CallerId(T, null)).withMessage("number");
        }

        @Test
        void callerIdMayBeEmptyWhenWithheld() {
            assertThat(new CallerId(T, "").number()).isEmpty();
        }

        @Test
        void dtmfAcceptsExactly0To9StarHashAndAToD() {
            String valid = "0123456789*#ABCD";
            for (char c = 0; c < 0x3000; c++) {
                char digit = c;
                if (valid.indexOf(c) >= 0) {
                    assertThat(DtmfReceived.isDtmf(c)).as("U+%04X", (int) c).isTrue();
                    assertThat(new DtmfReceived(T, c).digit()).isEqualTo(c);
                } else {
                    assertThat(DtmfReceived.isDtmf(c)).as("U+%04X", (int) c).isFalse();
                    assertThatThrownBy(() -> new DtmfReceived(T, digit)).isInstanceOf(IllegalArgumentException.class);
                }
            }
        }

        @Test
        void dtmfRejectsLowercaseAndNonAsciiDigits() {
            assertThat(DtmfReceived.isDtmf('a')).isFalse();
            assertThat(DtmfReceived.isDtmf('E')).isFalse();
            assertThat(DtmfReceived.isDtmf('\u0661')).isFalse();
        }
    }

    @Nested
    class ConnectionEvents {
        @Test
        void disconnectRequiresAReason() {
            assertThatNullPointerException().isThrownBy(() -> new ModemDisconnected(T, null)).withMessage("reason");
            assertThat(new ModemDisconnected(T, "").reason()).isEmpty();
        }
    }

    @Nested
    class SignalQualityEvent {
        @Test
        void acceptsRssi0To31Or99AndBer0To7Or99() {
            for (int rssi = 0; rssi <= 31; rssi++) {
                assertThat(new SignalQuality(T, rssi, 0).rssi()).isEqualTo(rssi);
            }
            for (int ber = 0; ber <= 7; ber++) {
                assertThat(new SignalQuality(T, 10, ber).ber()).isEqualTo(ber);
            }
            assertThatCode(() -> new SignalQuality(T, 99, 99)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 32, 98, 100, Integer.MAX_VALUE})
        void rejectsOtherRssi(int rssi) {
            assertThatThrownBy(() -> new SignalQuality(T, rssi, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rssi");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 8, 98, 100})
        void rejectsOtherBer(int ber) {
            assertThatThrownBy(() -> new SignalQuality(T, 10, ber))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ber");
        }

        @Test
        void dbmIsMinus113Plus2RssiAndEmptyWhenUnknown() {
            for (int rssi = 0; rssi <= 31; rssi++) {
                assertThat(new SignalQuality(T, rssi, 99).dbm()).hasValue(-113 + 2 * rssi);
            }
            assertThat(new SignalQuality(T, 0, 0).dbm()).hasValue(-113);
            assertThat(new SignalQuality(T, 31, 0).dbm()).hasValue(-51);
            assertThat(new SignalQuality(T, 99, 0).dbm()).isEmpty();
        }
    }

    @Nested
    class UssdResponseEvent {
        @Test
        void acceptsStatus0To5AndDcsMinus1To255AndNullMessage() {
            for (int status = 0; status <= 5; status++) {
                assertThat(new UssdResponse(T, status, null, -1).status()).isEqualTo(status);
            }
            assertThat(new UssdResponse(T, 0, "m", 255).dataCodingScheme()).isEqualTo(255);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 6, 99})
        void rejectsOtherStatus(int status) {
            assertThatThrownBy(() -> new UssdResponse(T, status, "m", 15))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        }

        @ParameterizedTest
        @ValueSource(ints = {-2, 256})
        void rejectsOtherDcs(int dcs) {
            assertThatThrownBy(() -> new UssdResponse(T, 0, "m", dcs))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataCodingScheme");
        }

        @Test
        void validationMessageNeverContainsTheText() {
            assertThatThrownBy(() -> new UssdResponse(T, 9, "Balance 12.34", 15))
                    .message().doesNotContain("Balance");
        }
    }

    @Nested
    class DeliveryStatusClassification {
        @Test
        void tpStatusBoundaries() {
            for (int tp = 0x00; tp <= 0x1F; tp++) {
                assertThat(DeliveryStatus.fromTpStatus(tp)).as("0x%02X", tp).isEqualTo(DeliveryStatus.DELIVERED);
            }
            for (int tp = 0x20; tp <= 0x3F; tp++) {
                assertThat(DeliveryStatus.fromTpStatus(tp)).as("0x%02X", tp).isEqualTo(DeliveryStatus.PENDING);
            }
            for (int tp = 0x40; tp <= 0xFF; tp++) {
                assertThat(DeliveryStatus.fromTpStatus(tp)).as("0x%02X", tp).isEqualTo(DeliveryStatus.FAILED);
            }
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0x100, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void valuesThatAreNotAnOctetAreUnknown(int tp) {
            assertThat(DeliveryStatus.fromTpStatus(tp)).isEqualTo(DeliveryStatus.UNKNOWN);
        }
    }

    @Nested
    class DeliveryModes {
        @Test
        void bufferedNeedsACapacityOfAtLeastOne() {
            assertThat(Delivery.buffered().capacity()).isEqualTo(Delivery.DEFAULT_CAPACITY);
            assertThat(Delivery.buffered(1).mode()).isEqualTo(Delivery.Mode.BUFFERED);
            assertThatThrownBy(() -> Delivery.buffered(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatNullPointerException().isThrownBy(() -> new Delivery(null, 1));
            assertThat(Delivery.inline().mode()).isEqualTo(Delivery.Mode.INLINE);
        }
    }

    @Test
    void ivrOptionIsOneDtmfDigitAndTheEventNameIsPlain() {
        assertThatThrownBy(() -> new IvrOptionChosen(T, "12", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IvrOptionChosen(T, "x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IvrOptionChosen(T, "0", "Operator!")).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new IvrOptionChosen(T, "#", "operator")).doesNotThrowAnyException();
    }

    @Test
    void voicemailToStringHidesTheCaller() {
        assertThat(new VoicemailRecorded(T, "vm1", java.time.Duration.ofSeconds(3), "+15550100100").toString())
                .doesNotContain("15550100100").contains("+***0100");
        assertThatThrownBy(() -> new VoicemailRecorded(T, "vm1", java.time.Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
