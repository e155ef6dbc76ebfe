package org.raporto.tracing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.outbound.SafeFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who to tell about abuse, from the registration data (RDAP, RFC 9083): the abuse contact of the network an address
 * is in, and the registrar of a domain with its abuse contact. Asked through the safe fetcher, so never while offline,
 * never at a private address, and never with more than {@code raporto.outbound.max-bytes} read. What comes back is a
 * suggestion: an analyst checks it before the first notice goes.
 */
@Service
public class AbuseContacts {

    private static final Logger log = LoggerFactory.getLogger(AbuseContacts.class);
    private static final String RDAP = "application/rdap+json, application/json;q=0.9";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"(),;:]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    /** How many of a host's domains are asked for before giving up (co.uk, example.co.uk, www.example.co.uk…). */
    private static final int MAX_DOMAIN_TRIES = 4;

    private final SafeFetcher fetcher;
    private final URI base;
    private final JsonMapper json = JsonMapper.builder().build();

    AbuseContacts(SafeFetcher fetcher, TracingProperties properties) {
        this.fetcher = fetcher;
        this.base = properties.rdap();
    }

    /**
     * A named organisation and, if it published one, its abuse address.
     *
     * @param handle the registry's handle, when given (a registrar's IANA id, a network's handle)
     */
    public record Contact(String name, @Nullable String email, @Nullable String handle) {
    }

    /** The network an address is in, with its abuse contact; empty when the registry does not answer or name one. */
    public Optional<Contact> network(String ip) {
        return record("ip/" + ip).flatMap(network -> {
            Optional<JsonNode> abuse = entity(network, "abuse");
            String name = abuse.flatMap(AbuseContacts::name).or(() -> text(network, "name")).orElse(null);
            String email = abuse.flatMap(AbuseContacts::email).orElse(null);
            return name == null && email == null ? Optional.empty()
                    : Optional.of(new Contact(name == null ? "" : name, email, text(network, "handle").orElse(null)));
        });
    }

    /**
     * The registrar of the domain a host belongs to, with its abuse contact. The host and its parent domains are asked
     * for in turn (there is no list of public suffixes here), the first one the registry knows answers.
     */
    public Optional<Contact> registrar(String host) {
        // Every parent domain of two labels or more, shortest first: example.al answers at once; for example.co.uk
        // "co.uk" is asked first and is no registered domain.
        List<String> domains = new ArrayList<>();
        String name = host.toLowerCase(Locale.ROOT);
        for (int dot = -1; name.indexOf('.', dot + 1) > 0; dot = name.indexOf('.', dot + 1)) {
            domains.add(0, name.substring(dot + 1));
        }
        for (String domain : domains.subList(0, Math.min(domains.size(), MAX_DOMAIN_TRIES))) {
            Optional<JsonNode> record = record("domain/" + domain);
            if (record.isPresent()) {
                return entity(record.get(), "registrar").flatMap(registrar -> {
                    String registrarName = name(registrar).orElse(null);
                    if (registrarName == null) {
                        return Optional.empty();
                    }
                    String email = entity(registrar, "abuse").flatMap(AbuseContacts::email).orElse(null);
                    String handle = registrar.path("publicIds").path(0).path("identifier").asString(null);
                    return Optional.of(new Contact(registrarName, email, handle));
                });
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> record(String path) {
        if (fetcher.offline()) {
            return Optional.empty();
        }
        return fetcher.read(base.resolve(path), RDAP).flatMap(bytes -> {
            try {
                return Optional.of(json.readTree(bytes));
            }
            catch (JacksonException malformed) {
                log.debug("RDAP answer for {} is not JSON", path.substring(0, path.indexOf('/')));
                return Optional.empty();
            }
        });
    }

    /** The first entity with that role, looked for in the record and the entities it holds, breadth first. */
    private static Optional<JsonNode> entity(JsonNode record, String role) {
        List<JsonNode> level = List.of(record);
        for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : level) {
                for (JsonNode entity : node.path("entities")) {
                    for (JsonNode held : entity.path("roles")) {
                        if (role.equalsIgnoreCase(held.asString(""))) {
                            return Optional.of(entity);
                        }
                    }
                    next.add(entity);
                }
            }
            level = next;
        }
        return Optional.empty();
    }

    /** The vCard's formatted name ({@code fn}). */
    private static Optional<String> name(JsonNode entity) {
        return vcard(entity, "fn").filter(name -> !name.isBlank() && name.length() <= 200 && name.chars().noneMatch(Character::isISOControl));
    }

    /** The vCard's e-mail address, if it is one. */
    private static Optional<String> email(JsonNode entity) {
        return vcard(entity, "email").map(String::strip).filter(address -> EMAIL.matcher(address).matches());
    }

    /** A property of the entity's jCard ({@code ["vcard", [[name, params, type, value], …]]}). */
    private static Optional<String> vcard(JsonNode entity, String property) {
        for (JsonNode line : entity.path("vcardArray").path(1)) {
            if (property.equalsIgnoreCase(line.path(0).asString("")) && line.path(3).isString()) {
                return Optional.of(line.path(3).asString());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isString() ? Optional.of(node.path(field).asString()) : Optional.empty();
    }
}
