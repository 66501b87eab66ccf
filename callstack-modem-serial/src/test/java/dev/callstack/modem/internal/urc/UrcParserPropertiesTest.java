package dev.callstack.modem.internal.urc;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class UrcParserPropertiesTest {

    @Property(tries = 300)
    void anyLineParsesToSomethingWithoutThrowing(@ForAll @StringLength(max = 120) String line) {
        assertThat(UrcParser.parse(line)).isNotNull();
        RegistrationParser.stat(line);
    }

    @Property(tries = 300)
    void anyPrefixedLineParsesWithoutThrowing(@ForAll("prefixes") String prefix,
                                              @ForAll @StringLength(max = 80) String rest) {
        assertThat(UrcParser.parse(prefix + rest)).isNotNull();
        new UrcAssembler().continuation(rest);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> prefixes() {
        return net.jqwik.api.Arbitraries.of("+CUSD: ", "+CREG: ", "+CEREG:", "+CLIP: ", "+CMTI: ", "+CMT: ",
                "+CDS: ", "+CDSI: ", "+CSQN: ", "+DTMF: ", "+CPIN: ", "+CUSD: 0,\"", "+CUSD: 1,");
    }
}
