package dev.callstack.server.internal;

import dev.callstack.core.CallstackException;
import dev.callstack.core.InvalidRequestException;
import dev.callstack.core.Outbox;
import dev.callstack.core.OutboxEntry;
import dev.callstack.core.OutboxPart;
import dev.callstack.core.OutboxReceipt;
import dev.callstack.core.OutboxRequest;
import dev.callstack.core.OutboxStatus;
import dev.callstack.core.OutgoingSms;
import dev.callstack.core.PhoneNumber;
import dev.callstack.modem.pdu.SmsSubmitEncoder;
import dev.callstack.modem.pdu.SubmitRequest;
import dev.callstack.realtime.View;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /sms/send} over the modem's {@link Outbox}: validates, checks the key's recipient prefixes, reserves the
 * key's {@code sms_per_day} parts, commits the message on the commit executor and answers 202
 * {@code {"message_id","status"}} before anything is sent. With {@code ?wait=<1–60>} it answers 200 with the entry
 * once the message is final, or 202 when the wait ends first. An {@code Idempotency-Key} is scoped to the caller: a
 * replay answers as the first request did, with {@code Idempotent-Replayed: true}; a different request under the same
 * key is 422. A reservation is given back when the message ends failed, expired or cancelled without any part sent
 * (while the server runs: after a restart it stays counted, which errs on the safe side).
 *
 * <p>The commit executor has many threads on purpose: the outbox commits concurrent enqueues together (group commit,
 * one fsync for all of them), so the rate grows with the number of requests waiting in the same commit; a thread there
 * mostly waits for the disk, it does not use a core.
 *
 * <p>Thread-safe.
 */
final class OutboxSendRoute implements Route {
    static final int MAX_WAIT_SECONDS = 60;
    static final String INVALID_WAIT = "invalid 'wait': 1 to 60 seconds";
    private static final Set<OutboxStatus> NOTHING_SENT =
            EnumSet.of(OutboxStatus.FAILED, OutboxStatus.EXPIRED, OutboxStatus.CANCELLED);

    /** What the commit step did: a receipt to answer from, or a refusal to answer with. */
    private record Commit(OutboxReceipt receipt, HttpReply refusal) {
    }

    private final Outbox outbox;
    private final SmsQuotaLedger quota;
    private final Executor commits;
    private final Executor blocking;
    private final Clock clock;

