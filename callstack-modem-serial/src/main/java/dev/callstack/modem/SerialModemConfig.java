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
 * @param clock                 time source for event timestamps
 */
public record SerialModemConfig(String port, int baudRate, String simPin, Duration commandTimeout,
                                Duration signalPollInterval, Duration reconnectInitialDelay,
                                Duration reconnectMaxDelay, Clock clock) {
    public static final int DEFAULT_BAUD = 115200;

    public SerialModemConfig {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(signalPollInterval, "signalPollInterval");
        Objects.requireNonNull(reconnectInitialDelay, "reconnectInitialDelay");
        Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
        Objects.requireNonNull(clock, "clock");
        if (port.isBlank()) {
            throw new IllegalArgumentException("port must not be blank");
        }
        if (isTcp(port)) {
            tcpAddress(port);
        }
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baudRate must be positive");
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

    public static Builder builder(String port) {
        return new Builder(port);
    }

    public boolean isTcp() {
        return isTcp(port);
    }

    /** For {@code tcp://host:port}: the host and port. */
    public URI tcpAddress() {
        return tcpAddress(port);
    }

    @Override
    public String toString() {
        return "SerialModemConfig[port=" + port + ", baudRate=" + baudRate + ", simPin="
                + (simPin == null ? "none" : Redaction.REDACTED) + ", commandTimeout=" + commandTimeout
                + ", signalPollInterval=" + signalPollInterval + ", reconnect=" + reconnectInitialDelay + ".."
                + reconnectMaxDelay + "]";
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
        private Clock clock = Clock.systemUTC();

        private Builder(String port) {
            this.port = port;
        }

        public Builder baudRate(int value) {
            this.baudRate = value;
            return this;
        }

        public Builder simPin(String value) {
            this.simPin = value;
            return this;
        }

        public Builder commandTimeout(Duration value) {
            this.commandTimeout = value;
            return this;
        }

        public Builder signalPollInterval(Duration value) {
            this.signalPollInterval = value;
            return this;
        }

        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.reconnectInitialDelay = initial;
            this.reconnectMaxDelay = max;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public SerialModemConfig build() {
            return new SerialModemConfig(port, baudRate, simPin, commandTimeout, signalPollInterval,
                    reconnectInitialDelay, reconnectMaxDelay, clock);
        }
    }
}
