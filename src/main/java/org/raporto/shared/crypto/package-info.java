/**
 * Encryption at rest: per-record data keys wrapped by a master key kept outside the database, and keyed hashes for
 * looking up secrets (receipts) without storing them.
 */
@NullMarked
package org.raporto.shared.crypto;

import org.jspecify.annotations.NullMarked;
