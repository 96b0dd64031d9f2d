package io.niows.spectests.deflate;

import java.util.HashSet;
import java.util.Set;

/**
 * One permessage-deflate offer of a client (RFC 7692 section 7.1), named as Autobahn's
 * {@code PerMessageDeflateOffer}: what the client accepts the server to ask of it
 * ({@code client_no_context_takeover}, {@code client_max_window_bits}) and what it asks of the
 * server ({@code server_no_context_takeover}, {@code server_max_window_bits=N}). Immutable.
 *
 * @param acceptNoContextTakeover  the offer carries {@code client_no_context_takeover}
 * @param acceptMaxWindowBits      the offer carries {@code client_max_window_bits}
 * @param requestNoContextTakeover the offer carries {@code server_no_context_takeover}
 * @param requestMaxWindowBits     the value of {@code server_max_window_bits}, 0 when absent
 * @param clientMaxWindowBitsHint  the value given with {@code client_max_window_bits}, 0 when none
 */
public record DeflateOffer(boolean acceptNoContextTakeover, boolean acceptMaxWindowBits,
        boolean requestNoContextTakeover, int requestMaxWindowBits, int clientMaxWindowBitsHint) {

    /** The extension's registered name. */
    public static final String NAME = "permessage-deflate";

    /**
     * An offer as Autobahn's test cases build it: {@code PerMessageDeflateOffer(requestNoContextTakeover,
     * requestMaxWindowBits)}, which always accepts both client parameters.
     */
    public static DeflateOffer autobahn(boolean requestNoContextTakeover, int requestMaxWindowBits) {
        return new DeflateOffer(true, true, requestNoContextTakeover, requestMaxWindowBits, 0);
    }

    /** The offer as Autobahn writes it into the request (its {@code getExtensionString}). */
    public String extensionString() {
        StringBuilder sb = new StringBuilder(NAME);
        if (acceptNoContextTakeover) {
            sb.append("; client_no_context_takeover");
        }
        if (acceptMaxWindowBits) {
            sb.append("; client_max_window_bits");
            if (clientMaxWindowBitsHint != 0) {
                sb.append('=').append(clientMaxWindowBitsHint);
            }
        }
        if (requestNoContextTakeover) {
            sb.append("; server_no_context_takeover");
        }
        if (requestMaxWindowBits != 0) {
            sb.append("; server_max_window_bits=").append(requestMaxWindowBits);
        }
        return sb.toString();
    }

    /** Autobahn's description tuple, e.g. {@code (True, 8)}. */
    public String autobahnTuple() {
        return "(" + (requestNoContextTakeover ? "True" : "False") + ", " + requestMaxWindowBits + ")";
    }

    /**
     * Reads a client's offer (a server's view). A parameter the offer may not carry, a
     * duplicate or a bad value makes it malformed (RFC 7692 section 5): thrown with a reason.
     */
    public static DeflateOffer parse(ExtensionHeader.Element e) {
        boolean acceptNoContext = false;
        boolean acceptBits = false;
        boolean requestNoContext = false;
        int requestBits = 0;
        int hint = 0;
        Set<String> seen = new HashSet<>();
        for (ExtensionHeader.Param p : e.params()) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("parameter " + p.name() + " appears twice in an offer");
            }
            switch (p.name()) {
                case "client_no_context_takeover" -> acceptNoContext = noValue(p);
                case "server_no_context_takeover" -> requestNoContext = noValue(p);
                case "server_max_window_bits" -> requestBits = DeflateParams.parseBits(p.name(), p.value());
                case "client_max_window_bits" -> {
                    acceptBits = true;
                    hint = p.value() == null ? 0 : DeflateParams.parseBits(p.name(), p.value());
                }
                default -> throw new IllegalArgumentException("unknown parameter " + p.name() + " in an offer");
            }
        }
        return new DeflateOffer(acceptNoContext, acceptBits, requestNoContext, requestBits, hint);
    }

    static boolean noValue(ExtensionHeader.Param p) {
        if (p.value() != null) {
            throw new IllegalArgumentException(p.name() + " takes no value, got '" + p.value() + "'");
        }
        return true;
    }
}
