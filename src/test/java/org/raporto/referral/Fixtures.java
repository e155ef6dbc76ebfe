package org.raporto.referral;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.CaseStatus;
import org.raporto.casework.Cases;
import org.raporto.casework.Classification;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Channel;
import org.raporto.intake.Contact;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.Platform;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.shared.Language;
import org.raporto.tracing.CanonicalUrl;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports made, assessed and traced as the referral tests need them, through the modules' own APIs. */
record Fixtures(ReportIntake intake, Cases cases, Assessments assessments, CaseFiles files, JdbcClient jdbc) {

    static final String DESCRIPTION = "Përshkrimi i raportuesit, i fshehtë";

    static final Classification CSAM = new Classification(Classification.Outcome.BASELINE_CSAM, "csam", Classification.AgeGroup.PRE_PUBESCENT,
            Classification.Gender.FEMALE, Classification.SiteType.IMAGE_HOST, false, null, false, false, false);

    /** A report from the web form: for CSAM and adult content only the address, otherwise also an Instagram account. */
    ReportId submit(String category, String url) {
        List<ReportedItem> items = category.equals("csam") || category.equals("adult-content")
                ? List.of(new ReportedItem.Address(CanonicalUrl.parse(url)))
                : List.of(new ReportedItem.Address(CanonicalUrl.parse(url)), new ReportedItem.Account(Platform.INSTAGRAM, "acct_" + UUID.randomUUID()));
        NewReport report = new NewReport(category, items, DESCRIPTION, Happened.TODAY, AgeBand.FROM_13_TO_15, ReporterRole.PARENT,
                new Contact(Contact.Kind.PHONE, "+355 69 000 0000"), List.of());
        String reference = intake.submit(report, Channel.WEB, Language.SQ, UUID.randomUUID()).reference();
        return new ReportId(jdbc.sql("SELECT id FROM intake_report WHERE reference = ?").param(reference).query(UUID.class).single());
    }

    /** Classifies every item the same, confirmed by a second analyst where the category asks for it. */
    void assess(ReportId id, Classification classification, Analyst analyst, Analyst second) {
        List<Integer> positions = IntStream.range(0, files.items(id, analyst).size()).boxed().toList();
        assessments.classify(id, positions, classification, analyst);
        if (assessments.fourEyes(cases.find(id, analyst).orElseThrow().category())) {
            positions.forEach(position -> assessments.confirm(id, position, second));
        }
        assertThat(cases.find(id, analyst).orElseThrow().status()).isEqualTo(CaseStatus.ASSESSED);
    }

    /** The host as a trace would have found it: in that country, in that network. */
    void traced(String host, String country, long asn, String network) {
        jdbc.sql("""
                INSERT INTO tracing_host (host, literal, requested_at, outcome, country, traced_at, expires_at)
                VALUES (?, false, now(), 'TRACED', ?, now(), now() + interval '1 day')
                ON CONFLICT (host) DO UPDATE SET outcome = 'TRACED', reason = NULL, country = excluded.country, traced_at = now(),
                    expires_at = now() + interval '1 day', due_at = NULL, lease_until = NULL""")
                .params(host, country).update();
        jdbc.sql("DELETE FROM tracing_address WHERE host = ?").param(host).update();
        jdbc.sql("INSERT INTO tracing_address (host, position, address, on_internet, country, asn, network) VALUES (?, 0, '192.0.2.10'::inet, true, ?, ?, ?)")
                .params(host, country, asn, network).update();
    }

    /** An agency an administrator has set up: its address, and ready to receive. */
    void ready(String agency, String email) {
        jdbc.sql("UPDATE referral_agency SET ready = true, emails = ARRAY[?] WHERE id = ?").params(email, agency).update();
    }

    /** What the audit log says happened to the report, oldest first: what its timeline shows. */
    List<String> timeline(ReportId id) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'report' AND object_id = ? ORDER BY seq").param(id.value().toString())
                .query(String.class).list();
    }
}
