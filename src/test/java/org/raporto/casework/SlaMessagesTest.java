package org.raporto.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.raporto.audit.AuditAction;

import static org.assertj.core.api.Assertions.assertThat;

/** The words casework's pages and the audit page show for working time, in both languages. */
class SlaMessagesTest {

    @Test
    void everyStateAndEveryAuditedChangeHasItsWordsInBothLanguages() throws IOException {
        for (String language : new String[] {"sq", "en"}) {
            Properties messages = bundle(language);
            for (SlaState state : SlaState.values()) {
                assertThat(messages.getProperty("casework.sla.state." + state.name())).as(language + " " + state).isNotBlank();
            }
            for (AuditAction action : new AuditAction[] {AuditAction.HOLIDAY_ADDED, AuditAction.HOLIDAY_REMOVED, AuditAction.SLA_TARGET_CHANGED}) {
                assertThat(messages.getProperty("audit.action." + action.name())).as(language + " " + action).isNotBlank();
            }
        }
    }

    @Test
    void workingTimeIsCountedInTheRightNumber() throws IOException {
        Properties albanian = bundle("sq");
        Properties english = bundle("en");
        assertThat(format(albanian, "casework.sla.workingDays", 1)).isEqualTo("1 ditë pune");
        assertThat(format(albanian, "casework.sla.workingHours", 4)).isEqualTo("4 orë pune");
        assertThat(format(albanian, "casework.sla.workingMinutes", 30)).isEqualTo("30 minuta pune");
        assertThat(format(english, "casework.sla.workingDays", 1)).isEqualTo("1 working day");
        assertThat(format(english, "casework.sla.workingDays", 2)).isEqualTo("2 working days");
        assertThat(format(english, "casework.sla.workingHours", 1)).isEqualTo("1 working hour");
    }

    private static String format(Properties bundle, String key, int number) {
        return new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(new Object[] {number});
    }

    private static Properties bundle(String language) throws IOException {
        try (InputStream in = SlaMessagesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
