package org.raporto;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RaportoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyTopLevelPackageIsAModule() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .contains("org.raporto.shared", "org.raporto.content", "org.raporto.intake", "org.raporto.notification",
                        "org.raporto.audit", "org.raporto.tracing");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
