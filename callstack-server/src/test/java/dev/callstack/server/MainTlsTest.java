package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.callstack.server.cli.Cli;

/** {@code --tls-cert}, {@code --tls-key}: a bad pair exits 2 naming the file and the reason, before the modem opens. */
class MainTlsTest {
    private static SelfSignedCertificate good;
    private static SelfSignedCertificate other;

    @TempDir
    Path dir;
    private Path cert;
    private Path key;
    private Path db;
    private Path keys;

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void makeCertificates(@TempDir Path keytoolDir) {
        good = SelfSignedCertificate.generate(keytoolDir, "callstack-main");
        other = SelfSignedCertificate.generate(keytoolDir, "callstack-other");
    }

    @BeforeEach
    void files() throws Exception {
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        db = dir.resolve("c.db");
        keys = dir.resolve("keys");
        Files.writeString(keys, "tls-test-key-0123456789abcdef\n");
        good.writeTo(cert, key);
    }

    private Run run(String... tls) {
        List<String> args = new ArrayList<>(List.of("--modem", "simulator", "--port", "0", "--db", db.toString(),
                "--api-key-file", keys.toString()));
        args.addAll(List.of(tls));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args.toArray(String[]::new), System.getenv(), new PrintWriter(out),
                new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private void assertRefused(Run run, String... messageParts) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("callstack-server: ").contains(messageParts);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Files.exists(db)).as("refused before the modem and its store opened").isFalse();
    }

    @Test
    void helpDocumentsTheTlsFlagsAndVariables() {
        StringWriter out = new StringWriter();
        int code = Cli.execute(new String[] {"serve", "--help"}, System.getenv(), new PrintWriter(out), null);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--tls-cert", "CALLSTACK_TLS_CERT", "--tls-key", "CALLSTACK_TLS_KEY");
    }

    @Test
    void oneWithoutTheOtherIsRefused() {
        assertRefused(run("--tls-cert", cert.toString()), "--tls-cert needs --tls-key");
        assertRefused(run("--tls-key", key.toString()), "--tls-key needs --tls-cert");
    }

    @Test
    void anUnreadableFileIsRefusedByName() {
        Path missing = dir.resolve("missing.pem");
        assertRefused(run("--tls-cert", missing.toString(), "--tls-key", key.toString()),
                "TLS certificate " + missing + ": no such file");
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", dir.toString()),
                "TLS private key " + dir + ": cannot read it");
    }

    @Test
    void aBadCertificateIsRefusedWithTheReason() throws Exception {
        Files.writeString(cert, "hello\n");
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", key.toString()),
                "TLS certificate " + cert + ": no PEM CERTIFICATE block (found no PEM block)");
        Files.writeString(cert, SelfSignedCertificate.pem("CERTIFICATE", new byte[] {1, 2, 3}));
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", key.toString()),
                "TLS certificate " + cert + ": not a valid X.509 certificate");
        Files.writeString(cert, good.keyPem());
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", key.toString()),
                "TLS certificate " + cert + ": no PEM CERTIFICATE block (found PRIVATE KEY)");
    }

    @Test
    void aKeyThatIsNotPkcs8OrNotTheCertificatesIsRefusedWithTheReason() throws Exception {
        Files.writeString(key, good.keyPem().replace("PRIVATE KEY", "EC PRIVATE KEY"));
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", key.toString()),
                "TLS private key " + key + ": a SEC 1 key", "openssl pkcs8 -topk8 -nocrypt");
        Files.writeString(key, good.keyPem().replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"));
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", key.toString()),
                "TLS private key " + key + ": an encrypted key");
        Files.writeString(key, SelfSignedCertificate.pem("PRIVATE KEY", new byte[] {48, 3, 2, 1, 0}));
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", key.toString()),
                "TLS private key " + key + ": not a valid PKCS#8 EC private key");
        Files.writeString(key, other.keyPem());
        assertRefused(run("--tls-cert", cert.toString(), "--tls-key", key.toString()),
                "TLS private key " + key + ": does not match the certificate in " + cert);
    }

    @Test
    void refusalsNeverQuoteTheKey() throws Exception {
        Files.writeString(key, other.keyPem());
        Run run = run("--tls-cert", cert.toString(), "--tls-key", key.toString());
        String base64 = other.keyPem().lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        assertThat(run.err()).doesNotContain(base64.substring(0, 16));
    }
}
