package dev.callstack.modem.probe;

import dev.callstack.modem.probe.Finding.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link ProbeReport} into findings, each failure with a concrete fix. Pure: no I/O.
 *
 * <p>Stateless.
 */
public final class ModemDiagnosis {
    private static final String DIALOUT_FIX = "add the user to the dialout group: sudo usermod -aG dialout $USER "
            + "(then log in again); the packaged service has SupplementaryGroups=dialout";
    private static final String MODEM_MANAGER_FIX = "stop ModemManager from taking the port: a udev rule "
            + "/etc/udev/rules.d/99-callstack.rules with ATTRS{idVendor}==\"<vid>\", ATTRS{idProduct}==\"<pid>\", "
            + "ENV{ID_MM_DEVICE_IGNORE}=\"1\" (then sudo udevadm control --reload && sudo udevadm trigger), or "
            + "sudo systemctl mask --now ModemManager";

    private ModemDiagnosis() {
    }

    /**
     * Judges one probe.
     *
     * @param report              what the port said
     * @param port                the catalog's view of the port (USB id, the modem's other ports), or null for a
     *                            {@code tcp://} target
     * @param otherPorts          the other candidate ports to suggest when this one does not answer
     * @param modemManagerRunning whether a ModemManager process is running on this machine
     * @return the findings and the verdict
     */
    public static Diagnosis diagnose(ProbeReport report, SerialPortInfo port, List<String> otherPorts,
                                     boolean modemManagerRunning) {
        List<Finding> findings = new ArrayList<>();
        boolean usable = judge(report, port, otherPorts, modemManagerRunning, findings);
        return new Diagnosis(report.target(), usable, findings);
    }

    private static boolean judge(ProbeReport report, SerialPortInfo port, List<String> otherPorts,
                                 boolean modemManagerRunning, List<Finding> findings) {
        if (modemManagerRunning) {
            findings.add(new Finding("ModemManager", Status.WARN,
                    "ModemManager is running and may open the modem at the same time", MODEM_MANAGER_FIX));
        }
        if (!opened(report, port, findings)) {
            return false;
        }
        if (!report.answersAt()) {
            String others = otherPorts.isEmpty() ? "run callstack ports to list the others"
                    : "try the others: " + String.join(", ", otherPorts);
            findings.add(new Finding("AT", Status.FAIL, "no answer to AT on " + report.target(),
                    "this is probably not the AT interface (modems expose several); " + others
                            + "; check the baud rate of a USB-serial adapter (115200)"));
            return false;
        }
        findings.add(new Finding("AT", Status.OK, "answers AT", null));
        findings.add(identity(report));
        boolean simReady = sim(report, findings);
        signal(report, findings);
        boolean registered = registration(report, findings);
        sms(report, findings);
        return simReady && registered;
    }

    private static boolean opened(ProbeReport report, SerialPortInfo port, List<Finding> findings) {
        String target = report.target();
        switch (report.access()) {
            case OPENED -> {
                findings.add(new Finding("port", Status.OK, "opened " + target, null));
                return true;
            }
            case PERMISSION_DENIED -> findings.add(new Finding("port", Status.FAIL,
                    "permission denied on " + target, DIALOUT_FIX));
            case BUSY -> findings.add(new Finding("port", Status.FAIL, target + " is busy: another process holds it",
                    MODEM_MANAGER_FIX + "; or stop the other program (a second callstack, minicom, screen)"));
            case NOT_FOUND -> {
                boolean hilink = port != null && port.modem().map(m -> m.kind() == KnownModem.Kind.HILINK)
                        .orElse(false);
                findings.add(new Finding("port", Status.FAIL, target + " does not exist", hilink
                        ? "a Huawei HiLink stick is a network card without an AT port: switch it to modem mode "
                        + "with usb_modeswitch (e.g. usb_modeswitch -v 12d1 -p <pid> -J)"
                        : "check the cable and name the port by its stable link: callstack ports lists "
                        + "/dev/serial/by-id/..."));
            }
            case FAILED -> findings.add(new Finding("port", Status.FAIL, String.valueOf(report.detail()),
                    "check the address, and that ser2net (or whatever serves it) is running"));
        }
        return false;
    }

    private static Finding identity(ProbeReport report) {
        String maker = text(report, "AT+CGMI");
        String model = text(report, "AT+CGMM");
        String firmware = text(report, "AT+CGMR");
        return new Finding("identity", Status.OK, "manufacturer " + orUnknown(maker) + ", model " + orUnknown(model)
                + ", firmware " + orUnknown(firmware), null);
    }

