package dev.callstack.modem.internal;

import dev.callstack.core.CallstackException;
import dev.callstack.core.ModemRejectedException;
import dev.callstack.core.ModemTimeoutException;
import dev.callstack.core.ModemStatus;
import dev.callstack.core.ModemUnavailableException;
import dev.callstack.core.Registration;
import dev.callstack.core.SimStatus;
import dev.callstack.modem.internal.at.AtChannel;
import dev.callstack.modem.internal.at.AtCommand;
import dev.callstack.modem.internal.at.AtResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The init sequence after a link opens: {@code AT} sync with retries, {@code ATE0}, {@code AT+CMEE=1}, SIM PIN,
 * {@code AT+CLIP=1}, registration URCs, identity, registration and operator. Blocking; runs on the lifecycle
 * worker thread. The PIN is entered at most once per call and never logged; a rejected PIN and SIM PUK are fatal.
 *
 * <p>Not thread-safe; confined to the lifecycle worker thread.
 */
final class ModemInitializer {
    record Result(String manufacturer, String model, String revision, Registration registration, String operator,
                  ModemProfile profile, ModemStatus.Identity identity) {
    }

    private static final Logger log = LoggerFactory.getLogger(ModemInitializer.class);
    private static final int SYNC_ATTEMPTS = 5;
    private static final Duration MAX_SYNC_TIMEOUT = Duration.ofSeconds(1);
    private static final int CME_SIM_NOT_INSERTED = 10;
    private static final int CME_SIM_PUK = 12;
    private static final int CME_WRONG_PASSWORD = 16;

    private final AtChannel at;
    private final RegistrationInit registrations;
    private final String simPin;
    private final Duration commandTimeout;
    private final ActiveProfile activeProfile;
    // What the last AT+CPIN? said; read by the lifecycle after run() (same worker thread).
    private SimStatus simStatus = SimStatus.UNKNOWN;

