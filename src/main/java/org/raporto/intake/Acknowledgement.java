package org.raporto.intake;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a reporter gets for a stored report: its reference, and the receipt, which exists only here and only once.
 *
 * @param receipt null when the same submission had already been stored (a double click, a reload): its receipt was
 *                given the first time and cannot be made again
 */
public record Acknowledgement(String reference, @Nullable Receipt receipt) {

    public Optional<Receipt> receiptIfNew() {
        return Optional.ofNullable(receipt);
    }
}
