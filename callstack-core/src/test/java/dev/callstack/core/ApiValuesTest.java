package dev.callstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ApiValuesTest {
    private static final PhoneNumber TO = PhoneNumber.of("+15550100100");

    @Test
    void exceptionsAreOneClosedSetWithoutTransportKnowledge() {
        // The server maps each subtype to an HTTP status (ModemErrors); core stays transport-free.
        assertThat(CallstackException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                InvalidRequestException.class, ModemRejectedException.class, ModemUnavailableException.class,
                ModemTimeoutException.class, ModemBusyException.class, IdempotencyConflictException.class,
                CallEndedException.class);
        assertThat(CallstackException.class.getMethods()).noneMatch(m -> m.getName().toLowerCase(Locale.ROOT).contains("http"));
    }

    @Test
    void rejectedKeepsTheErrorCode() {
        ModemRejectedException withCode = new ModemRejectedException("SMS rejected", 500);

        assertThat(withCode.code()).hasValue(500);
        assertThat(withCode).hasMessage("SMS rejected (code 500)");
        assertThat(new ModemRejectedException("x").code()).isEmpty();
        assertThat(new ModemRejectedException("x", new IllegalStateException()).code()).isEmpty();
    }

    @Test
    void outgoingSmsDefaultsAndValidation() {
        OutgoingSms sms = OutgoingSms.of(TO, "hi");

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.AUTO);
        assertThat(sms.requestStatusReport()).isTrue();
        assertThat(sms.validity()).isNull();
        assertThatThrownBy(() -> OutgoingSms.of(TO, "")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new OutgoingSms(TO, "x", SmsEncoding.AUTO, false, Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new OutgoingSms(TO, "x", SmsEncoding.AUTO, false, Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatNullPointerException().isThrownBy(() -> OutgoingSms.of(null, "x"));
        assertThatNullPointerException().isThrownBy(() -> OutgoingSms.of(TO, null));
        assertThatNullPointerException().isThrownBy(() -> new OutgoingSms(TO, "x", null, false, null));
    }

    @Test
    void sentSmsNeedsAtLeastOneReferenceAndCopiesThem() {
        List<Integer> references = new ArrayList<>(List.of(4, 5));
        SmsSendResult sent = new SmsSendResult(1, TO, references);
        references.clear();

        assertThat(sent.parts()).isEqualTo(2);
        assertThat(sent.reference()).isEqualTo(4);
        assertThatThrownBy(() -> new SmsSendResult(1, TO, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> new SmsSendResult(1, null, List.of(1)));
    }

    @Test
    void registrationStatsSixToTenAreMapped() {
        // 27.007 §7.2: 6/7 SMS-only, 8 emergency bearer services only, 9/10 CSFB not preferred.
        assertThat(Registration.fromStat(6)).isEqualTo(Registration.HOME);
        assertThat(Registration.fromStat(7)).isEqualTo(Registration.ROAMING);
        assertThat(Registration.fromStat(8)).isEqualTo(Registration.NOT_REGISTERED);
        assertThat(Registration.fromStat(9)).isEqualTo(Registration.HOME);
        assertThat(Registration.fromStat(10)).isEqualTo(Registration.ROAMING);
        assertThat(Registration.fromStat(11)).isEqualTo(Registration.UNKNOWN);
        assertThat(Registration.fromStat(8).isRegistered()).isFalse();
    }

    @Test
    void registrationFromStat() {
        assertThat(Registration.fromStat(0)).isEqualTo(Registration.NOT_REGISTERED);
        assertThat(Registration.fromStat(1)).isEqualTo(Registration.HOME);
        assertThat(Registration.fromStat(2)).isEqualTo(Registration.SEARCHING);
        assertThat(Registration.fromStat(3)).isEqualTo(Registration.DENIED);
        assertThat(Registration.fromStat(4)).isEqualTo(Registration.UNKNOWN);
        assertThat(Registration.fromStat(5)).isEqualTo(Registration.ROAMING);
        assertThat(Registration.fromStat(6)).isEqualTo(Registration.HOME);
        assertThat(Registration.fromStat(7)).isEqualTo(Registration.ROAMING);
        assertThat(Registration.fromStat(-1)).isEqualTo(Registration.UNKNOWN);
        assertThat(Registration.HOME.isRegistered()).isTrue();
        assertThat(Registration.ROAMING.isRegistered()).isTrue();
        assertThat(Registration.SEARCHING.isRegistered()).isFalse();
    }

    @Test
    void disconnectedStateKnowsNothing() {
        ModemState state = ModemState.disconnected();

        assertThat(state.connected()).isFalse();
        assertThat(state.registration()).isEqualTo(Registration.UNKNOWN);
        assertThat(state.signal()).isNull();
        assertThatNullPointerException().isThrownBy(() -> new ModemState(true, null, null, null, null, null, null));
    }
}
