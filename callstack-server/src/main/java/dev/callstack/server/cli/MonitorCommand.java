package dev.callstack.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code callstack monitor}: the live {@code /ws} feed, one event per line; reconnects with {@code since=} so no
 * journaled event is missed. Not thread-safe; the WebSocket listener only hands frames over a queue.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print a running server's live events, one per line, reconnecting (with since=<last id>) "
                + "when the connection drops.",
        footer = {"", "Exit status: 0 after --count events, 1 refused, 2 wrong usage, 3 server unreachable."})
final class MonitorCommand extends ClientCommand {
    private static final String CLOSED = "\u0000closed";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Option(names = "--events", split = ",", description = "Only these events (sms.received,call.state,...).")
    List<String> events;

    @Option(names = "--json", description = "Each envelope as the server sent it.")
    boolean json;

    @Option(names = "--count", defaultValue = "0", description = "Stop after this many events (0: never).")
    long count;

    @Override
    int run(ServerClient client, PrintWriter out) throws ServerClient.UnreachableException, InterruptedException {
        EventCursor cursor = new EventCursor();
        long printed = 0;
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            WebSocket socket;
            try {
                socket = client.webSocket(query(cursor), new Frames(frames)).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                if (!cursor.isSet()) {
                    throw new ServerClient.UnreachableException("cannot open " + "/ws (" + rootCause(e) + ")", e);
                }
                spec.commandLine().getErr().println("callstack: reconnecting in " + backoff.toSeconds() + " s");
                spec.commandLine().getErr().flush();
                Thread.sleep(backoff.toMillis()); // reconnect backoff, not synchronisation
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            backoff = Duration.ofSeconds(1);
            for (String frame = frames.take(); !CLOSED.equals(frame); frame = frames.take()) {
                JsonNode envelope = parse(frame);
                String type = envelope.path("type").asText();
                if ("hello".equals(type)) {
                    cursor.hello(envelope.path("last_id").asLong(0));
                    continue;
                }
                if (envelope.has("id")) {
                    cursor.shown(envelope.get("id").asLong());
                }
                out.println(json ? frame : envelope.path("timestamp").asText("") + " " + type + " "
                        + envelope.path("data"));
                out.flush();
                if (count > 0 && ++printed >= count) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
                    return ExitCodes.OK;
                }
            }
            spec.commandLine().getErr().println("callstack: connection closed, reconnecting");
            spec.commandLine().getErr().flush();
        }
    }

    private String query(EventCursor cursor) {
        StringBuilder query = new StringBuilder("/ws");
        char separator = '?';
        if (events != null && !events.isEmpty()) {
            query.append(separator).append("events=")
                    .append(URLEncoder.encode(String.join(",", events), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (cursor.isSet()) {
            query.append(separator).append("since=").append(cursor.since());
        }
        return query.toString();
    }

    private static JsonNode parse(String frame) {
        try {
            return ServerClient.JSON.readTree(frame);
        } catch (IOException e) {
            return ServerClient.JSON.createObjectNode().put("type", "unparsable");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    /** Collects text frames into whole messages. Called on the HttpClient's threads, one at a time. */
    private static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<String> frames;
        private final StringBuilder partial = new StringBuilder();

        Frames(BlockingQueue<String> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            frames.add(CLOSED);
        }
    }
}
