package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.realtime.EncodedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedTextFramesTest {

    /** Netty's own client-side decoder (server frames are unmasked) must read what we framed by hand. */
    private static String decode(ByteBuf frame) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build()));
        assertThat(client.writeInbound(frame)).isTrue();
        TextWebSocketFrame text = client.readInbound();
        try {
            assertThat(text.isFinalFragment()).isTrue();
            return text.text();
        } finally {
            text.release();
            client.finishAndReleaseAll();
        }
    }

    @Test
    void everyLengthFormDecodesAsTheSameText() {
        SharedTextFrames frames = new SharedTextFrames();
        for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 70_000}) {
            String json = "x".repeat(length);
            assertThat(decode(frames.frameFor(EncodedMessage.ofText(json)))).as("length %d", length).isEqualTo(json);
        }
    }

    @Test
    void clientsShareOneFrameButReadItIndependently() {
        SharedTextFrames frames = new SharedTextFrames();
        EncodedMessage message = EncodedMessage.ofText("{\"type\":\"signal.quality\"}");
        ByteBuf first = frames.frameFor(message);
        ByteBuf second = frames.frameFor(message);
        first.skipBytes(first.readableBytes());
        first.release(); // what the socket does after writing it: must not spoil the other client's copy
        assertThat(decode(second)).isEqualTo(message.text());
        assertThat(decode(frames.frameFor(message))).isEqualTo(new String(message.utf8(), StandardCharsets.UTF_8));
    }
}
