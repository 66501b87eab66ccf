package dev.callstack.bench.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N Netty WebSocket clients on loopback. Each counts the events it receives, reports overflow notices and records
 * publish→receipt latency from the publish time the tool put in the SMS body (same JVM, same clock).
 *
 * <p>Thread-safe: counters are atomic; each client handler is confined to its event loop.
 */
final class ClientFleet extends LocalFleet {
    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();

    ClientFleet(int threads) {
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("bench-client", true),
                NioIoHandler.newFactory());
    }

    @Override
    public void connect(URI uri, String bearer, int n, int parallel) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        DefaultHttpHeaders headers = new DefaultHttpHeaders();
                        if (bearer != null) {
                            headers.set("Authorization", "Bearer " + bearer);
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri).customHeaders(headers)
                                        .maxFramePayloadLength(1 << 20).handshakeTimeoutMillis(30_000).build()),
                                new Receiver());
                    }
                });
        int target = handshakes.get() + n;
        for (int i = 0; i < n; i++) {
            while (channels.size() - handshakes.get() >= parallel) {
                Thread.onSpinWait();
            }
            ChannelFuture connected = bootstrap.connect(uri.getHost(), uri.getPort()).sync();
            channels.add(connected.channel());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (handshakes.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + handshakes.get() + " of " + target + " clients connected");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    int connected() {
        return handshakes.get();
    }

    @Override
    public void close() {
        CountDownLatch closed = new CountDownLatch(channels.size());
        for (Channel channel : channels) {
            channel.close().addListener(f -> closed.countDown());
        }
        try {
            closed.await(30, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Receiver extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private boolean hello;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            long now = System.nanoTime();
            ByteBuf content = frame.content();
            if (!hello) {
                hello = true;
                handshakes.incrementAndGet();
            } else {
                counters.onText(content::getByte, content.readerIndex(), content.writerIndex(), now);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Resets while the fleet closes under load are expected; the counters tell the story.
            ctx.close();
        }
    }
}
