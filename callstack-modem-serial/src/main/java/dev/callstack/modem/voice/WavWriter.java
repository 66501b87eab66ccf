package dev.callstack.modem.voice;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.core.voice.AudioFormat8k;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes 8 kHz 16-bit mono PCM WAV (a 44-byte RIFF header, then the samples). Stateless. */
public final class WavWriter {
    /** Size of the RIFF/WAVE header this writer emits. */
    public static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    /**
     * The WAV bytes of a clip.
     *
     * @param clip the audio
     * @return header followed by the PCM data
     */
    public static byte[] encode(AudioClip clip) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + clip.byteCount()).order(ByteOrder.LITTLE_ENDIAN);
        header(out, clip.byteCount());
        out.put(clip.pcmBuffer());
        return out.array();
    }

    /**
     * Writes a clip to a new file (fails if it exists).
     *
     * @param file  the target
     * @param clip  the audio
     * @throws IOException if the file exists or cannot be written
     */
    public static void write(Path file, AudioClip clip) throws IOException {
        Files.write(file, encode(clip), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static void header(ByteBuffer out, int dataBytes) {
        out.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        out.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(AudioFormat8k.SAMPLE_RATE).putInt(AudioFormat8k.BYTES_PER_SECOND)
                .putShort((short) AudioFormat8k.BYTES_PER_SAMPLE).putShort((short) 16);
        out.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
    }
}
