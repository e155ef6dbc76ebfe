package org.raporto.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.jspecify.annotations.Nullable;
import org.raporto.shared.crypto.LookupHashes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Proof of work (ALTCHA): before a report is sent or a receipt tried, the browser or app spends a moment of
 * computation that costs a person nothing and a flood of automated requests a great deal. Nothing about the person
 * is involved: no cookie, no fingerprint, no third party.
 * <p>
 * Challenges are signed with a key derived from the lookup key, so that every node accepts the others' challenges.
 * Each solution is taken once: it is remembered until its challenge would have expired.
 */
@Service
@EnableConfigurationProperties(ProofOfWork.Settings.class)
public class ProofOfWork {

    private final Settings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String key;

    ProofOfWork(Settings settings, JdbcClient jdbc, LookupHashes hashes, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = HexFormat.of().formatHex(hashes.of("proof-of-work", "challenge signing key"));
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** How hard a challenge is: its number lies between 0 and this. */
    public long maxNumber() {
        return settings.maxNumber();
    }

    /** How long a challenge may be solved and used. */
    public Duration lifetime() {
        return settings.lifetime();
    }

    /** A new challenge, as the ALTCHA widget and API clients take it. */
    public Challenge challenge() {
        try {
            Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(key)
                    .setMaxNumber(settings.maxNumber())
                    .setExpiresInSeconds(settings.lifetime().toSeconds()));
            return new Challenge(challenge.algorithm, challenge.challenge, challenge.maxnumber, challenge.salt, challenge.signature);
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not create a proof-of-work challenge", e);
        }
    }

    /**
     * Checks a solution and, when it is good, spends it.
     *
     * @param payload the base64 payload the widget puts in the form's {@code altcha} field; null or blank when none
     *                was sent (no JavaScript)
     */
    public Verdict verify(@Nullable String payload) {
        if (payload == null || payload.isBlank()) {
            return Verdict.MISSING;
        }
        if (payload.length() > 2048) {
            return Verdict.INVALID;
        }
        String signature;
        try {
            if (!Altcha.verifySolution(payload, key, true)) {
                return Verdict.INVALID;
            }
            signature = JsonMapper.shared().readTree(Base64.getDecoder().decode(payload.strip())).path("signature").asString();
        }
        catch (Exception malformed) {
            // Whatever a client sends in this field, a mistake in it is only a wrong answer.
            return Verdict.INVALID;
        }
        // Every challenge expires within the lifetime from its making, so this is long enough.
        int spent = jdbc.sql("INSERT INTO intake_spent_proof (signature, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(signature, Timestamp.from(clock.instant().plus(settings.lifetime())))
                .update();
        return spent == 1 ? Verdict.VALID : Verdict.SPENT;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.sql("DELETE FROM intake_spent_proof WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

    /** What a solution turned out to be. */
    public enum Verdict {
        /** Solved, signed by us, not expired, not used before. */
        VALID,
        /** No solution came: the browser runs no JavaScript, or the client did not try. */
        MISSING,
        /** Wrong, expired, forged or malformed. */
        INVALID,
        /** Good, but used already. */
        SPENT
    }

    /** A challenge in ALTCHA's format (field names are the protocol's). */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {

        public Map<String, Object> asMap() {
            return Map.of("algorithm", algorithm, "challenge", challenge, "maxnumber", maxnumber, "salt", salt, "signature", signature);
        }
    }

    /**
     * @param enabled   whether reports and receipts need a proof of work where JavaScript runs, and always over the API
     * @param maxNumber how hard a challenge is: the browser tries on average half this many hashes (50,000 take well
     *                  under a second on an old phone)
     * @param lifetime  how long a challenge may be solved and used
     */
    @ConfigurationProperties("raporto.intake.proof-of-work")
    record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("50000") long maxNumber,
            @DefaultValue("1h") Duration lifetime) {
    }
}
