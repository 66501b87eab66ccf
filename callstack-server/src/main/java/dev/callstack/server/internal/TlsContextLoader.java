package dev.callstack.server.internal;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Turns a PEM certificate chain and its PKCS#8 private key into a server {@link SslContext}: TLS 1.2 and 1.3 only,
 * the JDK provider. Every refusal is an {@link IllegalArgumentException} naming the file and the reason (never its
 * content).
 *
 * <p>Stateless and thread-safe.
 */
public final class TlsContextLoader {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** A PEM chain or key is a few KiB; this keeps a path such as /dev/zero from filling the heap. */
    private static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final String CONVERT = "; convert it with: openssl pkcs8 -topk8 -nocrypt -in <old> -out <new>";
    /** Key algorithm → signature used to prove the key belongs to the certificate. Others are not checked. */
    private static final Map<String, String> PROOF_SIGNATURES = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA", "Ed25519", "Ed25519",
            "Ed448", "Ed448", "DSA", "SHA256withDSA");
    /** Labels of private keys in other formats than PKCS#8 → what to tell the operator. */
    private static final Map<String, String> OTHER_KEY_FORMATS = Map.of(
            "RSA PRIVATE KEY", "a PKCS#1 key (BEGIN RSA PRIVATE KEY), PKCS#8 expected" + CONVERT,
            "EC PRIVATE KEY", "a SEC 1 key (BEGIN EC PRIVATE KEY), PKCS#8 expected" + CONVERT,
            "DSA PRIVATE KEY", "a traditional DSA key, PKCS#8 expected" + CONVERT,
            "ENCRYPTED PRIVATE KEY", "an encrypted key; give an unencrypted PKCS#8 key" + CONVERT);

    /** The bytes of both files as read together, and their fingerprint. Immutable (nothing hands its arrays out). */
    static final class Snapshot {
        private final byte[] certificate;
        private final byte[] privateKey;
        private final byte[] digest;

        Snapshot(byte[] certificate, byte[] privateKey, byte[] digest) {
            this.certificate = certificate;
            this.privateKey = privateKey;
            this.digest = digest;
        }

        boolean sameFiles(Snapshot other) {
            return other != null && MessageDigest.isEqual(digest, other.digest);
        }
    }

    /** A usable context and the certificate it presents. */
    record Loaded(SslContext context, X509Certificate certificate) {
    }

    private TlsContextLoader() {
    }

    /**
     * Loads the pair once and discards it: the startup check of {@code --tls-cert} and {@code --tls-key}.
     *
     * @param certificate the PEM certificate chain file
     * @param privateKey  the PEM PKCS#8 private key file
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static void check(Path certificate, Path privateKey) {
        var unused = load(certificate, privateKey, read(certificate, privateKey));
    }

    /** Reads both files; an unreadable one is refused by name. */
    static Snapshot read(Path certificate, Path privateKey) {
        byte[] cert = readFile("TLS certificate", certificate);
        byte[] key = readFile("TLS private key", privateKey);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(cert);
            sha.update((byte) 0);
            sha.update(key);
            return new Snapshot(cert, key, sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** Parses {@code files} and builds the context. */
    static Loaded load(Path certificate, Path privateKey, Snapshot files) {
        List<X509Certificate> chain = certificates(certificate, files.certificate);
        X509Certificate leaf = chain.get(0);
        PrivateKey key = privateKey(privateKey, files.privateKey, leaf.getPublicKey().getAlgorithm());
        requireMatch(certificate, privateKey, leaf, key);
        try {
            SslContext context = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .build();
            return new Loaded(context, leaf);
        } catch (SSLException | IllegalArgumentException refused) {
            throw new IllegalArgumentException("TLS certificate " + certificate + ": unusable with its key ("
                    + refused.getMessage() + ")", refused);
        }
    }

    private static byte[] readFile(String what, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(what + " " + file + ": larger than 1 MiB, not a PEM file");
            }
            return bytes;
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException(what + " " + file + ": no such file", missing);
        } catch (AccessDeniedException denied) {
            throw new IllegalArgumentException(what + " " + file + ": permission denied", denied);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(what + " " + file + ": cannot read it ("
                    + unreadable.getClass().getSimpleName() + ")", unreadable);
        }
    }

    private static List<X509Certificate> certificates(Path file, byte[] pem) {
        String what = "TLS certificate " + file + ": ";
        List<PemBlocks.Block> blocks = parse(what, pem);
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemBlocks.Block block : blocks) {
                if (block.label().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException invalid) {
            throw new IllegalArgumentException(what + "not a valid X.509 certificate", invalid);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(what + "no PEM CERTIFICATE block (found " + describe(blocks) + ")");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, byte[] pem, String algorithm) {
        String what = "TLS private key " + file + ": ";
        List<PemBlocks.Block> blocks = parse(what, pem);
        List<PemBlocks.Block> keys = blocks.stream().filter(b -> b.label().equals("PRIVATE KEY")).toList();
        if (keys.isEmpty()) {
            for (PemBlocks.Block block : blocks) {
                String hint = OTHER_KEY_FORMATS.get(block.label());
                if (hint != null) {
                    throw new IllegalArgumentException(what + hint);
                }
            }
            throw new IllegalArgumentException(what + "no PEM PRIVATE KEY block, PKCS#8 expected (found "
                    + describe(blocks) + ")");
        }
        if (keys.size() > 1) {
            throw new IllegalArgumentException(what + "more than one private key");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(keys.get(0).der()));
        } catch (GeneralSecurityException invalid) {
            throw new IllegalArgumentException(what + "not a valid PKCS#8 " + algorithm
                    + " private key (the certificate's key type)", invalid);
        }
    }

    private static void requireMatch(Path certificate, Path privateKey, X509Certificate leaf, PrivateKey key) {
        String algorithm = PROOF_SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null) {
            return;
        }
        try {
            byte[] challenge = "callstack-tls-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException mismatch) {
            // Falls through: a key that cannot even sign for this certificate does not match it.
        }
        throw new IllegalArgumentException("TLS private key " + privateKey + ": does not match the certificate in "
                + certificate);
    }

    private static List<PemBlocks.Block> parse(String what, byte[] pem) {
        try {
            return PemBlocks.parse(pem);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(what + malformed.getMessage(), malformed);
        }
    }

    private static String describe(List<PemBlocks.Block> blocks) {
        return blocks.isEmpty() ? "no PEM block" : String.join(", ", PemBlocks.labels(blocks));
    }
}
