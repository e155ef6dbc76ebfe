package org.raporto.tracing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Writes small databases in MaxMind's format (MMDB 2.0, https://maxmind.github.io/MaxMind-DB/) for the tests: an IPv6
 * search tree with IPv4 networks under {@code ::/96}, 24-bit records, maps of strings as data. MaxMind's own writer is
 * not on Maven Central; this covers what the tests need, and the real reader reads it.
 */
final class MmdbWriter {

    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};

    private final Node root = new Node();
    private final String databaseType;

    MmdbWriter(String databaseType) {
        this.databaseType = databaseType;
    }

    /** Networks are inserted from the widest to the narrowest: a narrower one splits the wider one it falls in. */
    MmdbWriter insert(String network, Map<String, String> data) {
        IPAddress block = new IPAddressString(network).getAddress();
        int prefix = block.getNetworkPrefixLength() == null ? block.getBitCount() : block.getNetworkPrefixLength();
        // An IPv4 network is the IPv6 network ::a.b.c.d/(96 + prefix): its bits lead with 96 zeros.
        BigInteger value = block.toPrefixBlock().getLower().getValue();
        int bits = block.isIPv4() ? 96 + prefix : prefix;
        Node node = root;
        for (int depth = 0; depth < bits; depth++) {
            int side = value.testBit(127 - depth) ? 1 : 0;
            if (depth == bits - 1) {
                node.children[side] = new Leaf(new LinkedHashMap<>(data));
            }
            else {
                Object child = node.children[side];
                if (!(child instanceof Node)) {
                    Node split = new Node();
                    split.children[0] = child;
                    split.children[1] = child;
                    node.children[side] = split;
                    child = split;
                }
                node = (Node) child;
            }
        }
        return this;
    }

    byte[] write() {
        List<Node> nodes = new ArrayList<>();
        Map<Node, Integer> numbers = new IdentityHashMap<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node node = queue.removeFirst();
            numbers.put(node, nodes.size());
            nodes.add(node);
            for (Object child : node.children) {
                if (child instanceof Node next) {
                    queue.addLast(next);
                }
            }
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Map<Leaf, Integer> offsets = new IdentityHashMap<>();
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        int nodeCount = nodes.size();
        for (Node node : nodes) {
            for (Object child : node.children) {
                long record;
                if (child instanceof Node next) {
                    record = numbers.get(next);
                }
                else if (child instanceof Leaf leaf) {
                    Integer offset = offsets.get(leaf);
                    if (offset == null) {
                        offset = data.size();
                        offsets.put(leaf, offset);
                        encode(leaf.data(), data);
                    }
                    record = nodeCount + 16L + offset;
                }
                else {
                    record = nodeCount;
                }
                tree.write((int) (record >> 16));
                tree.write((int) (record >> 8));
                tree.write((int) record);
            }
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(tree.toByteArray());
        file.writeBytes(new byte[16]);
        file.writeBytes(data.toByteArray());
        file.writeBytes(METADATA_MARKER);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", new Unsigned(6, nodeCount));
        metadata.put("record_size", new Unsigned(5, 24));
        metadata.put("ip_version", new Unsigned(5, 6));
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of());
        metadata.put("binary_format_major_version", new Unsigned(5, 2));
        metadata.put("binary_format_minor_version", new Unsigned(5, 0));
        metadata.put("build_epoch", new Unsigned(9, 1_780_000_000L));
        metadata.put("description", Map.of("en", "Raporto test data"));
        encode(metadata, file);
        return file.toByteArray();
    }

    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            control(2, bytes.length, out);
            out.writeBytes(bytes);
        }
        else if (value instanceof Map<?, ?> map) {
            control(7, map.size(), out);
            map.forEach((key, item) -> {
                encode(key, out);
                encode(item, out);
            });
        }
        else if (value instanceof List<?> list) {
            control(11, list.size(), out);
            list.forEach(item -> encode(item, out));
        }
        else if (value instanceof Unsigned number) {
            byte[] bytes = BigInteger.valueOf(number.value()).toByteArray();
            int start = bytes[0] == 0 ? 1 : 0;
            int length = number.value() == 0 ? 0 : bytes.length - start;
            control(number.type(), length, out);
            out.write(bytes, start, length);
        }
        else {
            throw new IllegalArgumentException("Not written by this writer: " + value);
        }
    }

    /** The control byte: type in the top three bits (extended types in the next byte), size in the low five. */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        int sizeBits;
        byte[] sizeBytes;
        if (size < 29) {
            sizeBits = size;
            sizeBytes = new byte[0];
        }
        else if (size < 29 + 256) {
            sizeBits = 29;
            sizeBytes = new byte[] {(byte) (size - 29)};
        }
        else {
            sizeBits = 30;
            sizeBytes = new byte[] {(byte) ((size - 285) >> 8), (byte) (size - 285)};
        }
        if (type <= 7) {
            out.write((type << 5) | sizeBits);
        }
        else {
            out.write(sizeBits);
            out.write(type - 7);
        }
        out.writeBytes(sizeBytes);
    }

    private static final class Node {
        final Object[] children = new Object[2];
    }

    private record Leaf(Map<String, String> data) {
    }

    private record Unsigned(int type, long value) {
    }
}
