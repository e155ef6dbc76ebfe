package org.raporto.intake.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.raporto.intake.AgeBand;
import org.raporto.intake.Happened;
import org.raporto.intake.Platform;
import org.raporto.intake.ReportStatus;
import org.raporto.intake.ReporterRole;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCodesTest {

    @Test
    void everyCodeTheApiPageListsIsReadBackAsItsValue() {
        for (Class<? extends Enum<?>> type : List.of(Platform.class, Happened.class, AgeBand.class, ReporterRole.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(parse(type, ApiCodes.of(value))).as(ApiCodes.of(value)).contains(value);
                assertThat(parse(type, value.name())).as("the name " + value.name()).contains(value);
            }
        }
    }

    @Test
    void ageBandsAreWrittenAsPeopleWriteThem() {
        assertThat(AgeBand.values()).extracting(ApiCodes::of).containsExactly("under-13", "13-15", "16-17", "adult", "unknown");
        assertThat(ApiCodes.of(Happened.THIS_WEEK)).isEqualTo("this-week");
        assertThat(ApiCodes.of(Platform.WHATSAPP)).isEqualTo("whatsapp");
    }

    @Test
    void readsAnyCaseAndHyphensOrUnderscores() {
        assertThat(ApiCodes.parse(Happened.class, " This-Week ")).contains(Happened.THIS_WEEK);
        assertThat(ApiCodes.parse(Happened.class, "this_week")).contains(Happened.THIS_WEEK);
        assertThat(ApiCodes.parse(AgeBand.class, "Under-13")).contains(AgeBand.UNDER_13);
        assertThat(ApiCodes.parse(AgeBand.class, "from-13-to-15")).contains(AgeBand.FROM_13_TO_15);
    }

    @Test
    void anythingElseIsNoValue() {
        assertThat(ApiCodes.parse(AgeBand.class, "14")).isEmpty();
        assertThat(ApiCodes.parse(AgeBand.class, "13_15")).isEmpty();
        assertThat(ApiCodes.parse(Platform.class, "")).isEmpty();
        assertThat(ApiCodes.parse(Platform.class, null)).isEmpty();
    }

    @Test
    void valuesTheApiOnlySendsKeepTheirUnderscores() {
        assertThat(ApiCodes.sent(ReportStatus.IN_REVIEW)).isEqualTo("in_review");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Optional<Enum<?>> parse(Class<? extends Enum<?>> type, String code) {
        return (java.util.Optional) ApiCodes.parse((Class) type, code);
    }
}
