import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens N WebSocket clients to a server's {@code /ws}, prints "open N" once all have their handshake, then holds
 * them idle (reading and discarding the feed) until stdin closes or says anything. Run with the JDK's source launcher:
 * {@code java WsIdleClients.java ws://127.0.0.1:8080/ws 100}. Used by small-board.sh; no dependencies on purpose.
 *
 * <p>Confined to the main thread, except the listeners, which only count frames.
 */
public final class WsIdleClients {
    private WsIdleClients() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.add(http.newWebSocketBuilder().buildAsync(uri, new Discard()));
        }
        List<WebSocket> open = new ArrayList<>();
        for (CompletableFuture<WebSocket> future : opening) {
            open.add(future.get(30, TimeUnit.SECONDS));
        }
        System.out.println("open " + open.size());
        System.out.flush();
        CountDownLatch done = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try {
                System.in.read();
            } catch (java.io.IOException e) {
                // closing is the signal either way
            }
            done.countDown();
        });
        stdin.setDaemon(true);
        stdin.start();
        done.await();
        for (WebSocket ws : open) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    /** Requests frames one at a time and drops them. */
    private static final class Discard implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }
    }
}
