/**
 * {@link dev.callstack.modem.store.SqliteMessageStore}: the durable {@code MessageStore} on SQLite that
 * {@code SerialModem.Builder.messageStore(store)} runs the SMS service on. Its schema migrations are package-private.
 */
package dev.callstack.modem.store;
