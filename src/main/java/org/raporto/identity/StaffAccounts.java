package org.raporto.identity;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.notification.Notice;
import org.raporto.notification.NoticeKind;
import org.raporto.notification.Outbox;
import org.raporto.shared.Language;
import org.raporto.shared.crypto.Envelope;
import org.raporto.shared.crypto.Envelopes;
import org.raporto.shared.crypto.LookupHashes;
import org.raporto.shared.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff and partner accounts: made by the first-run setup or by an administrator's invitation, activated by their
 * owner with a password and an authenticator app, never deleted once made (disabled instead).
 * <p>
 * Links (setup, invitation) carry a random token of 256 bits; only its keyed hash is stored, and it is used once.
 */
@Service
public class StaffAccounts {

    /** The pages a one-time link opens: its token comes as {@code ?token=}. */
    public static final String INVITATION_PAGE = "/staff/invitation";
    public static final String RESET_PAGE = "/staff/reset";

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    static final Duration INVITATION_VALID = Duration.ofDays(7);
    static final Duration RESET_VALID = Duration.ofDays(1);
    static final int RECOVERY_CODES = 10;
    private static final String TOTP_FIELD = "totp-secret";

    private final JdbcClient jdbc;
    private final Envelopes envelopes;
    private final LookupHashes hashes;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final SiteProperties site;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SecureRandom random = new SecureRandom();
    /** A hash of a password no one knows, checked against when an e-mail has no account. */
    private final String unknownAccountHash;

