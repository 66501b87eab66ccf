package dev.callstack.modem.internal.audio;

import dev.callstack.core.event.DtmfReceived;
import dev.callstack.core.event.EventBus;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One stream of DTMF digits from two sources: the modem's detection URCs ({@code +DTMF}, {@code +RXDTMF},
 * {@code +QTONEDET}, ...) and the in-band detector on the received audio. A modem that detects tones itself reports
 * each press twice, once per source; the second report of the same digit from the other source within
 * {@value #WINDOW_MILLIS} ms is a duplicate and dropped. Two presses from the same source are never merged (a caller
 * may press 1 twice). Each digit that survives is handed to the listener and then published once as
 * {@link DtmfReceived} (whatever its source). For the in-band source the time compared is the tone's estimated start, since the
 * detector needs a few windows to accept it.
 *
 * <p>Thread-safe: URCs arrive on the engine thread, in-band digits on the audio reader thread.
 */
public final class DtmfMerger {
    /** How close two reports of one digit from different sources must be to count as one press. */
    public static final long WINDOW_MILLIS = 100;
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);

    private enum Source { URC, IN_BAND }

    private final EventBus events;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Consumer<Character> listener;
    private Report lastUrc;
    private Report lastInBand;

    /**
     * Creates the merger.
     *
     * @param events   where {@link DtmfReceived} is published
     * @param clock    the event timestamps' clock
     * @param nanoTime a monotonic clock (the same one the in-band times are on)
     * @param listener receives each accepted digit just before it is published, under the merger's monitor; must
     *                 not block and must not call back into the merger
     */
    public DtmfMerger(EventBus events, Clock clock, LongSupplier nanoTime, Consumer<Character> listener) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * A digit the modem reported in a URC, now.
     *
     * @param digit 0-9 * # A-D
     */
    public void onUrcDigit(char digit) {
        accept(digit, Source.URC, nanoTime.getAsLong());
    }

    /**
     * A digit the in-band detector found.
     *
     * @param digit          0-9 * # A-D
     * @param toneStartNanos when the tone began, on the {@code nanoTime} clock
     */
    public void onInBandDigit(char digit, long toneStartNanos) {
        accept(digit, Source.IN_BAND, toneStartNanos);
    }

    /** Forgets the last reports: a new call starts with none. */
    public synchronized void reset() {
        lastUrc = null;
        lastInBand = null;
    }

    private void accept(char digit, Source source, long at) {
        if (!DtmfReceived.isDtmf(digit)) {
            return;
        }
        synchronized (this) {
            Report other = source == Source.URC ? lastInBand : lastUrc;
            if (other != null && !other.paired && other.digit == digit && Math.abs(at - other.at) <= WINDOW_NANOS) {
                other.paired = true;
                return;
            }
            Report mine = new Report(digit, at);
            if (source == Source.URC) {
                lastUrc = mine;
            } else {
                lastInBand = mine;
            }
            // Handed over and published under the lock so the two sources cannot reorder a digit and its duplicate
            // check; the session gets it first, so whoever sees the event can count on the session having it.
            listener.accept(digit);
            events.publish(new DtmfReceived(clock.instant(), digit));
        }
    }

    /** Guarded by the merger's monitor. */
    private static final class Report {
        final char digit;
        final long at;
        boolean paired;

        Report(char digit, long at) {
            this.digit = digit;
            this.at = at;
        }
    }
}
