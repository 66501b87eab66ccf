package dev.callstack.core;

/** The order in which queued messages leave: every {@link #HIGH} message due before any {@link #NORMAL} one. */
public enum OutboxPriority {
    /** Bulk and ordinary messages. */
    NORMAL,
    /** One-time codes and alarms: jump the queue (but not the send rate). */
    HIGH
}
