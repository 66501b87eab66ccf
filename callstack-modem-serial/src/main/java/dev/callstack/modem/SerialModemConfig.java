package dev.callstack.modem;

import dev.callstack.core.Redaction;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and run a modem.
 *
 * @param port                  a device path ({@code /dev/ttyUSB2}, {@code /dev/serial/by-id/...}, {@code COM3}) or
 *                              {@code tcp://host:port} for raw AT over TCP
 * @param baudRate              serial speed (ignored for TCP), default 115200
 * @param simPin                the SIM PIN entered when the SIM asks for it (4–8 digits), or null; never logged,
 *                              never in {@link #toString()}
 * @param commandTimeout        how long one AT command may take, default 10 s
 * @param signalPollInterval    how often {@code AT+CSQ} is polled, default 30 s
 * @param reconnectInitialDelay first reconnect delay, default 1 s; doubles per failed attempt
 * @param reconnectMaxDelay     reconnect delay cap, default 60 s
 * @param sweepInterval         how often every SMS storage in use is read, stored and emptied whether or not its
 *                              {@code +CMTI} arrived, default 60 s; {@link Duration#ZERO} turns the periodic sweep
 *                              off (the sweep on every connect and on storage-full signals stays)
 * @param deleteStoredOutgoing  whether drafts and sent copies ({@code <stat>} 2 and 3) a sweep finds in the modem's
 *                              storage are deleted so they cannot fill it, default true
 * @param sendRatePerMinute     how many messages the outbox hands to the modem per minute at most, default
 *                              {@value #DEFAULT_SEND_RATE}; 0 means no limit
 * @param clock                 time source for event timestamps
 * @param audioPort             the modem's PCM audio port for call audio (a device path such as {@code /dev/ttyUSB4},
 *                              or {@code tcp://host:port}), or null for none: calls work, without audio
 * @param audioBaudRate         serial speed of a device-path audio port, default {@value #DEFAULT_AUDIO_BAUD}
 *                              (ignored for TCP and by USB serial ports)
 */
public record SerialModemConfig(String port, int baudRate, String simPin, Duration commandTimeout,
                                Duration signalPollInterval, Duration reconnectInitialDelay,
                                Duration reconnectMaxDelay, Duration sweepInterval, boolean deleteStoredOutgoing,
                                int sendRatePerMinute, Clock clock, String audioPort, int audioBaudRate) {
    /** The outbox's send rate unless {@link Builder#sendRatePerMinute} says otherwise, in messages per minute. */
    public static final int DEFAULT_SEND_RATE = 20;

    /** The periodic SMS storage sweep's interval unless {@link Builder#sweepInterval} says otherwise. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(60);

    /** The serial speed used unless {@link Builder#baudRate} says otherwise, in bit/s. */
    public static final int DEFAULT_BAUD = 115200;

    /**
     * The audio port's serial speed unless {@link Builder#audioBaudRate} says otherwise, in bit/s. Call audio is
     * 8 kHz x 16 bit = 16 000 bytes/s each way, 160 000 bit/s on an 8N1 line: the AT port's 115 200 would under-run
     * on a real UART, and 230 400 leaves almost no margin. USB serial ports (SIM7600, EC25) ignore the setting.
     */
    public static final int DEFAULT_AUDIO_BAUD = 921_600;

    /** The slowest audio port speed accepted: below it a UART cannot carry 16 000 bytes/s of 8N1 PCM. */
    public static final int MIN_AUDIO_BAUD = 230_400;

    /**
     * Validates non-null components, a non-blank port (a well-formed {@code tcp://host:port} when TCP), a positive baud
     * rate, an audio baud rate of at least {@value #MIN_AUDIO_BAUD}, a 4–8 digit PIN when given, positive durations
     * and a reconnect cap not below the initial delay.
     *
     * @param port                  a device path ({@code /dev/ttyUSB2}, {@code /dev/serial/by-id/...}, {@code COM3})
     *                              or {@code tcp://host:port} for raw AT over TCP
     * @param baudRate              serial speed (ignored for TCP), default 115200
     * @param simPin                the SIM PIN entered when the SIM asks for it (4–8 digits), or null; never logged,
     *                              never in {@link #toString()}
     * @param commandTimeout        how long one AT command may take, default 10 s
     * @param signalPollInterval    how often {@code AT+CSQ} is polled, default 30 s
     * @param reconnectInitialDelay first reconnect delay, default 1 s; doubles per failed attempt
     * @param reconnectMaxDelay     reconnect delay cap, default 60 s
     * @param sweepInterval         how often every SMS storage in use is swept, default 60 s; zero: no periodic sweep
     * @param deleteStoredOutgoing  whether stored drafts and sent copies are deleted by a sweep, default true
     * @param sendRatePerMinute     the outbox's messages per minute, not negative; 0 means no limit
     * @param clock                 time source for event timestamps
     * @param audioPort             the PCM audio port (device path or {@code tcp://host:port}), or null for none
     * @param audioBaudRate         the audio port's serial speed, at least {@value #MIN_AUDIO_BAUD}
     */
    public SerialModemConfig {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(signalPollInterval, "signalPollInterval");
        Objects.requireNonNull(reconnectInitialDelay, "reconnectInitialDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(clock, "clock");
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("sweepInterval must not be negative");
        }
        if (sendRatePerMinute < 0) {
            throw new IllegalArgumentException("sendRatePerMinute must not be negative");
        }
        if (port.isBlank()) {
            throw new IllegalArgumentException("port must not be blank");
        }
        if (isTcp(port)) {
            tcpAddress(port);
        }
        if (audioPort != null) {
            if (audioPort.isBlank()) {
                throw new IllegalArgumentException("audioPort must not be blank");
            }
            if (isTcp(audioPort)) {
                tcpAddress(audioPort);
            }
        }
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baudRate must be positive");
        }
        if (audioBaudRate < MIN_AUDIO_BAUD) {
            throw new IllegalArgumentException("audioBaudRate must be at least " + MIN_AUDIO_BAUD
                    + " (16 000 bytes/s of call audio)");
        }
        if (simPin != null && !isValidSimPin(simPin)) {
            throw new IllegalArgumentException("simPin must be 4 to 8 digits");
        }
        positive(commandTimeout, "commandTimeout");
        positive(signalPollInterval, "signalPollInterval");
        positive(reconnectInitialDelay, "reconnectInitialDelay");
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay must not be below reconnectInitialDelay");
        }
    }

    /**
     * A builder with the defaults listed above.
     *
     * @param port a device path or {@code tcp://host:port}; checked by {@link Builder#build()}
     * @return a new builder
     */
    public static Builder builder(String port) {
        return new Builder(port);
    }

    /**
     * Whether this config reaches the modem over raw TCP rather than a serial port.
     *
     * @return {@link #isTcp(String)} of {@link #port()}
     */
    public boolean isTcp() {
        return isTcp(port);
    }

    /**
     * Whether a separate audio port is configured.
     *
     * @return true when {@link #audioPort()} is set
     */
    public boolean hasAudioPort() {
        return audioPort != null;
    }

    /**
     * For an audio port given as {@code tcp://host:port}: the host and port.
     *
     * @return the parsed address
     * @throws IllegalArgumentException if there is no audio port or it is not a TCP address
     */
    public URI audioTcpAddress() {
        if (audioPort == null || !isTcp(audioPort)) {
            throw new IllegalArgumentException("the audio port is not a tcp:// address");
        }
        return tcpAddress(audioPort);
    }

    /**
     * For {@code tcp://host:port}: the host and port.
     *
     * @return the parsed address
     * @throws IllegalArgumentException if the port is not a TCP address
     */
    public URI tcpAddress() {
        return tcpAddress(port);
    }

    @Override
    public String toString() {
        return "SerialModemConfig[port=" + port + ", baudRate=" + baudRate + ", simPin="
                + (simPin == null ? "none" : Redaction.REDACTED) + ", commandTimeout=" + commandTimeout
                + ", signalPollInterval=" + signalPollInterval + ", reconnect=" + reconnectInitialDelay + ".."
                + reconnectMaxDelay + ", sweepInterval=" + sweepInterval + ", deleteStoredOutgoing=" + deleteStoredOutgoing
                + ", sendRatePerMinute=" + sendRatePerMinute + ", audioPort=" + (audioPort == null ? "none" : audioPort)
                + ", audioBaudRate=" + audioBaudRate + "]";
    }

    /**
     * The one SIM PIN rule (3GPP TS 31.101 allows 4 to 8 digits), for callers that check a PIN before building a
     * config.
     *
     * @param pin a candidate PIN, may be null
     * @return true when {@code pin} is 4 to 8 ASCII digits
     */
    public static boolean isValidSimPin(String pin) {
        return pin != null && pin.matches("[0-9]{4,8}");
    }

    /**
     * Whether {@code port} names raw AT over TCP: it starts with {@code tcp://} (any case). The rest is checked when
     * a config is built ({@code tcp://host:port}, port 1–65535).
     *
     * @param port a {@code port} value as the constructor takes it
     * @return true for a {@code tcp://} address
     */
    public static boolean isTcp(String port) {
        return port.regionMatches(true, 0, "tcp://", 0, 6);
    }

    private static URI tcpAddress(String port) {
        try {
            URI uri = URI.create(port);
            if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
                throw new IllegalArgumentException("tcp port must look like tcp://host:port");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tcp port must look like tcp://host:port");
        }
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builds a config with the defaults above. Not thread-safe. */
    public static final class Builder {
        private final String port;
        private int baudRate = DEFAULT_BAUD;
        private String simPin;
        private Duration commandTimeout = Duration.ofSeconds(10);
        private Duration signalPollInterval = Duration.ofSeconds(30);
        private Duration reconnectInitialDelay = Duration.ofSeconds(1);
        private Duration reconnectMaxDelay = Duration.ofSeconds(60);
        private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
        private boolean deleteStoredOutgoing = true;
        private int sendRatePerMinute = DEFAULT_SEND_RATE;
        private Clock clock = Clock.systemUTC();
        private String audioPort;
        private int audioBaudRate = DEFAULT_AUDIO_BAUD;

        private Builder(String port) {
            this.port = port;
        }

        /**
         * Sets the serial speed (ignored for TCP).
         *
         * @param value bit/s, positive; default {@value SerialModemConfig#DEFAULT_BAUD}
         * @return this builder
         */
        public Builder baudRate(int value) {
            this.baudRate = value;
            return this;
        }

        /**
         * Sets the SIM PIN, entered only when the SIM asks for it.
         *
         * @param value 4–8 digits, or null for none (the default); never logged
         * @return this builder
         */
        public Builder simPin(String value) {
            this.simPin = value;
            return this;
        }

        /**
         * Sets how long one AT command may take before it fails with a timeout.
         *
         * @param value positive; default 10 s
         * @return this builder
         */
        public Builder commandTimeout(Duration value) {
            this.commandTimeout = value;
            return this;
        }

        /**
         * Sets how often {@code AT+CSQ} is polled.
         *
         * @param value positive; default 30 s
         * @return this builder
         */
        public Builder signalPollInterval(Duration value) {
            this.signalPollInterval = value;
            return this;
        }

        /**
         * Sets the reconnect backoff: the first delay, doubled per failed attempt up to {@code max}.
         *
         * @param initial positive; default 1 s
         * @param max not below {@code initial}; default 60 s
         * @return this builder
         */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.reconnectInitialDelay = initial;
            this.reconnectMaxDelay = max;
            return this;
        }

        /**
         * Sets how often every SMS storage in use is swept (read, stored, emptied) whether or not its {@code +CMTI}
         * arrived.
         *
         * @param value not negative; default 60 s; {@link Duration#ZERO} turns the periodic sweep off
         * @return this builder
         */
        public Builder sweepInterval(Duration value) {
            this.sweepInterval = value;
            return this;
        }

        /**
         * Sets whether drafts and sent copies ({@code <stat>} 2 and 3) found in the modem's storage are deleted by a
         * sweep. They are never delivered as messages; left alone, a modem that stores its sent copies fills its
         * storage and then refuses incoming SMS.
         *
         * @param value default true; false keeps them (another program on the modem wants them)
         * @return this builder
         */
        public Builder deleteStoredOutgoing(boolean value) {
            this.deleteStoredOutgoing = value;
            return this;
        }

        /**
         * Sets how many messages the outbox hands to the modem per minute at most (operators' networks throttle or
         * block bursts).
         *
         * @param value not negative; default {@value SerialModemConfig#DEFAULT_SEND_RATE}; 0 means no limit
         * @return this builder
         */
        public Builder sendRatePerMinute(int value) {
            this.sendRatePerMinute = value;
            return this;
        }

        /**
         * Sets the time source for event timestamps (tests use a fixed clock).
         *
         * @param value not null; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Sets the modem's PCM audio port, opened for each active call (SIM7600: the fifth USB serial port,
         * {@code /dev/ttyUSB4}; EC25: the NMEA/audio port). A device path is opened at {@link #audioBaudRate}, not
         * the AT port's speed.
         *
         * @param value a device path or {@code tcp://host:port}, or null for none (the default)
         * @return this builder
         */
        public Builder audioPort(String value) {
            this.audioPort = value;
            return this;
        }

        /**
         * Sets the serial speed of a device-path audio port (a real UART; USB serial ports ignore it).
         *
         * @param value bit/s, at least {@value SerialModemConfig#MIN_AUDIO_BAUD}; default
         *              {@value SerialModemConfig#DEFAULT_AUDIO_BAUD}
         * @return this builder
         */
        public Builder audioBaudRate(int value) {
            this.audioBaudRate = value;
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the validated config
         * @throws IllegalArgumentException if a value breaks a rule of the record's constructor
         * @throws NullPointerException if the port, a duration or the clock is null
         */
        public SerialModemConfig build() {
            return new SerialModemConfig(port, baudRate, simPin, commandTimeout, signalPollInterval,
                    reconnectInitialDelay, reconnectMaxDelay, sweepInterval, deleteStoredOutgoing, sendRatePerMinute,
                    clock, audioPort, audioBaudRate);
        }
    }
}
