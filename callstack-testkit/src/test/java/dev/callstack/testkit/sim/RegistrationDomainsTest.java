package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registration domains per profile, in the shapes real modems use (testdata/at-transcripts.md). */
class RegistrationDomainsTest extends ProfilePipeTest {
    @Test
    void sim800IsTwoGOnlyAndRefusesCeregAndC5greg() {
        open(SimProfile.SIM800);
        assertThat(host.exchange("AT+CEREG=2", "ERROR")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.exchange("AT+CEREG?", "ERROR")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.exchange("AT+C5GREG=2", "ERROR")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.exchange("AT+C5GREG?", "ERROR")).isEqualTo("\r\nERROR\r\n");
    }

    @ParameterizedTest
    @EnumSource(value = SimProfile.class, names = {"SIM7600", "EC25", "HUAWEI"})
    void lteProfilesAnswerCeregButNotC5greg(SimProfile profile) {
        open(profile);
        assertThat(host.exchange("AT+CEREG?", "OK")).isEqualTo("\r\n+CEREG: 0,1\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CEREG=2", "OK")).isEqualTo("\r\nOK\r\n");
        assertThat(host.exchange("AT+CEREG?", "OK"))
                .isEqualTo("\r\n+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+C5GREG=2", "ERROR")).isEqualTo("\r\nERROR\r\n");
        assertThat(host.exchange("AT+C5GREG?", "ERROR")).isEqualTo("\r\nERROR\r\n");
    }

    @Test
    void lteOnlyStateAnswersAndAnnouncesPerDomain() {
        open(SimProfile.EC25);
        host.exchange("AT+CREG=2", "OK");
        host.exchange("AT+CEREG=2", "OK");
        sim.lteOnlyRegistration();
        assertThat(host.awaitReceived("\"01A2B3C4\",7\r\n"))
                .isEqualTo("\r\n+CREG: 0\r\n\r\n+CEREG: 1,\"1A2B\",\"01A2B3C4\",7\r\n");
        assertThat(host.exchange("AT+CREG?", "OK")).isEqualTo("\r\n+CREG: 2,0\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CGREG?", "OK")).isEqualTo("\r\n+CGREG: 0,0\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CEREG?", "OK"))
                .isEqualTo("\r\n+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7\r\n\r\nOK\r\n");
    }

    @Test
    void aDomainTheHostDidNotEnableAnnouncesNothing() {
        open(SimProfile.EC25);
        sim.registration("CEREG", 5, 7);
        sim.registration("+creg", 2, -1);
        assertThat(host.exchange("AT+CEREG?", "OK")).isEqualTo("\r\n+CEREG: 0,5\r\n\r\nOK\r\n");
        assertThat(host.exchange("AT+CREG=1", "OK")).isEqualTo("\r\nOK\r\n");
        sim.registration(1);
        assertThat(host.awaitReceived("+CREG: 1\r\n")).isEqualTo("\r\n+CREG: 1\r\n");
        assertThat(host.exchange("AT+CGREG?", "OK")).isEqualTo("\r\n+CGREG: 0,1\r\n\r\nOK\r\n");
        assertThatThrownBy(() -> sim.registration("CXREG", 1, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
