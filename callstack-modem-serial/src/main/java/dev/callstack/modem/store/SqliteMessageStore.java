package dev.callstack.modem.store;

import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import dev.callstack.core.store.DeliveryReportRecord;
import dev.callstack.core.store.InboundMessage;
import dev.callstack.core.store.MessageStore;
import dev.callstack.core.store.MessageStoreException;
import dev.callstack.core.store.OutboundMessage;
import dev.callstack.core.store.PartGroupKey;
import dev.callstack.core.store.PendingGroup;
import dev.callstack.core.store.PendingPart;
import dev.callstack.core.store.SentMessage;
import dev.callstack.core.store.SentPart;
import dev.callstack.core.store.UndecodablePdu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link MessageStore} on SQLite (sqlite-jdbc): one connection, WAL journal with {@code synchronous=FULL} so a
 * committed write survives a crash or power loss, schema brought up to date by {@link SchemaMigrations} on open.
 * Times are stored as epoch milliseconds.
 *
 * <p>The entry point only: the connection and its transactions are {@link StoreConnection}'s job, received messages
 * and multipart parts {@link InboundRecords}', sent messages and delivery reports {@link OutboundRecords}'.
 *
 * <p>Thread-safe: every call holds one lock for its whole transaction.
 */
public final class SqliteMessageStore implements MessageStore {
    private final StoreConnection db;
    private final InboundRecords inbound;
    private final OutboundRecords outbound;
    private final ContentEraser eraser;
    private final UndecodableRecords undecodable;
    private final OutboxStore outbox;

    private SqliteMessageStore(StoreConnection db) {
        this.db = Objects.requireNonNull(db, "db");
        this.inbound = new InboundRecords(db);
        this.outbound = new OutboundRecords(db);
        this.eraser = new ContentEraser(db);
        this.undecodable = new UndecodableRecords(db);
        this.outbox = new OutboxStore(db);
    }

    /**
     * Opens (creating if needed) the database file and migrates it to the current schema. A new file, and the
     * {@code -wal}/{@code -shm} files SQLite keeps next to it, are readable by their owner only ({@code 0600})
     * whatever the umask; an existing one that group or others may read is logged as a warning. File systems
     * without POSIX permissions are left alone.
     *
     * @param file the SQLite database file
     * @return the open store; close it to release the file
     * @throws MessageStoreException if the directory or database cannot be created, opened or migrated
     */
    public static SqliteMessageStore open(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new MessageStoreException("cannot create the message store directory", e);
        }
        StoreFilePermissions.prepare(absolute);
        return new SqliteMessageStore(StoreConnection.connect("jdbc:sqlite:" + absolute, true));
    }

    /**
     * A private in-memory database, gone on {@link #close()}: for tests and for running without a file.
     *
     * @return the open store
     */
    public static SqliteMessageStore inMemory() {
        return new SqliteMessageStore(StoreConnection.connect("jdbc:sqlite::memory:", false));
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    @Override
    public OptionalLong storeReceived(String fingerprint, InboundMessage message) {
        return inbound.storeReceived(fingerprint, message);
    }

    @Override
    public List<StoredSms> received(int limit, OptionalLong beforeId) {
        return inbound.received(limit, beforeId);
    }

    @Override
    public boolean seen(String fingerprint) {
        return inbound.seen(fingerprint);
    }

    @Override
    public boolean markSeen(String fingerprint, Instant at) {
        return inbound.markSeen(fingerprint, at);
    }

    @Override
    public int pruneFingerprints(Instant before) {
        return inbound.pruneFingerprints(before);
    }

    @Override
    public boolean storeUndecodable(String fingerprint, UndecodablePdu pdu) {
        return undecodable.store(fingerprint, pdu);
    }

    @Override
    public List<UndecodablePdu> undecodable(int limit) {
        return undecodable.newest(limit);
    }

    // ---- multipart ----------------------------------------------------------------------------------------

    @Override
    public Optional<List<PendingPart>> addPart(String fingerprint, PendingPart part) {
        return inbound.addPart(fingerprint, part);
    }

    @Override
    public List<PendingPart> parts(PartGroupKey group) {
        return inbound.parts(group);
    }

    @Override
    public OptionalLong completeGroup(PartGroupKey group, InboundMessage message) {
        return inbound.completeGroup(group, message);
    }

    @Override
    public List<PendingGroup> pendingGroups(Instant firstPartBefore, int limit) {
        return inbound.pendingGroups(firstPartBefore, limit);
    }

    @Override
    public List<PendingGroup> fullGroups(int limit) {
        return inbound.fullGroups(limit);
    }

    @Override
    public int openGroupCount() {
        return inbound.openGroupCount();
    }

    // ---- sent ---------------------------------------------------------------------------------------------

    @Override
    public long insertSent(OutboundMessage message) {
        return outbound.insertSent(message);
    }

    @Override
    public void recordSentPart(long messageId, int part, int reference, Instant sentAt) {
        outbound.recordSentPart(messageId, part, reference, sentAt);
    }

    @Override
    public Optional<SentPart> findSentPart(int reference, String recipient) {
        return outbound.findSentPart(reference, recipient);
    }

    @Override
    public Optional<SentMessage> sent(long messageId) {
        return outbound.sent(messageId);
    }

    // ---- delivery reports ---------------------------------------------------------------------------------

    @Override
    public OptionalLong storeDeliveryReport(String fingerprint, DeliveryReportRecord report) {
        return outbound.storeDeliveryReport(fingerprint, report);
    }

    @Override
    public List<StoredDeliveryReport> deliveryReports(int limit) {
        return outbound.deliveryReports(limit);
    }

    // ---- outbox -------------------------------------------------------------------------------------------

    /**
     * The outbox's state on this store's connection and file (the outbox message id is the sent message id).
     *
     * @return the outbox table; the same instance on every call
     */
    public OutboxStore outbox() {
        return outbox;
    }

    // ---- retention ----------------------------------------------------------------------------------------

    /**
     * Erases the personal content of everything stored before {@code cutoff}, for data retention: the bodies and
     * senders of received messages, the bodies and recipients of sent messages and the recipients of delivery
     * reports and the hex of undecodable PDUs become empty strings, while the rows themselves, their ids, times, part
     * counts and delivery states stay (listings, counts and per-day quotas keep working). Parts of incomplete multipart messages received
     * before {@code cutoff} are deleted. One transaction; idempotent.
     *
     * @param cutoff content stored strictly before this instant is erased
     * @return how many rows were erased or deleted by this call (rows erased earlier are not counted again)
     */
    public int eraseContentBefore(Instant cutoff) {
        return eraser.eraseBefore(cutoff);
    }

    @Override
    public void close() {
        db.close();
    }
}
