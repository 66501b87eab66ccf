package dev.callstack.modem.internal;

import dev.callstack.modem.internal.link.Link;
import java.io.IOException;

/** Opens a new link to the modem; called on every (re)connect, on the lifecycle worker thread. */
@FunctionalInterface
public interface LinkOpener {
    Link open() throws IOException;
}
