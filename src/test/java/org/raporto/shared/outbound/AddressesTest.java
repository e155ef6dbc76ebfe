package org.raporto.shared.outbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import inet.ipaddr.IPAddressString;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "100.64.0.1", "127.0.0.1", "127.9.9.9", "169.254.169.254", "172.16.0.1",
            "172.31.255.255", "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1",
            "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "::127.0.0.1",
            "2002:7f00:1::", "2002:c0a8:101::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "2001:db8::1",
            "100::1"})
    void addressesOffTheInternetAreNotGlobal(String address) {
        assertThat(Addresses.isGlobal(new IPAddressString(address).getAddress())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "31.22.48.10", "172.32.0.1", "100.128.0.1", "::ffff:8.8.8.8", "64:ff9b::808:808",
            "2002:808:808::1", "2a00:1450:4001::1", "2606:4700::1111"})
    void addressesOnTheInternetAreGlobal(String address) {
        assertThat(Addresses.isGlobal(new IPAddressString(address).getAddress())).isTrue();
    }
}
