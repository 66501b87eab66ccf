package dev.callstack.modem.internal;

/**
 * Hears the modem's signs that it restarted under a live link: a boot line ({@code RDY}, {@code +CFUN: 1},
 * {@code ^SYSSTART}), the echo of a command although init sent {@code ATE0}, or a setting found lost.
 *
 * <p>Implementations are thread-safe; called on the engine thread or the lifecycle worker, so they must not block.
 */
interface RestartSignal {
    /**
     * The modem may have restarted.
     *
     * @param why a label for the log (never modem content)
     */
    void onRestartSignal(String why);
}
