/**
 * The AT command engine: framing ({@link dev.callstack.modem.internal.at.AtLineFramer}), commands and what their
 * answers look like ({@link dev.callstack.modem.internal.at.AtCommand}), the executor
 * ({@link dev.callstack.modem.internal.at.AtCommandExecutor}, also the
 * {@link dev.callstack.modem.internal.at.AtChannel} services use; with {@code LinkSession} per attached link,
 * {@code InputBudget} for unframed input and {@code ResponseMatcher} for whose line it is), final results and the
 * one redaction rule for AT traffic in logs ({@link dev.callstack.modem.internal.at.AtLogRedactor}).
 *
 * <p>Threading: everything stateful here is confined to the modem's single engine thread; channel futures complete
 * on it, so dependent stages must not block.
 */
package dev.callstack.modem.internal.at;
