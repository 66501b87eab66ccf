package dev.callstack.modem.internal.voice;

import dev.callstack.core.voice.AudioFormat8k;

/** The DTMF keypad as data (ITU-T Q.23), and a synthesizer of its tones. Stateless. */
public final class DtmfTones {
    /** Low-group (row) frequencies in Hz. */
    static final double[] ROWS = {697, 770, 852, 941};
    /** High-group (column) frequencies in Hz. */
    static final double[] COLS = {1209, 1336, 1477, 1633};
    /** Digit at [row][column]. */
    static final char[][] KEYS = {
        {'1', '2', '3', 'A'},
        {'4', '5', '6', 'B'},
        {'7', '8', '9', 'C'},
        {'*', '0', '#', 'D'},
    };

    private DtmfTones() {
    }

    static int row(char digit) {
        return find(digit)[0];
    }

    static int col(char digit) {
        return find(digit)[1];
    }

    private static int[] find(char digit) {
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                if (KEYS[r][c] == digit) {
                    return new int[] {r, c};
                }
            }
        }
        throw new IllegalArgumentException("not a DTMF digit");
    }

    /**
     * Synthesizes a digit's dual tone into {@code out} (added to what is there, clipped to 16 bits).
     *
     * @param digit      0-9 * # A-D
     * @param out        the samples to add to
     * @param from       first sample index
     * @param count      number of samples
     * @param lowAmp     amplitude of the low tone (full scale 32767)
     * @param highAmp    amplitude of the high tone
     * @param freqFactor multiplies both frequencies (1.0 = nominal), to test frequency tolerance
     */
    public static void add(char digit, short[] out, int from, int count, double lowAmp, double highAmp,
            double freqFactor) {
        double low = ROWS[row(digit)] * freqFactor;
        double high = COLS[col(digit)] * freqFactor;
        for (int i = 0; i < count; i++) {
            double t = (double) i / AudioFormat8k.SAMPLE_RATE;
            double v = out[from + i] + lowAmp * Math.sin(2 * Math.PI * low * t)
                    + highAmp * Math.sin(2 * Math.PI * high * t);
            out[from + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
        }
    }
}
