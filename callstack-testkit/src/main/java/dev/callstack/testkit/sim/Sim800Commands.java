package dev.callstack.testkit.sim;

import static dev.callstack.testkit.sim.CommandHandler.constant;
import static dev.callstack.testkit.sim.CommandHandler.ok;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The default answers of a SIM800-class modem, as one {@link CommandTable}, and the handlers behind it. Error results
 * are numeric, as after {@code AT+CMEE=1}. Other profiles are meant to start from {@link #TABLE} and share these
 * handlers.
 */
final class Sim800Commands {
    static final String MANUFACTURER = "SIMCOM_Ltd";
    static final String MODEL = "SIMCOM_SIM800L";
    static final String REVISION = "Revision:1418B04SIM800L24";
    static final String IMEI = "490154203237518";
    /** A test-network IMSI (MCC 001, MNC 01) and an ICCID of the same made-up SIM. */
    static final String IMSI = "001010123456789";
    static final String ICCID = "89001012012345678901";
    static final String OPERATOR = "Callstack Sim";
    static final String DEFAULT_USSD_TEXT = "Simulated balance 10.00";

    static final CommandTable TABLE = CommandTable.builder()
            // Settings the gateway makes while opening the modem: accepted, and nothing in the simulation changes.
            .exact("", ok())
            .exact("Z", ok())
            .set("+CMEE", ok())
            .query("+CMEE", constant("+CMEE: 1"))
            .set("+CLIP", ok())
            .set("+CREG", Sim800Commands::registrationMode)
            .set("+CGREG", Sim800Commands::registrationMode)
            .set("+CMGF", Sim800Commands::setMessageFormat)
            .query("+CMGF", (state, command) -> SimReply.of("+CMGF: " + state.cmgf(), SimReply.OK))
            .test("+CMGF", constant("+CMGF: (0,1)")) // SIM800 AT manual: both PDU (0) and text (1) mode
            .set("+CNMI", Sim800Commands::setIndications)
            .query("+CNMI", Sim800Commands::indicationsQuery)
            .test("+CNMI", (state, command) -> SimReply.of("+CNMI: " + state.cnmiRanges().text(), SimReply.OK))
            .prefix("+CSMS", ok())
            .set("+CSCS", ok())
            .query("+CSCS", constant("+CSCS: \"GSM\""))
            .set("+COPS", ok())
            .set("+VTS", ok())
            .set("+DDET", ok())
            .exact("+CNMA", ok())
            // Echo.
            .exact("E", Sim800Commands::echoOff)
            .exact("E0", Sim800Commands::echoOff)
            .exact("E1", Sim800Commands::echoOn)
            // Identity.
            .exact("I", constant("SIM800 R14.18"))
            .exact("+CGMI", constant(MANUFACTURER))
            .exact("+CGMM", constant(MODEL))
            .exact("+CGMR", constant(REVISION))
            .exact("+CGSN", constant(IMEI))
            .exact("+CIMI", constant(IMSI))
            .exact("+CCID", constant(ICCID))
            // SIM.
            .query("+CPIN", Sim800Commands::pinQuery)
            .set("+CPIN", Sim800Commands::enterPin)
            // Network.
            // 2G only: +CEREG and +C5GREG are not commands here (ERROR, as on the real SIM800).
            .query("+CREG", Sim800Commands::registration)
            .query("+CGREG", Sim800Commands::registration)
            .query("+COPS", constant("+COPS: 0,0,\"" + OPERATOR + "\""))
            .exact("+CSQ", (state, command) -> SimReply.of("+CSQ: " + state.rssi() + "," + state.ber(), SimReply.OK))
            // USSD.
            .set("+CUSD", Sim800Commands::ussd)
            // Voice call.
            .prefix("D", Sim800Commands::dial)
            .exact("A", Sim800Commands::answer)
            .exact("H", Sim800Commands::hangUp)
            .exact("H0", Sim800Commands::hangUp)
            .exact("+CHUP", Sim800Commands::hangUp)
            .exact("+CLCC", Sim800Commands::listCalls)
            // SMS.
            .query("+CPMS", Sim800Commands::storageQuery)
            .set("+CPMS", Sim800Commands::selectStorage)
            .test("+CPMS", (state, command) -> SimReply.of("+CPMS: " + state.storage().offerText(), SimReply.OK))
            .set("+CMGS", Sim800Commands::submitPrompt)
            .set("+CMGR", Sim800Commands::read)
            .exact("+CMGL", (state, command) -> list(state, SmsStorage.REC_UNREAD))
            .set("+CMGL", Sim800Commands::list)
            .set("+CMGD", Sim800Commands::delete)
            .build();

    private Sim800Commands() {
    }

    static SimReply setMessageFormat(SimState state, AtCommand command) {
        OptionalInt mode = command.integer(0);
        if (mode.isEmpty() || mode.getAsInt() < 0 || mode.getAsInt() > 1) {
            return SimReply.of("+CMS ERROR: 303");
        }
        state.cmgf(mode.getAsInt());
        return SimReply.ok();
    }

    /** {@code AT+CNMI=<mode>[,<mt>[,<bm>[,<ds>[,<bfr>]]]]}: remembered; a value outside the ranges is refused. */
    static SimReply setIndications(SimState state, AtCommand command) {
        List<String> fields = command.fields();
        if (fields.isEmpty() || fields.size() > 5) {
            return SimReply.of("+CMS ERROR: 303");
        }
        int[] values = state.cnmi();
        for (int i = 0; i < fields.size(); i++) {
            OptionalInt v = command.integer(i);
            if (v.isEmpty()) {
                return SimReply.of("+CMS ERROR: 303");
            }
            values[i] = v.getAsInt();
        }
        if (!state.cnmiRanges().allows(values)) {
            return SimReply.of("+CMS ERROR: 303");
        }
        state.cnmi(values);
        return SimReply.ok();
    }

    static SimReply indicationsQuery(SimState state, AtCommand command) {
        return SimReply.of("+CNMI: " + state.cnmiSetting(), SimReply.OK);
    }

    static SimReply echoOff(SimState state, AtCommand command) {
        state.echo(false);
        return SimReply.ok();
    }

    static SimReply echoOn(SimState state, AtCommand command) {
        state.echo(true);
        return SimReply.ok();
    }

    static SimReply pinQuery(SimState state, AtCommand command) {
        return switch (state.pinState()) {
            case READY -> SimReply.of("+CPIN: READY", SimReply.OK);
            case SIM_PIN -> SimReply.of("+CPIN: SIM PIN", SimReply.OK);
            case SIM_PUK -> SimReply.of("+CPIN: SIM PUK", SimReply.OK);
            case NO_SIM -> SimReply.of("+CME ERROR: 10");
        };
    }

    static SimReply enterPin(SimState state, AtCommand command) {
        switch (state.pinState()) {
            case NO_SIM -> {
                return SimReply.of("+CME ERROR: 10");
            }
            case SIM_PUK -> {
                return SimReply.of("+CME ERROR: 12");
            }
            default -> {
                if (AtCommand.unquote(command.args()).equals(state.pin())) {
                    state.pinAccepted();
                    return SimReply.ok();
                }
                state.pinRejected();
                return SimReply.of("+CME ERROR: 16");
            }
        }
    }

    /** {@code AT+CREG?}, {@code AT+CEREG?}...: {@code +CREG: <n>,<stat>[,<lac>,<ci>[,<AcT>]]}. */
    static SimReply registration(SimState state, AtCommand command) {
        return SimReply.of(state.registrationAnswer(domainOf(command)), SimReply.OK);
    }

    /** {@code AT+CREG=<n>}, {@code AT+CEREG=<n>}...: the URC mode, 0–5 as 27.007 allows for the widest. */
    static SimReply registrationMode(SimState state, AtCommand command) {
        if (command.args().strip().equals("?")) {
            return SimReply.ok(); // the test command: supported
        }
        OptionalInt n = command.integer(0);
        if (n.isEmpty() || n.getAsInt() < 0 || n.getAsInt() > 5) {
            return SimReply.error();
        }
        state.registrationUrcMode(domainOf(command), n.getAsInt());
        return SimReply.ok();
    }

    /** {@code "CEREG"} from {@code +CEREG?} or {@code +CEREG=2}. */
    private static String domainOf(AtCommand command) {
        String body = command.body();
        int end = 1;
        while (end < body.length() && Character.isLetterOrDigit(body.charAt(end))) {
            end++;
        }
        return body.substring(1, end);
    }

    /** OK at once; the reply to a request follows asynchronously as {@code +CUSD}, as on the real modem. */
    static SimReply ussd(SimState state, AtCommand command) {
        List<String> fields = command.fields();
        OptionalInt mode = command.integer(0);
        if (mode.isEmpty() || mode.getAsInt() < 0 || mode.getAsInt() > 2) {
            return SimReply.error();
        }
        if (mode.getAsInt() == 2 || fields.size() < 2) {
            return SimReply.ok();
        }
        SimState.UssdReply reply = state.ussdReply(AtCommand.unquote(fields.get(1)));
        if (reply == null) {
            reply = new SimState.UssdReply(0, DEFAULT_USSD_TEXT, 15);
        }
        return SimReply.ok().thenAsync(List.of(reply.line()));
    }

    /** {@code ATD<number>;}: a voice call (the {@code ;}); anything else fails as a data call would. */
    static SimReply dial(SimState state, AtCommand command) {
        String target = command.body().substring(1);
        if (!target.endsWith(";") || target.length() < 2) {
            return SimReply.of("NO CARRIER");
        }
        state.dialling(target.substring(0, target.length() - 1));
        return SimReply.ok();
    }

    static SimReply answer(SimState state, AtCommand command) {
        if (state.call() != SimState.CallPhase.RINGING) {
            return SimReply.of("NO CARRIER");
        }
        state.call(SimState.CallPhase.ACTIVE);
        return SimReply.ok();
    }

    static SimReply hangUp(SimState state, AtCommand command) {
        state.call(SimState.CallPhase.IDLE);
        return SimReply.ok();
    }

    /** {@code AT+CLCC}: our call as index 1 and a waiting call (stat 5) as index 2, in 27.007 7.18 fields. */
    static SimReply listCalls(SimState state, AtCommand command) {
        SimState.CallPhase call = state.call();
        if (call == SimState.CallPhase.IDLE) {
            return SimReply.ok();
        }
        int stat = switch (call) {
            case ACTIVE -> 0;
            case DIALING -> 2;
            default -> 4;
        };
        List<String> lines = new ArrayList<>();
        lines.add(SimVoice.clccLine(1, state.incoming(), stat, state.callNumber()));
        String waiting = state.waitingNumber();
        if (waiting != null) {
            lines.add(SimVoice.clccLine(2, true, SimVoice.STAT_WAITING, waiting));
        }
        lines.add(SimReply.OK);
        return SimReply.of(lines);
    }

    static SimReply storageQuery(SimState state, AtCommand command) {
        int n = state.storage().size();
        String sm = "\"" + state.storage().selected() + "\"," + n + "," + SmsStorage.CAPACITY;
        return SimReply.of("+CPMS: " + sm + "," + sm + "," + sm, SimReply.OK);
    }

    /**
     * {@code AT+CPMS="<mem1>"[,...]}: mem1 really switches what {@code AT+CMGR/CMGL/CMGD} see, mem3 where messages
     * arrive; a memory {@code AT+CPMS=?} does not offer in its position is refused.
     */
    static SimReply selectStorage(SimState state, AtCommand command) {
        if (!command.fields().isEmpty() && !state.storage().selectAll(command.fields())) {
            return SimReply.of("+CMS ERROR: 302");
        }
        int n = state.storage().size();
        int cap = SmsStorage.CAPACITY;
        return SimReply.of("+CPMS: " + n + "," + cap + "," + n + "," + cap + "," + n + "," + cap, SimReply.OK);
    }

    /** {@code AT+CMGS=<length>}: the prompt; the PDU that follows is answered by {@link ModemBehaviour#submit}. */
    static SimReply submitPrompt(SimState state, AtCommand command) {
        OptionalInt length = command.integer(0);
        return length.isPresent() && length.getAsInt() > 0 ? SimReply.prompt(length.getAsInt()) : SimReply.error();
    }

    static SimReply read(SimState state, AtCommand command) {
        OptionalInt index = command.integer(0);
        if (index.isEmpty()) {
            return SimReply.error();
        }
        if (index.getAsInt() < 0 || index.getAsInt() > SmsStorage.CAPACITY) {
            return SimReply.of("+CMS ERROR: 321");
        }
        SmsStorage.Entry entry = state.storage().read(index.getAsInt());
        if (entry == null) {
            return SimReply.ok();
        }
        return SimReply.of("+CMGR: " + entry.stat() + ",," + Pdus.announcedLength(entry.pdu()), entry.pdu(), SimReply.OK);
    }

    static SimReply list(SimState state, AtCommand command) {
        OptionalInt stat = command.integer(0);
        return stat.isPresent() ? list(state, stat.getAsInt()) : SimReply.error();
    }

    static SimReply list(SimState state, int stat) {
        if (stat < 0 || stat > SmsStorage.ALL) {
            return SimReply.error();
        }
        List<String> lines = new ArrayList<>();
        for (SmsStorage.Entry entry : state.storage().list(stat)) {
            lines.add("+CMGL: " + entry.index() + "," + entry.stat() + ",," + Pdus.announcedLength(entry.pdu()));
            lines.add(entry.pdu());
        }
        lines.add(SimReply.OK);
        return SimReply.of(lines);
    }

    static SimReply delete(SimState state, AtCommand command) {
        OptionalInt index = command.integer(0);
        OptionalInt flag = command.fields().size() > 1 ? command.integer(1) : OptionalInt.of(0);
        if (index.isEmpty() || flag.isEmpty() || flag.getAsInt() < 0 || flag.getAsInt() > 4) {
            return SimReply.error();
        }
        state.storage().delete(index.getAsInt(), flag.getAsInt());
        return SimReply.ok();
    }
}
