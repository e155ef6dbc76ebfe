package org.raporto.casework;

/** Why a report was closed without being passed on. */
public enum CloseReason {
    NOT_ACTIONABLE, OUT_OF_REMIT, DUPLICATE, INSUFFICIENT_INFORMATION
}
