package dev.callstack.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressBucketTest {

    /** A literal address (no name lookup happens for a literal). */
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getAllByName(literal)[0];
    }

    @Test
    void everyIpv4LoopbackAddressIsOneBucket() throws UnknownHostException {
        assertThat(AddressBucket.of(ip("127.0.0.2")))
                .isEqualTo(AddressBucket.of(ip("127.0.0.1")));
        assertThat(AddressBucket.of(ip("::1")))
                .isEqualTo(AddressBucket.of(ip("127.255.0.9")));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() throws UnknownHostException {
        assertThat(AddressBucket.of(ip("2001:db8:1:2:aaaa::1")))
                .isEqualTo(AddressBucket.of(ip("2001:db8:1:2:bbbb:cccc:dddd:eeee")))
                .isEqualTo(ip("2001:db8:1:2::"));
        assertThat(AddressBucket.of(ip("2001:db8:1:3::1")))
                .isNotEqualTo(AddressBucket.of(ip("2001:db8:1:2::1")));
    }

    @Test
    void otherIpv4AddressesAreTheirOwnBucket() throws UnknownHostException {
        assertThat(AddressBucket.of(ip("192.0.2.7"))).isEqualTo(ip("192.0.2.7"));
        assertThat(AddressBucket.of(ip("192.0.2.7")))
                .isNotEqualTo(AddressBucket.of(ip("192.0.2.8")));
    }
}
