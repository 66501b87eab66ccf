package dev.callstack.core.store;

import dev.callstack.core.SmsApi;
import dev.callstack.core.StoredDeliveryReport;
import dev.callstack.core.StoredSms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Durable SMS state: inbound messages, dedupe fingerprints, pending multipart parts, sent messages with their
 * per-part references and status, and delivery reports. Every method is one atomic transaction; a method that
 * returns has made its write durable.
 *
 * <p>Thread-safe.
 */
public interface MessageStore extends AutoCloseable {
    /** The largest page a listing returns: the API's own limit, defined once in {@link SmsApi#MAX_PAGE}. */
    int MAX_PAGE = SmsApi.MAX_PAGE;

    // ---- inbound messages and dedupe ----------------------------------------------------------------------

    /**
     * Stores a complete inbound message unless {@code fingerprint} was recorded before; the fingerprint check,
     * its recording and the insert are one transaction.
     *
     * @param fingerprint the PDU's {@link MessageFingerprint}
     * @param message the message to insert
     * @return the new message id, or empty when the fingerprint was already seen (nothing was written)
     */
    OptionalLong storeReceived(String fingerprint, InboundMessage message);

    /**
     * Inbound messages newest first.
     *
     * @param limit the page size, 1–{@value #MAX_PAGE}
     * @param beforeId only ids below this one (the previous page's last id), or empty for the newest page
     * @return at most {@code limit} messages, newest first
     */
    List<StoredSms> received(int limit, OptionalLong beforeId);

    /**
     * Whether {@code fingerprint} was recorded (by any store method or {@link #markSeen}).
     *
     * @param fingerprint a {@link MessageFingerprint}
     * @return true when it was recorded and not yet pruned
     */
    boolean seen(String fingerprint);

    /**
     * Records a fingerprint on its own, e.g. for a PDU that will never decode, so a later sweep skips it.
     *
     * @param fingerprint a {@link MessageFingerprint}
     * @param at when it was seen; {@link #pruneFingerprints} compares against this
     * @return true when it was new
     */
    boolean markSeen(String fingerprint, Instant at);

    /**
     * Keeps a PDU that does not decode, with its fingerprint, in one transaction, so the modem's slot can be freed
     * and a later sweep recognises it. The default only records the fingerprint, for stores that keep no raw PDUs.
     *
     * @param fingerprint the PDU's {@link MessageFingerprint}
     * @param pdu         the raw PDU, where it came from and why it did not decode
     * @return true when it was new (the fingerprint had not been recorded)
     */
    default boolean storeUndecodable(String fingerprint, UndecodablePdu pdu) {
        return markSeen(fingerprint, pdu.seenAt());
    }

