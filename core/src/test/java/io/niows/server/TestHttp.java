package io.niows.server;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP client whose threads the test owns, so that closing it ends them (JDK 17's
 * {@code HttpClient} has no {@code close()}). Thread-safe.
 */
final class TestHttp implements AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    final HttpClient client = HttpClient.newBuilder().executor(executor).build();

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
