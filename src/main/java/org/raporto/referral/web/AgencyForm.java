package org.raporto.referral.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.referral.Agencies;
import org.raporto.referral.Agency;
import org.raporto.referral.AgencyKind;
import org.raporto.shared.web.Typed;

/** The agency form as typed, to show again. */
public record AgencyForm(String id, String kind, String name, String country, String languages, String emails, boolean portal, boolean ready,
        String domains, String asn, String notes, @Nullable String approvedBy) {

    static AgencyForm empty() {
        return new AgencyForm("", AgencyKind.POLICE.name(), "", "AL", "sq", "", false, false, "", "", "", null);
    }

    static AgencyForm of(Agency agency) {
        return new AgencyForm(agency.id(), agency.kind().name(), agency.name(), agency.country(), String.join(", ", agency.languages()),
                String.join("\n", agency.emails()), agency.portal(), agency.ready(), String.join(", ", agency.domains()),
                agency.asn() == null ? "" : String.valueOf(agency.asn()), agency.notes(),
                agency.approvedBy());
    }

    static AgencyForm typed(Map<String, String> form, String id) {
        return new AgencyForm(id, Typed.clip(form.get("kind"), 40), Typed.clip(form.get("name"), Agencies.MAX_NAME + 50), Typed.clip(form.get("country"), 10),
                Typed.clip(form.get("languages"), 100), Typed.clip(form.get("emails"), 2000), "true".equals(form.get("portal")), "true".equals(form.get("ready")),
                Typed.clip(form.get("domains"), 2000), Typed.clip(form.get("asn"), 20), Typed.clip(form.get("notes"), Agencies.MAX_NOTES + 100), null);
    }
}
