package dev.callstack.server.cli;

/** The exit statuses every subcommand uses; {@code --help} lists them. Stateless. */
final class ExitCodes {
    static final int OK = 0;
    /** The thing checked is not fine: the modem is unusable, the server not ready, the message failed. */
    static final int NOT_OK = 1;
    /** Wrong usage or configuration. */
    static final int USAGE = 2;
    /** The server could not be reached. */
    static final int UNREACHABLE = 3;

    private ExitCodes() {
    }
}