    StaffAccounts(JdbcClient jdbc, Envelopes envelopes, LookupHashes hashes, PasswordEncoder passwords, PasswordPolicy policy,
            Clock clock, SiteProperties site, AuditLog audit, Outbox outbox) {
        this.outbox = outbox;
        this.site = site;
        this.audit = audit;
        this.jdbc = jdbc;
        this.envelopes = envelopes;
        this.hashes = hashes;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    public boolean administratorExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_account WHERE 'ADMIN' = ANY (roles) AND enabled AND password_hash IS NOT NULL)")
                .query(Boolean.class).single();
    }

    public Optional<StaffAccount> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(StaffAccounts::account).optional();
    }

    public Optional<StaffAccount> byEmail(String email) {
        return jdbc.sql(SELECT + " WHERE email = ?").param(normalised(email)).query(StaffAccounts::account).optional();
    }

    /** Every account, administrators first, then by name. */
    public List<StaffAccount> all() {
        return jdbc.sql(SELECT + " ORDER BY NOT ('ADMIN' = ANY (roles)), lower(name), email").query(StaffAccounts::account).list();
    }

    /**
     * Makes an account that its owner activates through the returned link's token, within seven days, and e-mails
     * them the link through the outbox (sent once a mail server is configured).
     *
     * @throws IllegalArgumentException when the e-mail address has an account already, or the roles do not fit
     */
    @Transactional
    public String invite(NewAccount account, Actor by) {
        UUID id = UUID.randomUUID();
        insert(id, account, null);
        audit.record(by, AuditAction.ACCOUNT_INVITED, ACCOUNT, id.toString(), Map.of("roles", roles(account.roles()),
                "csamClearance", String.valueOf(account.csamClearance())));
        String token = token(TokenKind.INVITATION, id, INVITATION_VALID);
        mail(account.email(), account.language(), NoticeKind.STAFF_INVITATION, INVITATION_PAGE + "?token=" + token);
        return token;
    }

    /** A new first-run setup token, valid for a day; the caller shows it once. */
    @Transactional
    public String setupToken(Duration valid) {
        return token(TokenKind.SETUP, null, valid);
    }

    /**
     * Whether the token opens what it claims to: not used, not expired, of this kind.
     *
     * @return the account it is for (empty for the setup token, which is for no account yet)
     */
    public Optional<TokenCheck> check(TokenKind kind, String token) {
        return jdbc.sql("SELECT account_id FROM identity_token WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?")
                .params(hashes.of(TOKEN_PURPOSE, token), kind.name(), Timestamp.from(now()))
                .query((row, n) -> new TokenCheck(row.getObject("account_id", UUID.class)))
                .optional();
    }

    /**
     * The first administrator, made with the setup token, which is used up; only while no administrator exists.
     *
     * @return the new account, which still has to enrol an authenticator app
     * @throws WeakPassword             when the password is refused
     * @throws IllegalStateException    when the token is not valid or an administrator exists already
     */
    @Transactional
    public UUID createAdministrator(String token, NewAccount account, String password) {
        requireStrong(password, account.email());
        // One setup at a time, on every node: the check and the insert under one lock.
        jdbc.sql("SELECT pg_advisory_xact_lock(7261)").query(Object.class).optional();
        if (administratorExists() || !use(TokenKind.SETUP, token)) {
            throw new IllegalStateException("The setup link is not valid any more");
        }
        UUID id = UUID.randomUUID();
        insert(id, new NewAccount(account.name(), account.email(), account.language(), EnumSet.of(Role.ADMIN), null,
                account.csamClearance()), passwords.encode(password));
        audit.record(new Actor(id, account.name().strip()), AuditAction.SETUP_COMPLETED, ACCOUNT, id.toString(), Map.of());
        return id;
    }

    /**
     * Sets the password of an invited account with its invitation token, which is used up.
     *
     * @throws WeakPassword          when the password is refused
     * @throws IllegalStateException when the token is not valid
     */
    @Transactional
    public UUID acceptInvitation(String token, String password) {
        UUID account = check(TokenKind.INVITATION, token).map(TokenCheck::account)
                .orElseThrow(() -> new IllegalStateException("The invitation link is not valid any more"));
        StaffAccount invited = find(account).orElseThrow();
        requireStrong(password, invited.email());
        if (!use(TokenKind.INVITATION, token)) {
            throw new IllegalStateException("The invitation link is not valid any more");
        }
        jdbc.sql("UPDATE identity_account SET password_hash = ?, sessions_valid_after = ? WHERE id = ?")
                .params(passwords.encode(password), Timestamp.from(now()), account).update();
        audit.record(actor(account), AuditAction.PASSWORD_CHANGED, ACCOUNT, account.toString(), Map.of("reason", "invitation"));
        return account;
    }

    /**
     * A new password chosen with the reset link an administrator made, which is used up; every session of the account
     * ends.
     *
     * @throws WeakPassword          when the password is refused
     * @throws IllegalStateException when the token is not valid
     */
    @Transactional
    public UUID resetPassword(String token, String password) {
        UUID account = check(TokenKind.RESET, token).map(TokenCheck::account)
                .orElseThrow(() -> new IllegalStateException("The reset link is not valid any more"));
        requireStrong(password, find(account).orElseThrow().email());
        if (!use(TokenKind.RESET, token)) {
            throw new IllegalStateException("The reset link is not valid any more");
        }
        jdbc.sql("UPDATE identity_account SET password_hash = ?, sessions_valid_after = ? WHERE id = ?")
                .params(passwords.encode(password), Timestamp.from(now()), account).update();
        audit.record(actor(account), AuditAction.PASSWORD_CHANGED, ACCOUNT, account.toString(), Map.of("reason", "reset"));
        return account;
    }

    /**
     * The owner's new password, given with the current one; every other session of the account ends.
     *
     * @return false when the current password is wrong (nothing changed)
     * @throws WeakPassword when the new password is refused
     */
    @Transactional
    public boolean changePassword(UUID account, String current, String next) {
        StaffAccount found = find(account).orElseThrow();
        if (passwordMatches(found.email(), current).isEmpty()) {
            return false;
        }
        requireStrong(next, found.email());
        jdbc.sql("UPDATE identity_account SET password_hash = ?, sessions_valid_after = ? WHERE id = ?")
                .params(passwords.encode(next), Timestamp.from(now()), account).update();
        audit.record(actor(account), AuditAction.PASSWORD_CHANGED, ACCOUNT, account.toString(), Map.of("reason", "owner"));
        return true;
    }

    /**
     * A link, valid for a day, with which the owner chooses a new password: e-mailed to them through the outbox, and
     * shown once to the administrator in case the message does not arrive.
     */
    @Transactional
    public String resetLink(UUID account, Actor by) {
        audit.record(by, AuditAction.PASSWORD_RESET_REQUESTED, ACCOUNT, account.toString(), Map.of());
        String token = token(TokenKind.RESET, account, RESET_VALID);
        find(account).ifPresent(owner -> mail(owner.email(), owner.language(), NoticeKind.PASSWORD_RESET, RESET_PAGE + "?token=" + token));
        return token;
    }

    /** An address the form accepted but SMTP would not: the link is still shown to the administrator, who passes it on. */
    private void mail(String email, Language language, NoticeKind kind, String link) {
        Notice notice;
        try {
            notice = new Notice(email, language, kind, link);
        }
        catch (IllegalArgumentException unusable) {
            log.warn("An account's e-mail address cannot receive a {} notice; the link is shown to the administrator only", kind);
            return;
        }
        outbox.enqueue(notice);
    }

    /**
     * Forgets the account's authenticator app and recovery codes (the phone was lost): the owner enrols a new app the
     * next time their password is right. Every session of the account ends.
     */
    @Transactional
    public void resetAuthenticator(UUID account, Actor by) {
        jdbc.sql("UPDATE identity_account SET data_key = NULL, totp_secret = NULL, totp_confirmed_at = NULL, sessions_valid_after = ? WHERE id = ?")
                .params(Timestamp.from(now()), account).update();
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = ?").param(account).update();
        audit.record(by, AuditAction.TOTP_RESET, ACCOUNT, account.toString(), Map.of());
    }

    /** A new secret for the account's authenticator app, replacing any that was not confirmed. */
    @Transactional
    public byte[] startEnrolment(UUID account) {
        byte[] secret = Totp.newSecret(random);
        Envelope envelope = envelopes.create();
        jdbc.sql("UPDATE identity_account SET data_key = ?, totp_secret = ?, totp_confirmed_at = NULL WHERE id = ? AND totp_confirmed_at IS NULL")
                .params(envelope.wrappedKey(), envelope.seal(TOTP_FIELD, secret), account).update();
        return secret;
    }

    /** The secret being enrolled, to show again (the page reloaded); empty when enrolment is not under way. */
    public Optional<byte[]> enrolling(UUID account) {
        return jdbc.sql("SELECT data_key, totp_secret FROM identity_account WHERE id = ? AND totp_secret IS NOT NULL AND totp_confirmed_at IS NULL")
                .param(account)
                .query((row, n) -> envelopes.open(row.getBytes("data_key")).open(TOTP_FIELD, row.getBytes("totp_secret")))
                .optional();
    }

    /**
     * Confirms the authenticator app with a code it shows, and makes the recovery codes.
     *
     * @return the recovery codes, to be shown once; empty when the code is wrong
     */
    @Transactional
    public Optional<List<String>> confirmEnrolment(UUID account, String code) {
        Optional<byte[]> secret = enrolling(account);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.verify(secret.get(), code, clock.instant(), 0);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE identity_account SET totp_confirmed_at = ?, totp_last_step = ? WHERE id = ?")
                .params(Timestamp.from(now()), step.getAsLong(), account).update();
        audit.record(actor(account), AuditAction.TOTP_ENROLLED, ACCOUNT, account.toString(), Map.of());
        return Optional.of(newRecoveryCodes(account));
    }

    /**
     * Takes a code from the account's authenticator app, or one of its recovery codes, once.
     *
     * @return whether it was right
     */
    @Transactional
    public boolean acceptSecondFactor(UUID account, String typed) {
        var row = jdbc.sql("SELECT data_key, totp_secret, totp_last_step FROM identity_account WHERE id = ? AND totp_confirmed_at IS NOT NULL FOR UPDATE")
                .param(account)
                .query((r, n) -> new Object[] {r.getBytes("data_key"), r.getBytes("totp_secret"), r.getLong("totp_last_step")})
                .optional();
        if (row.isEmpty()) {
            return false;
        }
        byte[] secret = envelopes.open((byte[]) row.get()[0]).open(TOTP_FIELD, (byte[]) row.get()[1]);
        OptionalLong step = Totp.verify(secret, typed, clock.instant(), (Long) row.get()[2]);
        if (step.isPresent()) {
            jdbc.sql("UPDATE identity_account SET totp_last_step = ? WHERE id = ?").params(step.getAsLong(), account).update();
            audit.record(actor(account), AuditAction.SIGN_IN, ACCOUNT, account.toString(), Map.of("factor", "totp"));
            return true;
        }
        if (useRecoveryCode(account, typed)) {
            audit.record(actor(account), AuditAction.RECOVERY_CODE_USED, ACCOUNT, account.toString(),
                    Map.of("left", String.valueOf(recoveryCodesLeft(account))));
            audit.record(actor(account), AuditAction.SIGN_IN, ACCOUNT, account.toString(), Map.of("factor", "recoveryCode"));
            return true;
        }
        audit.record(Actor.unknown(), AuditAction.SIGN_IN_FAILED, ACCOUNT, account.toString(), Map.of("step", "code"));
        return false;
    }

    /** What the enrolment page shows: the QR code an authenticator app scans, and the same secret as text. */
    public Enrolment enrolment(UUID account, byte[] secret) {
        String email = find(account).map(StaffAccount::email).orElseThrow();
        return new Enrolment(QrCode.svg(Totp.uri(site.name(), email, secret), "qr-label"), Base32.grouped(secret));
    }

    /** Whether the account has a password and a confirmed authenticator app. */
    public boolean isActive(UUID account) {
        return find(account).map(StaffAccount::active).orElse(false);
    }

    /**
     * The account whose e-mail and password these are, if it may sign in; unknown e-mails cost as much time. A
     * failure is audited with a keyed hash of what was typed, never the e-mail itself (it may be someone's password
     * typed in the wrong field).
     */
    @Transactional
    public Optional<UUID> checkPassword(String email, String password) {
        Optional<UUID> account = passwordMatches(email, password);
        if (account.isEmpty()) {
            audit.record(Actor.unknown(), AuditAction.SIGN_IN_FAILED, null, null, Map.of("step", "password",
                    "login", HexFormat.of().formatHex(hashes.of("audit-login", normalised(email)))));
        }
        return account;
    }

    private Optional<UUID> passwordMatches(String email, String password) {
        var stored = jdbc.sql("SELECT id, password_hash FROM identity_account WHERE email = ? AND enabled AND password_hash IS NOT NULL")
                .param(normalised(email))
                .query((row, n) -> new Object[] {row.getObject("id", UUID.class), row.getString("password_hash")})
                .optional();
        if (stored.isEmpty()) {
            // The same work as for a real account, so that the answer's timing does not tell which e-mails exist.
            passwords.matches(password, unknownAccountHash);
            return Optional.empty();
        }
        return passwords.matches(password, (String) stored.get()[1]) ? Optional.of((UUID) stored.get()[0]) : Optional.empty();
    }

    /** Sessions signed in before this moment are to end. */
    public Optional<Instant> sessionsValidAfter(UUID account) {
        return jdbc.sql("SELECT sessions_valid_after FROM identity_account WHERE id = ? AND enabled")
                .param(account).query((row, n) -> row.getTimestamp(1).toInstant()).optional();
    }

    /** Ends every session of the account, on every node, from the next request on. */
    @Transactional
    public void signOutEverywhere(UUID account) {
        jdbc.sql("UPDATE identity_account SET sessions_valid_after = ? WHERE id = ?").params(Timestamp.from(now()), account).update();
        audit.record(actor(account), AuditAction.SIGNED_OUT_EVERYWHERE, ACCOUNT, account.toString(), Map.of());
    }

    /** Disabling ends the account's sessions at once; nothing of the account is deleted. */
    @Transactional
    public void setEnabled(UUID account, boolean enabled, Actor by) {
        jdbc.sql("UPDATE identity_account SET enabled = ?, sessions_valid_after = ? WHERE id = ?")
                .params(enabled, Timestamp.from(now()), account).update();
        audit.record(by, enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED, ACCOUNT, account.toString(), Map.of());
    }

    /**
     * Gives an account other roles, agency or clearance; each change is audited, and counts from the account's next
     * request on, on every node.
     *
     * @throws IllegalArgumentException when the roles do not fit (see {@link NewAccount})
     */
    @Transactional
    public void change(UUID account, Set<Role> roles, @Nullable String agency, boolean csamClearance, Actor by) {
        StaffAccount before = find(account).orElseThrow(() -> new IllegalArgumentException("No such account"));
        NewAccount checked = new NewAccount(before.name(), before.email(), before.language(), roles, agency, csamClearance);
        jdbc.sql("UPDATE identity_account SET roles = ?::text[], agency = ?, csam_clearance = ? WHERE id = ?")
                .params("{" + roles(checked.roles()) + "}", checked.roles().contains(Role.PARTNER) ? checked.agency() : null,
                        csamClearance, account)
                .update();
        if (!before.roles().equals(checked.roles()) || !java.util.Objects.equals(before.agency(), checked.agency())) {
            audit.record(by, AuditAction.ROLES_CHANGED, ACCOUNT, account.toString(), Map.of("from", roles(before.roles()),
                    "to", roles(checked.roles())));
        }
        if (before.csamClearance() != csamClearance) {
            audit.record(by, AuditAction.CLEARANCE_CHANGED, ACCOUNT, account.toString(), Map.of("csamClearance", String.valueOf(csamClearance)));
        }
    }

    /**
     * Makes or renews a demonstration account with this password and authenticator key, active at once and marked as
     * a demo account. Only {@link DemoAccounts} calls it, and only on the embedded database.
     */
    @Transactional
    void seedDemo(NewAccount account, String password, byte[] totpSecret) {
        UUID id = byEmail(account.email()).map(StaffAccount::id).orElseGet(() -> {
            UUID made = UUID.randomUUID();
            insert(made, account, null);
            return made;
        });
        Envelope envelope = envelopes.create();
        jdbc.sql("""
                UPDATE identity_account SET password_hash = ?, data_key = ?, totp_secret = ?, totp_confirmed_at = ?, totp_last_step = 0,
                    demo = true, enabled = true, sessions_valid_after = ?
                WHERE id = ?""")
                .params(passwords.encode(password), envelope.wrappedKey(), envelope.seal(TOTP_FIELD, totpSecret), Timestamp.from(now()),
                        Timestamp.from(now()), id)
                .update();
        audit.record(Actor.system(), AuditAction.ACCOUNT_ACTIVATED, ACCOUNT, id.toString(), Map.of("demo", "true"));
    }

    /** The account as the audit log names it. */
    public Actor actor(UUID account) {
        return new Actor(account, find(account).map(StaffAccount::name).orElse("?"));
    }

    private static String roles(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    /** The signed-in view of an account that may be signed in; empty when it is disabled or not active. */
    public Optional<StaffUser> user(UUID account, Instant signedInAt) {
        return find(account).filter(StaffAccount::enabled).filter(StaffAccount::active)
                .map(found -> new StaffUser(found.id(), found.name(), found.email(), found.language(), found.roles(),
                        found.csamClearance(), signedInAt.truncatedTo(ChronoUnit.MICROS)));
    }

    private List<String> newRecoveryCodes(UUID account) {
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = ?").param(account).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = RecoveryCode.generate(random);
            codes.add(code);
            jdbc.sql("INSERT INTO identity_recovery_code (account_id, code_hash) VALUES (?, ?)")
                    .params(account, hashes.of(RECOVERY_PURPOSE, RecoveryCode.normalised(code))).update();
        }
        return codes;
    }

    private boolean useRecoveryCode(UUID account, String typed) {
        String code = RecoveryCode.normalised(typed);
        if (code.isEmpty()) {
            return false;
        }
        return jdbc.sql("UPDATE identity_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(Timestamp.from(now()), account, hashes.of(RECOVERY_PURPOSE, code)).update() == 1;
    }

    /** Recovery codes not used yet. */
    public int recoveryCodesLeft(UUID account) {
        return jdbc.sql("SELECT count(*) FROM identity_recovery_code WHERE account_id = ? AND used_at IS NULL")
                .param(account).query(Integer.class).single();
    }

    private void insert(UUID id, NewAccount account, @Nullable String passwordHash) {
        if (byEmail(account.email()).isPresent()) {
            throw new IllegalArgumentException("An account with this e-mail address exists");
        }
        Instant now = now();
        jdbc.sql("""
                INSERT INTO identity_account (id, email, name, language, roles, agency, csam_clearance, password_hash,
                    sessions_valid_after, created_at)
                VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)
                """)
                .params(id, normalised(account.email()), account.name().strip(), account.language().code(),
                        "{" + roles(account.roles()) + "}",
                        account.agency(), account.csamClearance(), passwordHash, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    private String token(TokenKind kind, @Nullable UUID account, Duration valid) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO identity_token (token_hash, kind, account_id, expires_at) VALUES (?, ?, ?, ?)")
                .params(hashes.of(TOKEN_PURPOSE, token), kind.name(), account, Timestamp.from(clock.instant().plus(valid)))
                .update();
        return token;
    }

    private boolean use(TokenKind kind, String token) {
        return jdbc.sql("UPDATE identity_token SET used_at = ? WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now()), hashes.of(TOKEN_PURPOSE, token), kind.name(), Timestamp.from(now()))
                .update() == 1;
    }

    private void requireStrong(String password, String email) {
        policy.check(password, email).ifPresent(weakness -> {
            throw new WeakPassword(weakness);
        });
    }

    /**
     * Now, to the microsecond PostgreSQL keeps: a session signed in at the moment its account's sessions were renewed
     * compares equal, not earlier, whatever the clock's nanoseconds.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static StaffAccount account(ResultSet row, int number) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = row.getArray("roles");
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return new StaffAccount(row.getObject("id", UUID.class), row.getString("email"), row.getString("name"),
                Language.fromCode(row.getString("language")).orElse(Language.SQ), roles, row.getString("agency"),
                row.getBoolean("csam_clearance"), row.getBoolean("enabled"), row.getBoolean("active"), row.getBoolean("demo"),
                row.getTimestamp("created_at").toInstant());
    }

    private static final String SELECT = """
            SELECT id, email, name, language, roles, agency, csam_clearance, enabled, demo, created_at,
                (password_hash IS NOT NULL AND totp_confirmed_at IS NOT NULL) AS active
            FROM identity_account""";
    private static final String ACCOUNT = "account";
    private static final String TOKEN_PURPOSE = "identity-token";
    private static final String RECOVERY_PURPOSE = "recovery-code";

    /** The links accounts are opened with. */
    public enum TokenKind {
        SETUP, INVITATION, RESET
    }

    /**
     * @param qrSvg  the QR code as an SVG element, labelled by the element with id {@code qr-label}
     * @param secret the secret in groups of four, to type into an app by hand
     */
    public record Enrolment(String qrSvg, String secret) {
    }

    /** @param account the account the token is for; null for the setup token */
    public record TokenCheck(@Nullable UUID account) {
    }

    /**
     * An account to make.
     *
     * @param agency the agency of a partner account; null for staff
     */
    public record NewAccount(String name, String email, Language language, Set<Role> roles, @Nullable String agency,
            boolean csamClearance) {

        public NewAccount {
            roles = Set.copyOf(roles);
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("An account has a role");
            }
            if (roles.contains(Role.PARTNER) && (roles.size() > 1 || agency == null || agency.isBlank())) {
                throw new IllegalArgumentException("A partner account has only the partner role, and an agency");
            }
        }
    }
}
