package org.raporto.referral.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.referral.Agencies;
import org.raporto.referral.Agency;
import org.raporto.referral.AgencyKind;

/** The agency form as typed, to show again. */
public record AgencyForm(String id, String kind, String name, String country, String languages, String emails, boolean portal, boolean ready,
        String domains, String notes, @Nullable String approvedBy) {

    static AgencyForm empty() {
        return new AgencyForm("", AgencyKind.POLICE.name(), "", "AL", "sq", "", false, false, "", "", null);
    }

    static AgencyForm of(Agency agency) {
        return new AgencyForm(agency.id(), agency.kind().name(), agency.name(), agency.country(), String.join(", ", agency.languages()),
                String.join("\n", agency.emails()), agency.portal(), agency.ready(), String.join(", ", agency.domains()), agency.notes(),
                agency.approvedBy());
    }

    static AgencyForm typed(Map<String, String> form, String id) {
        return new AgencyForm(id, AgencyAdminController.clip(form.get("kind"), 40), AgencyAdminController.clip(form.get("name"), Agencies.MAX_NAME + 50), AgencyAdminController.clip(form.get("country"), 10),
                AgencyAdminController.clip(form.get("languages"), 100), AgencyAdminController.clip(form.get("emails"), 2000), "true".equals(form.get("portal")), "true".equals(form.get("ready")),
                AgencyAdminController.clip(form.get("domains"), 2000), AgencyAdminController.clip(form.get("notes"), Agencies.MAX_NOTES + 100), null);
    }
}
