/**
 * What every module needs and none owns: languages, the embedded database, the page layout, error pages and
 * the security baseline.
 * <p>
 * An open module, because its sub-packages (the page model, for one) are used by every module that renders
 * pages; it depends on no other module.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.raporto.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
