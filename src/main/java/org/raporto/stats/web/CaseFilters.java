package org.raporto.stats.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.raporto.casework.CaseStatus;
import org.raporto.casework.Classification;
import org.raporto.intake.Categories;
import org.raporto.intake.Channel;
import org.raporto.shared.Language;
import org.raporto.shared.web.StaffPage;
import org.raporto.stats.Figures;
import org.springframework.stereotype.Component;

/**
 * What the case list can be filtered by: the dashboard's form offers these, and the list takes nothing else. Without
 * the clearance the category and outcome of child sexual abuse material are not offered, since the list leaves that
 * material out anyway.
 */
@Component
public class CaseFilters {

    /** The category that makes a report one of abuse material by itself, as the projection counts it. */
    private static final String CSAM_CATEGORY = "csam";

    private final Categories categories;

    CaseFilters(Categories categories) {
        this.categories = categories;
    }

    /** One choice of a filter: its code and its words. */
    public record Option(String code, String label) {
    }

    /** The choices of each filter. */
    public record Choices(List<Option> categories, List<Option> channels, List<Option> outcomes, List<Option> statuses) {
    }

    Choices choices(StaffPage page, boolean withCsam) {
        Language language = page.language();
        List<String> outcomes = new ArrayList<>(Arrays.stream(Classification.Outcome.values())
                .filter(outcome -> withCsam || outcome != Classification.Outcome.BASELINE_CSAM).map(Enum::name).toList());
        outcomes.add(Figures.Count.NONE);
        return new Choices(
                categories.all().stream().filter(listed -> withCsam || !listed.category().code().equals(CSAM_CATEGORY))
                        .map(listed -> new Option(listed.category().code(), listed.category().in(language).name())).toList(),
                Arrays.stream(Channel.values()).map(channel -> new Option(channel.name(), page.t("casework.channel." + channel))).toList(),
                outcomes.stream().map(outcome -> new Option(outcome, page.t(outcomeKey(outcome)))).toList(),
                Arrays.stream(CaseStatus.values()).map(status -> new Option(status.name(), page.t("casework.status." + status))).toList());
    }

    static String outcomeKey(String outcome) {
        return outcome.equals(Figures.Count.NONE) ? "stats.outcome.NONE" : "casework.outcome." + outcome;
    }
}
