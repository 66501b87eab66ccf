package dev.callstack.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTableTest {
    private final CommandHandler exactHandler = (state, command) -> SimReply.of("exact");
    private final CommandHandler prefixHandler = (state, command) -> SimReply.of("prefix");
    private final CommandHandler longerPrefix = (state, command) -> SimReply.of("longer");
    private final CommandHandler query = (state, command) -> SimReply.of("query");
    private final CommandHandler test = (state, command) -> SimReply.of("test");
    private final CommandHandler set = (state, command) -> SimReply.of("set");

    @Test
    void exactEntryWinsOverAPrefixThatAlsoMatches() {
        CommandTable table = CommandTable.builder()
                .prefix("+CSMS", prefixHandler)
                .exact("+CSMS", exactHandler)
                .build();

        assertThat(table.handlerFor("+CSMS")).isSameAs(exactHandler);
        assertThat(table.handlerFor("+CSMS=1")).isSameAs(prefixHandler);
        assertThat(table.handlerFor("+CSMS?")).isSameAs(prefixHandler);
    }

    @Test
    void longestMatchingPrefixWinsWhateverTheOrderOfEntry() {
        CommandTable shortFirst = CommandTable.builder()
                .prefix("+CMG", prefixHandler)
                .prefix("+CMGS=", longerPrefix)
                .build();
        CommandTable longFirst = CommandTable.builder()
                .prefix("+CMGS=", longerPrefix)
                .prefix("+CMG", prefixHandler)
                .build();

        for (CommandTable table : new CommandTable[] {shortFirst, longFirst}) {
            assertThat(table.handlerFor("+CMGS=23")).isSameAs(longerPrefix);
            assertThat(table.handlerFor("+CMGR=1")).isSameAs(prefixHandler);
            assertThat(table.handlerFor("+CMGS")).isSameAs(prefixHandler);
        }
    }

    @Test
    void queryTestAndSetOfOneCommandAreSeparateEntries() {
        CommandTable table = CommandTable.builder()
                .query("+CPIN", query)
                .test("+CPIN", test)
                .set("+CPIN", set)
                .build();

        assertThat(table.handlerFor("+CPIN?")).isSameAs(query);
        assertThat(table.handlerFor("+CPIN=?")).isSameAs(test);
        assertThat(table.handlerFor("+CPIN=\"1234\"")).isSameAs(set);
        assertThat(answer(table, "+CPIN")).isEqualTo(SimReply.error());
    }

    @Test
    void testCommandWithoutItsOwnEntryGoesToTheSetHandler() {
        CommandTable table = CommandTable.builder().set("+CMGS", set).build();

        assertThat(table.handlerFor("+CMGS=?")).isSameAs(set);
    }

    @Test
    void unmatchedCommandGetsTheFallbackWhichIsErrorByDefault() {
        CommandTable table = CommandTable.builder().exact("+CSQ", exactHandler).prefix("D", prefixHandler).build();

        assertThat(answer(table, "+FOO")).isEqualTo(SimReply.error());
        assertThat(answer(table, "+CSQ=?")).isEqualTo(SimReply.error());
        assertThat(answer(table, "")).isEqualTo(SimReply.error());
    }

    @Test
    void fallbackCanBeChanged() {
        CommandTable table = CommandTable.builder().fallback(CommandHandler.ok()).build();

        assertThat(answer(table, "+FOO")).isEqualTo(SimReply.ok());
    }

    @Test
    void aProfileDerivedWithToBuilderAddsReplacesAndRemovesWithoutTouchingTheBase() {
        CommandTable base = CommandTable.builder()
                .exact("+CGMM", exactHandler)
                .prefix("+CSMS", prefixHandler)
                .set("+CMGS", set)
                .build();

        CommandTable profile = base.toBuilder()
                .replaceExact("+CGMM", query)
                .removePrefix("+CSMS")
                .test("+CMGS", test)
                .build();

        assertThat(profile.handlerFor("+CGMM")).isSameAs(query);
        assertThat(answer(profile, "+CSMS=1")).isEqualTo(SimReply.error());
        assertThat(profile.handlerFor("+CMGS=?")).isSameAs(test);
        assertThat(profile.handlerFor("+CMGS=23")).isSameAs(set);

        assertThat(base.handlerFor("+CGMM")).isSameAs(exactHandler);
        assertThat(base.handlerFor("+CSMS=1")).isSameAs(prefixHandler);
        assertThat(base.handlerFor("+CMGS=?")).isSameAs(set);
    }

    @Test
    void removingTheExactEntryLetsTheCommandFallThroughToThePrefixOfTheSameName() {
        CommandTable table = CommandTable.builder()
                .exact("+CMGL", exactHandler)
                .prefix("+CMGL", prefixHandler)
                .build()
                .toBuilder()
                .removeExact("+CMGL")
                .build();

        assertThat(table.handlerFor("+CMGL")).isSameAs(prefixHandler);
    }

    @Test
    void replacingAPrefixEntryKeepsItAPrefix() {
        CommandTable table = CommandTable.builder().prefix("D", prefixHandler).build()
                .toBuilder().replacePrefix("D", longerPrefix).build();

        assertThat(table.handlerFor("D+15550100100;")).isSameAs(longerPrefix);
        assertThat(table.handlerFor("D")).isSameAs(longerPrefix);
    }

    @Test
    void mistakesInATableAreRejectedWhileBuildingIt() {
        assertThatThrownBy(() -> CommandTable.builder().exact("+CSQ", exactHandler).exact("+CSQ", query))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> CommandTable.builder().set("+CMGS", set).prefix("+CMGS=", prefixHandler))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> CommandTable.builder().exact("+csq", exactHandler))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper case");
        assertThatThrownBy(() -> CommandTable.builder().replaceExact("+CSQ", exactHandler))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandTable.builder().exact("+CMGS=", set).replacePrefix("+CMGS=", set))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandTable.builder().prefix("+CSMS", set).removeExact("+CSMS"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SimReply answer(CommandTable table, String body) {
        return table.handlerFor(body).handle(new SimState(new SmsStorage()), AtCommand.parse("AT" + body));
    }
}
