package org.raporto.referral;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.intake.Platform;
import org.raporto.tracing.AbuseContacts;
import org.raporto.tracing.HostingTrace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The directory of agencies. Administrators keep it; hosting providers are added from trace results and wait for an
 * analyst's approval before the first notice goes to them.
 */
@Service
public class Agencies {

    static final String OBJECT = "agency";
    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 2000;
    public static final int MAX_EMAILS = 5;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final String COLUMNS = "id, kind, name, country, languages, emails, portal, notes, ready, approved_at, approved_by, asn, domains";

    /** The hosts of the platforms reporters name, to find the platform's agency for an account without an address. */
    private static final Map<Platform, String> PLATFORM_HOSTS = Map.of(Platform.INSTAGRAM, "instagram.com", Platform.FACEBOOK, "facebook.com",
            Platform.TIKTOK, "tiktok.com", Platform.SNAPCHAT, "snapchat.com", Platform.YOUTUBE, "youtube.com", Platform.X, "x.com",
            Platform.TELEGRAM, "telegram.org", Platform.WHATSAPP, "whatsapp.com", Platform.DISCORD, "discord.com", Platform.ROBLOX, "roblox.com");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Agencies(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every agency, by kind and then name. */
    public List<Agency> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referral_agency ORDER BY kind, country, name").query(Agencies::agency).list();
    }

