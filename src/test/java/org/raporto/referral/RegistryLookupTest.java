package org.raporto.referral;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.raporto.audit.Actor;
import org.raporto.casework.Analyst;
import org.raporto.casework.Assessments;
import org.raporto.casework.CaseFiles;
import org.raporto.casework.Cases;
import org.raporto.intake.ReportId;
import org.raporto.intake.ReportIntake;
import org.raporto.testing.LoopbackWebServer;
import org.raporto.tracing.AbuseContacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hosting provider found by tracing gets its abuse address from the registry to approve, and a takedown referral
 * its registrar for the escalation, which waits for approval before anything is sent to it.
 */
@SpringBootTest(properties = {"raporto.tracing.worker.enabled=false", "raporto.referral.checks.enabled=false", "raporto.outbound.offline=false",
        "raporto.outbound.allow-private=true", "raporto.outbound.per-host-interval=0s", "raporto.outbound.total-timeout=3s"})
class RegistryLookupTest {

    private static final LoopbackWebServer registry = new LoopbackWebServer();

    @DynamicPropertySource
    static void rdap(DynamicPropertyRegistry properties) {
        properties.add("raporto.tracing.rdap", () -> registry.url("/").toString());
    }

    @Autowired
    ReportIntake intake;

    @Autowired
    Cases cases;

    @Autowired
    Assessments assessments;

    @Autowired
    CaseFiles files;

    @Autowired
    Agencies agencies;

    @Autowired
    Referrals referrals;

    @Autowired
    Routing routing;

    @Autowired
    JdbcClient jdbc;

    private final Analyst analyst = new Analyst(UUID.randomUUID(), "Arta", true, false);

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void theHostsAbuseAddressAndTheDomainsRegistrarComeFromTheRegistry() {
        Fixtures fixtures = new Fixtures(intake, cases, assessments, files, jdbc);
        fixtures.traced("files.shop.al", "AL", 64512L, "Shop Hosting");
        ReportId id = fixtures.submit("csam", "https://files.shop.al/a.jpg");
        fixtures.assess(id, Fixtures.CSAM, analyst, new Analyst(UUID.randomUUID(), "Drini", true, false));
        Agency host = routing.suggest(cases.find(id, analyst).orElseThrow(), files.items(id, analyst)).stream()
                .filter(suggestion -> suggestion.kind() == AgencyKind.HOSTING_PROVIDER).findFirst().orElseThrow().agency();
        registry.json("/ip/192.0.2.10", """
                {"handle": "NET-1", "entities": [{"roles": ["abuse"], "vcardArray": ["vcard", [["fn", {}, "text", "Shop Hosting abuse"],
                 ["email", {}, "text", "abuse@shophosting.example"]]]}]}""");
        registry.json("/domain/shop.al", """
                {"entities": [{"roles": ["registrar"], "publicIds": [{"identifier": "4321"}],
                 "vcardArray": ["vcard", [["fn", {}, "text", "AL Registrar"]]],
                 "entities": [{"roles": ["abuse"], "vcardArray": ["vcard", [["email", {}, "text", "abuse@alregistrar.example"]]]}]}]}""");

        AbuseContacts.Contact contact = referrals.abuseContact(id, host.id(), analyst).orElseThrow();
        assertThat(contact.email()).isEqualTo("abuse@shophosting.example");
        agencies.approve(host.id(), List.of(contact.email()), new Actor(analyst.id(), analyst.name()));
        UUID referral = referrals.refer(id, List.of(new Referrals.Choice(host.id(), Set.of(0), false, false)), analyst).get(0);

        Agency registrar = referrals.findRegistrar(referral, analyst).orElseThrow();

        assertThat(registrar.kind()).isEqualTo(AgencyKind.REGISTRAR);
        assertThat(registrar.name()).isEqualTo("AL Registrar");
        assertThat(registrar.emails()).containsExactly("abuse@alregistrar.example");
        assertThat(registrar.blocked()).as("an analyst checks it first").contains(Agency.Blocked.NOT_APPROVED);
        assertThat(referrals.find(referral).orElseThrow().registrarAgency()).isEqualTo(registrar.id());
        assertThat(referrals.findRegistrar(referral, analyst)).as("found again, the same").contains(agencies.find(registrar.id()).orElseThrow());
    }
}