    /**
     * The kept undecodable PDUs, newest first. The default returns none, for stores that keep no raw PDUs.
     *
     * @param limit the page size, 1–{@value #MAX_PAGE}
     * @return at most {@code limit} PDUs, newest first
     */
    default List<UndecodablePdu> undecodable(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE);
        }
        return List.of();
    }

    /**
     * Forgets fingerprints recorded before {@code before}.
     *
     * @param before the cut-off instant
     * @return how many fingerprints were removed
     */
    int pruneFingerprints(Instant before);

    // ---- multipart reassembly -----------------------------------------------------------------------------

    /**
     * Adds one part of a concatenated message unless {@code fingerprint} was seen before; the fingerprint is
     * recorded in the same transaction. A second part with the same sequence number keeps the first one.
     *
     * @param fingerprint the part's PDU {@link MessageFingerprint}
     * @param part the part to add
     * @return the group's parts ordered by sequence after the insert, or empty when the fingerprint was already
     *         seen (nothing was written)
     */
    Optional<List<PendingPart>> addPart(String fingerprint, PendingPart part);

    /**
     * The stored parts of a group.
     *
     * @param group the group's key
     * @return its parts ordered by sequence; empty when there is no such group
     */
    List<PendingPart> parts(PartGroupKey group);

    /**
     * Turns a group into an inbound message: inserts {@code message} and deletes the group's parts in one
     * transaction.
     *
     * @param group the group to complete
     * @param message the reassembled (or partial) message
     * @return the new message id, or empty when the group had no parts any more (completed elsewhere)
     */
    OptionalLong completeGroup(PartGroupKey group, InboundMessage message);

    /**
     * Open groups whose first part was stored before {@code firstPartBefore} (the reassembly timeout's candidates).
     *
     * @param firstPartBefore the cut-off for the first part's arrival
     * @param limit the most groups to return; at least 1
     * @return the matching groups, oldest first
     */
    List<PendingGroup> pendingGroups(Instant firstPartBefore, int limit);

    /**
     * Open groups that hold every part ({@code partsReceived >= total}) whatever their age, oldest first, at most
     * {@code limit}. Normally there are none: {@link #addPart} of the last part is followed by {@link #completeGroup};
     * a crash between the two leaves such a group behind, and no later PDU completes it (its last part's fingerprint
     * is known).
     *
     * <p>The default scans {@link #pendingGroups}; stores should answer it with one query.
     *
     * @param limit the most groups to return; at least 1
     * @return the complete groups, oldest first
     */
    default List<PendingGroup> fullGroups(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return pendingGroups(Instant.parse("9999-12-31T23:59:59Z"), Integer.MAX_VALUE).stream()
                .filter(g -> g.partsReceived() >= g.key().total())
                .limit(limit)
                .toList();
    }

    /**
     * Number of open multipart groups.
     *
     * @return how many groups still wait for parts or completion
     */
    int openGroupCount();

    // ---- sent messages ------------------------------------------------------------------------------------

    /**
     * Stores an outgoing message before or while its parts go out.
     *
     * @param message the message to insert
     * @return its new id
     */
    long insertSent(OutboundMessage message);

    /**
     * Records that part {@code part} of a sent message got TP-MR {@code reference}; its status starts as PENDING.
     *
     * @param messageId the id {@link #insertSent} returned
     * @param part the part number, 1-based
     * @param reference the TP-MR the modem assigned, 0–255
     * @param sentAt when the modem accepted the part
     */
    void recordSentPart(long messageId, int part, int reference, Instant sentAt);

    /**
     * The most recently sent part with this TP-MR whose recipient is the same number as {@code recipient}
     * (compared by {@link Recipients#sameRecipient}).
     *
     * @param reference the report's TP-MR, 0–255
     * @param recipient the report's TP-RA as received
     * @return the part a delivery report belongs to, or empty when none matches
     */
    Optional<SentPart> findSentPart(int reference, String recipient);

    /**
     * A sent message with its parts.
     *
     * @param messageId the id {@link #insertSent} returned
     * @return the message, or empty when there is no such id
     */
    Optional<SentMessage> sent(long messageId);

    // ---- delivery reports ---------------------------------------------------------------------------------

    /**
     * Stores a delivery report unless {@code fingerprint} (may be {@code null}: no dedupe) was seen; when the
     * report is correlated ({@code report.messageId()} and {@code report.part()} set) the part's status is
     * updated in the same transaction, except that a PENDING report never replaces a final outcome and an
     * UNKNOWN one never changes the part.
     *
     * @param fingerprint the report PDU's {@link MessageFingerprint}, or {@code null} to skip dedupe
     * @param report the report to insert
     * @return the new report id, or empty when the fingerprint was already seen
     */
    OptionalLong storeDeliveryReport(String fingerprint, DeliveryReportRecord report);

    /**
     * Delivery reports newest first.
     *
     * @param limit the page size, 1–{@value #MAX_PAGE}
     * @return at most {@code limit} reports, newest first
     */
    List<StoredDeliveryReport> deliveryReports(int limit);

    /** Closes the underlying database; later calls fail with {@link MessageStoreException}. */
    @Override
    void close();
}
