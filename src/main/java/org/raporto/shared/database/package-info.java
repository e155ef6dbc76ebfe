/**
 * The database: an embedded PostgreSQL started and stopped with the application when no external one is configured.
 */
@NullMarked
package org.raporto.shared.database;

import org.jspecify.annotations.NullMarked;
