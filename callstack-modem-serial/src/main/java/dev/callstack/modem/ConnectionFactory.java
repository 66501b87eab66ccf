package dev.callstack.modem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Opens a byte connection to a modem other than a serial port or {@code tcp://} address (an in-memory pipe, the
 * simulator). Called on every (re)connect from the modem's worker thread.
 */
@FunctionalInterface
public interface ConnectionFactory {

    /**
     * Opens a fresh connection; the previous one (if any) has been closed.
     *
     * @return the open connection
     * @throws IOException if the peer cannot be reached now; the modem retries with backoff
     */
    Connection open() throws IOException;

    /**
     * One open connection. Closing {@code closer} must make a blocked {@code input.read()} return (-1 or an
     * exception) and a blocked {@code output.write(..)} fail, promptly: that is how close and disconnect reach a
     * link whose peer stopped talking or reading. {@code input.read()} returning -1 means the modem went away.
     *
     * @param input       bytes from the modem
     * @param output      bytes to the modem
     * @param closer      closes both streams and anything behind them
     * @param description for logs; never anything secret
     */
    record Connection(InputStream input, OutputStream output, AutoCloseable closer, String description) {
        /**
         * Validates that every component is non-null.
         *
         * @param input       bytes from the modem
         * @param output      bytes to the modem
         * @param closer      closes both streams and anything behind them
         * @param description for logs; never anything secret
         */
        public Connection {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(closer, "closer");
            Objects.requireNonNull(description, "description");
        }
    }
}
