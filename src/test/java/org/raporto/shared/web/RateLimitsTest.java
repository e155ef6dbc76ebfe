package org.raporto.shared.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raporto.testing.MutableClock;
import org.springframework.mock.web.MockHttpServletRequest;

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

    @Test
    void failuresFromOneAddressMakeItWaitLongerAndLongerAndASuccessForgetsThem() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        RateLimits limits = new RateLimits(clock);
        MockHttpServletRequest office = new MockHttpServletRequest();
        office.setRemoteAddr("198.51.100.7");
        MockHttpServletRequest elsewhere = new MockHttpServletRequest();
        elsewhere.setRemoteAddr("198.51.100.8");

        for (int i = 0; i < 10; i++) {
            limits.failed("sign-in", office);
        }
        assertThat(limits.waitAfterFailures("sign-in", office)).as("ten are free").isEmpty();
        limits.failed("sign-in", office);
        assertThat(limits.waitAfterFailures("sign-in", office)).hasValue(Duration.ofSeconds(2));
        limits.failed("sign-in", office);
        assertThat(limits.waitAfterFailures("sign-in", office)).hasValue(Duration.ofSeconds(4));
        assertThat(limits.waitAfterFailures("sign-in", elsewhere)).isEmpty();
        clock.advance(Duration.ofSeconds(4));
        assertThat(limits.waitAfterFailures("sign-in", office)).isEmpty();

        limits.succeeded("sign-in", office);
        limits.failed("sign-in", office);
        assertThat(limits.waitAfterFailures("sign-in", office)).isEmpty();
        assertThat(RateLimits.backOff(40, 3)).isEqualTo(Duration.ofMinutes(15));
    }
}
