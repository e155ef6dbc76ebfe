package org.raporto.casework.web;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.raporto.audit.Actor;
import org.raporto.casework.Assessments;
import org.raporto.casework.Cases;
import org.raporto.casework.Deadlines;
import org.raporto.casework.Holiday;
import org.raporto.casework.Holidays;
import org.raporto.casework.SlaTarget;
import org.raporto.casework.SlaTargets;
import org.raporto.casework.WorkingTime;
import org.raporto.identity.StaffUser;
import org.raporto.intake.Categories;
import org.raporto.shared.web.FieldError;
import org.raporto.shared.web.StaffPage;
import org.raporto.shared.web.StaffPages;
import org.raporto.shared.web.Typed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Administrators set how casework runs: per category the deadlines for the first look and the assessment in working
 * time, and whether a second analyst confirms classifications; and the holidays on which deadlines do not run. Every
 * change is audited, and the deadlines of open reports follow at once.
 */
@Controller
class CaseworkAdminController {

    static final String RULES = "/staff/admin/casework";
    static final String HOLIDAYS = "/staff/admin/holidays";

    private final StaffPages pages;
    private final Categories categories;
    private final SlaTargets targets;
    private final Assessments assessments;
    private final Holidays holidays;
    private final Deadlines deadlines;
    private final Cases cases;
    private final TransactionTemplate transactions;

    CaseworkAdminController(StaffPages pages, Categories categories, SlaTargets targets, Assessments assessments, Holidays holidays,
            Deadlines deadlines, Cases cases, TransactionTemplate transactions) {
        this.pages = pages;
        this.categories = categories;
        this.targets = targets;
        this.assessments = assessments;
        this.holidays = holidays;
        this.deadlines = deadlines;
        this.cases = cases;
        this.transactions = transactions;
    }

    @GetMapping(RULES)
    String rules(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String saved) {
        Map<String, CategoryRule> rules = new LinkedHashMap<>();
        Map<String, Boolean> fourEyes = assessments.fourEyesRules();
        for (Categories.Listed listed : categories.all()) {
            String code = listed.category().code();
            SlaTarget target = targets.of(code);
            rules.put(code, new CategoryRule(String.valueOf(target.firstLook().days()), hours(target.firstLook()), String.valueOf(target.assessment().days()),
                    hours(target.assessment()), fourEyes.getOrDefault(code, false)));
        }
        return rules(request, csrf, model, rules, List.of(), !saved.isEmpty());
    }

