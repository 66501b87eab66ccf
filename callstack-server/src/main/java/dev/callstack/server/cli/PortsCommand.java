package dev.callstack.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callstack.modem.probe.SerialPortCatalog;
import dev.callstack.modem.probe.SerialPortInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code callstack ports}: every serial port and what Linux knows about it. Not thread-safe; run once. */
@Command(name = "ports", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List serial ports: /dev/serial/by-id link, USB VID:PID, the modem guessed from a table of "
                + "known modems, which interface is the AT port, whether it is in use and whether you may open it.",
        footer = {"", "Exit status: 0 listed (even none), 2 wrong usage."})
final class PortsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "One JSON document for machines.")
    boolean json;

    @ParentCommand
    CallstackCommand parent;

    @Spec
    CommandSpec spec;

    /** Replaced by tests with a catalog over a fake /sys. */
    SerialPortCatalog catalog = null;

    @Override
    public Integer call() {
        SerialPortCatalog source = catalog == null ? SerialPortCatalog.system() : catalog;
        List<SerialPortInfo> ports = source.list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(ports, source.modemManagerRunning()));
        } else {
            print(ports, source.modemManagerRunning(), out, parent.style());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String toJson(List<SerialPortInfo> ports, boolean modemManager) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("ports");
        for (SerialPortInfo port : ports) {
            ObjectNode node = list.addObject();
            node.put("path", port.path());
            node.putPOJO("by_id", port.byIdLinks());
            node.put("usb_id", port.usbId());
            node.put("vendor", port.modem().map(m -> m.vendor()).orElse(null));
            node.put("model", port.modem().map(m -> m.model()).orElse(null));
            node.put("interface", port.interfaceNumber() < 0 ? null : port.interfaceNumber());
            node.put("role", port.role().name().toLowerCase(java.util.Locale.ROOT));
            node.put("in_use", port.inUse());
            node.put("accessible", port.accessible());
        }
        root.put("modem_manager_running", modemManager);
        return root.toString();
    }

    private static void print(List<SerialPortInfo> ports, boolean modemManager, PrintWriter out, Style style) {
        if (ports.isEmpty()) {
            out.println("No serial ports. A Huawei HiLink stick has none until usb_modeswitch switches it; check "
                    + "lsusb and dmesg.");
        }
        for (SerialPortInfo port : ports) {
            String modem = port.modem().map(m -> m.vendor() + " " + m.model()).orElse("unknown device");
            String role = switch (port.role()) {
                case AT -> style.ok("AT port");
                case OTHER -> "not the AT port";
                case UNKNOWN -> "AT port unknown: probe with callstack doctor --modem " + port.path();
            };
            out.println(style.bold(port.path()) + "  " + (port.usbId() == null ? "not USB" : port.usbId()) + "  "
                    + modem + (port.interfaceNumber() < 0 ? "" : "  interface " + port.interfaceNumber()) + "  "
                    + role);
            port.byIdLinks().forEach(link -> out.println("    " + link));
            if (port.inUse() != null) {
                out.println("    " + style.warn("in use: " + port.inUse()));
            }
            if (!port.accessible()) {
                out.println("    " + style.fail("you may not open it: sudo usermod -aG dialout $USER, log in again"));
            }
        }
        if (modemManager) {
            out.println(style.warn("ModemManager is running and may hold modem ports: see callstack doctor."));
        }
    }
}
