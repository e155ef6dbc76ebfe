package org.raporto.tracing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.raporto.testing.LoopbackWebServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Abuse contacts and registrars from registration data (RDAP), against a registry of the test's own on loopback. */
@SpringBootTest(properties = {"raporto.tracing.worker.enabled=false", "raporto.referral.checks.enabled=false", "raporto.outbound.offline=false",
        "raporto.outbound.allow-private=true", "raporto.outbound.per-host-interval=0s", "raporto.outbound.total-timeout=3s"})
class AbuseContactsTest {

    private static final LoopbackWebServer registry = new LoopbackWebServer();

    @DynamicPropertySource
    static void rdap(DynamicPropertyRegistry properties) {
        properties.add("raporto.tracing.rdap", () -> registry.url("/rdap/").toString());
    }

    @Autowired
    AbuseContacts contacts;

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void theAbuseContactOfANetworkIsFoundAmongItsEntities() {
        registry.json("/rdap/ip/203.0.113.5", """
                {"objectClassName": "ip network", "handle": "NET-203-0-113-0-1", "name": "EXAMPLE-NET",
                 "entities": [
                   {"roles": ["registrant"], "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Example Hosting Sh.p.k."]]],
                    "entities": [{"roles": ["abuse"], "vcardArray": ["vcard", [["fn", {}, "text", "Abuse desk"],
                        ["email", {}, "text", "abuse@hosting.example"]]]}]}
                 ]}""");

        AbuseContacts.Contact found = contacts.network("203.0.113.5").orElseThrow();

        assertThat(found.email()).isEqualTo("abuse@hosting.example");
        assertThat(found.name()).isEqualTo("Abuse desk");
        assertThat(found.handle()).isEqualTo("NET-203-0-113-0-1");
    }

    @Test
    void theRegistrarOfADomainIsAskedForFromTheShortestDomainUp() {
        registry.status("/rdap/domain/shop.al", 404);
        registry.json("/rdap/domain/example.al", """
                {"objectClassName": "domain", "ldhName": "example.al",
                 "entities": [{"roles": ["registrar"], "publicIds": [{"type": "IANA Registrar ID", "identifier": "1234"}],
                   "vcardArray": ["vcard", [["fn", {}, "text", "Regjistruesi Shqiptar"]]],
                   "entities": [{"roles": ["abuse"], "vcardArray": ["vcard", [["email", {}, "text", "abuse@registrar.example"]]]}]}]}""");

        AbuseContacts.Contact registrar = contacts.registrar("www.example.al").orElseThrow();

        assertThat(registrar.name()).isEqualTo("Regjistruesi Shqiptar");
        assertThat(registrar.email()).isEqualTo("abuse@registrar.example");
        assertThat(registrar.handle()).isEqualTo("1234");
        assertThat(registry.requests("/rdap/domain/www.example.al")).as("found before the longer name").isZero();
    }

    @Test
    void whatIsNotARegistrationRecordGivesNothing() {
        registry.json("/rdap/ip/203.0.113.6", "<html>not json</html>");
        registry.json("/rdap/ip/203.0.113.7", "{\"entities\": [{\"roles\": [\"abuse\"], \"vcardArray\": [\"vcard\","
                + " [[\"email\", {}, \"text\", \"not an address\\r\\nBcc: x@evil.example\"]]]}], \"name\": \"" + "x".repeat(100_000) + "\"}");
        registry.json("/rdap/ip/203.0.113.8", "{\"entities\": [{\"roles\": [\"abuse\"], \"vcardArray\": [\"vcard\","
                + " [[\"email\", {}, \"text\", \"not an address\\r\\nBcc: x@evil.example\"]]]}]}");

        assertThat(contacts.network("203.0.113.6")).isEmpty();
        assertThat(contacts.network("203.0.113.7")).as("larger than the fetcher reads").isEmpty();
        assertThat(contacts.network("203.0.113.8")).as("no address that is one").isEmpty();
        assertThat(contacts.network("203.0.113.9")).as("unknown to the registry").isEmpty();
        assertThat(contacts.registrar("nowhere.invalid")).isEmpty();
    }
}
