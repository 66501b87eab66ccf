package dev.callstack.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which subcommands a command line is built with: all of them for help and the tools, serve alone to serve. */
class CallstackCommandTest {
    private final CallstackCommand top = new CallstackCommand(Map.of(), false);

    @Test
    void serveIsBuiltAloneSoItsStartPaysForNoOtherCommand() {
        assertThat(CallstackCommand.commandLine(top, true).getSubcommands()).containsOnlyKeys("serve");
    }

    @Test
    void everySubcommandOtherwiseInHelpOrder() {
        assertThat(CallstackCommand.commandLine(top, false).getSubcommands().keySet())
                .containsExactly("serve", "ports", "doctor", "status", "send", "ussd", "monitor");
    }

    @Test
    void theClientCommandsStillFindTheirParent() {
        var line = CallstackCommand.commandLine(top, false);
        line.parseArgs("status", "--url", "http://127.0.0.1:1");
        assertThat(((ClientCommand) line.getSubcommands().get("status").getCommand()).parent).isSameAs(top);
    }
}
