package dev.callstack.server;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(NoPiiInLogs.class)}: captures the logs from before the class's first test and, after its last,
 * asserts that nothing personal reached them. Stateless; the capture itself is {@link LogCapture}.
 */
public final class NoPiiInLogs implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LogCapture.install();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LogCapture.assertNoPii();
    }
}
