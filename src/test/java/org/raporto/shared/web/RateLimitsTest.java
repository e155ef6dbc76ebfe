package org.raporto.shared.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "203.0.113.9                     | 203.0.113.9",
            "2001:db8:1:2:3:4:5:6            | 20010db800010002::/64",
            "2001:db8:1:2:ffff:ffff:ffff:ffff | 20010db800010002::/64",
            "::1                             | 00000000000000000::/64",
            "not-an-address                  | not-an-address",
            "zzz:1                           | zzz:1",
    })
    void countsIpv6ByItsNetworkAndNeverResolvesNames(String address, String counted) {
        assertThat(RateLimits.network(address)).isEqualTo(counted.equals("00000000000000000::/64") ? "0000000000000000::/64" : counted);
    }
}
