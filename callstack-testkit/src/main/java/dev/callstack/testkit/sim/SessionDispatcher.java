package dev.callstack.testkit.sim;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Handles what a link received: echoes it, records commands, asks the {@link CommandInterpreter} and writes the
 * reply on that link, now or (delays, asynchronous follow-ups such as the {@code +CUSD} reply) on its own scheduler
 * thread, which {@link #close()} stops. A delayed reply whose link has gone meanwhile is dropped, as on a real
 * unplugged modem.
 *
 * <p>Thread-safe.
 */
final class SessionDispatcher implements LinkSession.Handler, AutoCloseable {
    private final CommandInterpreter interpreter;
    private final SimState state;
    private final CommandLog commands;
    private final ScheduledExecutorService scheduler;
    private final Pauses pauses;

    SessionDispatcher(CommandInterpreter interpreter, SimState state, CommandLog commands, Pauses pauses) {
        this.pauses = Objects.requireNonNull(pauses, "pauses");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
        this.state = Objects.requireNonNull(state, "state");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, Links.THREAD_PREFIX + "scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void command(LinkSession session, String line) {
        if (state.echo()) {
            session.writer().raw((line + "\r").getBytes(StandardCharsets.ISO_8859_1));
        }
        commands.record(line);
        SimReply reply = interpreter.command(line);
        if (reply.prompts() && !reply.dropped()) {
            session.expectPayload(reply.promptLength());
        }
        AnswerPause pause = pauses.take(line);
        if (pause != null && !reply.dropped() && reply.delay().isZero() && !reply.prompts()) {
            deliverPaused(session, reply, pause);
            return;
        }
        deliver(session, reply);
    }

    /** The first lines, then (on this reader thread, so nothing else is read meanwhile) the pause, then the rest. */
    private void deliverPaused(LinkSession session, SimReply reply, AnswerPause pause) {
        int split = Math.min(pause.linesBefore(), reply.lines().size());
        session.writer().lines(reply.lines().subList(0, split));
        pause.hold();
        emit(session, new SimReply(reply.lines().subList(split, reply.lines().size()), -1, reply.followUps(),
                reply.delay(), false));
    }

    @Override
    public void payload(LinkSession session, String payload, int declaredLength) {
        if (state.echo()) {
            session.writer().raw(payload.getBytes(StandardCharsets.ISO_8859_1));
        }
        deliver(session, interpreter.payload(payload, declaredLength));
    }

    @Override
    public void payloadCancelled(LinkSession session) {
        deliver(session, interpreter.payloadCancelled());
    }

    private void deliver(LinkSession session, SimReply reply) {
        if (reply.dropped()) {
            return;
        }
        if (reply.delay().isZero()) {
            emit(session, reply);
        } else {
            schedule(() -> emit(session, reply), reply.delay().toNanos());
        }
    }

    private void emit(LinkSession session, SimReply reply) {
        if (!session.isOpen()) {
            return;
        }
        session.writer().lines(reply.lines());
        if (reply.prompts()) {
            session.writer().raw("\r\n> ".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!reply.followUps().isEmpty()) {
            schedule(() -> {
                if (session.isOpen()) {
                    session.writer().lines(reply.followUps());
                }
            }, 0);
        }
    }

    /** Stops the scheduler: delayed replies not yet written are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(Runnable task, long delayNanos) {
        try {
            var unused = scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS); // the task reports itself
        } catch (RejectedExecutionException e) {
            // The simulator is closing: nobody is left to hear the answer.
        }
    }
}