    private static boolean sim(ProbeReport report, List<Finding> findings) {
        Optional<ProbeAnswer> answer = report.answer("AT+CPIN?");
        String state = answer.map(a -> a.value("+CPIN:")).orElse(null);
        if ("READY".equalsIgnoreCase(state)) {
            findings.add(new Finding("SIM", Status.OK, "ready", null));
            return true;
        }
        if ("SIM PIN".equalsIgnoreCase(state)) {
            findings.add(new Finding("SIM", Status.FAIL, "the SIM asks for its PIN (doctor never enters it)",
                    "put the PIN in a file only the service can read and pass --sim-pin-file /etc/callstack/sim-pin"));
        } else if (state != null && state.toUpperCase(java.util.Locale.ROOT).contains("PUK")) {
            findings.add(new Finding("SIM", Status.FAIL, "the SIM is locked and asks for its PUK (" + state + ")",
                    "unlock the SIM with its PUK in a phone; Callstack never enters a PUK"));
        } else {
            String seen = answer.map(a -> a.result() == ProbeAnswer.Result.OK ? "+CPIN: " + state
                    : String.valueOf(a.finalLine())).orElse("no answer");
            findings.add(new Finding("SIM", Status.FAIL, "SIM not ready (" + seen + ")",
                    "power the modem off, check the SIM is inserted the right way and is active, power it on"));
        }
        return false;
    }

    private static void signal(ProbeReport report, List<Finding> findings) {
        String csq = report.answer("AT+CSQ").map(a -> a.value("+CSQ:")).orElse(null);
        int rssi = csq == null ? 99 : parseInt(firstField(csq), 99);
        if (rssi == 99 || rssi < 0 || rssi > 31) {
            findings.add(new Finding("signal", Status.FAIL, "no signal reported (+CSQ: " + csq + ")",
                    "connect the antenna (the main one, not diversity/GPS) and check coverage"));
        } else if (rssi < 10) {
            findings.add(new Finding("signal", Status.WARN, "weak: rssi " + rssi + " (" + dbm(rssi) + " dBm)",
                    "move the antenna or the modem; below rssi 10 SMS may fail"));
        } else {
            findings.add(new Finding("signal", Status.OK, "rssi " + rssi + " (" + dbm(rssi) + " dBm)", null));
        }
    }

    private static boolean registration(ProbeReport report, List<Finding> findings) {
        int best = -1;
        String registry = null;
        for (String command : List.of("AT+CREG?", "AT+CGREG?", "AT+CEREG?")) {
            String prefix = command.substring(2, command.length() - 1) + ":";
            String value = report.answer(command).map(a -> a.value(prefix)).orElse(null);
            int stat = value == null ? -1 : stat(value);
            if (rank(stat) > rank(best)) {
                best = stat;
                registry = prefix.substring(1, prefix.length() - 1);
            }
        }
        String operator = operator(report);
        String where = registry == null ? "" : " (" + registry + (operator == null ? "" : ", " + operator) + ")";
        switch (best) {
            case 1, 5 -> {
                findings.add(new Finding("network", Status.OK, (best == 1 ? "registered, home" : "registered, roaming")
                        + where, null));
                return true;
            }
            case 3 -> findings.add(new Finding("network", Status.FAIL, "registration denied" + where,
                    "the network refuses this SIM: check it is activated and not barred, and that the network still "
                            + "offers the modem's technology (2G/3G shutdowns); these checks do not depend on the APN"));
            case 2 -> findings.add(new Finding("network", Status.FAIL, "searching for a network" + where,
                    "wait a minute; if it stays so, check the antenna and that the SIM's operator covers this place"));
            default -> findings.add(new Finding("network", Status.FAIL, "not registered" + where,
                    "check the antenna and coverage, that the SIM is active, and that the modem's bands suit the "
                            + "local network; these checks do not depend on the APN"));
        }
        return false;
    }

    private static void sms(ProbeReport report, List<Finding> findings) {
        boolean pdu = report.answer("AT+CMGF=?").map(a -> {
            String modes = a.value("+CMGF:");
            return a.result() == ProbeAnswer.Result.OK && modes != null && modes.contains("0");
        }).orElse(false);
        String storage = report.answer("AT+CPMS?").map(a -> a.value("+CPMS:")).orElse(null);
        if (pdu && storage != null) {
            findings.add(new Finding("SMS", Status.OK, "PDU mode supported, storage " + storage, null));
        } else {
            findings.add(new Finding("SMS", Status.WARN, "SMS support unclear (PDU mode " + (pdu ? "yes" : "no")
                    + ", storage " + orUnknown(storage) + ")",
                    "the SIM may still be starting: run doctor again in a minute; a data-only SIM cannot do SMS"));
        }
    }

    private static String operator(ProbeReport report) {
        String cops = report.answer("AT+COPS?").map(a -> a.value("+COPS:")).orElse(null);
        if (cops == null) {
            return null;
        }
        int open = cops.indexOf('"');
        int close = open < 0 ? -1 : cops.indexOf('"', open + 1);
        return close < 0 ? null : cops.substring(open + 1, close);
    }

    /** The stat of a read answer ({@code n,stat[,...]}); a bare {@code stat} is accepted too. */
    private static int stat(String value) {
        int comma = value.indexOf(',');
        if (comma < 0) {
            return parseInt(value.trim(), -1);
        }
        return parseInt(firstField(value.substring(comma + 1)), -1);
    }

    private static String firstField(String value) {
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    private static int rank(int stat) {
        return switch (stat) {
            case 1, 5 -> 4;
            case 3 -> 3;
            case 2 -> 2;
            case 0, 4 -> 1;
            default -> 0;
        };
    }

    private static String text(ProbeReport report, String command) {
        return report.answer(command).map(ProbeAnswer::text).orElse(null);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    private static int dbm(int rssi) {
        return -113 + 2 * rssi;
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
