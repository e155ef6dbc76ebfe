package org.raporto.shared.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * The one way the server fetches anything from the internet (online checks of reported addresses, and whatever
 * comes later): every request obeys {@link OutboundProperties}.
 * <ul>
 * <li>Offline, nothing is sent and the outcome is {@link FetchOutcome.Failure#OFFLINE OFFLINE}.</li>
 * <li>A name is resolved once, each of its addresses checked, and the connection made to an address checked: the
 * client resolves names only through this class, so a name cannot point elsewhere between the check and the
 * connection (DNS rebinding). Private, loopback, link-local, unique-local, carrier-NAT, multicast, unspecified,
 * documentation and reserved addresses ({@link Addresses#isGlobal}) are refused unless {@code allow-private}, as is a
 * name with any such address among its answers.</li>
 * <li>Through a proxy, the proxy resolves the names and connects: only addresses written in the URL are checked here,
 * and the proxy must refuse private targets itself.</li>
 * <li>Redirects are followed by hand, each to a target checked anew, up to {@code max-redirects}; only to http and
 * https.</li>
 * <li>One GET per hop, with no cookies, no referrer, no compression, the fixed user agent; at most {@code max-bytes}
 * of the body are read and dropped, then the connection is closed rather than drained. Limits on the answer's head
 * (line length, header count) keep a hostile server from feeding it forever.</li>
 * <li>Timeouts for connecting (resolving included), for each read, and for the whole fetch; and one request at a time
 * per host and interval (politeness, {@link HostTurns}).</li>
 * </ul>
 * Addresses fetched can be those of child sexual abuse material: nothing here logs a URL, only a host at debug level.
 * Thread-safe; meant to be shared.
 */
public class SafeFetcher implements AutoCloseable {

    /** What a browser asks for: a check must look like a visit. */
    private static final String PAGES = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Logger log = LoggerFactory.getLogger(SafeFetcher.class);

    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int BUFFER = 8 * 1024;

    private final OutboundProperties settings;
    private final HostTurns turns;
    private final @Nullable CloseableHttpClient client;
    private final @Nullable String proxyHost;
    private final ExecutorService lookups;
    private final ScheduledExecutorService deadlines;
    private final Predicate<IPAddress> reachable;

    public SafeFetcher(OutboundProperties settings) {
        this(settings, Addresses::isGlobal);
    }

    /**
     * @param reachable which addresses may be connected to when private ones are not allowed: the tests' servers are
     *                  all on loopback, and some play the internet
     */
    SafeFetcher(OutboundProperties settings, Predicate<IPAddress> reachable) {
        this.settings = settings;
        this.reachable = reachable;
        this.turns = new HostTurns(settings.perHostInterval());
        this.proxyHost = settings.proxy() == null ? null : settings.proxy().getHost().toLowerCase(Locale.ROOT);
        this.lookups = Executors.newCachedThreadPool(daemon("outbound-dns"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("outbound-deadline"));
        this.client = settings.offline() ? null : client(settings);
    }

    private CloseableHttpClient client(OutboundProperties settings) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver())
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADERS).build())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(4)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.totalTimeout()))
                        .setResponseTimeout(read)
                        .build())
                .setUserAgent(settings.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching();
        if (settings.proxy() != null) {
            builder.setProxy(new HttpHost("http", settings.proxy().getHost(), settings.proxy().getPort()));
        }
        return builder.build();
    }

    /** Whether the server is offline: every fetch answers {@code OFFLINE}. */
    public boolean offline() {
        return settings.offline();
    }

    /**
     * Fetches the address with GET, following redirects, and tells how it went. Blocks for at most about
     * {@code raporto.outbound.total-timeout}; never throws for anything the network or the server does.
     *
     * @param url an absolute http or https URL
     * @throws IllegalArgumentException when the URL is not one
     */
    public FetchOutcome fetch(URI url) {
        return fetch(url, PAGES, null);
    }

    /**
     * Fetches a small document the server needs to read (an RDAP record), under the same rules as any fetch: its body
     * when the last answer is a success and the whole body fits within {@code max-bytes}.
     *
     * @param accept the media types asked for
     * @return empty when there is no such answer, the body is larger than the cap, or the server is offline
     */
    public Optional<byte[]> read(URI url, String accept) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        FetchOutcome outcome = fetch(url, accept, body);
        boolean whole = outcome.bytesRead() == body.size() && outcome.bytesRead() < settings.maxBytes().toBytes();
        return outcome instanceof FetchOutcome.Answered answered && answered.status() / 100 == 2 && whole
                ? Optional.of(body.toByteArray()) : Optional.empty();
    }

    private FetchOutcome fetch(URI url, String accept, @Nullable ByteArrayOutputStream body) {
        requireHttp(url);
        if (settings.offline()) {
            return new FetchOutcome.Failed(FetchOutcome.Failure.OFFLINE, url, 0, 0);
        }
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            visited.add(current);
            if (body != null) {
                body.reset();
            }
            Hop hop = hop(current, deadline, accept, body);
            if (hop.outcome != null) {
                return hop.outcome(redirects);
            }
            URI next = hop.location;
            if (next == null) {
                return new FetchOutcome.Answered(hop.status, current, redirects, hop.bytesRead);
            }
            if (!isHttp(next)) {
                return new FetchOutcome.Failed(FetchOutcome.Failure.TARGET_REFUSED, next, redirects + 1, 0);
            }
            if (redirects == settings.maxRedirects() || visited.contains(next)) {
                return new FetchOutcome.Failed(FetchOutcome.Failure.TOO_MANY_REDIRECTS, next, redirects + 1, 0);
            }
            current = next;
        }
    }

    /** One request, no redirect followed. */
    private Hop hop(URI url, long deadline, String accept, @Nullable ByteArrayOutputStream body) {
        String host = host(url);
        Hop refused = refusedAtOnce(host);
        if (refused != null) {
            return refused.at(url);
        }
        try {
            if (!turns.awaitTurn(host, deadline)) {
                return Hop.failed(FetchOutcome.Failure.TIMEOUT, url);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Hop.failed(FetchOutcome.Failure.OTHER, url);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return Hop.failed(FetchOutcome.Failure.TIMEOUT, url);
        }
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", accept);
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            cutOff.set(true);
            get.cancel();
        }, left, TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client().executeOpen(null, get, null);
            int status = response.getCode();
            URI location = status >= 300 && status < 400 ? location(url, response.getFirstHeader("Location")) : null;
            long read = location == null ? read(response.getEntity(), get, body) : 0;
            if (location != null) {
                // The body of a redirect is of no interest: drop the connection rather than read it.
                get.cancel();
            }
            log.debug("Fetched from {}: {}", host, status);
            return Hop.answered(status, location, read);
        }
        catch (IOException | RuntimeException e) {
            FetchOutcome.Failure failure = cutOff.get() ? FetchOutcome.Failure.TIMEOUT : failure(e);
            log.debug("Fetch from {} failed: {} ({})", host, failure, e.getClass().getSimpleName());
            return Hop.failed(failure, url);
        }
        finally {
            timer.cancel(false);
            if (response != null) {
                try {
                    response.close();
                }
                catch (IOException | RuntimeException e) {
                    // The connection was cut on purpose (size cap, redirect, deadline): nothing to save.
                }
            }
        }
    }

    private CloseableHttpClient client() {
        if (client == null) {
            throw new IllegalStateException("Offline: no client");
        }
        return client;
    }

    /**
     * Reads and drops at most {@code max-bytes} of the body. Past the cap the request is cancelled, which closes the
     * connection: closing the body's stream instead would read the rest of it to reuse the connection.
     */
    private long read(@Nullable HttpEntity entity, HttpGet get, @Nullable ByteArrayOutputStream kept) throws IOException {
        if (entity == null) {
            return 0;
        }
        long cap = settings.maxBytes().toBytes();
        long read = 0;
        byte[] buffer = new byte[BUFFER];
        InputStream body = entity.getContent();
        if (body == null) {
            return 0;
        }
        while (read < cap) {
            int n = body.read(buffer, 0, (int) Math.min(buffer.length, cap - read));
            if (n < 0) {
                return read;
            }
            read += n;
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
        }
        if (body.read() >= 0) {
            get.cancel();
        }
        return read;
    }

    /** Targets refused without a request: addresses written in the URL, onion services, names that never exist. */
    private @Nullable Hop refusedAtOnce(String host) {
        IPAddress literal = new IPAddressString(host).getAddress();
        if (literal != null) {
            return settings.allowPrivate() || reachable.test(Addresses.plain(literal)) ? null : Hop.failed(FetchOutcome.Failure.TARGET_REFUSED, null);
        }
        if (host.endsWith(".onion") && proxyHost == null) {
            // Only a proxy into Tor reaches it; asked of the DNS it would look like a name that no longer exists.
            return Hop.failed(FetchOutcome.Failure.TARGET_REFUSED, null);
        }
        if (host.equals("invalid") || host.endsWith(".invalid")) {
            // RFC 6761: never exists, and resolvers are to say so without asking anyone.
            return Hop.failed(FetchOutcome.Failure.NO_SUCH_HOST, null);
        }
        return null;
    }

    private static FetchOutcome.Failure failure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refused) {
                return FetchOutcome.Failure.TARGET_REFUSED;
            }
            if (cause instanceof LookupTimedOut) {
                return FetchOutcome.Failure.TIMEOUT;
            }
            if (cause instanceof UnknownHostException unknown) {
                // The JDK says only "unknown" for both; the system's message tells a name that does not exist
                // (glibc: "Name or service not known") from a resolver that did not answer ("Temporary failure…").
                String message = String.valueOf(unknown.getMessage());
                return message.contains("Temporary failure") || message.contains("try again")
                        ? FetchOutcome.Failure.OTHER : FetchOutcome.Failure.NO_SUCH_HOST;
            }
            if (cause instanceof SSLException) {
                return FetchOutcome.Failure.TLS_FAILURE;
            }
            if (cause instanceof ConnectException) {
                return String.valueOf(cause.getMessage()).contains("timed out") ? FetchOutcome.Failure.TIMEOUT
                        : FetchOutcome.Failure.CONNECTION_REFUSED;
            }
            if (cause instanceof InterruptedIOException) {
                return FetchOutcome.Failure.TIMEOUT;
            }
        }
        return FetchOutcome.Failure.OTHER;
    }

    private static @Nullable URI location(URI base, @Nullable Header header) {
        if (header == null || header.getValue() == null || header.getValue().isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(new URI(header.getValue().strip()));
            return resolved.getHost() == null && isHttp(resolved) ? null : resolved.normalize();
        }
        catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
    }

    private static void requireHttp(URI url) {
        if (!url.isAbsolute() || !isHttp(url)) {
            throw new IllegalArgumentException("Only absolute http and https URLs are fetched");
        }
    }

    /** The host in lower case, IPv6 without brackets, international names in ASCII. */
    private static String host(URI url) {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException e) {
            return host.toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public void close() throws IOException {
        lookups.shutdownNow();
        deadlines.shutdownNow();
        if (client != null) {
            client.close();
        }
    }

    /**
     * The only resolver the client has: resolves through the system within the connect timeout, and refuses a name
     * with any address not on the internet (one private answer among public ones is enough to reach inside, since the
     * client tries them in turn). The proxy's own name is resolved without the check: it is ours.
     */
    private final class CheckingResolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = lookUp(host);
            if (settings.allowPrivate() || host.toLowerCase(Locale.ROOT).equals(proxyHost)) {
                return addresses;
            }
            if (addresses.length == 0 || !Arrays.stream(addresses).map(Addresses::of).allMatch(reachable)) {
                throw new Refused();
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }

        /** {@link InetAddress#getAllByName} has no timeout of its own: it runs aside, and is waited for so long. */
        private InetAddress[] lookUp(String host) throws UnknownHostException {
            Future<InetAddress[]> lookup = lookups.submit(() -> InetAddress.getAllByName(host));
            try {
                return lookup.get(settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException e) {
                lookup.cancel(true);
                throw new LookupTimedOut();
            }
            catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownHostException unknown) {
                    throw unknown;
                }
                throw new UnknownHostException("Lookup failed: " + e.getCause().getClass().getSimpleName() + " (Temporary failure)");
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LookupTimedOut();
            }
        }
    }

    /** A name resolved to an address the server must not reach. */
    private static final class Refused extends UnknownHostException {

        Refused() {
            super("Refused: an address not on the internet");
        }
    }

    private static final class LookupTimedOut extends UnknownHostException {

        LookupTimedOut() {
            super("The name was not resolved in time");
        }
    }

    /** One hop's outcome: an answer (with where it redirects, if anywhere), or a failure. */
    private record Hop(int status, @Nullable URI location, long bytesRead, FetchOutcome.@Nullable Failed outcome) {

        static Hop answered(int status, @Nullable URI location, long bytesRead) {
            return new Hop(status, location, bytesRead, null);
        }

        static Hop failed(FetchOutcome.Failure failure, @Nullable URI url) {
            return new Hop(0, null, 0, new FetchOutcome.Failed(failure, url == null ? URI.create("about:blank") : url, 0, 0));
        }

        Hop at(URI url) {
            return outcome == null ? this : failed(outcome.failure(), url);
        }

        FetchOutcome outcome(int redirects) {
            FetchOutcome.Failed failed = outcome;
            return new FetchOutcome.Failed(failed.failure(), failed.finalUrl(), redirects, failed.bytesRead());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
