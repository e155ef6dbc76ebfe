package org.raporto.referral;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.casework.CaseFile;
import org.raporto.casework.CaseSummary;
import org.raporto.casework.Classification;
import org.raporto.intake.Categories;
import org.raporto.intake.Category;
import org.raporto.intake.SubmittedReport;
import org.raporto.tracing.HostingTrace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests where a report's items go, from its category, each item's classification and where it is hosted. The
 * routing rules (data, kept by the administrator) are tried first; an item no rule matches goes where its category's
 * default routing says. Content hosted abroad goes to that country's hotline, never to a foreign host directly.
 */
@Service
public class Routing {

    /** The outcomes that are passed on at all: the rest are closed or kept. */
    public static final Set<Classification.Outcome> REFERABLE = EnumSet.of(Classification.Outcome.BASELINE_CSAM,
            Classification.Outcome.NATIONAL_ILLEGAL, Classification.Outcome.HARMFUL_NOT_ILLEGAL);
    public static final int MAX_RULES = 100;

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final Categories categories;
    private final AuditLog audit;
    private final String country;

    Routing(JdbcClient jdbc, Agencies agencies, Categories categories, AuditLog audit, ReferralProperties properties) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.categories = categories;
        this.audit = audit;
        this.country = properties.country();
    }

    /** The hotline's own country. */
    public String country() {
        return country;
    }

    public List<RoutingRule> rules() {
        return jdbc.sql("SELECT id, position, category_code, outcome, hosted, on_platform, recipient, needs_consent, police_first"
                + " FROM referral_rule ORDER BY position")
                .query((row, number) -> new RoutingRule(row.getObject("id", UUID.class), row.getInt("position"), row.getString("category_code"),
                        row.getString("outcome") == null ? null : Classification.Outcome.valueOf(row.getString("outcome")),
                        RoutingRule.Hosted.valueOf(row.getString("hosted")), row.getBoolean("on_platform"), AgencyKind.valueOf(row.getString("recipient")),
                        row.getBoolean("needs_consent"), row.getBoolean("police_first")))
                .list();
    }

    /**
     * Replaces the rules with these, in this order; audited.
     *
     * @throws IllegalArgumentException when there are too many, or one names an outcome that is never referred
     */
    @Transactional
    public void replaceRules(List<RoutingRule> rules, Actor by) {
        if (rules.size() > MAX_RULES || rules.stream().anyMatch(rule -> rule.outcome() != null && !REFERABLE.contains(rule.outcome()))) {
            throw new IllegalArgumentException("At most " + MAX_RULES + " rules, each for an outcome that is referred");
        }
        jdbc.sql("DELETE FROM referral_rule").update();
        int position = 10;
        for (RoutingRule rule : rules) {
            jdbc.sql("INSERT INTO referral_rule (id, position, category_code, outcome, hosted, on_platform, recipient, needs_consent, police_first)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), position, rule.category(), rule.outcome() == null ? null : rule.outcome().name(), rule.hosted().name(),
                            rule.onPlatform(), rule.recipient().name(), rule.needsConsent(), rule.policeFirst())
                    .update();
            position += 10;
        }
        audit.record(by, AuditAction.ROUTING_CHANGED, "routing", null, Map.of("rules", String.valueOf(rules.size())));
    }

    /**
     * Where the report's finally classified, referable items should go, one suggestion per recipient.
     * Adds a hosting provider found by tracing to the directory (to be approved) when a rule asks for the host.
     */
    @Transactional
    public List<Suggestion> suggest(CaseSummary summary, List<CaseFile.Item> items) {
        List<RoutingRule> rules = rules();
        Set<Category.Recipient> defaults = categories.all().stream().map(Categories.Listed::category)
                .filter(category -> category.code().equals(summary.category())).findFirst().map(Category::routing).orElse(Set.of());
        Map<String, Building> found = new LinkedHashMap<>();
        for (CaseFile.Item item : items) {
            if (!item.isFinal() || item.classification() == null || !REFERABLE.contains(item.classification().outcome())) {
                continue;
            }
            Classification.Outcome outcome = item.classification().outcome();
            RoutingRule.Hosted hosted = hosted(item.trace());
            Optional<Agency> platform = platform(item);
            boolean matched = false;
            for (RoutingRule rule : rules) {
                if ((rule.category() == null || rule.category().equals(summary.category()) || rule.category().equals(item.classification().harmCategory()))
                        && (rule.outcome() == null || rule.outcome() == outcome) && rule.hosted().matches(hosted)
                        && (!rule.onPlatform() || platform.isPresent())) {
                    matched = true;
                    add(found, rule.recipient(), item, platform, rule.needsConsent(), rule.policeFirst(), true);
                }
            }
            if (!matched) {
                for (Category.Recipient recipient : defaults) {
                    AgencyKind kind = AgencyKind.of(recipient);
                    // The category's default names both the host and the foreign hotline: only one fits where it is hosted.
                    if ((kind == AgencyKind.FOREIGN_HOTLINE && hosted != RoutingRule.Hosted.ABROAD)
                            || (kind == AgencyKind.HOSTING_PROVIDER && hosted == RoutingRule.Hosted.ABROAD && outcome.isCsam())) {
                        continue;
                    }
                    add(found, kind, item, platform, false, false, false);
                }
            }
        }
        return found.values().stream().map(Building::build).toList();
    }

    private void add(Map<String, Building> found, AgencyKind kind, CaseFile.Item item, Optional<Agency> platform, boolean needsConsent,
            boolean policeFirst, boolean fromRule) {
        String missing = null;
        Agency agency = null;
        switch (kind) {
            case PLATFORM -> {
                agency = platform.orElse(null);
                missing = agency == null ? "platform" : null;
            }
            case HOSTING_PROVIDER -> {
                agency = item.trace() == null ? null : agencies.hostingProvider(item.trace()).orElse(null);
                missing = agency == null ? (item.trace() != null && item.trace().behindCdn() ? "cdn" : "host") : null;
            }
            case FOREIGN_HOTLINE -> {
                String where = item.trace() == null ? null : item.trace().hostingCountry().orElse(null);
                agency = where == null ? null : agencies.of(kind, where).stream().findFirst().orElse(null);
                missing = agency == null ? "hotline:" + (where == null ? "" : where) : null;
            }
            case REGISTRAR -> missing = "registrar";
            default -> {
                agency = agencies.of(kind, country).stream().findFirst().orElse(null);
                missing = agency == null ? "agency" : null;
            }
        }
        String key = agency == null ? kind.name() + ":" + missing : agency.id();
        Building building = found.computeIfAbsent(key, ignored -> new Building(kind));
        building.agency = agency;
        building.missing = missing;
        building.positions.add(item.reported().position());
        building.needsConsent |= needsConsent;
        building.policeFirst |= policeFirst && kind.takesDown();
        building.fromRule |= fromRule;
    }

    private Optional<Agency> platform(CaseFile.Item item) {
        if (item.host() != null) {
            Optional<Agency> serving = agencies.platformServing(item.host());
            if (serving.isPresent()) {
                return serving;
            }
        }
        return item.reported().kind() == SubmittedReport.Item.Kind.ACCOUNT && item.reported().platform() != null
                ? agencies.platform(item.reported().platform())
                : Optional.empty();
    }

    private RoutingRule.Hosted hosted(@Nullable HostingTrace trace) {
        String where = trace == null ? null : trace.hostingCountry().orElse(null);
        if (where == null) {
            return RoutingRule.Hosted.UNKNOWN;
        }
        return where.equals(country) ? RoutingRule.Hosted.DOMESTIC : RoutingRule.Hosted.ABROAD;
    }

    /** A suggestion being put together from the items. */
    private static final class Building {

        final AgencyKind kind;
        final Set<Integer> positions = new TreeSet<>();
        @Nullable Agency agency;
        @Nullable String missing;
        boolean needsConsent;
        boolean policeFirst;
        boolean fromRule;

        Building(AgencyKind kind) {
            this.kind = kind;
        }

        Suggestion build() {
            return new Suggestion(kind, agency, new ArrayList<>(positions), missing, needsConsent, policeFirst, fromRule);
        }
    }
}
