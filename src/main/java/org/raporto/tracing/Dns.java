package org.raporto.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.raporto.shared.outbound.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Asks the configured recursive resolvers for a name's IPv4 and IPv6 addresses, following its aliases (CNAME).
 * <p>
 * Names are always absolute: no search domain is ever appended, so a reported name is never asked about under the
 * hotline's own domain. Answers come from servers the suspects may control, so they are held to limits: at most
 * {@value #MAX_ALIASES} aliases, {@value #MAX_ADDRESSES} addresses of each kind, each query bounded by the timeout.
 * Nothing is cached here: the traces are the cache.
 */
class Dns {

    static final int MAX_ALIASES = 8;
    static final int MAX_ADDRESSES = 32;

    private static final Logger log = LoggerFactory.getLogger(Dns.class);

    private final Resolver resolver;
    private final List<InetSocketAddress> servers;

    /**
     * @param resolvers {@code host[:port]} of each resolver, IP addresses only ({@code [v6]:port} for IPv6 with a
     *                  port); empty: the system's resolvers
     * @param timeout   how long one query may take, all resolvers and retries together
     */
    Dns(List<String> resolvers, Duration timeout) {
        List<InetSocketAddress> servers = resolvers.isEmpty() ? ResolverConfig.getCurrentConfig().servers()
                : resolvers.stream().map(Dns::server).toList();
        List<Resolver> each = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(timeout);
            each.add(simple);
        }
        ExtendedResolver extended = new ExtendedResolver(each);
        extended.setTimeout(timeout);
        extended.setRetries(1);
        this.resolver = extended;
        this.servers = List.copyOf(servers);
    }

    /** The resolvers asked, for the log. */
    List<InetSocketAddress> servers() {
        return servers;
    }

    /** {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code 2001:db8::53}, {@code [2001:db8::53]:5353}. */
    static InetSocketAddress server(String text) {
        String host = text;
        int port = SimpleResolver.DEFAULT_PORT;
        if (text.startsWith("[") && text.contains("]")) {
            host = text.substring(1, text.indexOf(']'));
            String rest = text.substring(text.indexOf(']') + 1);
            if (!rest.isEmpty()) {
                port = port(rest.substring(1), text);
            }
        }
        else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0) {
            host = text.substring(0, text.indexOf(':'));
            port = port(text.substring(text.indexOf(':') + 1), text);
        }
        IPAddress address = new IPAddressString(host, Target.Literal.STRICT).getAddress();
        if (address == null) {
            throw new IllegalArgumentException("raporto.tracing.dns.resolvers: '" + text
                    + "' is not an IP address with an optional port (a resolver's name would need a resolver itself)");
        }
        return new InetSocketAddress(address.toInetAddress(), port);
    }

    private static int port(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("raporto.tracing.dns.resolvers: '" + whole + "' has no valid port");
    }

    /**
     * @param name an ASCII domain name without the final dot
     * @throws Failure when the name does not exist or no resolver answered
     */
    Answer resolve(String name) throws Failure {
        Name absolute;
        try {
            absolute = Name.fromString(name, Name.root);
        }
        catch (TextParseException e) {
            throw new Failure(HostingTrace.Reason.INVALID_HOST);
        }
        Chain ipv4 = chain(absolute, Type.A);
        if (ipv4.noSuchName) {
            throw new Failure(HostingTrace.Reason.NO_SUCH_HOST);
        }
        Chain ipv6;
        try {
            ipv6 = chain(absolute, Type.AAAA);
        }
        catch (Failure e) {
            if (ipv4.addresses.isEmpty()) {
                throw e;
            }
            // An IPv4 answer is worth keeping when the IPv6 query fails (some resolvers and servers mishandle AAAA).
            ipv6 = new Chain(List.of(), List.of(), false);
        }
        List<IPAddress> addresses = new ArrayList<>(ipv4.addresses);
        addresses.addAll(ipv6.addresses);
        List<String> aliases = ipv4.aliases.size() >= ipv6.aliases.size() ? ipv4.aliases : ipv6.aliases;
        return new Answer(aliases, addresses);
    }

    /**
     * Follows the aliases from the name to the records of the type, asking again for an alias's target when the
     * resolver's answer stops short of it.
     */
    private Chain chain(Name name, int type) throws Failure {
        List<String> aliases = new ArrayList<>();
        Set<Name> seen = new LinkedHashSet<>();
        Name current = name;
        seen.add(current);
        while (true) {
            Message response = query(current, type);
            int rcode = response.getRcode();
            List<Record> answer = response.getSection(Section.ANSWER);
            Name asked = current;
            for (Record alias = alias(answer, current); alias != null; alias = alias(answer, current)) {
                current = ((CNAMERecord) alias).getTarget();
                if (!seen.add(current) || aliases.size() >= MAX_ALIASES) {
                    // A loop, or a chain longer than any real site needs.
                    throw new Failure(HostingTrace.Reason.RESOLVER_FAILED);
                }
                aliases.add(current.toString(true));
            }
            List<IPAddress> addresses = new ArrayList<>();
            for (Record record : answer) {
                if (record.getType() == type && record.getName().equals(current) && addresses.size() < MAX_ADDRESSES) {
                    addresses.add(Addresses.of(record instanceof ARecord a ? a.getAddress() : ((AAAARecord) record).getAddress()));
                }
            }
            if (!addresses.isEmpty()) {
                return new Chain(aliases, addresses.stream().distinct().toList(), false);
            }
            if (rcode == Rcode.NXDOMAIN) {
                return new Chain(aliases, List.of(), true);
            }
            if (rcode != Rcode.NOERROR) {
                throw new Failure(HostingTrace.Reason.RESOLVER_FAILED);
            }
            if (current.equals(asked)) {
                return new Chain(aliases, List.of(), false);
            }
        }
    }

    private static Record alias(List<Record> answer, Name owner) {
        for (Record record : answer) {
            if (record.getType() == Type.CNAME && record.getName().equals(owner)) {
                return record;
            }
        }
        return null;
    }

    private Message query(Name name, int type) throws Failure {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        try {
            return resolver.send(query);
        }
        catch (IOException e) {
            boolean timedOut = timedOut(e);
            log.debug("DNS query {} {} failed: {}", name, Type.string(type), e.toString());
            throw new Failure(timedOut ? HostingTrace.Reason.TIMEOUT : HostingTrace.Reason.RESOLVER_FAILED);
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                    || (cause.getMessage() != null && cause.getMessage().startsWith("Timed out"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param aliases   the names the host is an alias of, in order (CNAME chain), without final dots
     * @param addresses IPv4 then IPv6, each in the order given
     */
    record Answer(List<String> aliases, List<IPAddress> addresses) {
    }

    private record Chain(List<String> aliases, List<IPAddress> addresses, boolean noSuchName) {
    }

    /** The name has no addresses to give, and why. */
    static final class Failure extends Exception {

        private final HostingTrace.Reason reason;

        Failure(HostingTrace.Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        HostingTrace.Reason reason() {
            return reason;
        }
    }
}