    OutboxSendRoute(Outbox outbox, SmsQuotaLedger quota, Executor commits, Executor blocking, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.commits = Objects.requireNonNull(commits, "commits");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<HttpReply> handle(RouteRequest request) {
        OutboxSendFields fields = OutboxSendFields.parse(Json.object(request.http().content()), clock.instant());
        int wait = QueryParams.intInRange(request.query("wait"), 0, 1, MAX_WAIT_SECONDS, INVALID_WAIT);
        Caller caller = request.caller();
        String key = IdempotencyKeyHeader.scoped(request.http().headers(), caller);
        if (!caller.mayReach(fields.to())) {
            throw new HttpError(403, ErrorBody.RECIPIENT_NOT_ALLOWED);
        }
        OutboxRequest message;
        int parts;
        try {
            OutgoingSms sms = OutgoingSms.of(PhoneNumber.of(fields.to()), fields.body());
            parts = caller.smsPerDay() > 0 ? SmsSubmitEncoder.encode(SubmitRequest.of(sms, 0)).size() : 0;
            message = new OutboxRequest(sms, fields.sendAt(), fields.ttl(), fields.priority(), fields.retryUnknown(),
                    key);
        } catch (InvalidRequestException invalid) {
            throw HttpError.badRequest(SmsSendRoute.ERRORS.invalid());
        }
        View view = caller.view();
        try {
            return CompletableFuture.supplyAsync(() -> commit(caller, message, parts), commits)
                    .thenCompose(commit -> commit.refusal() != null
                            ? CompletableFuture.completedFuture(commit.refusal())
                            : answer(commit.receipt(), wait, view));
        } catch (RejectedExecutionException busy) {
            throw new HttpError(503, ErrorBody.BUSY);
        }
    }

    /** On the commit executor: reserve, commit, and watch the reservation. */
    private Commit commit(Caller caller, OutboxRequest message, int parts) {
        long reservation = 0;
        if (caller.smsPerDay() > 0) {
            // A retry of a committed message is answered as the first time, although that message may have spent
            // the last of the quota: it commits nothing new.
            try {
                Optional<OutboxReceipt> replay = outbox.replay(message);
                if (replay.isPresent()) {
                    return new Commit(replay.get(), null);
                }
            } catch (CallstackException refused) {
                return new Commit(null, SmsSendRoute.ERRORS.replyOrRethrow(refused));
            }
            SmsQuotaLedger.Reservation reserved = quota.reserve(caller.quotaId(), caller.smsPerDay(), parts);
            if (!reserved.granted()) {
                return new Commit(null, ErrorBody.smsQuotaExceeded(reserved.retryAfterSeconds()));
            }
            reservation = reserved.rowId();
        }
        OutboxReceipt receipt;
        try {
            receipt = outbox.enqueue(message);
        } catch (CallstackException refused) {
            release(reservation);
            return new Commit(null, SmsSendRoute.ERRORS.replyOrRethrow(refused));
        } catch (RuntimeException bug) {
            release(reservation);
            throw bug;
        }
        if (receipt.replayed()) {
            release(reservation); // nothing new was committed
        } else if (reservation > 0) {
            long row = reservation;
            CompletableFuture<OutboxEntry> done = outbox.awaitFinal(receipt.entry().messageId());
            if (done.isDone() && !done.isCompletedExceptionally()) {
                // Already final (a refusal at once): give the parts back before answering, not some time after.
                if (nothingSent(done.join())) {
                    quota.release(row);
                }
            } else {
                var unused = done.thenAcceptAsync(entry -> {
                    if (nothingSent(entry)) {
                        quota.release(row);
                    }
                }, blocking);
            }
        }
        return new Commit(receipt, null);
    }

    private void release(long reservation) {
        if (reservation > 0) {
            quota.release(reservation);
        }
    }

    static boolean nothingSent(OutboxEntry entry) {
        return NOTHING_SENT.contains(entry.status()) && entry.parts().stream().noneMatch(OutboxPart::left);
    }

    private CompletableFuture<HttpReply> answer(OutboxReceipt receipt, int wait, View view) {
        OutboxEntry entry = receipt.entry();
        if (wait == 0) {
            return CompletableFuture.completedFuture(accepted(entry, receipt.replayed()));
        }
        long id = entry.messageId();
        // A copy first: completeOnTimeout must not complete a future the outbox may share with other waiters, and a
        // failed wait (e.g. the store went away) only means "not final yet".
        return outbox.awaitFinal(id)
                .exceptionally(failure -> null)
                .completeOnTimeout(null, wait, TimeUnit.SECONDS)
                .thenCompose(done -> done != null
                        ? CompletableFuture.completedFuture(replayed(HttpReply.json(200, OutboxJson.entry(done, view)),
                                receipt.replayed()).auditing(id))
                        : current(entry, receipt.replayed()));
    }

    /** 202 with the message's status now (read on the blocking executor), or as committed if that cannot be read. */
    private CompletableFuture<HttpReply> current(OutboxEntry committed, boolean replayed) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                OutboxEntry now;
                try {
                    now = outbox.find(committed.messageId()).orElse(committed);
                } catch (RuntimeException unreadable) {
                    now = committed;
                }
                return accepted(now, replayed);
            }, blocking);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(accepted(committed, replayed));
        }
    }

    private static HttpReply accepted(OutboxEntry entry, boolean replayed) {
        return replayed(HttpReply.json(202, OutboxJson.accepted(entry)), replayed).auditing(entry.messageId());
    }

    private static HttpReply replayed(HttpReply reply, boolean replayed) {
        return replayed ? reply.withHeader(IdempotencyKeyHeader.REPLAYED, "true") : reply;
    }
}
