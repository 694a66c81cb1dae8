package io.heavenbase.backend.pinecone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JDK HTTP server on 127.0.0.1 (ephemeral port) standing in for Pinecone: it records every
 * request and answers each route ("METHOD /path") with the responses queued by the test, then with
 * a default answer. It checks the backend's requests and response parsing, not Pinecone.
 */
final class FakePineconeServer implements AutoCloseable {

    /** One recorded request. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        /** The decoded values of a query parameter, in order. */
        List<String> parameter(String name) {
            List<String> values = new ArrayList<>();
            if (query == null) {
                return values;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                    values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }

    /** A canned answer. */
    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final Map<String, Answer> defaults = new HashMap<>();

    FakePineconeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one answer for a route such as {@code POST /query}. */
    FakePineconeServer answer(String route, int status, String body) {
        synchronized (answers) {
            answers.computeIfAbsent(route, r -> new ArrayDeque<>()).add(new Answer(status, body));
        }
        return this;
    }

    /** The answer of a route once its queue is empty. */
    FakePineconeServer otherwise(String route, int status, String body) {
        synchronized (answers) {
            defaults.put(route, new Answer(status, body));
        }
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The recorded requests of one route, in order. */
    List<Request> requests(String route) {
        List<Request> out = new ArrayList<>();
        for (Request request : requests()) {
            if ((request.method() + " " + request.path()).equals(route)) {
                out.add(request);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer;
        synchronized (answers) {
            Deque<Answer> queue = answers.get(route);
            answer = queue != null && !queue.isEmpty() ? queue.poll() : defaults.getOrDefault(route,
                    new Answer(200, "{}"));
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
