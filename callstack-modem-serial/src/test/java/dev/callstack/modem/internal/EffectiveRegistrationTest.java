package dev.callstack.modem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.Registration;
import dev.callstack.modem.internal.EffectiveRegistration.Report;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveRegistrationTest {
    private static EffectiveRegistration of(Map<String, Report> reports) {
        return EffectiveRegistration.of(reports, AccessTechnology.UNKNOWN);
    }

    @Test
    void equalExactlyWhenRegistrationAndTechnologyAre() {
        EffectiveRegistration homeLte = new EffectiveRegistration(Registration.HOME, AccessTechnology.LTE);
        assertThat(homeLte).isEqualTo(new EffectiveRegistration(Registration.HOME, AccessTechnology.LTE))
                .hasSameHashCodeAs(new EffectiveRegistration(Registration.HOME, AccessTechnology.LTE))
                .isNotEqualTo(new EffectiveRegistration(Registration.ROAMING, AccessTechnology.LTE))
                .isNotEqualTo(new EffectiveRegistration(Registration.HOME, AccessTechnology.NR))
                .isNotEqualTo(Registration.HOME)
                .isNotEqualTo(null);
    }

    @Test
    void noReportIsUnknown() {
        assertThat(of(Map.of())).isEqualTo(EffectiveRegistration.UNKNOWN);
    }

    @Test
    void lteOnlyIsHomeOnLte() {
        assertThat(of(Map.of("CREG", new Report(0, -1), "CGREG", new Report(0, -1), "CEREG", new Report(1, 7))))
                .isEqualTo(new EffectiveRegistration(Registration.HOME, AccessTechnology.LTE));
    }

    @Test
    void registeredBeatsSearchingBeatsDeniedBeatsNotRegistered() {
        assertThat(of(Map.of("CREG", new Report(3, -1), "CEREG", new Report(2, -1))).registration())
                .isEqualTo(Registration.SEARCHING);
        assertThat(of(Map.of("CREG", new Report(3, -1), "CEREG", new Report(0, -1))).registration())
                .isEqualTo(Registration.DENIED);
        assertThat(of(Map.of("CREG", new Report(4, -1), "CEREG", new Report(8, 7))))
                .isEqualTo(new EffectiveRegistration(Registration.NOT_REGISTERED, AccessTechnology.UNKNOWN));
        assertThat(of(Map.of("CREG", new Report(5, 0), "CGREG", new Report(2, -1))))
                .isEqualTo(new EffectiveRegistration(Registration.ROAMING, AccessTechnology.GSM));
    }

    @Test
    void theNewestRegisteredDomainGivesTheTechnology() {
        // CSFB: CS registered through LTE too; 5G NSA: +C5GREG with NR beside +CEREG.
        assertThat(of(Map.of("CREG", new Report(1, 0), "CEREG", new Report(1, 7))).technology())
                .isEqualTo(AccessTechnology.LTE);
        assertThat(of(Map.of("CEREG", new Report(1, 7), "C5GREG", new Report(1, 11))).technology())
                .isEqualTo(AccessTechnology.NR);
    }

    @Test
    void technologyFallsBackToTheDomainThenOtherDomainsThenTheOperator() {
        assertThat(of(Map.of("CEREG", new Report(1, -1))).technology()).isEqualTo(AccessTechnology.LTE);
        assertThat(of(Map.of("C5GREG", new Report(5, -1))).technology()).isEqualTo(AccessTechnology.NR);
        assertThat(of(Map.of("CREG", new Report(1, -1), "CGREG", new Report(1, 2))).technology())
                .isEqualTo(AccessTechnology.UMTS);
        assertThat(EffectiveRegistration.of(Map.of("CREG", new Report(1, -1)), AccessTechnology.GSM).technology())
                .isEqualTo(AccessTechnology.GSM);
        assertThat(of(Map.of("CREG", new Report(1, -1))).technology()).isEqualTo(AccessTechnology.UNKNOWN);
    }
}
