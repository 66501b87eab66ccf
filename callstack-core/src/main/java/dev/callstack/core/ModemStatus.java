package dev.callstack.core;

import dev.callstack.core.event.SignalQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything an operator asks when a modem "does nothing": the device and its health counters, the SIM, the network
 * and the SMS storage. A snapshot; absent facts are {@code null} (numbers: {@code -1}). The identity numbers are
 * here for administrators only: whoever shows a status decides who may see {@link #identity()}.
 *
 * @param modem    the device: connected, identity strings, profile and health counters
 * @param sim      the SIM
 * @param network  registration, technology, operator and signal
 * @param sms      message storage and the storage sweep
 * @param identity IMEI, IMSI and ICCID (private data: never logged, shown to administrators only)
 */
public record ModemStatus(Device modem, Sim sim, Network network, Sms sms, Identity identity) {
    /**
     * Validates that no part is null.
     *
     * @param modem    the device: connected, identity strings, profile and health counters
     * @param sim      the SIM
     * @param network  registration, technology, operator and signal
     * @param sms      message storage and the storage sweep
     * @param identity IMEI, IMSI and ICCID (private data: never logged, shown to administrators only)
     */
    public ModemStatus {
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(identity, "identity");
    }

    /**
     * The status a {@link ModemState} alone can tell: no counters, SIM ready when connected, technology unknown, no
     * storage figures, no identity.
     *
     * @param state the modem's state snapshot
     * @return the status derived from it
     */
    public static ModemStatus of(ModemState state) {
        Objects.requireNonNull(state, "state");
        return new ModemStatus(
                new Device(state.connected(), state.manufacturer(), state.model(), state.revision(), null, 0, 0, null,
                        null),
                new Sim(state.connected() ? SimStatus.READY : SimStatus.UNKNOWN),
                new Network(state.registration(), AccessTechnology.UNKNOWN, state.operator(), state.signal()),
                Sms.UNKNOWN, Identity.UNKNOWN);
    }

    /**
     * The device.
     *
     * @param connected        the link is open and initialised
     * @param manufacturer     {@code AT+CGMI}, or null
     * @param model            {@code AT+CGMM}, or null
     * @param firmware         {@code AT+CGMR}, or null
     * @param profile          the quirk profile in use (e.g. {@code "sim800"}, {@code "generic"}), or null
     * @param restarts         how often the modem restarted under a live link and was initialised again
     * @param floodDisconnects how often the link was dropped because the modem sent more than could be framed
     * @param haltReason       why reconnecting stopped (a rejected PIN, a PUK), or null while it keeps trying
     * @param lastDisconnect   why the link was last lost or dropped (e.g. {@code "input flood"}), or null
     */
    public record Device(boolean connected, String manufacturer, String model, String firmware, String profile,
                         int restarts, long floodDisconnects, String haltReason, String lastDisconnect) {
    }

    /**
     * The SIM.
     *
     * @param state what the modem last said of it; never null
     */
    public record Sim(SimStatus state) {
        /**
         * Validates that {@code state} is not null.
         *
         * @param state what the modem last said of it; never null
         */
        public Sim {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The network.
     *
     * @param registration the best registration over the CS, PS, EPS and 5GS domains; never null
     * @param technology   the access technology of that registration; never null
     * @param operator     the operator name, or null
     * @param signal       the last signal reading, or null
     */
    public record Network(Registration registration, AccessTechnology technology, String operator,
                          SignalQuality signal) {
        /**
         * Validates that {@code registration} and {@code technology} are not null.
         *
         * @param registration the best registration over the CS, PS, EPS and 5GS domains; never null
         * @param technology   the access technology of that registration; never null
         * @param operator     the operator name, or null
         * @param signal       the last signal reading, or null
         */
        public Network {
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(technology, "technology");
        }
    }

    /**
     * The SMS storage.
     *
     * @param storageUsed   messages in the read storage, or -1 when not known
     * @param storageTotal  its capacity, or -1 when not known
     * @param sweepInterval how often every storage is swept; {@link Duration#ZERO} when the periodic sweep is off
     * @param lastSweep     when the last sweep finished, or null
     * @param undecodable   how many undecodable PDUs were kept and deleted from the modem since start
     */
    public record Sms(int storageUsed, int storageTotal, Duration sweepInterval, Instant lastSweep, long undecodable) {
        /** Nothing known. */
        public static final Sms UNKNOWN = new Sms(-1, -1, Duration.ZERO, null, 0);

        /**
         * Validates that {@code sweepInterval} is not null.
         *
         * @param storageUsed   messages in the read storage, or -1 when not known
         * @param storageTotal  its capacity, or -1 when not known
         * @param sweepInterval how often every storage is swept; {@link Duration#ZERO} when the periodic sweep is off
         * @param lastSweep     when the last sweep finished, or null
         * @param undecodable   how many undecodable PDUs were kept and deleted from the modem since start
         */
        public Sms {
            Objects.requireNonNull(sweepInterval, "sweepInterval");
        }
    }

    /**
     * The identity numbers; private data.
     *
     * @param imei  {@code AT+CGSN}, or null
     * @param imsi  {@code AT+CIMI}, or null
     * @param iccid {@code AT+CCID}/{@code AT+ICCID}/{@code AT+QCCID}, or null
     */
    public record Identity(String imei, String imsi, String iccid) {
        /** Nothing known. */
        public static final Identity UNKNOWN = new Identity(null, null, null);

        @Override
        public String toString() {
            return "Identity[redacted]";
        }
    }
}
