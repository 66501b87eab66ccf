package dev.callstack.server.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every client of a running server shares. Not thread-safe; filled by picocli. */
final class ClientOptions {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
            description = "The server (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "File whose first word is the API key; otherwise the key comes from CALLSTACK_KEY. The "
                    + "key is never printed.")
    Path keyFile;

    /** The key, or null to send none (a --no-auth server). */
    String key(Map<String, String> env) {
        if (keyFile != null) {
            try {
                for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
                    String trimmed = line.trim();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        return trimmed.split("\\s+", 2)[0];
                    }
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read --key-file " + keyFile);
            }
            throw new ConfigException("--key-file " + keyFile + " holds no key");
        }
        String fromEnv = env.get("CALLSTACK_KEY");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.trim();
    }

    ServerClient client(Map<String, String> env) {
        return new ServerClient(url, key(env));
    }
}
