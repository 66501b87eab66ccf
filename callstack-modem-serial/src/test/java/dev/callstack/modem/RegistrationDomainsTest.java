package dev.callstack.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callstack.core.AccessTechnology;
import dev.callstack.core.Registration;
import dev.callstack.core.event.NetworkRegistrationChanged;
import dev.callstack.testkit.sim.SimProfile;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: registration over every domain. An LTE-only EC25/SIM7600 answers {@code +CREG: 0,0} while
 * {@code +CEREG: 0,1} (testdata/at-transcripts.md, the LTE-only section); the modem must count as registered on LTE.
 */
class RegistrationDomainsTest {
    private SimHarness h;

    @AfterEach
    void tearDown() throws Exception {
        h.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> SimHarness.liveEngineThreads() == 0);
    }

    private SerialModem connect(SimProfile profile, Runnable script) throws InterruptedException {
        h = new SimHarness(profile);
        script.run();
        SerialModem modem = h.start(SimHarness.fastConfig().build());
        assertThat(modem.awaitConnected(Duration.ofSeconds(30))).isTrue();
        return modem;
    }

    private static NetworkRegistrationChanged change(Registration registration, AccessTechnology technology) {
        return new NetworkRegistrationChanged(java.time.Instant.EPOCH, registration, technology);
    }

    private static NetworkRegistrationChanged pairOnly(NetworkRegistrationChanged event) {
        return change(event.registration(), event.technology());
    }

    @Test
    void lteOnlyModemIsRegisteredHomeOnLte() throws Exception {
        SerialModem modem = connect(SimProfile.EC25, () -> h.sim.lteOnlyRegistration());

        assertThat(modem.state().registration()).isEqualTo(Registration.HOME);
        assertThat(modem.status().network().registration()).isEqualTo(Registration.HOME);
        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.LTE);
        assertThat(h.sim.commands()).contains("AT+CEREG=2", "AT+CEREG?", "AT+CGREG?", "AT+C5GREG?");
        await().until(() -> !h.events(NetworkRegistrationChanged.class).isEmpty());
        assertThat(h.events(NetworkRegistrationChanged.class)).map(RegistrationDomainsTest::pairOnly)
                .containsExactly(change(Registration.HOME, AccessTechnology.LTE));
    }

    @Test
    void realSim7000NbIotTranscriptIsHomeOnLte() throws Exception {
        // testdata/at-transcripts.md §9: botletics/SIM7000-LTE-Shield#50, replayed verbatim.
        SerialModem modem = connect(SimProfile.SIM7600, () -> {
            h.sim.respond("AT+CREG?", "+CREG: 0,0", "OK");
            h.sim.respond("AT+CGREG?", "+CGREG: 0,1", "OK");
            h.sim.respond("AT+CEREG?", "+CEREG: 0,1", "OK");
            h.sim.respond("AT+COPS?", "+COPS: 0,0,\"242 01 Telenor\",9", "OK");
        });

        assertThat(modem.state().registration()).isEqualTo(Registration.HOME);
        assertThat(modem.state().operator()).isEqualTo("242 01 Telenor");
        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.LTE);
    }

    @Test
    void ceregUrcChangePublishesTheNewPairOncePerChange() throws Exception {
        SerialModem modem = connect(SimProfile.EC25, () -> h.sim.lteOnlyRegistration());
        // Connected is announced just before the monitor starts; its first pair comes out then.
        await().until(() -> !h.events(NetworkRegistrationChanged.class).isEmpty());

        h.sim.registration("CEREG", 5, 7);
        await().until(() -> modem.state().registration() == Registration.ROAMING);
        h.sim.registration("CEREG", 5, 7); // a repeated report: no event
        h.sim.registration("CEREG", 2, -1);
        await().until(() -> modem.state().registration() == Registration.SEARCHING);

        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.UNKNOWN);
        assertThat(h.events(NetworkRegistrationChanged.class)).map(RegistrationDomainsTest::pairOnly).containsExactly(
                change(Registration.HOME, AccessTechnology.LTE),
                change(Registration.ROAMING, AccessTechnology.LTE),
                change(Registration.SEARCHING, AccessTechnology.UNKNOWN));
    }

    @Test
    void roamingOnLteIsRoaming() throws Exception {
        SerialModem modem = connect(SimProfile.SIM7600, () -> {
            h.sim.lteOnlyRegistration();
            h.sim.registration("CEREG", 5, 7);
        });

        assertThat(modem.state().registration()).isEqualTo(Registration.ROAMING);
        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.LTE);
    }

    @Test
    void smsOnlyRegistrationOnLteIsHome() throws Exception {
        // 27.007 stat 6: "registered for SMS only, home network"; an LTE-only IoT SIM without IMS voice.
        SerialModem modem = connect(SimProfile.EC25, () -> {
            h.sim.lteOnlyRegistration();
            h.sim.registration("CEREG", 6, 7);
        });

        assertThat(modem.state().registration()).isEqualTo(Registration.HOME);
        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.LTE);
    }

    @Test
    void emergencyOnlyIsNotRegistered() throws Exception {
        SerialModem modem = connect(SimProfile.EC25, () -> {
            h.sim.lteOnlyRegistration();
            h.sim.registration("CEREG", 8, 7);
        });

        assertThat(modem.state().registration()).isEqualTo(Registration.NOT_REGISTERED);
        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.UNKNOWN);
    }

    @Test
    void technologyFallsBackToTheOperatorsAct() throws Exception {
        // A SIM800 reports no <AcT> in +CREG; a modem whose +COPS? carries one (0: GSM) still gets a technology.
        SerialModem modem = connect(SimProfile.SIM800,
                () -> h.sim.respond("AT+COPS?", "+COPS: 0,0,\"Callstack Sim\",0", "OK"));

        assertThat(modem.state().registration()).isEqualTo(Registration.HOME);
        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.GSM);
    }

    @Test
    void csDomainReportsStillWorkOnTwoGModems() throws Exception {
        SerialModem modem = connect(SimProfile.SIM800, () -> { });

        assertThat(h.sim.commands()).contains("AT+CREG=2", "AT+CREG?", "AT+CGREG?");
        h.sim.registration(5);
        await().until(() -> modem.state().registration() == Registration.ROAMING);
        assertThat(modem.status().network().technology()).isEqualTo(AccessTechnology.UNKNOWN);
    }
}
