/**
 * What every request the server makes to the outside world (DNS, online checks, RDAP) obeys: the offline switch, and
 * the safe fetcher with its address checks, limits and politeness.
 */
@NullMarked
package org.raporto.shared.outbound;

import org.jspecify.annotations.NullMarked;
