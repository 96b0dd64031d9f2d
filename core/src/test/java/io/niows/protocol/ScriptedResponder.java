package io.niows.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A handshake responder that answers as a test scripts and records what it was asked. Not thread-safe. */
final class ScriptedResponder implements HandshakeResponder {

    /** What it was asked, in order: {@code "upgrade GET /chat"} or {@code "http HEAD /health"}. */
    final List<String> asked = new ArrayList<>();
    private final Function<HandshakeRequest, HandshakeAnswer> upgrade;
    private final Function<HandshakeRequest, HandshakeAnswer> http;

    private ScriptedResponder(Function<HandshakeRequest, HandshakeAnswer> upgrade,
            Function<HandshakeRequest, HandshakeAnswer> http) {
        this.upgrade = upgrade;
        this.http = http;
    }

    /** Answers every upgrade with {@code upgrade}; plain HTTP with the interface's default. */
    static ScriptedResponder upgrades(Function<HandshakeRequest, HandshakeAnswer> upgrade) {
        return new ScriptedResponder(upgrade, null);
    }

    /** Accepts every upgrade with the first subprotocol offered, or none. */
    static ScriptedResponder acceptingFirstOffered() {
        return upgrades(r -> HandshakeAnswer.accept(r.subprotocols().isEmpty() ? null : r.subprotocols().get(0)));
    }

    /** Answers plain HTTP with {@code http}; an upgrade fails the test. */
    static ScriptedResponder serves(Function<HandshakeRequest, HandshakeAnswer> http) {
        return new ScriptedResponder(r -> {
            throw new AssertionError("not an upgrade: " + r);
        }, http);
    }

    @Override
    public HandshakeAnswer upgrade(HandshakeRequest request) {
        asked.add("upgrade " + request);
        return upgrade.apply(request);
    }

    @Override
    public HandshakeAnswer http(HandshakeRequest request) {
        asked.add("http " + request);
        return http == null ? HandshakeResponder.super.http(request) : http.apply(request);
    }
}