    ModemInitializer(AtChannel at, NetworkMonitor network, String simPin, Duration commandTimeout,
                     ActiveProfile activeProfile) {
        this.activeProfile = Objects.requireNonNull(activeProfile, "activeProfile");
        this.at = Objects.requireNonNull(at, "at");
        this.registrations = new RegistrationInit(network);
        this.simPin = simPin;
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    Result run() throws InitException, InterruptedException {
        sync();
        require(AtCommand.simple("ATE0"), "ATE0");
        optional(AtCommand.simple("AT+CMEE=1"));
        unlockSim();
        optional(AtCommand.simple("AT+CLIP=1"));
        registrations.enableUrcs(this::optional);
        String manufacturer = identity("AT+CGMI", "+CGMI:");
        String model = identity("AT+CGMM", "+CGMM:");
        String revision = identity("AT+CGMR", "+CGMR:");
        ModemProfile profile = manufacturer == null && model == null
                ? ModemProfiles.detect(atiIdentity(), null) : ModemProfiles.detect(manufacturer, model);
        log.info("Modem profile: {}", profile.name());
        activeProfile.set(profile);
        for (String command : profile.initCommands()) {
            optional(AtCommand.simple(command));
        }
        ModemStatus.Identity identity = identityNumbers(profile);
        Registration registration = registrations.query(this::optional);
        String operator = registrations.operator(this::optional);
        return new Result(manufacturer, model, revision, registration, operator, profile, identity);
    }

    private void sync() throws InitException, InterruptedException {
        Duration timeout = commandTimeout.compareTo(MAX_SYNC_TIMEOUT) < 0 ? commandTimeout : MAX_SYNC_TIMEOUT;
        for (int attempt = 1; attempt <= SYNC_ATTEMPTS; attempt++) {
            try {
                call(AtCommand.simple("AT").withTimeout(timeout));
                return;
            } catch (ModemTimeoutException | ModemRejectedException e) {
                log.debug("AT sync attempt {} failed: {}", attempt, e.getClass().getSimpleName());
            } catch (CallstackException e) {
                throw new InitException("link lost during AT sync", false);
            }
        }
        throw new InitException("modem does not answer AT", false);
    }

    private void unlockSim() throws InitException, InterruptedException {
        String status = pinStatus();
        switch (status) {
            case "READY" -> {
                return;
            }
            case "SIM PIN" -> {
                // unlocked below
            }
            case "SIM PUK" -> throw new InitException("SIM PUK required", true);
            default -> throw new InitException("SIM not ready (" + status + ")", false);
        }
        if (simPin == null) {
            throw new InitException("SIM PIN required but none configured", false);
        }
        try {
            call(AtCommand.simple("AT+CPIN=\"" + simPin + "\""));
            simStatus = SimStatus.READY;
            log.info("SIM PIN accepted");
        } catch (ModemRejectedException e) {
            // Never retried: every wrong attempt brings the SIM closer to PUK lock.
            throw new InitException(e.code().orElse(-1) == CME_WRONG_PASSWORD ? "SIM PIN rejected (wrong PIN)"
                    : "SIM PIN rejected", true);
        } catch (ModemTimeoutException e) {
            throw new InitException("SIM PIN entry unanswered; not retrying", true);
        } catch (CallstackException e) {
            throw new InitException("link lost during SIM PIN entry; not retrying", true);
        }
    }

    /** The SIM status the last run found ({@code AT+CPIN?}, and READY once a PIN was accepted). */
    SimStatus simStatus() {
        return simStatus;
    }

    private String pinStatus() throws InitException, InterruptedException {
        simStatus = SimStatus.UNKNOWN;
        try {
            AtResponse response = call(AtCommand.query("AT+CPIN?", "+CPIN:"));
            String value = response.value("+CPIN:").map(v -> v.toUpperCase(Locale.ROOT)).orElse("UNKNOWN");
            simStatus = SimStatuses.of(value);
            return value;
        } catch (ModemRejectedException e) {
            int code = e.code().orElse(-1);
            if (code == CME_SIM_NOT_INSERTED) {
                simStatus = SimStatus.ABSENT;
                throw new InitException("no SIM inserted", false);
            }
            if (code == CME_SIM_PUK) {
                throw new InitException("SIM PUK required", true);
            }
            throw new InitException("SIM status query failed (code " + code + ")", false);
        } catch (CallstackException e) {
            throw new InitException("SIM status query failed: " + e.getClass().getSimpleName(), false);
        }
    }

    /**
     * IMEI ({@code AT+CGSN}), IMSI ({@code AT+CIMI}) and ICCID (the profile's commands, first answer wins), each
     * optional: a refusal leaves it null. The values are never logged; only which ones are known.
     */
    private ModemStatus.Identity identityNumbers(ModemProfile profile) throws InitException, InterruptedException {
        String imei = IdentityNumbers.parse(identity("AT+CGSN", "+CGSN:"));
        String imsi = IdentityNumbers.parse(identity("AT+CIMI", "+CIMI:"));
        String iccid = null;
        for (String command : profile.iccidCommands()) {
            iccid = IdentityNumbers.parse(identity(command, ""));
            if (iccid != null) {
                break;
            }
        }
        log.info("Modem identity read: IMEI {}, IMSI {}, ICCID {}", known(imei), known(imsi), known(iccid));
        return new ModemStatus.Identity(imei, imsi, iccid);
    }

    /**
     * {@code ATI}'s lines on one line, or null: what a modem that refuses {@code AT+CGMI} and {@code AT+CGMM} still
     * says about itself ({@code SIM800 R14.18}; {@code Quectel} / {@code EC25} / {@code Revision: ...}; SIMCom LTE and
     * Huawei add {@code Manufacturer:}/{@code Model:} labels and an {@code IMEI:} line). Used to choose the profile only.
     */
    private String atiIdentity() throws InitException, InterruptedException {
        Optional<AtResponse> response = optional(AtCommand.freeText("ATI"));
        if (response.isEmpty() || response.get().lines().isEmpty()) {
            return null;
        }
        return String.join(" ", response.get().lines()).strip();
    }

    private static String known(String value) {
        return value == null ? "unknown" : "known";
    }

    private String identity(String command, String prefix) throws InitException, InterruptedException {
        Optional<AtResponse> response = optional(AtCommand.freeText(command));
        if (response.isEmpty() || response.get().lines().isEmpty()) {
            return null;
        }
        String line = response.get().lines().get(0).strip();
        if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
            line = line.substring(prefix.length()).strip();
        }
        return line.isEmpty() ? null : line;
    }

    private void require(AtCommand command, String name) throws InitException, InterruptedException {
        try {
            call(command);
        } catch (CallstackException e) {
            throw new InitException(name + " failed: " + e.getClass().getSimpleName(), false);
        }
    }

    /** Runs a command whose failure init tolerates (not every modem supports every command); a lost link is not. */
    private Optional<AtResponse> optional(AtCommand command) throws InitException, InterruptedException {
        try {
            return Optional.of(call(command));
        } catch (ModemRejectedException | ModemTimeoutException e) {
            log.debug("{} not supported: {}", command, e.getClass().getSimpleName());
            return Optional.empty();
        } catch (ModemUnavailableException e) {
            throw new InitException("link lost during init", false);
        }
    }

    private AtResponse call(AtCommand command) throws InterruptedException {
        Duration timeout = command.timeout() != null ? command.timeout() : commandTimeout;
        try {
            return at.execute(command).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = AsyncResults.unwrap(e.getCause());
            if (cause instanceof CallstackException ce) {
                throw ce;
            }
            throw new ModemUnavailableException("AT command failed", cause);
        } catch (TimeoutException e) {
            throw new ModemTimeoutException("modem engine did not answer");
        }
    }
}
