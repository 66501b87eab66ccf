package dev.callstack.modem.store;

import java.util.List;
import java.util.Objects;

/**
 * One schema step. Steps are append-only: a released step is never edited, a change is a new step.
 *
 * @param version     1, 2, 3, … in order
 * @param description what it changes, for the log
 * @param statements  the DDL/DML it runs, in one transaction with the version bump
 */
record Migration(int version, String description, List<String> statements) {
    Migration {
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }
}
