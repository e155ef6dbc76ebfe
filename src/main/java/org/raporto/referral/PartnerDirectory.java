package org.raporto.referral;

import java.util.LinkedHashMap;
import java.util.Map;

import org.raporto.identity.PartnerAgencies;
import org.springframework.stereotype.Component;

/** The directory's agencies, offered when an administrator binds a partner account to one. */
@Component
class PartnerDirectory implements PartnerAgencies {

    private final Agencies agencies;

    PartnerDirectory(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        agencies.all().stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).forEach(agency -> names.put(agency.id(), agency.name()));
        return names;
    }
}
