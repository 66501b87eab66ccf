package dev.callstack.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.modem.probe.Diagnosis;
import dev.callstack.modem.probe.Finding;
import dev.callstack.modem.probe.ModemDiagnosis;
import dev.callstack.modem.probe.ModemProbe;
import dev.callstack.modem.probe.ProbeReport;
import dev.callstack.modem.probe.SerialPortCatalog;
import dev.callstack.modem.probe.SerialPortInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code callstack doctor}: probes a modem with read-only commands ({@link ModemProbe#COMMANDS}) and prints each
 * check with its fix. Not thread-safe; run once.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Diagnose a modem with read-only AT commands only (AT, ATI, AT+CGMI/CGMM/CGMR, AT+CPIN?, "
                + "AT+CSQ, AT+CREG?/CGREG?/CEREG?, AT+COPS?, AT+CPMS?, AT+CNMI=?, AT+CMGF=?): never an SMS, USSD, "
                + "call, PIN, storage or settings command. Stop the server first: a port has one user.",
        footer = {"", "Exit status: 0 the modem is usable, 1 it is not (or no port was found), 2 wrong usage."})
final class DoctorCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--modem", paramLabel = "PORT",
            description = "The port to probe (/dev/serial/by-id/..., /dev/ttyUSB2, tcp://host:port); without it "
                    + "every USB serial port is probed.")
    String modem;

    @Option(names = "--json", description = "One JSON document for machines.")
    boolean json;

    @Option(names = "--timeout", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long to wait for each answer (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @ParentCommand
    CallstackCommand parent;

    @Spec
    CommandSpec spec;

    /** Replaced by tests with a catalog over a fake /sys. */
    SerialPortCatalog catalog = null;

    @Override
    public Integer call() throws InterruptedException {
        SerialPortCatalog ports = catalog == null ? SerialPortCatalog.system() : catalog;
        List<String> targets = new ArrayList<>();
        List<SerialPortInfo> known = ports.list();
        if (modem != null) {
            targets.add(modem);
        } else {
            known.stream().filter(p -> p.usbId() != null && p.role() != SerialPortInfo.Role.OTHER)
                    .sorted((a, b) -> Boolean.compare(b.role() == SerialPortInfo.Role.AT,
                            a.role() == SerialPortInfo.Role.AT))
                    .forEach(p -> targets.add(p.path()));
        }
        boolean modemManager = ports.modemManagerRunning();
        ModemProbe probe = new ModemProbe(timeout);
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (String target : targets) {
            SerialPortInfo info = target.startsWith("tcp://") ? null : ports.describe(target);
            List<String> others = known.stream().map(SerialPortInfo::path)
                    .filter(p -> !p.equals(target) && (info == null || info.usbId() == null
                            || Objects.equals(info.usbId(), ports.describe(p).usbId())))
                    .toList();
            ProbeReport report = probe.probe(target);
            diagnoses.add(ModemDiagnosis.diagnose(report, info, others, modemManager));
        }
        boolean usable = diagnoses.stream().anyMatch(Diagnosis::usable);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(diagnoses, usable));
        } else {
            print(diagnoses, usable, out, parent.style());
        }
        out.flush();
        return usable ? ExitCodes.OK : ExitCodes.NOT_OK;
    }

    private static String toJson(List<Diagnosis> diagnoses, boolean usable) {
        ObjectNode root = JSON.createObjectNode();
        root.put("usable", usable);
        ArrayNode ports = root.putArray("ports");
        for (Diagnosis diagnosis : diagnoses) {
            ObjectNode port = ports.addObject();
            port.put("target", diagnosis.target());
            port.put("usable", diagnosis.usable());
            ArrayNode findings = port.putArray("findings");
            for (Finding finding : diagnosis.findings()) {
                ObjectNode node = findings.addObject();
                node.put("check", finding.check());
                node.put("status", finding.status().name().toLowerCase(Locale.ROOT));
                node.put("detail", finding.detail());
                node.put("fix", finding.fix());
            }
        }
        root.putPOJO("commands_allowed", ModemProbe.COMMANDS);
        return root.toString();
    }

    private static void print(List<Diagnosis> diagnoses, boolean usable, PrintWriter out, Style style) {
        if (diagnoses.isEmpty()) {
            out.println(style.fail("✘") + " no USB serial port found: check the cable, lsusb and dmesg; a Huawei "
                    + "HiLink stick has no AT port until usb_modeswitch switches it to modem mode");
        }
        for (Diagnosis diagnosis : diagnoses) {
            out.println(style.bold(diagnosis.target()));
            for (Finding finding : diagnosis.findings()) {
                String mark = switch (finding.status()) {
                    case OK -> style.ok("✔");
                    case WARN -> style.warn("!");
                    case FAIL -> style.fail("✘");
                };
                out.println("  " + mark + " " + String.format(Locale.ROOT, "%-12s", finding.check())
                        + finding.detail());
                if (finding.fix() != null) {
                    out.println("                 fix: " + finding.fix());
                }
            }
            out.println("  " + (diagnosis.usable() ? style.ok("usable") : style.fail("not usable")));
        }
        out.println("Only read-only commands were sent (" + String.join(", ", ModemProbe.COMMANDS)
                + "): no SMS, USSD, call, PIN, storage or settings command.");
        out.println(usable ? style.ok("Verdict: the modem is usable.") : style.fail("Verdict: no usable modem."));
    }
}
