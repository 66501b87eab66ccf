package dev.callstack.testkit.sim;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the network, the remote party and the modem's own firmware do unasked, for {@link AtModemSimulator}:
 * registration changes (with the URCs the modem's settings enable), calls, restarts and SMS readiness.
 * Thread-safe: the state is, and {@code pinAfterRestart} is volatile.
 */
final class NetworkEvents {
    private final SimProfile profile;
    private final SimState simState;
    private final Consumer<List<String>> emit;
    private volatile boolean pinAfterRestart;

    NetworkEvents(SimProfile profile, SimState simState, Consumer<List<String>> emit) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.simState = Objects.requireNonNull(simState, "simState");
        this.emit = Objects.requireNonNull(emit, "emit");
    }

    void registration(int stat) {
        simState.registration("CREG", stat, -1);
        simState.registration("CGREG", stat, -1);
        emitIfEnabled(simState.registrationUrc("CREG"));
        emitIfEnabled(simState.registrationUrc("CGREG"));
    }

    void registration(String domain, int stat, int act) {
        simState.registration(domain, stat, act);
        emitIfEnabled(simState.registrationUrc(domain));
    }

    void lteOnlyRegistration() {
        registration("CREG", 0, -1);
        registration("CGREG", 0, -1);
        registration("CEREG", 1, 7);
    }

    private void emitIfEnabled(String urc) {
        if (urc != null) {
            emit.accept(List.of(urc));
        }
    }

    void incomingCall(String number) {
        emit.accept(simState.incomingCall(number));
    }

    void remoteHangup() {
        emit.accept(simState.remoteHangup());
    }

    /** A second caller rings during our active call; {@code urcs} false: the modem reports nothing. */
    void waitingCall(String number, boolean urcs, boolean ringToo) {
        if (!simState.waiting(number)) {
            throw new IllegalStateException("a call can only wait while another call is active");
        }
        if (urcs) {
            emit.accept(SimVoice.waitingLines(number, ringToo));
        }
    }

    /** The waiting caller gives up; {@code noCarrier}: the modem says so with a bare {@code NO CARRIER}. */
    void waitingCallerGivesUp(boolean noCarrier) {
        if (!simState.waitingGone()) {
            throw new IllegalStateException("no call is waiting");
        }
        if (noCarrier) {
            emit.accept(List.of("NO CARRIER"));
        }
    }

    void answerCall() {
        emit.accept(simState.answerCall());
    }

    void remoteAnswers() {
        simState.call(SimState.CallPhase.ACTIVE);
        emit.accept(SimVoice.answeredLines(profile));
    }

    void dtmf(char digit) {
        emit.accept(SimVoice.dtmfLines(profile, digit));
    }

    void restart() {
        simState.powerOn();
        List<String> lines = profile.quirks().bootLines();
        if (pinAfterRestart) {
            simState.pinState(PinState.SIM_PIN);
            lines = lines.stream().map(line -> line.equals("+CPIN: READY") ? "+CPIN: SIM PIN" : line).toList();
        }
        emit.accept(lines);
    }

    void pinAfterRestart(boolean required) {
        pinAfterRestart = required;
    }

    void smsNotReadyFor(int commands) {
        if (commands < 1 || commands == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("commands must be 1.." + (Integer.MAX_VALUE - 1) + ": " + commands);
        }
        simState.smsNotReady(commands);
    }

    void smsReady() {
        simState.smsNotReady(0);
        String line = profile.quirks().smsReadyLine();
        if (line != null) {
            emit.accept(List.of(line));
        }
    }
}
