package dev.callstack.modem.internal.at;

import dev.callstack.modem.internal.link.Link;
import dev.callstack.modem.internal.link.LinkListener;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attached link: its framer and the bridge from its reader thread onto the engine. Bytes are charged to the
 * {@link InputBudget} before they are handed over; a modem that sends more than the engine frames loses its link
 * ("input flood"), like any link error. Lines and prompts reach the {@link Owner} only while this session
 * is the current one.
 *
 * <p>Thread-safe: {@link #onBytes} and {@link #onClosed} run on the link's reader thread and only hand work to the
 * engine; the framer and the {@link AtLineFramer.Sink} callbacks are confined to the engine thread.
 */
final class LinkSession implements LinkListener, AtLineFramer.Sink {
    private static final Logger log = LoggerFactory.getLogger(LinkSession.class);

    /** The executor's side of a session. */
    interface Owner {
        /** Runs {@code task} on the engine thread; drops it when the engine is gone. Any thread. */
        void runOnEngine(Runnable task);

        /** On the engine thread: whether {@code session} is still the executor's current session. */
        boolean isCurrent(LinkSession session);

        /** Forgets the attached link of {@code sessionId} and closes it. Any thread. */
        void closeAttached(long sessionId);

        /** On the engine thread, for the current session: a framed line. */
        void onLine(String line);

        /** On the engine thread, for the current session: the {@code "> "} prompt. */
        void onPrompt();

        /** On the engine thread, for the current session: the link is gone. */
        void onLinkLost(long sessionId, String reason);
    }

    final long id;
    final Link link;
    private final AtLineFramer framer = new AtLineFramer();
    private final InputBudget budget;
    private final Owner owner;
    private volatile boolean flooded;

    LinkSession(long id, Link link, InputBudget budget, Owner owner) {
        this.id = id;
        this.link = Objects.requireNonNull(link, "link");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** Whether this session's link was dropped for flooding (then that, not a write error, is the cause to report). */
    boolean flooded() {
        return flooded;
    }

    @Override
    public void onBytes(byte[] buffer, int length) {
        if (flooded) {
            return;
        }
        if (!budget.reserve(length)) {
            // Dropping bytes silently would corrupt answers; a modem this noisy is broken: reconnect it.
            flooded = true;
            log.warn("Modem link {} dropped for input flood: over {} bytes not yet framed", id, budget.maxBytes());
            owner.closeAttached(id);
            link.close();
            owner.runOnEngine(() -> {
                if (owner.isCurrent(this)) {
                    owner.onLinkLost(id, AtCommandExecutor.FLOODING);
                }
            });
            return;
        }
        byte[] copy = Arrays.copyOf(buffer, length);
        owner.runOnEngine(() -> {
            budget.release(copy.length);
            if (owner.isCurrent(this)) {
                framer.feed(copy, 0, copy.length, this);
            }
        });
    }

    @Override
    public void onClosed(String reason) {
        owner.runOnEngine(() -> {
            if (owner.isCurrent(this)) {
                owner.onLinkLost(id, reason);
            }
        });
    }

    @Override
    public void onLine(String line) {
        if (owner.isCurrent(this)) {
            owner.onLine(line);
        }
    }

    @Override
    public void onPrompt() {
        if (owner.isCurrent(this)) {
            owner.onPrompt();
        }
    }

    @Override
    public void onOverflow(int length) {
        log.debug("Dropped an overlong line from the modem ({} chars)", length);
    }
}
