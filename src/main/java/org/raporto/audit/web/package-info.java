/** The audit log's page for administrators: entries filtered and paged, and the chain verified on demand. */
@NullMarked
package org.raporto.audit.web;

import org.jspecify.annotations.NullMarked;
