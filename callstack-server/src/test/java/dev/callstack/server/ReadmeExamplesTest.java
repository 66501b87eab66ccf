package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the README shows is what the build compiles: its Java examples are copies of the projects under
 * {@code examples/}, which maven-invoker-plugin builds and runs. This test fails when the two drift apart.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void embeddingExampleIsTheEmbeddedSerialProject() throws IOException {
        String block = javaBlockAfter("## Embedding");
        String source = read("examples/embedded-serial/src/main/java/com/example/gateway/SmsGateway.java");

        assertThat(codeLines(source)).containsSubsequence(codeLines(block));
    }

    @Test
    void fakeModemExampleIsTheFakeModemTestProject() throws IOException {
        String block = javaBlockAfter("## Testing with FakeModem");
        String source = read("examples/fakemodem-test/src/test/java/com/example/alerts/AlertServiceTest.java");

        assertThat(String.join("\n", codeLines(source))).contains(String.join("\n", codeLines(block)));
    }

    private static String javaBlockAfter(String heading) throws IOException {
        String readme = read("README.md");
        int section = readme.indexOf("\n" + heading + "\n");
        assertThat(section).as("README section %s", heading).isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** Lines with their indentation removed, blank lines dropped: layout may differ, code may not. */
    private static List<String> codeLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());
    }

    private static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    }
}
