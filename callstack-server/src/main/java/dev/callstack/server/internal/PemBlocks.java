package dev.callstack.server.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Splits PEM text (RFC 7468) into its labelled blocks. A pure codec: no I/O, no logging; malformed input is an
 * {@link IllegalArgumentException} with a short reason that never quotes the content.
 */
final class PemBlocks {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One block: its label ({@code CERTIFICATE}, {@code PRIVATE KEY}...) and its decoded DER bytes. Immutable. */
    static final class Block {
        private final String label;
        private final byte[] der;

        Block(String label, byte[] der) {
            this.label = label;
            this.der = der.clone();
        }

        String label() {
            return label;
        }

        byte[] der() {
            return der.clone();
        }
    }

    private PemBlocks() {
    }

    /** Every block of {@code pem}, in order; text between blocks (comments, openssl's "Bag Attributes") is skipped. */
    static List<Block> parse(byte[] pem) {
        String text = new String(pem, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        int from = 0;
        for (int begin = text.indexOf(BEGIN, from); begin >= 0; begin = text.indexOf(BEGIN, from)) {
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            if (labelEnd < 0) {
                throw new IllegalArgumentException("malformed PEM: unterminated BEGIN line");
            }
            String label = text.substring(begin + BEGIN.length(), labelEnd);
            String endLine = END + label + DASHES;
            int end = text.indexOf(endLine, labelEnd);
            if (end < 0) {
                throw new IllegalArgumentException("malformed PEM: no END line for " + label);
            }
            String base64 = text.substring(labelEnd + DASHES.length(), end);
            try {
                blocks.add(new Block(label, Base64.getMimeDecoder().decode(base64)));
            } catch (IllegalArgumentException badBase64) {
                throw new IllegalArgumentException("malformed PEM: invalid base64 in " + label, badBase64);
            }
            from = end + endLine.length();
        }
        return blocks;
    }

    /** The labels of {@code blocks}, for error messages. */
    static List<String> labels(List<Block> blocks) {
        return blocks.stream().map(Block::label).toList();
    }
}
