package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFramesTest {

    /** Netty's own client-side decoder (server frames are unmasked) must read what we framed by hand. */
    static List<String> decode(ByteBuf frames) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build()));
        client.writeInbound(frames);
        List<String> texts = new ArrayList<>();
        TextWebSocketFrame text;
        while ((text = client.readInbound()) != null) {
            try {
                assertThat(text.isFinalFragment()).isTrue();
                texts.add(text.text());
            } finally {
                text.release();
            }
        }
        client.finishAndReleaseAll();
        return texts;
    }

    @Test
    void everyLengthFormDecodesAsTheSameText() {
        for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 70_000}) {
            String json = "x".repeat(length);
            ByteBuf out = Unpooled.buffer();
            int written = TextFrames.write(out, json.getBytes(StandardCharsets.UTF_8));
            assertThat(written).as("length %d", length).isEqualTo(TextFrames.frameLength(length))
                    .isEqualTo(out.readableBytes());
            assertThat(decode(out)).as("length %d", length).containsExactly(json);
        }
    }

    @Test
    void framesAppendedToOneBufferDecodeInOrder() {
        ByteBuf out = Unpooled.buffer(8);
        List<String> texts = List.of("{\"id\":1}", "y".repeat(300), "{\"id\":3}", "z".repeat(70_000));
        for (String text : texts) {
            TextFrames.write(out, text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(decode(out)).containsExactlyElementsOf(texts);
    }
}
