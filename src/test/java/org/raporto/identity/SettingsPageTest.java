package org.raporto.identity;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.raporto.web.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The help numbers and quick-exit target changed by an administrator reach the public pages; invalid ones do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SettingsPageTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Test
    void newNumbersAreShownOnEveryPageAndTheQuickExitLeadsToTheNewSite() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        admin.open("/staff/admin/settings");
        assertThat(admin.post("/staff/admin/settings", Map.of("emergency", "112", "police", "129 0", "childHelpline", "116 111",
                "childHelplineName", "ALO", "quickExitUrl", "https://www.wikipedia.org/")).body()).contains("Saved.");

        FormClient visitor = new FormClient(port, "/en/raporto/form");
        assertThat(visitor.get("/en/").body()).contains("tel:1290");
        assertThat(visitor.get("/exit").headers().firstValue("Location")).hasValue("https://www.wikipedia.org/");
    }

    @Test
    void invalidValuesAreRefusedAndKeptForCorrection() throws Exception {
        FormClient admin = TestStaff.signedIn(port, accounts, EnumSet.of(Role.ADMIN));
        admin.open("/staff/admin/settings");
        var answer = admin.post("/staff/admin/settings", Map.of("emergency", "call us", "police", "129", "childHelpline", "116 111",
                "childHelplineName", "ALO", "quickExitUrl", "javascript:alert(1)"));
        assertThat(answer.body()).contains("Error: Help numbers and quick exit", "Nothing was changed", "value=\"call us\"");
        assertThat(new FormClient(port, "/en/raporto/form").get("/exit").headers().firstValue("Location")).hasValueSatisfying(
                to -> assertThat(to).startsWith("https://"));
    }
}
