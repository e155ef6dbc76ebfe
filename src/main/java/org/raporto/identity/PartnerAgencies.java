package org.raporto.identity;

import java.util.Map;

/**
 * The agencies a partner account can act for. The directory is kept by the module that refers reports to them; this
 * module only binds accounts to one, by its identifier, and must not depend on that module.
 */
public interface PartnerAgencies {

    /** Every agency, identifier to name, in the order to offer them. */
    Map<String, String> names();
}
