package dev.callstack.server.internal;

import dev.callstack.modem.SerialModemConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --sim-pin-file}: the SIM PIN read from a file (surrounding whitespace and the trailing newline trimmed), so
 * it appears neither in {@code ps} nor in the environment of the process. Errors name the file, never its content.
 *
 * <p>Stateless.
 */
public final class SimPinFile {
    /** A PIN is at most 8 digits; anything much longer is not a PIN file. */
    private static final long MAX_BYTES = 64;

    private SimPinFile() {
    }

    /**
     * The PIN {@code file} holds.
     *
     * @throws IllegalArgumentException when the file cannot be read or does not hold 4 to 8 digits; the message
     *                                  names the file only
     */
    public static String read(Path file) {
        String content;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file);
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--sim-pin-file " + file + " is not readable ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        String pin = content.strip();
        if (!SerialModemConfig.isValidSimPin(pin)) {
            throw invalid(file);
        }
        return pin;
    }

    private static IllegalArgumentException invalid(Path file) {
        return new IllegalArgumentException("--sim-pin-file " + file + " does not hold a SIM PIN of 4 to 8 digits");
    }
}
