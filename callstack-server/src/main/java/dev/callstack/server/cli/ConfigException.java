package dev.callstack.server.cli;

/** A configuration file that cannot be used; the message names the file and, where known, the line. */
final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }

    ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