    @PostMapping(RULES)
    String saveCategoryRules(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser admin,
            @RequestParam Map<String, String> form) {
        StaffPage page = pages.page(request, "casework.admin.title", true);
        Map<String, CategoryRule> typed = new LinkedHashMap<>();
        Map<String, SlaTarget> parsed = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Categories.Listed listed : categories.all()) {
            String code = listed.category().code();
            CategoryRule rule = new CategoryRule(Typed.clip(form.get("firstLookDays-" + code), 6), Typed.clip(form.get("firstLookHours-" + code), 6),
                    Typed.clip(form.get("assessmentDays-" + code), 6), Typed.clip(form.get("assessmentHours-" + code), 6),
                    "true".equals(form.get("fourEyes-" + code)));
            typed.put(code, rule);
            try {
                SlaTarget target = new SlaTarget(code, time(rule.firstLookDays(), rule.firstLookHours()), time(rule.assessmentDays(), rule.assessmentHours()));
                if (target.assessment().in(deadlines.calendar().workingDay()).compareTo(target.firstLook().in(deadlines.calendar().workingDay())) < 0) {
                    errors.add(new FieldError("assessmentDays-" + code, page.t("casework.sla.targets.error.order") + " (" + name(listed, page) + ")"));
                }
                parsed.put(code, target);
            }
            catch (IllegalArgumentException outOfRange) {
                errors.add(new FieldError("firstLookDays-" + code, page.t("casework.sla.targets.error.range") + " (" + name(listed, page) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            return rules(request, csrf, model, typed, errors, false);
        }
        Actor by = new Actor(admin.id(), admin.name());
        transactions.executeWithoutResult(status -> {
            parsed.values().forEach(target -> targets.change(target, by));
            Map<String, Boolean> before = assessments.fourEyesRules();
            typed.forEach((code, rule) -> {
                if (before.getOrDefault(code, false) != rule.fourEyes()) {
                    assessments.setFourEyes(code, rule.fourEyes(), by);
                }
            });
        });
        cases.refreshDeadlines();
        return "redirect:" + RULES + "?saved=1";
    }

    @GetMapping(HOLIDAYS)
    String holidays(HttpServletRequest request, CsrfToken csrf, Model model, @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String done) {
        return holidays(request, csrf, model, year(year), List.of(), Map.of(), done);
    }

    @PostMapping(HOLIDAYS)
    String addHoliday(HttpServletRequest request, CsrfToken csrf, Model model, @AuthenticationPrincipal StaffUser admin,
            @RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String nameSq, @RequestParam(defaultValue = "") String nameEn) {
        StaffPage page = pages.page(request, "casework.sla.holidays.title", true);
        Map<String, String> typed = Map.of("day", Typed.clip(day, 20), "nameSq", Typed.clip(nameSq, 200), "nameEn", Typed.clip(nameEn, 200));
        LocalDate date = date(typed.get("day"));
        if (date == null) {
            return holidays(request, csrf, model, Year.now(deadlines.calendar().zone()), List.of(new FieldError("day", page.t("casework.sla.holidays.error.day"))), typed, "");
        }
        Holiday holiday;
        try {
            holiday = new Holiday(date, typed.get("nameSq"), typed.get("nameEn"));
        }
        catch (IllegalArgumentException badName) {
            return holidays(request, csrf, model, Year.of(date.getYear()), List.of(new FieldError("nameSq", page.t("casework.sla.holidays.error.name"))), typed, "");
        }
        try {
            holidays.add(holiday, new Actor(admin.id(), admin.name()));
        }
        catch (IllegalArgumentException duplicate) {
            return holidays(request, csrf, model, Year.of(date.getYear()), List.of(new FieldError("day", page.t("casework.sla.holidays.error.duplicate"))), typed, "");
        }
        cases.refreshDeadlines();
        return "redirect:" + HOLIDAYS + "?year=" + date.getYear() + "&done=added";
    }

    @PostMapping(HOLIDAYS + "/{day}/remove")
    String removeHoliday(@AuthenticationPrincipal StaffUser admin, @PathVariable String day) {
        LocalDate date = date(day);
        if (date != null && holidays.remove(date, new Actor(admin.id(), admin.name()))) {
            cases.refreshDeadlines();
            return "redirect:" + HOLIDAYS + "?year=" + date.getYear() + "&done=removed";
        }
        return "redirect:" + HOLIDAYS;
    }

    private String rules(HttpServletRequest request, CsrfToken csrf, Model model, Map<String, CategoryRule> rules, List<FieldError> errors, boolean saved) {
        StaffPage page = pages.page(request, "casework.admin.title", !errors.isEmpty());
        model.addAttribute("page", page);
        model.addAttribute("csrf", csrf);
        model.addAttribute("rules", rules);
        model.addAttribute("names", QueueController.names(categories, page));
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("hours", deadlines.calendar());
        return "casework/admin-rules";
    }

    private String holidays(HttpServletRequest request, CsrfToken csrf, Model model, Year year, List<FieldError> errors, Map<String, String> typed,
            String done) {
        model.addAttribute("page", pages.page(request, "casework.sla.holidays.title", !errors.isEmpty()));
        model.addAttribute("csrf", csrf);
        model.addAttribute("year", year);
        model.addAttribute("days", holidays.in(year));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("done", done.equals("added") || done.equals("removed") ? done : "");
        return "casework/admin-holidays";
    }

    private Year year(String text) {
        if (text.matches("[0-9]{4}")) {
            return Year.of(Integer.parseInt(text));
        }
        return Year.now(deadlines.calendar().zone());
    }

    private static String name(Categories.Listed listed, StaffPage page) {
        String name = listed.category().in(page.language()).name();
        return name.isBlank() ? listed.category().code() : name;
    }

    private static String hours(WorkingTime time) {
        return time.minutes() % 60 == 0 ? String.valueOf(time.minutes() / 60) : String.valueOf(time.minutes() / 60.0);
    }

    /** Working days and hours as typed; anything else than whole numbers in range is refused by {@link WorkingTime}. */
    private static WorkingTime time(String days, String hours) {
        String d = days.strip().isEmpty() ? "0" : days.strip();
        String h = hours.strip().isEmpty() ? "0" : hours.strip();
        if (!d.matches("[0-9]{1,3}") || !h.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("Not a number of days and hours");
        }
        return new WorkingTime(Integer.parseInt(d), Integer.parseInt(h) * 60);
    }

    private static LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