    public Optional<Agency> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referral_agency WHERE id = ?").param(id).query(Agencies::agency).optional();
    }

    /**
     * The agencies of a kind in a country: those ready to receive first, then by identifier, so that the routing's
     * choice among several (two regulators, three German hotlines) is the same every time and an administrator decides it.
     */
    public List<Agency> of(AgencyKind kind, String country) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referral_agency WHERE kind = ? AND country = ? ORDER BY ready DESC, id")
                .params(kind.name(), country).query(Agencies::agency).list();
    }

    /** The platform serving a host (or any of its parent domains), if the directory knows it. */
    public Optional<Agency> platformServing(String host) {
        // The host and each parent domain with at least two labels: m.facebook.com, facebook.com.
        List<String> candidates = new ArrayList<>();
        String name = host.toLowerCase(Locale.ROOT);
        for (int dot = -1; name.indexOf('.', dot + 1) > 0; dot = name.indexOf('.', dot + 1)) {
            candidates.add(name.substring(dot + 1));
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM referral_agency WHERE kind = 'PLATFORM' AND domains && ?::text[] ORDER BY name LIMIT 1")
                .param("{" + String.join(",", candidates) + "}").query(Agencies::agency).optional();
    }

    /** The platform of an account a reporter named, if the directory knows it. */
    public Optional<Agency> platform(Platform platform) {
        String host = PLATFORM_HOSTS.get(platform);
        return host == null ? Optional.empty() : platformServing(host);
    }

    /**
     * The hosting provider of a traced host: the network that announces its addresses, found in the directory by its
     * number, or added from the trace to wait for an analyst's approval (with no address: the analyst adds the abuse
     * contact when approving).
     *
     * @return empty when the trace names no single network
     */
    @Transactional
    public Optional<Agency> hostingProvider(HostingTrace trace) {
        List<HostingTrace.Address> located = trace.addresses().stream()
                .filter(address -> address.onInternet() && address.cdn() == null && address.asn() != null).toList();
        if (located.isEmpty() || located.stream().map(HostingTrace.Address::asn).distinct().count() != 1) {
            return Optional.empty();
        }
        HostingTrace.Address address = located.get(0);
        long asn = address.asn();
        Optional<Agency> known = jdbc.sql("SELECT " + COLUMNS + " FROM referral_agency WHERE kind = 'HOSTING_PROVIDER' AND asn = ?")
                .param(asn).query(Agencies::agency).optional();
        if (known.isPresent()) {
            return known;
        }
        String name = address.network() == null || address.network().isBlank() ? "AS" + asn : address.network().strip();
        jdbc.sql("""
                INSERT INTO referral_agency (id, kind, name, country, languages, notes, asn, created_at)
                VALUES (?, 'HOSTING_PROVIDER', ?, ?, '{en}', '', ?, ?) ON CONFLICT DO NOTHING""")
                .params("as" + asn, name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name,
                        address.country() == null ? "ZZ" : address.country(), asn, Timestamp.from(clock.instant()))
                .update();
        return find("as" + asn);
    }

    /**
     * The registrar named by a domain's registration data, found in the directory by its IANA id or added to wait for
     * an analyst's approval, with the abuse address the registry published (to be checked when approving).
     */
    @Transactional
    public Agency registrar(AbuseContacts.Contact found) {
        String key = found.handle() != null && found.handle().matches("[0-9]{1,10}") ? found.handle()
                : Integer.toHexString(found.name().toLowerCase(Locale.ROOT).hashCode());
        String id = "registrar-" + key;
        String name = found.name().length() > MAX_NAME ? found.name().substring(0, MAX_NAME) : found.name();
        List<String> emails = found.email() != null && isAddress(found.email()) ? List.of(found.email()) : List.of();
        jdbc.sql("""
                INSERT INTO referral_agency (id, kind, name, country, languages, emails, notes, created_at)
                VALUES (?, 'REGISTRAR', ?, 'ZZ', '{en}', ?::text[], '', ?) ON CONFLICT DO NOTHING""")
                .params(id, name, array(emails), Timestamp.from(clock.instant())).update();
        return find(id).orElseThrow();
    }

    /**
     * Adds or changes an agency, as an administrator does; the change is audited.
     *
     * @throws InvalidAgency naming the fields that are wrong
     */
    @Transactional
    public void save(Agency agency, boolean isNew, Actor by) {
        List<String> wrong = check(agency);
        if (isNew && find(agency.id()).isPresent()) {
            wrong.add("id.taken");
        }
        if (!wrong.isEmpty()) {
            throw new InvalidAgency(wrong);
        }
        if (agency.kind() == AgencyKind.HOSTING_PROVIDER && agency.asn() != null && jdbc.sql(
                "SELECT count(*) FROM referral_agency WHERE kind = 'HOSTING_PROVIDER' AND asn = ? AND id <> ?").params(agency.asn(), agency.id())
                .query(Integer.class).single() > 0) {
            throw new InvalidAgency(List.of("asn.taken"));
        }
        String arrays = "?::text[], ?::text[], ?, ?, ?, ?::text[]";
        if (isNew) {
            jdbc.sql("INSERT INTO referral_agency (id, kind, name, country, languages, emails, portal, notes, ready, domains, asn, approved_at,"
                    + " approved_by, created_at) VALUES (?, ?, ?, ?, " + arrays + ", ?, ?, ?, ?)")
                    .params(agency.id(), agency.kind().name(), agency.name(), agency.country(), array(agency.languages()), array(agency.emails()),
                            agency.portal(), agency.notes(), agency.ready(), array(agency.domains()), agency.asn(), Timestamp.from(clock.instant()),
                            by.name(), Timestamp.from(clock.instant()))
                    .update();
        }
        else {
            int changed = jdbc.sql("UPDATE referral_agency SET kind = ?, name = ?, country = ?, languages = ?::text[], emails = ?::text[], portal = ?,"
                    + " notes = ?, ready = ?, domains = ?::text[], asn = ? WHERE id = ?")
                    .params(agency.kind().name(), agency.name(), agency.country(), array(agency.languages()), array(agency.emails()), agency.portal(),
                            agency.notes(), agency.ready(), array(agency.domains()), agency.asn(), agency.id())
                    .update();
            if (changed == 0) {
                throw new InvalidAgency(List.of("id.unknown"));
            }
        }
        audit.record(by, AuditAction.AGENCY_CHANGED, OBJECT, agency.id(), Map.of("name", agency.name(), "ready", String.valueOf(agency.ready())));
    }

    /**
     * An analyst approves a hosting provider or registrar found by tracing, with the abuse address found for it.
     *
     * @throws InvalidAgency when the address is not one
     */
    @Transactional
    public void approve(String id, List<String> emails, Actor by) {
        Agency agency = find(id).orElseThrow(() -> new InvalidAgency(List.of("id.unknown")));
        Agency approved = new Agency(agency.id(), agency.kind(), agency.name(), agency.country(), agency.languages(), emails, agency.portal(),
                agency.notes(), true, clock.instant(), by.name(), agency.asn(), agency.domains());
        List<String> wrong = check(approved);
        if (emails.isEmpty()) {
            wrong.add("emails");
        }
        if (!wrong.isEmpty()) {
            throw new InvalidAgency(wrong);
        }
        jdbc.sql("UPDATE referral_agency SET emails = ?::text[], ready = true, approved_at = ?, approved_by = ? WHERE id = ?")
                .params(array(emails), Timestamp.from(clock.instant()), by.name(), id).update();
        audit.record(by, AuditAction.AGENCY_APPROVED, OBJECT, id, Map.of("name", agency.name()));
    }

    /** The names of the fields that are wrong, as message key suffixes. */
    static List<String> check(Agency agency) {
        List<String> wrong = new ArrayList<>();
        if (!ID.matcher(agency.id()).matches()) {
            wrong.add("id");
        }
        if (agency.name().isBlank() || agency.name().length() > MAX_NAME || agency.name().chars().anyMatch(Character::isISOControl)) {
            wrong.add("name");
        }
        if (!COUNTRY.matcher(agency.country()).matches()) {
            wrong.add("country");
        }
        if (agency.languages().isEmpty() || agency.languages().size() > 5 || !agency.languages().stream().allMatch(code -> LANGUAGE.matcher(code).matches())) {
            wrong.add("languages");
        }
        if (agency.emails().size() > MAX_EMAILS || !agency.emails().stream().allMatch(Agencies::isAddress)) {
            wrong.add("emails");
        }
        if (agency.notes().length() > MAX_NOTES) {
            wrong.add("notes");
        }
        if (agency.asn() != null && (agency.asn() < 0 || agency.asn() > 4_294_967_295L)) {
            wrong.add("asn");
        }
        if (agency.domains().size() > 20 || !agency.domains().stream().allMatch(domain -> domain.length() <= 253 && DOMAIN.matcher(domain).matches())) {
            wrong.add("domains");
        }
        return wrong;
    }

    /** A bare address, as the outbox takes it. */
    static boolean isAddress(String text) {
        if (text.length() > 254 || text.indexOf('@') < 1) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            return !parsed.isGroup() && parsed.getPersonal() == null && text.equals(parsed.getAddress());
        }
        catch (AddressException malformed) {
            return false;
        }
    }

    private static String array(List<String> values) {
        // Every value was checked against a pattern without commas, quotes or braces.
        return "{" + String.join(",", values) + "}";
    }

    static Agency agency(ResultSet row, int number) throws SQLException {
        Timestamp approved = row.getTimestamp("approved_at");
        return new Agency(row.getString("id"), AgencyKind.valueOf(row.getString("kind")), row.getString("name"), row.getString("country"),
                strings(row.getArray("languages")), strings(row.getArray("emails")), row.getBoolean("portal"), row.getString("notes"),
                row.getBoolean("ready"), approved == null ? null : approved.toInstant(), row.getString("approved_by"), row.getObject("asn", Long.class),
                strings(row.getArray("domains")));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** An agency an administrator or analyst typed that cannot be kept. */
    public static class InvalidAgency extends RuntimeException {

        private final List<String> fields;

        InvalidAgency(List<String> fields) {
            super("Invalid agency: " + fields);
            this.fields = List.copyOf(fields);
        }

        /** The fields that are wrong, as message key suffixes ({@code name}, {@code emails}, {@code id.taken}…). */
        public List<String> fields() {
            return fields;
        }
    }
}
