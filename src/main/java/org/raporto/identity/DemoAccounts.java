package org.raporto.identity;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --raporto.demo=true}: for trying Raporto, one clearly marked demonstration account per role, whose password
 * and authenticator key are new at every start and printed in the log. Refused on any database but the embedded one,
 * so that no real installation can have accounts whose secrets were printed.
 */
@Component
@ConditionalOnBooleanProperty("raporto.demo")
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final List<Demo> DEMOS = List.of(
            new Demo("Demo Administrator", "admin", EnumSet.of(Role.ADMIN), null, true),
            new Demo("Demo Supervisor", "supervisor", EnumSet.of(Role.SUPERVISOR), null, true),
            new Demo("Demo Analyst", "analyst", EnumSet.of(Role.ANALYST), null, true),
            new Demo("Demo Editor", "editor", EnumSet.of(Role.EDITOR), null, false),
            new Demo("Demo Partner", "partner", EnumSet.of(Role.PARTNER), "Demo agency", false));

    private final StaffAccounts accounts;
    private final SecureRandom random = new SecureRandom();

    DemoAccounts(StaffAccounts accounts, @Value("${spring.datasource.url:}") String externalDatabase) {
        if (!externalDatabase.isBlank()) {
            throw new IllegalStateException("raporto.demo=true prints passwords in the log and is for the embedded database only;"
                    + " it is refused with SPRING_DATASOURCE_URL set");
        }
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        StringBuilder printed = new StringBuilder("DEMO MODE: these accounts are for trying Raporto only (password, then the key"
                + " in an authenticator app):");
        for (Demo demo : DEMOS) {
            String email = "demo." + demo.slug() + "@raporto.invalid";
            String password = "demo-" + RecoveryCode.generate(random).toLowerCase(java.util.Locale.ROOT) + "-"
                    + RecoveryCode.generate(random).toLowerCase(java.util.Locale.ROOT);
            byte[] secret = Totp.newSecret(random);
            accounts.seedDemo(new StaffAccounts.NewAccount(demo.name() + " (demo)", email, Language.SQ, demo.roles(), demo.agency(),
                    demo.csamClearance()), password, secret);
            printed.append(System.lineSeparator()).append("  ").append(email).append("  ").append(password).append("  ")
                    .append(Base32.grouped(secret));
        }
        log.warn("{}", printed);
    }

    private record Demo(String name, String slug, Set<Role> roles, @Nullable String agency, boolean csamClearance) {
    }
}
