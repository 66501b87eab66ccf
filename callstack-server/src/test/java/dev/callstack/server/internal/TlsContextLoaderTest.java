package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.server.SelfSignedCertificate;
import io.netty.buffer.ByteBufAllocator;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theContextOffersTls12AndTls13Only() {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir, "callstack-protocols");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        certificate.writeTo(cert, key);
        TlsContextLoader.Loaded loaded = TlsContextLoader.load(cert, key, TlsContextLoader.read(cert, key));
        SSLEngine engine = loaded.context().newEngine(ByteBufAllocator.DEFAULT);
        assertThat(engine.getUseClientMode()).isFalse();
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(loaded.certificate()).isEqualTo(certificate.certificate());
    }

    @Test
    void pemBlocksAreFoundAmongOtherText() {
        byte[] pem = ("Bag Attributes\n" + SelfSignedCertificate.pem("CERTIFICATE", new byte[] {1, 2})
                + "comment\n" + SelfSignedCertificate.pem("PRIVATE KEY", new byte[] {3}))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var blocks = PemBlocks.parse(pem);
        assertThat(PemBlocks.labels(blocks)).containsExactly("CERTIFICATE", "PRIVATE KEY");
        assertThat(blocks.get(0).der()).containsExactly(1, 2);
        assertThat(blocks.get(1).der()).containsExactly(3);
    }
}
