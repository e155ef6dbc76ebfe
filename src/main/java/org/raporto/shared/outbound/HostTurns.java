package org.raporto.shared.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Politeness: each host's turn comes at most once per interval, on this node. A caller reserves the next free turn
 * of the host and waits for it; callers for other hosts do not wait.
 * <p>
 * Kept in this node's memory, not in the database: a host answering N nodes is asked at most N times per interval,
 * which is polite enough, and costs no query per request. The online checks claim at most one watch per host at a
 * time, so the waits here are short.
 */
final class HostTurns {

    /** Hosts whose last turn is long past are forgotten once this many are known, so the map cannot grow forever. */
    private static final int PRUNE_ABOVE = 10_000;

    private final long intervalNanos;
    private final Map<String, Long> nextTurn = new ConcurrentHashMap<>();

    HostTurns(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Reserves the host's next turn and waits for it, unless it comes after the deadline.
     *
     * @param deadline in {@link System#nanoTime()}
     * @return false (and nothing reserved) when the turn would come after the deadline
     * @throws InterruptedException when interrupted while waiting
     */
    boolean awaitTurn(String host, long deadline) throws InterruptedException {
        if (intervalNanos == 0) {
            return true;
        }
        long[] turn = new long[1];
        boolean[] inTime = new boolean[1];
        nextTurn.compute(host, (key, next) -> {
            long now = System.nanoTime();
            turn[0] = next == null || next - now < 0 ? now : next;
            inTime[0] = turn[0] - deadline <= 0;
            return inTime[0] ? turn[0] + intervalNanos : next;
        });
        if (!inTime[0]) {
            return false;
        }
        if (nextTurn.size() > PRUNE_ABOVE) {
            long now = System.nanoTime();
            nextTurn.values().removeIf(next -> next - now < 0);
        }
        long wait = turn[0] - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return true;
    }
}
