package org.raporto.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server for the tests, on 127.0.0.1 over UDP, answering as a recursive resolver would: aliases followed
 * within its own zone, the addresses of the last name, NXDOMAIN for names it does not hold. Names can be made to
 * time out (no answer at all) or to fail (SERVFAIL), and it counts the queries it was asked.
 */
final class TestDnsServer implements AutoCloseable {

    private static final long TTL = 300;

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final Set<Name> shortAnswers = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();

    TestDnsServer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
        catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "test-dns-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code 127.0.0.1:port}, as {@code raporto.tracing.dns.resolvers} takes it. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    TestDnsServer a(String name, String... addresses) {
        for (String address : addresses) {
            add(new ARecord(name(name), DClass.IN, TTL, ip(address)));
        }
        return this;
    }

    TestDnsServer aaaa(String name, String... addresses) {
        for (String address : addresses) {
            add(new AAAARecord(name(name), DClass.IN, TTL, ip(address)));
        }
        return this;
    }

    TestDnsServer cname(String name, String target) {
        add(new CNAMERecord(name(name), DClass.IN, TTL, name(target)));
        return this;
    }

    /** A name that exists, with no address. */
    TestDnsServer exists(String name) {
        zone.computeIfAbsent(name(name), key -> new ArrayList<>());
        return this;
    }

    /** Queries for the name are never answered. */
    TestDnsServer silent(String name) {
        silent.add(name(name));
        return this;
    }

    /** Queries for the name are answered SERVFAIL. */
    TestDnsServer failing(String name) {
        failing.add(name(name));
        return this;
    }

    /** Answers for the name give its alias only, as some resolvers do, and leave the rest to another query. */
    TestDnsServer shortAnswer(String name) {
        shortAnswers.add(name(name));
        return this;
    }

    /** How many times the name was asked about with the type ({@link Type#A}, {@link Type#AAAA}). */
    int queries(String name, int type) {
        AtomicInteger count = queries.get(key(name(name), type));
        return count == null ? 0 : count.get();
    }

    int queries() {
        return queries.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void clear() {
        zone.clear();
        silent.clear();
        failing.clear();
        shortAnswers.clear();
        queries.clear();
    }

    private void add(Record record) {
        zone.computeIfAbsent(record.getName(), key -> new ArrayList<>()).add(record);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = answer(query);
                if (response != null) {
                    byte[] wire = response.toWire();
                    socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            }
            catch (IOException e) {
                // Closed, or a packet that is no DNS message: nothing to answer.
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        Name asked = question.getName();
        queries.computeIfAbsent(key(asked, question.getType()), key -> new AtomicInteger()).incrementAndGet();
        if (silent.contains(asked)) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RD);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(question, Section.QUESTION);
        if (failing.contains(asked)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        Name current = asked;
        for (int hops = 0; hops < 20; hops++) {
            Record alias = zone.getOrDefault(current, List.of()).stream()
                    .filter(record -> record.getType() == Type.CNAME).findFirst().orElse(null);
            if (alias == null) {
                break;
            }
            response.addRecord(alias, Section.ANSWER);
            current = ((CNAMERecord) alias).getTarget();
            if (shortAnswers.contains(asked)) {
                return response;
            }
        }
        List<Record> records = zone.get(current);
        if (records == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        for (Record record : records) {
            if (record.getType() == question.getType()) {
                response.addRecord(record, Section.ANSWER);
            }
        }
        return response;
    }

    private static String key(Name name, int type) {
        return name + " " + Type.string(type);
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name, Name.root);
        }
        catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InetAddress ip(String address) {
        try {
            return InetAddress.getByName(address);
        }
        catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
