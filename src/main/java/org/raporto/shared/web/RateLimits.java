package org.raporto.shared.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Limits on how often one address, and everyone together, may do something, without keeping who did it: each
 * address is only ever held as an HMAC under a key that lives in memory and is replaced every day (UTC), so
 * yesterday's counters cannot be linked to anyone, and nothing is written anywhere. Each node counts for itself.
 */
@Component
public class RateLimits {

    /** At most this many distinct addresses are counted at once; beyond it the counters start again. */
    private static final int MAX_TRACKED = 200_000;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int FREE_FAILURES_PER_ADDRESS = 10;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> overall = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private volatile DailyKey key;

    RateLimits(Clock clock) {
        this.clock = clock;
        this.key = newKey(today());
    }

    /**
     * Counts one attempt of this kind from this request's address.
     *
     * @return false when the address, or everyone together, has reached the limit: refuse the attempt
     */
    public boolean tryAcquire(Limit limit, HttpServletRequest request) {
        DailyKey current = currentKey();
        if (perAddress.size() > MAX_TRACKED) {
            perAddress.clear();
        }
        Bucket own = perAddress.computeIfAbsent(limit.name() + ':' + current.hash(network(request.getRemoteAddr())),
                missing -> bucket(limit.perAddressPerHour(), Duration.ofHours(1)));
        if (!own.tryConsume(1)) {
            return false;
        }
        Bucket everyone = overall.computeIfAbsent(limit.name(), missing -> bucket(limit.overallPerMinute(), Duration.ofMinutes(1)));
        return everyone.tryConsume(1);
    }

    /**
     * How long this address must wait before trying this again, after failures: ten are free (an office may sign in
     * from one address), then 2, 4, 8… seconds up to 15 minutes. Empty when it may try now.
     */
    public Optional<Duration> waitAfterFailures(String name, HttpServletRequest request) {
        Failures known = failures.get(failureKey(name, request));
        Instant now = clock.instant();
        return known == null || !known.nextAt().isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, known.nextAt()));
    }

    /** Counts a failed try from this address. */
    public void failed(String name, HttpServletRequest request) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        Instant now = clock.instant();
        failures.compute(failureKey(name, request), (key, known) -> {
            int count = known == null ? 1 : known.count() + 1;
            return new Failures(count, now.plus(backOff(count, FREE_FAILURES_PER_ADDRESS)));
        });
    }

    /** A success from this address forgets its failures. */
    public void succeeded(String name, HttpServletRequest request) {
        failures.remove(failureKey(name, request));
    }

    /** After the free failures, the wait doubles from 2 seconds up to 15 minutes. */
    public static Duration backOff(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(failures - free, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private String failureKey(String name, HttpServletRequest request) {
        return name + ':' + currentKey().hash(network(request.getRemoteAddr()));
    }

    private record Failures(int count, Instant nextAt) {
    }

    /**
     * The address as counted: an IPv4 address alone, an IPv6 address by its /64 network, since one household or
     * one attacker holds a whole /64 and could otherwise take a new address for every try.
     */
    static String network(String address) {
        // Only literals are parsed: anything else could make InetAddress ask the DNS.
        if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]{2,45}")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    private DailyKey currentKey() {
        DailyKey current = key;
        LocalDate today = today();
        if (!current.day().equals(today)) {
            synchronized (this) {
                if (!key.day().equals(today)) {
                    key = newKey(today);
                    perAddress.clear();
                }
                current = key;
            }
        }
        return current;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private DailyKey newKey(LocalDate day) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new DailyKey(day, secret);
    }

    private static Bucket bucket(long capacity, Duration period) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build();
    }

    /**
     * One kind of attempt and how many are allowed.
     *
     * @param name               what is counted
     * @param perAddressPerHour  attempts one address may make in an hour
     * @param overallPerMinute   attempts everyone together may make in a minute
     */
    public record Limit(String name, long perAddressPerHour, long overallPerMinute) {

        public Limit {
            if (perAddressPerHour < 1 || overallPerMinute < 1) {
                throw new IllegalArgumentException("Limit " + name + " must allow at least one attempt");
            }
        }
    }

    private record DailyKey(LocalDate day, byte[] secret) {

        String hash(String address) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
            }
        }
    }
}
