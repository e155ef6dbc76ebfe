/**
 * Staff and partner accounts: first-run setup, invitations, passwords with a second factor (TOTP) for everyone,
 * roles and the CSAM clearance, and the sessions that carry them.
 */
@ApplicationModule(displayName = "Identity")
@NullMarked
package org.raporto.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
