package dev.callstack.modem.internal;

import dev.callstack.modem.internal.at.UnsolicitedHandler;
import dev.callstack.modem.internal.urc.Urc;
import dev.callstack.modem.internal.urc.UrcAssembler;
import dev.callstack.modem.internal.urc.UrcParser;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns unsolicited lines into service calls and events. Unknown lines are logged by prefix only.
 *
 * <p>Not thread-safe; confined to the executor's engine thread.
 */
final class UrcRouter implements UnsolicitedHandler {
    private static final Logger log = LoggerFactory.getLogger(UrcRouter.class);

    private final UrcAssembler assembler = new UrcAssembler();
    private final CallControl calls;
    private final UssdService ussd;
    private final NetworkMonitor network;
    private final SmsModule sms;
    private final ModemStateHolder state;
    private final RestartSignal restarts;

    UrcRouter(CallControl calls, UssdService ussd, NetworkMonitor network, SmsModule sms, ModemStateHolder state,
              RestartSignal restarts) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.ussd = Objects.requireNonNull(ussd, "ussd");
        this.network = Objects.requireNonNull(network, "network");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.state = Objects.requireNonNull(state, "state");
        this.restarts = Objects.requireNonNull(restarts, "restarts");
    }

    @Override
    public boolean consumeContinuation(String line) {
        if (assembler.awaitingUssdText()) {
            return assembler.continueUssd(line, this::dispatch);
        }
        if (!assembler.awaitingContinuation()) {
            return false;
        }
        Optional<Urc> urc = assembler.continuation(line);
        if (urc.isEmpty()) {
            log.debug("Dropped an SMS notification header whose PDU line was missing or malformed");
            return false;
        }
        dispatch(urc.get());
        return true;
    }

    @Override
    public boolean isUnsolicited(String line) {
        return UrcParser.isKnown(line);
    }

    @Override
    public void onUnsolicited(String line) {
        assembler.accept(line).ifPresent(this::dispatch);
    }

    @Override
    public void reset() {
        assembler.reset();
    }

    private void dispatch(Urc urc) {
        try {
            route(urc);
        } catch (RuntimeException e) {
            // A failing consumer must not take the engine thread down.
            log.warn("Handling {} failed: {}", urc.getClass().getSimpleName(), e.getClass().getName());
        }
    }

    private void boot(Urc.Boot boot) {
        switch (boot.kind()) {
            case RESTARTED -> restarts.onRestartSignal("boot line " + boot.line());
            case SMS_READY -> {
                log.debug("Modem boot line: {}", boot.line());
                sms.onSmsReady();
            }
            case NOTICE -> log.debug("Modem boot line: {}", boot.line());
        }
    }

    private void route(Urc urc) {
        if (urc instanceof Urc.Ring) {
            calls.onRing();
        } else if (urc instanceof Urc.Clip clip) {
            calls.onCallerId(clip.number());
        } else if (urc instanceof Urc.CallConnected) {
            calls.onConnected();
        } else if (urc instanceof Urc.CallWaiting) {
            calls.onCallWaiting();
        } else if (urc instanceof Urc.CallEnded ended) {
            calls.onEnded(ended.cause());
        } else if (urc instanceof Urc.CallMissed) {
            calls.onMissed();
        } else if (urc instanceof Urc.Dtmf dtmf) {
            calls.onDtmf(dtmf.digit());
        } else if (urc instanceof Urc.Ussd u) {
            ussd.onUssd(u);
        } else if (urc instanceof Urc.NetworkRegistration r) {
            network.onRegistration(r.type(), r.stat(), r.act());
        } else if (urc instanceof Urc.Signal s) {
            network.onSignal(s.rssi(), s.ber());
        } else if (urc instanceof Urc.Sms s) {
            sms.onSmsUrc(s.sms());
        } else if (urc instanceof Urc.PinStatus p) {
            state.sim(SimStatuses.of(p.status()));
            log.info("SIM status changed: {}", SimStatuses.of(p.status()));
        } else if (urc instanceof Urc.Boot boot) {
            boot(boot);
        } else if (urc instanceof Urc.Info info) {
            log.debug("Modem info: {}", info.name());
        } else if (urc instanceof Urc.Unknown unknown) {
            log.debug("Unhandled unsolicited line: {}", unknown.label());
        }
    }
}
