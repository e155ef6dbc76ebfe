package org.raporto.shared.outbound;

import java.net.URI;
import java.util.Objects;

/**
 * What one {@link SafeFetcher#fetch fetch} came to: the status of the last answer, or why there was none. Never the
 * body: at most {@code raporto.outbound.max-bytes} of it were read, counted and dropped.
 */
public sealed interface FetchOutcome permits FetchOutcome.Answered, FetchOutcome.Failed {

    /** The address of the last request made: the one asked for, or where the redirects led. */
    URI finalUrl();

    /** How many redirects were followed to reach {@link #finalUrl()}. */
    int redirects();

    /** How many bytes of the last answer's body were read (never more than the cap). */
    long bytesRead();

    /** A short code for storing and showing: the status ({@code "404"}) or the failure ({@code "NO_SUCH_HOST"}). */
    String code();

    /**
     * The server answered. A redirect is only the final answer when it has no usable {@code Location}.
     *
     * @param status the HTTP status of the last answer, 100–599
     */
    record Answered(int status, URI finalUrl, int redirects, long bytesRead) implements FetchOutcome {

        public Answered {
            Objects.requireNonNull(finalUrl, "finalUrl");
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("Not an HTTP status: " + status);
            }
        }

        @Override
        public String code() {
            return Integer.toString(status);
        }
    }

    /** No answer to take as the last one, for the reason given. */
    record Failed(Failure failure, URI finalUrl, int redirects, long bytesRead) implements FetchOutcome {

        public Failed {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(finalUrl, "finalUrl");
        }

        @Override
        public String code() {
            return failure.name();
        }
    }

    /** Why a fetch has no answer. */
    enum Failure {
        /** The name does not exist (NXDOMAIN; also names that never exist, {@code .invalid}). */
        NO_SUCH_HOST,
        /** Nothing listens at the address: the connection was refused. */
        CONNECTION_REFUSED,
        /** Resolving, connecting, an answer or the whole fetch took longer than allowed. */
        TIMEOUT,
        /** The TLS handshake failed: an invalid or mismatched certificate, or no common protocol. */
        TLS_FAILURE,
        /**
         * Not fetched, on purpose: the target is a private, loopback, link-local or reserved address (or a name that
         * resolves to one), a Tor onion service with no proxy to reach it, or a redirect to a scheme other than HTTP(S).
         */
        TARGET_REFUSED,
        /** More redirects than {@code raporto.outbound.max-redirects}, or a redirect loop. */
        TOO_MANY_REDIRECTS,
        /** The server is offline ({@code raporto.outbound.offline}): nothing was sent. */
        OFFLINE,
        /** Anything else: a malformed answer, a network error, a proxy that would not connect, a resolver failing. */
        OTHER
    }
}
