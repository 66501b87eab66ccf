package dev.callstack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemState;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.core.Registration;
import dev.callstack.core.SmsSendResult;
import dev.callstack.core.SmsEncoding;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.UssdCode;
import dev.callstack.core.event.CallRing;
import dev.callstack.core.event.CallState;
import dev.callstack.core.event.CallStateChanged;
import dev.callstack.core.event.CallerId;
import dev.callstack.core.event.Delivery;
import dev.callstack.core.event.DeliveryStatus;
import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.EventStream;
import dev.callstack.core.event.ModemConnected;
import dev.callstack.core.event.ModemDisconnected;
import dev.callstack.core.event.ModemEvent;
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.core.event.SignalQuality;
import dev.callstack.core.event.SmsDeliveryReport;
import dev.callstack.core.event.SmsReceived;
import dev.callstack.core.event.SmsSent;
import dev.callstack.core.event.UssdResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FakeModemTest {
    private static final Instant NOW = Instant.parse("2026-11-26T20:00:00.250Z");
    private static final PhoneNumber ALICE = PhoneNumber.of("+15550100100");
    private static final Duration USSD_TIMEOUT = Duration.ofSeconds(5);

    private final FakeModem modem = new FakeModem(Clock.fixed(NOW, ZoneOffset.UTC));
    /** Inline, so every published event is here as soon as the call that published it returns. */
    private final List<ModemEvent> events = new CopyOnWriteArrayList<>();

    FakeModemTest() {
        modem.events().subscribe(ModemEvent.class, events::add, Delivery.inline());
    }

    @AfterEach
    void closeModem() {
        modem.close();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, error) -> error).join();
    }

    @Nested
    class Initially {
        @Test
        void isConnectedWithDocumentedIdentity() {
            ModemState state = modem.state();

            assertThat(state.connected()).isTrue();
            assertThat(state.registration()).isEqualTo(Registration.HOME);
            assertThat(state.operator()).isEqualTo("Callstack Test");
            assertThat(state.signal().rssi()).isEqualTo(20);
            assertThat(state.signal().ber()).isEqualTo(0);
            assertThat(state.manufacturer()).isEqualTo("Callstack");
            assertThat(state.model()).isEqualTo("FakeModem");
            assertThat(state.revision()).isEqualTo("1");
            assertThat(modem.calls().state()).isEqualTo(CallState.IDLE);
        }

        @Test
        void hasNothingStoredOrSent() {
            assertThat(modem.sms().received(10, OptionalLong.empty())).isEmpty();
            assertThat(modem.sms().deliveryReports(10)).isEmpty();
            assertThat(modem.sentSms()).isEmpty();
            assertThat(modem.sentMessages()).isEmpty();
            assertThat(modem.ussdCodes()).isEmpty();
            assertThat(modem.dials()).isEmpty();
            assertThat(modem.dtmfSent()).isEmpty();
            assertThat(events).isEmpty();
        }

        @Test
        void defaultConstructorUsesTheSystemClock() {
            try (FakeModem systemClock = new FakeModem()) {
                Instant before = Instant.now();
                SmsReceived received = systemClock.receiveSms("DUO", "code");
                assertThat(received.timestamp()).isAfterOrEqualTo(before.minusSeconds(1));
            }
        }
    }

    @Nested
    class Injection {
        @Test
        void receivedSmsIsStoredThenPublishedWithItsId() {
            SmsReceived first = modem.receiveSms("+15550100100", "hello");
            SmsReceived second = modem.receiveSms("DUO", "long text", 3);

            assertThat(first.messageId()).isEqualTo(1L);
            assertThat(first.parts()).isEqualTo(1);
            assertThat(first.timestamp()).isEqualTo(NOW);
            assertThat(first.smscTimestamp()).isEqualTo(Instant.parse("2026-11-26T20:00:00Z"));
            assertThat(second.messageId()).isEqualTo(2L);
            assertThat(second.parts()).isEqualTo(3);
            assertThat(events).containsExactly(first, second);
            assertThat(modem.sms().received(10, OptionalLong.empty()))
                    .extracting(StoredSms::id, StoredSms::sender, StoredSms::body, StoredSms::parts)
                    .containsExactly(
                            tuple(2L, "DUO", "long text", 3),
                            tuple(1L, "+15550100100", "hello", 1));
        }

        @Test
        void messageIsAlreadyStoredWhenItsEventArrives() {
            List<List<StoredSms>> seenByHandler = new CopyOnWriteArrayList<>();
            modem.events().subscribe(SmsReceived.class,
                    event -> seenByHandler.add(modem.sms().received(1, OptionalLong.empty())), Delivery.inline());

            modem.receiveSms("+15550100100", "hello");

            assertThat(seenByHandler).singleElement().satisfies(page ->
                    assertThat(page).extracting(StoredSms::id).containsExactly(1L));
        }

        @Test
        void invalidInjectionIsRejectedAndStoresNothing() {
            assertThatThrownBy(() -> modem.receiveSms(" ", "body")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> modem.receiveSms("DUO", "body", 0)).isInstanceOf(IllegalArgumentException.class);

            assertThat(modem.sms().received(10, OptionalLong.empty())).isEmpty();
            assertThat(modem.receiveSms("DUO", "ok").messageId()).isEqualTo(1L);
        }

        @Test
        void ringPublishesRingingOncePerCallThenRingAndCallerId() {
            modem.ring("+15550100100");
            modem.ring("+15550100100");

            assertThat(events).containsExactly(
                    new CallStateChanged(NOW, CallState.RINGING),
                    new CallRing(NOW), new CallerId(NOW, "+15550100100"),
                    new CallRing(NOW), new CallerId(NOW, "+15550100100"));
            assertThat(modem.calls().state()).isEqualTo(CallState.RINGING);
        }

        @Test
        void callStateAndDtmfArePublished() {
            modem.callState(CallState.ACTIVE);
            modem.dtmf('#');

            assertThat(events).containsExactly(new CallStateChanged(NOW, CallState.ACTIVE), new DtmfReceived(NOW, '#'));
            assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
            assertThatThrownBy(() -> modem.dtmf('x')).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void signalIsPublishedAndBecomesTheState() {
            SignalQuality signal = modem.signal(31, 99);

            assertThat(events).containsExactly(signal);
            assertThat(modem.state().signal()).isEqualTo(signal);
            assertThat(signal.dbm()).hasValue(-51);
            assertThatThrownBy(() -> modem.signal(32, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void unsolicitedUssdIsPublished() {
            UssdResponse response = modem.ussdResponse(1, "Menu", 72);

            assertThat(events).containsExactly(response);
            assertThat(response.dataCodingScheme()).isEqualTo(72);
        }

        @Test
        void anyEventCanBePublishedAndStateEventsUpdateTheState() {
            SignalQuality weak = new SignalQuality(NOW, 3, 7);
            modem.publish(weak);
            modem.publish(new CallStateChanged(NOW, CallState.HELD));

            assertThat(events).containsExactly(weak, new CallStateChanged(NOW, CallState.HELD));
            assertThat(modem.state().signal()).isEqualTo(weak);
            assertThat(modem.calls().state()).isEqualTo(CallState.HELD);
        }

        @Test
        void registrationAndOperatorCanBeScripted() {
            modem.registration(Registration.ROAMING);
            modem.operator(null);

            assertThat(modem.state().registration()).isEqualTo(Registration.ROAMING);
            assertThat(modem.state().operator()).isNull();
        }

        @Test
        void registrationChangePublishesTheEventOncePerChange() {
            modem.registration(Registration.HOME, AccessTechnology.LTE);
            modem.registration(Registration.HOME, AccessTechnology.LTE);
            modem.registration(Registration.ROAMING);

            assertThat(events).containsExactly(
                    new NetworkRegistrationChanged(NOW, Registration.HOME, AccessTechnology.LTE),
                    new NetworkRegistrationChanged(NOW, Registration.ROAMING, AccessTechnology.LTE));
            assertThat(modem.state().registration()).isEqualTo(Registration.ROAMING);
        }
    }

    @Nested
    class Sending {
        @Test
        void unscriptedSendSucceedsWithIncrementingReferencesAndMessageIds() {
            SmsSendResult first = modem.sms().send(ALICE, "one").join();
            SmsSendResult second = modem.sms().send(ALICE, "two").join();

            assertThat(first.messageId()).isEqualTo(1L);
            assertThat(first.references()).containsExactly(1);
            assertThat(second.messageId()).isEqualTo(2L);
            assertThat(second.references()).containsExactly(2);
            assertThat(modem.sentSms()).extracting(OutgoingSms::body).containsExactly("one", "two");
            assertThat(modem.sentMessages()).containsExactly(first, second);
            assertThat(events).containsExactly(
                    new SmsSent(NOW, "+15550100100", List.of(1), 1, 1L),
                    new SmsSent(NOW, "+15550100100", List.of(2), 1, 2L));
        }

        @Test
        void scriptedOutcomesApplyInFifoOrderThenSendSucceedsAgain() {
            modem.nextSendSucceeds(42);
            modem.nextSendTimesOut();
            modem.nextSendRejected();
            modem.nextSendUnavailable();
            modem.nextSendInvalid();

            CompletableFuture<SmsSendResult> ok = modem.sms().send(ALICE, "a");
            CompletableFuture<SmsSendResult> timeout = modem.sms().send(ALICE, "b");
            CompletableFuture<SmsSendResult> rejected = modem.sms().send(ALICE, "c");
            CompletableFuture<SmsSendResult> unavailable = modem.sms().send(ALICE, "d");
            CompletableFuture<SmsSendResult> invalid = modem.sms().send(ALICE, "e");
            CompletableFuture<SmsSendResult> afterScript = modem.sms().send(ALICE, "f");

            assertThat(ok.join().references()).containsExactly(42);
            assertThat(failureOf(timeout)).isInstanceOf(ModemTimeoutException.class);
            assertThat(failureOf(rejected)).isInstanceOf(ModemRejectedException.class);
            assertThat(failureOf(unavailable)).isInstanceOf(ModemUnavailableException.class);
            assertThat(failureOf(invalid)).isInstanceOf(InvalidRequestException.class);
            assertThat(afterScript.join().references()).containsExactly(1);
            assertThat(afterScript.join().messageId()).isEqualTo(2L);
            assertThat(modem.sentSms()).extracting(OutgoingSms::body).containsExactly("a", "b", "c", "d", "e", "f");
            assertThat(events).filteredOn(SmsSent.class::isInstance).hasSize(2);
        }

        @Test
        void failureMessagesNeverContainTheNumberOrBody() {
            modem.nextSendRejected();
            Throwable failure = failureOf(modem.sms().send(ALICE, "secret body"));

            assertThat(failure.getMessage()).doesNotContain("5550100100", "0100", "secret");
        }

        @Test
        void multipartSendGetsOneReferencePerPart() {
            modem.nextSendSucceeds(255);
            SmsSendResult scripted = modem.sms().send(ALICE, "x".repeat(161)).join();
            SmsSendResult counted = modem.sms().send(ALICE, "x".repeat(153 * 3)).join();
            SmsSendResult unicode = modem.sms().send(ALICE, "ж".repeat(71)).join();
            SmsSendResult forcedUcs2 = modem.sms()
                    .send(new OutgoingSms(ALICE, "x".repeat(70), SmsEncoding.UCS2, false, null)).join();

            assertThat(scripted.references()).containsExactly(255, 0);
            assertThat(counted.references()).containsExactly(1, 2, 3);
            assertThat(unicode.references()).containsExactly(4, 5);
            assertThat(forcedUcs2.parts()).isEqualTo(1);
        }

        @Test
        void referencesWrapModulo256() {
            for (int i = 1; i <= 255; i++) {
                modem.sms().send(ALICE, "m" + i).join();
            }

            assertThat(modem.sms().send(ALICE, "wrap").join().references()).containsExactly(0);
            assertThat(modem.sms().send(ALICE, "again").join().references()).containsExactly(1);
        }

        @Test
        void bodyNeedingMoreThan255PartsIsInvalid() {
            Throwable failure = failureOf(modem.sms().send(ALICE, "x".repeat(153 * 255 + 1)));

            assertThat(failure).isInstanceOf(InvalidRequestException.class);
            assertThat(modem.sentSms()).isEmpty();
        }

        @Test
        void scriptingAnOutOfRangeReferenceFailsFast() {
            assertThatThrownBy(() -> modem.nextSendSucceeds(256)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> modem.nextSendSucceeds(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DeliveryReports {
        @Test
        void reportIsCorrelatedWithTheSentMessageOfThatReferenceAndRecipient() {
            modem.nextSendSucceeds(7);
            SmsSendResult sent = modem.sms().send(ALICE, "hi").join();

            SmsDeliveryReport report = modem.deliveryReport(7, "+15550100100", DeliveryStatus.DELIVERED);

            assertThat(report.messageId()).isEqualTo(sent.messageId());
            assertThat(report.rawStatus()).isEqualTo(0x00);
            assertThat(events).last().isEqualTo(report);
            assertThat(modem.sms().deliveryReports(10)).singleElement().satisfies(stored -> {
                assertThat(stored.id()).isEqualTo(1L);
                assertThat(stored.reference()).isEqualTo(7);
                assertThat(stored.messageId()).isEqualTo(sent.messageId());
                assertThat(stored.status()).isEqualTo(DeliveryStatus.DELIVERED);
            });
        }

        @Test
        void reportForALaterPartCorrelatesToo() {
            modem.nextSendSucceeds(10);
            SmsSendResult sent = modem.sms().send(ALICE, "y".repeat(200)).join();

            assertThat(modem.deliveryReport(11, ALICE.value(), DeliveryStatus.PENDING).messageId())
                    .isEqualTo(sent.messageId());
        }

        @Test
        void reportNamingTheRecipientInAnotherFormCorrelatesLikeTheRealStore() {
            modem.nextSendSucceeds(7);
            SmsSendResult sent = modem.sms().send(ALICE, "hi").join();

            assertThat(modem.deliveryReport(7, "15550100100", DeliveryStatus.DELIVERED).messageId())
                    .isEqualTo(sent.messageId());
            assertThat(modem.deliveryReport(7, "0015550100100", DeliveryStatus.DELIVERED).messageId())
                    .isEqualTo(sent.messageId());
        }

        @Test
        void reportWithoutMatchingMessageHasNoMessageId() {
            modem.nextSendSucceeds(7);
            modem.sms().send(ALICE, "hi").join();

            assertThat(modem.deliveryReport(8, "+15550100100", DeliveryStatus.FAILED).messageId()).isNull();
            assertThat(modem.deliveryReport(7, "+15550100199", DeliveryStatus.FAILED).messageId()).isNull();
        }

        @Test
        void rawStatusFollowsTheStatus() {
            assertThat(modem.deliveryReport(1, "123", DeliveryStatus.DELIVERED).rawStatus()).isEqualTo(0x00);
            assertThat(modem.deliveryReport(1, "123", DeliveryStatus.PENDING).rawStatus()).isEqualTo(0x20);
            assertThat(modem.deliveryReport(1, "123", DeliveryStatus.FAILED).rawStatus()).isEqualTo(0x40);
            assertThat(modem.deliveryReport(1, "123", DeliveryStatus.UNKNOWN).rawStatus()).isEqualTo(-1);
            for (DeliveryStatus status : List.of(DeliveryStatus.DELIVERED, DeliveryStatus.PENDING,
                    DeliveryStatus.FAILED)) {
                SmsDeliveryReport report = modem.deliveryReport(1, "123", status);
                assertThat(DeliveryStatus.fromTpStatus(report.rawStatus())).isEqualTo(status);
            }
        }

        @Test
        void reportForASentSmsUsesItsFirstReferenceAndRecipient() {
            SmsSendResult sent = modem.sms().send(ALICE, "hi").join();

            SmsDeliveryReport report = modem.deliveryReport(sent, DeliveryStatus.DELIVERED);

            assertThat(report.reference()).isEqualTo(sent.reference());
            assertThat(report.recipient()).isEqualTo("+15550100100");
            assertThat(report.messageId()).isEqualTo(sent.messageId());
        }

        @Test
        void reportsAreListedNewestFirstUpToTheLimit() {
            for (int reference = 0; reference < 5; reference++) {
                modem.deliveryReport(reference, "123", DeliveryStatus.DELIVERED);
            }

            assertThat(modem.sms().deliveryReports(3)).extracting(StoredDeliveryReport::id).containsExactly(5L, 4L, 3L);
            assertThat(modem.sms().deliveryReports(500)).hasSize(5);
        }
    }

    @Nested
    class InboxPaging {
        @Test
        void pagesNewestFirstWithBeforeId() {
            for (int i = 1; i <= 7; i++) {
                modem.receiveSms("DUO", "m" + i);
            }

            List<StoredSms> first = modem.sms().received(3, OptionalLong.empty());
            List<StoredSms> second = modem.sms().received(3, OptionalLong.of(first.get(2).id()));
            List<StoredSms> third = modem.sms().received(3, OptionalLong.of(second.get(2).id()));

            assertThat(first).extracting(StoredSms::id).containsExactly(7L, 6L, 5L);
            assertThat(second).extracting(StoredSms::id).containsExactly(4L, 3L, 2L);
            assertThat(third).extracting(StoredSms::id).containsExactly(1L);
            assertThat(modem.sms().received(3, OptionalLong.of(1))).isEmpty();
            assertThat(modem.sms().received(500, OptionalLong.of(100))).hasSize(7);
        }

        @Test
        void limitOutsideOneTo500IsInvalid() {
            for (int limit : new int[] {0, -1, 501}) {
                assertThatThrownBy(() -> modem.sms().received(limit, OptionalLong.empty()))
                        .isInstanceOf(InvalidRequestException.class);
                assertThatThrownBy(() -> modem.sms().deliveryReports(limit))
                        .isInstanceOf(InvalidRequestException.class);
            }
        }
    }

    @Nested
    class Ussd {
        @Test
        void unscriptedUssdRepliesOkAndPublishesTheReply() {
            UssdResponse reply = modem.ussd().send(UssdCode.of("*100#"), USSD_TIMEOUT).join();

            assertThat(reply).isEqualTo(new UssdResponse(NOW, 0, "OK", 15));
            assertThat(events).containsExactly(reply);
            assertThat(modem.ussdCodes()).containsExactly("*100#");
        }

        @Test
        void scriptedUssdOutcomesApplyInFifoOrder() {
            modem.nextUssdReply(1, "Balance 10.00");
            modem.nextUssdTimesOut();
            modem.nextUssdRejected();
            modem.nextUssdUnavailable();

            UssdResponse reply = modem.ussd().send(UssdCode.of("*100#"), USSD_TIMEOUT).join();
            CompletableFuture<UssdResponse> timeout = modem.ussd().send(UssdCode.of("*101#"), USSD_TIMEOUT);
            CompletableFuture<UssdResponse> rejected = modem.ussd().send(UssdCode.of("*102#"), USSD_TIMEOUT);
            CompletableFuture<UssdResponse> unavailable = modem.ussd().send(UssdCode.of("*103#"), USSD_TIMEOUT);

            assertThat(reply.status()).isEqualTo(1);
            assertThat(reply.message()).isEqualTo("Balance 10.00");
            assertThat(reply.dataCodingScheme()).isEqualTo(15);
            assertThat(failureOf(timeout)).isInstanceOf(ModemTimeoutException.class);
            assertThat(failureOf(rejected)).isInstanceOf(ModemRejectedException.class);
            assertThat(failureOf(unavailable)).isInstanceOf(ModemUnavailableException.class);
            assertThat(modem.ussdCodes()).containsExactly("*100#", "*101#", "*102#", "*103#");
            assertThat(events).containsExactly(reply);
            assertThat(modem.ussd().send(UssdCode.of("*104#"), USSD_TIMEOUT).join().message()).isEqualTo("OK");
        }

        @Test
        void scriptingAnInvalidReplyFailsFast() {
            assertThatThrownBy(() -> modem.nextUssdReply(6, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> modem.nextUssdReply(0, "x", 256)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nonPositiveTimeoutIsInvalid() {
            assertThat(failureOf(modem.ussd().send(UssdCode.of("*100#"), Duration.ZERO)))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Nested
    class Calls {
        @Test
        void dialGoesDialingThenActiveAndIsRecorded() {
            modem.calls().dial(ALICE).join();

            assertThat(events).containsExactly(new CallStateChanged(NOW, CallState.DIALING),
                    new CallStateChanged(NOW, CallState.ACTIVE));
            assertThat(modem.calls().state()).isEqualTo(CallState.ACTIVE);
            assertThat(modem.dials()).containsExactly(ALICE);
        }

        @Test
        void answerThenHangUp() {
            modem.ring("123");
            events.clear();

            modem.calls().answer().join();
            modem.calls().hangUp().join();

            assertThat(events).containsExactly(new CallStateChanged(NOW, CallState.ACTIVE),
                    new CallStateChanged(NOW, CallState.ENDED), new CallStateChanged(NOW, CallState.IDLE));
            assertThat(modem.calls().state()).isEqualTo(CallState.IDLE);
        }

        @Test
        void dtmfIsValidatedAndRecorded() {
            modem.calls().sendDtmf("12*#AD").join();

            assertThat(failureOf(modem.calls().sendDtmf("12e"))).isInstanceOf(InvalidRequestException.class);
            assertThat(failureOf(modem.calls().sendDtmf(""))).isInstanceOf(InvalidRequestException.class);
            assertThat(modem.dtmfSent()).containsExactly("12*#AD");
        }
    }

    @Nested
    class Disconnected {
        @Test
        void disconnectPublishesAndMarksTheStateDisconnected() {
            modem.disconnect("unplugged");

            assertThat(events).containsExactly(new ModemDisconnected(NOW, "unplugged"));
            assertThat(modem.state().connected()).isFalse();
            assertThat(modem.state().registration()).isEqualTo(Registration.UNKNOWN);
        }

        @Test
        void everyOperationFailsWithModemUnavailable() {
            modem.nextSendSucceeds(9);
            modem.disconnect("unplugged");

            List<CompletableFuture<?>> attempts = List.of(
                    modem.sms().send(ALICE, "hi"),
                    modem.ussd().send(UssdCode.of("*100#"), USSD_TIMEOUT),
                    modem.calls().dial(ALICE),
                    modem.calls().answer(),
                    modem.calls().hangUp(),
                    modem.calls().sendDtmf("1"));

            assertThat(attempts).allSatisfy(attempt -> assertThat(failureOf(attempt))
                    .isInstanceOf(ModemUnavailableException.class));
            assertThat(modem.calls().state()).isEqualTo(CallState.IDLE);
        }

        @Test
        void reconnectRestoresServiceAndKeepsTheScript() {
            modem.nextSendSucceeds(9);
            modem.disconnect("unplugged");
            modem.reconnect();

            assertThat(events).last().isEqualTo(new ModemConnected(NOW));
            assertThat(modem.state().connected()).isTrue();
            assertThat(modem.state().registration()).isEqualTo(Registration.HOME);
            assertThat(modem.sms().send(ALICE, "hi").join().references()).containsExactly(9);
        }

        @Test
        void storedMessagesStayReadable() {
            modem.receiveSms("DUO", "kept");
            modem.disconnect("unplugged");

            assertThat(modem.sms().received(10, OptionalLong.empty())).hasSize(1);
        }
    }

    @Nested
    class Hanging {
        @Test
        void hangingSendStaysPendingUntilDisconnectFailsIt() {
            modem.nextSendHangs();

            CompletableFuture<SmsSendResult> hanging = modem.sms().send(ALICE, "hi");
            CompletableFuture<SmsSendResult> next = modem.sms().send(ALICE, "next");

            assertThat(hanging).isNotDone();
            assertThat(next).isCompleted();
            assertThat(modem.sentSms()).extracting(OutgoingSms::body).containsExactly("hi", "next");
            modem.disconnect("unplugged");
            assertThat(failureOf(hanging)).isInstanceOf(ModemUnavailableException.class);
            assertThat(events).filteredOn(SmsSent.class::isInstance).hasSize(1);
        }

        @Test
        void aPublishedDisconnectFailsHangingOperationsLikeDisconnect() {
            modem.nextSendHangs();
            CompletableFuture<SmsSendResult> hanging = modem.sms().send(ALICE, "hi");

            modem.publish(new ModemDisconnected(NOW, "unplugged"));

            assertThat(failureOf(hanging)).isInstanceOf(ModemUnavailableException.class);
            assertThat(modem.state().connected()).isFalse();
        }

        @Test
        void hangingUssdStaysPendingUntilCloseFailsIt() {
            modem.nextUssdHangs();

            CompletableFuture<UssdResponse> hanging = modem.ussd().send(UssdCode.of("*100#"), USSD_TIMEOUT);

            assertThat(hanging).isNotDone();
            modem.close();
            assertThat(failureOf(hanging)).isInstanceOf(ModemUnavailableException.class);
        }

        @Test
        void aCallerThatGaveUpIsNotDisturbed() {
            modem.nextSendHangs();
            CompletableFuture<SmsSendResult> hanging = modem.sms().send(ALICE, "hi");
            hanging.completeExceptionally(new TimeoutException());

            modem.disconnect("unplugged");

            assertThat(failureOf(hanging)).isInstanceOf(TimeoutException.class);
        }
    }

    @Nested
    class Closing {
        @Test
        void closeClosesTheBusAndFailsLaterOperations() throws InterruptedException {
            EventStream<ModemEvent> stream = modem.events().stream(ModemEvent.class, 8);

            modem.close();
            modem.close();

            assertThat(stream.poll(Duration.ZERO)).isNull();
            assertThat(modem.events().subscriberCount()).isZero();
            assertThat(modem.state().connected()).isFalse();
            assertThat(failureOf(modem.sms().send(ALICE, "late"))).isInstanceOf(ModemUnavailableException.class);
        }
    }
}
