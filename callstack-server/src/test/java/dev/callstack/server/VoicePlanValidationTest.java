package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callstack.core.voice.AudioClip;
import dev.callstack.modem.voice.WavWriter;
import dev.callstack.server.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every plan mistake stops {@code serve} with exit status 2 and one line naming the file, the path and the reason. */
class VoicePlanValidationTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    @BeforeEach
    void clips() throws IOException {
        WavWriter.write(dir.resolve("greeting.wav"), AudioClip.ofSamples("g", new short[800]));
        Files.writeString(dir.resolve("notes.wav"), "this is not audio at all, just text pretending");
    }

    private Run serve(String name, String plan) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, plan);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new String[] {"--modem", "simulator", "--no-auth", "--port", "0", "--db",
                dir.resolve("c.db").toString(), "--voice", file.toString()}, System.getenv(), new PrintWriter(out),
                new PrintWriter(err));
        return new Run(code, err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "missing wav | {'greeting':'greeting.wav','options':{'2':{'play':'hours.wav'}}} | options.2.play: file not found",
        "not audio | {'greeting':'notes.wav','options':{'1':{'voicemail':{}}}} | is not usable audio",
        "bad digit | {'greeting':'greeting.wav','options':{'7x':{'event':'a'}}} | options.7x: an option must be one DTMF digit",
        "unknown action | {'greeting':'greeting.wav','options':{'1':{'dial':'+1'}}} | options.1.dial: unknown action",
        "two actions | {'greeting':'greeting.wav','options':{'1':{'play':'greeting.wav','event':'x'}}} | options.1: needs exactly one action",
        "unknown key | {'greeting':'greeting.wav','options':{'1':{'event':'x'}},'retry':2} | retry: unknown key",
        "timeout 0 | {'greeting':'greeting.wav','options':{'1':{'event':'x'}},'timeout_seconds':0} | timeout_seconds: must be a whole number from 1 to 60",
        "retries 10 | {'greeting':'greeting.wav','options':{'1':{'event':'x'}},'retries':10} | retries: must be a whole number from 0 to 9",
        "rings 2.5 | {'answer':{'after_rings':2.5},'greeting':'greeting.wav','options':{'1':{'event':'x'}}} | answer.after_rings: must be a whole number",
        "max seconds | {'greeting':'greeting.wav','options':{'1':{'voicemail':{'max_seconds':3601}}}} | options.1.voicemail.max_seconds: must be a whole number from 1 to 3600",
        "bad from | {'answer':{'from':['+49 15*']},'greeting':'greeting.wav','options':{'1':{'event':'x'}}} | answer.from.0: must be '+' and digits",
        "bad event | {'greeting':'greeting.wav','options':{'0':{'event':'Operator!'}}} | options.0.event: must be a name",
        "no greeting | {'options':{'1':{'event':'x'}}} | greeting: is required",
        "no options | {'greeting':'greeting.wav','options':{}} | options: needs at least one option",
        "traversal | {'greeting':'../../etc/passwd.wav','options':{'1':{'event':'x'}}} | greeting: file not found",
        "not json | {'greeting': | not valid JSON"})
    void aBadJsonPlanExits2WithPathAndReason(String name, String plan, String expected) throws IOException {
        Run run = serve("plan.json", plan.replace('\'', '"'));
        assertRefused(run, "plan.json", expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "unknown action | greeting: greeting.wav\\noptions:\\n  \"1\":\\n    call: x\\n | options.1.call: unknown action",
        "bad digit | greeting: greeting.wav\\noptions:\\n  \"12\":\\n    event: x\\n | options.12: an option must be one DTMF digit",
        "missing wav | greeting: nope.wav\\noptions:\\n  \"1\":\\n    event: x\\n | greeting: file not found",
        "syntax | greeting: [unclosed\\noptions: {\\n | not valid YAML",
        "duplicate key | greeting: greeting.wav\\ngreeting: greeting.wav\\noptions:\\n  \"1\":\\n    event: x\\n | not valid YAML"})
    void aBadYamlPlanExits2WithPathAndReason(String name, String plan, String expected) throws IOException {
        Run run = serve("plan.yaml", plan.replace("\\n", "\n"));
        assertRefused(run, "plan.yaml", expected);
    }

    @Test
    void anUnknownExtensionIsRefused() throws IOException {
        assertRefused(serve("plan.txt", "{}"), "plan.txt", "must end in .json, .yaml or .yml");
    }

    private void assertRefused(Run run, String file, String expected) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("callstack-server: voice plan ").contains(file).contains(expected);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ", "Exception");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(dir.resolve("c.db")).as("refused before anything opened").doesNotExist();
    }

    @Test
    void voiceSettingsComeFromFlagsTheEnvironmentAndTheConfigFile() throws IOException {
        Path config = Files.writeString(dir.resolve("callstack.conf"), "voice = \"/etc/callstack/plan.yaml\"\n");
        StringWriter out = new StringWriter();
        int code = Cli.execute(new String[] {"serve", "--config", config.toString(), "--voicemail-dir", "/srv/vm",
                "--print-config"}, java.util.Map.of("CALLSTACK_AUDIO_PORT", "/dev/ttyUSB4"), new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("audio-port = \"/dev/ttyUSB4\"  # environment CALLSTACK_AUDIO_PORT",
                "voice = \"/etc/callstack/plan.yaml\"  # file " + config + ":1",
                "voicemail-dir = \"/srv/vm\"  # command line");
        StringWriter help = new StringWriter();
        Cli.execute(new String[] {"serve", "--help"}, java.util.Map.of(), new PrintWriter(help),
                new PrintWriter(new StringWriter()));
        assertThat(help.toString()).contains("--audio-port", "CALLSTACK_AUDIO_PORT", "--voice", "CALLSTACK_VOICE",
                "--voicemail-dir", "CALLSTACK_VOICEMAIL_DIR");
    }

    @Test
    void aGoodPlanInYamlPassesTheCheck() throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.yml"), """
                answer:
                  from: ["+4915*", "*"]
                  after_rings: 2
                greeting: greeting.wav
                options:
                  "1": {voicemail: {max_seconds: 120}}
                  "2": {play: greeting.wav}
                  "0": {event: operator}
                  "#": {voicemail: null}
                timeout_seconds: 6
                retries: 2
                """);
        dev.callstack.server.internal.VoicePlanReader.check(plan);
    }
}
