package org.raporto.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A web server of the test's own on a loopback address, standing in for the sites the server fetches from. Answers
 * 404 to any path it was not told about; counts what it is asked.
 */
public final class LoopbackWebServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    public LoopbackWebServer() {
        this("127.0.0.1");
    }

    public LoopbackWebServer(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            counts.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            arrivals.add(System.nanoTime());
            try (exchange) {
                handlers.getOrDefault(path, ex -> answer(ex, 404)).handle(exchange);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    public URI url(String path) {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public LoopbackWebServer status(String path, int status) {
        return handle(path, exchange -> answer(exchange, status));
    }

    public LoopbackWebServer redirect(String path, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    /** Answers 200 with this JSON document (as a registry answers, {@code application/rdap+json}). */
    public LoopbackWebServer json(String path, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return handle(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rdap+json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    public LoopbackWebServer handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    public int requests(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    public int requests() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    /** When each request arrived, in {@link System#nanoTime()}. */
    public List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    public void clear() {
        handlers.clear();
        counts.clear();
        userAgents.clear();
        arrivals.clear();
    }

    public static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
