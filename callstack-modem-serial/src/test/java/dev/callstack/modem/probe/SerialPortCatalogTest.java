package dev.callstack.modem.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog over a fake /sys, /dev, /proc and /run/lock built in a temporary directory. */
class SerialPortCatalogTest {
    @TempDir
    Path root;

    private void usbTty(String tty, String vid, String pid, String ifNumber) throws IOException {
        Path device = root.resolve("sys/devices/usb1/1-1");
        Files.createDirectories(device);
        Files.writeString(device.resolve("idVendor"), vid + "\n");
        Files.writeString(device.resolve("idProduct"), pid + "\n");
        Path iface = device.resolve("1-1:1." + ifNumber);
        Files.createDirectories(iface.resolve(tty));
        Files.writeString(iface.resolve("bInterfaceNumber"), ifNumber + "\n");
        Path classDir = root.resolve("sys/class/tty").resolve(tty);
        Files.createDirectories(classDir);
        Files.createSymbolicLink(classDir.resolve("device"), iface.resolve(tty));
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("dev").resolve(tty), "");
    }

    @Test
    void aQuectelPortShowsItsUsbIdByIdLinkModelAndAtRole() throws IOException {
        usbTty("ttyUSB2", "2c7c", "0125", "02");
        usbTty("ttyUSB1", "2c7c", "0125", "01");
        Path byId = Files.createDirectories(root.resolve("dev/serial/by-id"));
        Files.createSymbolicLink(byId.resolve("usb-Quectel_EC25-if02-port0"), root.resolve("dev/ttyUSB2"));
        SerialPortCatalog catalog = new SerialPortCatalog(() -> List.of("/dev/ttyUSB1", "/dev/ttyUSB2"), root);

        List<SerialPortInfo> ports = catalog.list();

        SerialPortInfo at = ports.get(1);
        assertThat(at.usbId()).isEqualTo("2c7c:0125");
        assertThat(at.byIdLinks()).containsExactly("/dev/serial/by-id/usb-Quectel_EC25-if02-port0");
        assertThat(at.modem().orElseThrow().model()).isEqualTo("EC25");
        assertThat(at.interfaceNumber()).isEqualTo(2);
        assertThat(at.role()).isEqualTo(SerialPortInfo.Role.AT);
        assertThat(at.accessible()).isTrue();
        assertThat(at.inUse()).isNull();
        assertThat(ports.get(0).role()).isEqualTo(SerialPortInfo.Role.OTHER);
    }

    @Test
    void aLockFileAndAProcessHoldingThePortMarkItInUse() throws IOException {
        usbTty("ttyUSB2", "1e0e", "9001", "02");
        usbTty("ttyUSB3", "1e0e", "9001", "03");
        Files.createDirectories(root.resolve("run/lock"));
        Files.writeString(root.resolve("run/lock/LCK..ttyUSB2"), "      4242\n");
        Path process = Files.createDirectories(root.resolve("proc/77/fd"));
        Files.writeString(root.resolve("proc/77/comm"), "ModemManager\n");
        Files.createSymbolicLink(process.resolve("9"), root.resolve("dev/ttyUSB3"));
        SerialPortCatalog catalog = new SerialPortCatalog(() -> List.of("/dev/ttyUSB2", "/dev/ttyUSB3"), root);

        List<SerialPortInfo> ports = catalog.list();

        assertThat(ports.get(0).inUse()).isEqualTo("lock file /run/lock/LCK..ttyUSB2 (pid 4242)");
        assertThat(ports.get(1).inUse()).isEqualTo("ModemManager (pid 77)");
        assertThat(catalog.modemManagerRunning()).isTrue();
        assertThat(ports.get(0).modem().orElseThrow().vendor()).isEqualTo("SIMCom");
    }

    @Test
    void aPortWithoutUsbInformationIsUnknownAndAHuaweiFallsBackToTheVendorRow() throws IOException {
        usbTty("ttyUSB0", "12d1", "1234", "00");
        Files.writeString(root.resolve("dev/ttyS0"), "");
        SerialPortCatalog catalog = new SerialPortCatalog(() -> List.of("/dev/ttyS0", "/dev/ttyUSB0"), root);

        List<SerialPortInfo> ports = catalog.list();

        assertThat(ports.get(0).usbId()).isNull();
        assertThat(ports.get(0).role()).isEqualTo(SerialPortInfo.Role.UNKNOWN);
        assertThat(ports.get(1).modem().orElseThrow().model()).isEqualTo("Huawei modem");
        assertThat(catalog.modemManagerRunning()).isFalse();
    }

    @Test
    void everyTableRowHasASourceAndLowerCaseHexIds() {
        assertThat(KnownModems.all()).allSatisfy(row -> {
            assertThat(row.vendorId()).matches("[0-9a-f]{4}");
            assertThat(row.productId()).matches("[0-9a-f]{4}|\\*");
            assertThat(row.source()).isNotBlank();
        });
        assertThat(KnownModems.lookup("2c7c", "0296").orElseThrow().model()).isEqualTo("BG96");
        assertThat(KnownModems.lookup("12d1", "14dc").orElseThrow().kind()).isEqualTo(KnownModem.Kind.HILINK);
    }
}
