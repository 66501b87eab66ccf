package dev.callstack.modem.probe;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lists serial ports (jSerialComm) with what Linux knows about them: {@code /dev/serial/by-id} links, the USB id and
 * interface from sysfs, the modem from {@link KnownModems}, lock files and processes holding the device, and whether
 * this user may open it. Every path is read under an injectable root, so tests build a fake {@code /sys} and
 * {@code /dev} in a temporary directory.
 *
 * <p>Stateless apart from its configuration; thread-safe.
 */
public final class SerialPortCatalog {
    private static final String MODEM_MANAGER = "ModemManager";

    private final Supplier<List<String>> enumerator;
    private final Path root;

    /**
     * A catalog over explicit port paths and a filesystem root.
     *
     * @param enumerator lists the device paths ({@code /dev/ttyUSB0}, ...)
     * @param root       where {@code /sys}, {@code /dev}, {@code /proc}, {@code /run/lock} are read ({@code /} in
     *                   production)
     */
    public SerialPortCatalog(Supplier<List<String>> enumerator, Path root) {
        this.enumerator = Objects.requireNonNull(enumerator, "enumerator");
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * The catalog of this machine: jSerialComm's ports under {@code /}.
     *
     * @return a catalog reading the real system
     */
    public static SerialPortCatalog system() {
        return new SerialPortCatalog(() -> Arrays.stream(SerialPort.getCommPorts())
                .map(SerialPort::getSystemPortPath).sorted().toList(), Path.of("/"));
    }

    /**
     * Every port, in the enumerator's order.
     *
     * @return one entry per port
     */
    public List<SerialPortInfo> list() {
        List<SerialPortInfo> ports = new ArrayList<>();
        for (String path : enumerator.get()) {
            ports.add(describe(path));
        }
        return ports;
    }

    /**
     * Whether a ModemManager process runs (it opens modems it finds and competes with Callstack for the port).
     *
     * @return true when {@code /proc/<pid>/comm} names ModemManager
     */
    public boolean modemManagerRunning() {
        return processes().stream().anyMatch(pid -> MODEM_MANAGER.equals(read(pid.resolve("comm"))));
    }

    /**
     * The catalog's view of one path (resolving a {@code /dev/serial/by-id} link to its device).
     *
     * @param path a device path or stable link
     * @return its entry
     */
    public SerialPortInfo describe(String path) {
        Path device = inRoot(path);
        Path real = realPath(device);
        String name = real.getFileName() == null ? path : real.getFileName().toString();
        Path usbInterface = realPath(root.resolve("sys/class/tty").resolve(name).resolve("device"));
        Path usbDevice = ancestorWith(usbInterface, "idVendor");
        String vid = usbDevice == null ? null : read(usbDevice.resolve("idVendor"));
        String pid = usbDevice == null ? null : read(usbDevice.resolve("idProduct"));
        Path interfaceDir = ancestorWith(usbInterface, "bInterfaceNumber");
        int ifNumber = interfaceDir == null ? -1 : parseHex(read(interfaceDir.resolve("bInterfaceNumber")));
        KnownModem modem = KnownModems.lookup(vid, pid).orElse(null);
        SerialPortInfo.Role role = modem == null || modem.atInterface() < 0 || ifNumber < 0
                ? SerialPortInfo.Role.UNKNOWN
                : modem.atInterface() == ifNumber ? SerialPortInfo.Role.AT : SerialPortInfo.Role.OTHER;
        boolean accessible = Files.isReadable(device) && Files.isWritable(device);
        return new SerialPortInfo(path, byIdLinks(real), vid, pid, ifNumber, modem, role, holder(name, real),
                accessible);
    }

    private List<String> byIdLinks(Path real) {
        List<String> links = new ArrayList<>();
        Path byId = root.resolve("dev/serial/by-id");
        if (!Files.isDirectory(byId)) {
            return links;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(byId)) {
            for (Path link : entries) {
                if (realPath(link).equals(real)) {
                    links.add("/dev/serial/by-id/" + link.getFileName());
                }
            }
        } catch (IOException e) {
            return links;
        }
        links.sort(null);
        return links;
    }

    private String holder(String name, Path real) {
        for (String lockDir : List.of("run/lock", "var/lock")) {
            Path lock = root.resolve(lockDir).resolve("LCK.." + name);
            if (Files.exists(lock)) {
                String owner = read(lock);
                return "lock file /" + lockDir + "/LCK.." + name + (owner == null ? "" : " (pid " + owner + ")");
            }
        }
        for (Path process : processes()) {
            Path fds = process.resolve("fd");
            if (!Files.isReadable(fds)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
                for (Path fd : entries) {
                    if (realPath(fd).equals(real)) {
                        return Optional.ofNullable(read(process.resolve("comm"))).orElse("a process") + " (pid "
                                + process.getFileName() + ")";
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The process ended or is another user's: nothing to learn.
            }
        }
        return null;
    }

    private List<Path> processes() {
        List<Path> pids = new ArrayList<>();
        Path proc = root.resolve("proc");
        if (!Files.isDirectory(proc)) {
            return pids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            entries.forEach(pids::add);
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    private Path inRoot(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return root.resolve(relative);
    }

    private static Path ancestorWith(Path start, String file) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(file))) {
                return dir;
            }
        }
        return null;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static int parseHex(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
