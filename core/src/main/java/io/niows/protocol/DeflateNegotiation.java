package io.niows.protocol;

import static io.niows.protocol.PerMessageDeflate.MAX_WINDOW_BITS;
import static io.niows.protocol.PerMessageDeflate.NAME;

import io.niows.internal.handshake.ExtensionOffer;
import io.niows.internal.handshake.HandshakeFailure;
import io.niows.internal.handshake.HttpError;
import java.util.List;
import java.util.Map;

/**
 * The permessage-deflate negotiation of RFC 7692 §5 and §7.1: a server's answer to a client's
 * offers, a client's offer, and a client's check of the server's answer.
 *
 * <p>Stateless and thread-safe.
 */
final class DeflateNegotiation {

    private static final String SERVER_NO_CONTEXT = "server_no_context_takeover";
    private static final String CLIENT_NO_CONTEXT = "client_no_context_takeover";
    private static final String SERVER_WINDOW = "server_max_window_bits";
    private static final String CLIENT_WINDOW = "client_max_window_bits";
    private static final int NO_VALUE = -1;
    private static final int BAD_VALUE = -2;

    private DeflateNegotiation() {
    }

    /**
     * A server's answer: the first offer it can honour, in the client's order (RFC 7692 §5: "the
     * server ... accepts the first offer it supports"). An offer with an unknown parameter, one
     * given twice, a value where none is allowed, a value missing or out of range is declined and
     * the next one tried.
     *
     * @param lines the request's {@code Sec-WebSocket-Extensions} lines
     * @return what was agreed, or {@code null} when the extension is off or no offer fits
     */
    static DeflateAgreement answer(PerMessageDeflate settings, List<String> lines) {
        if (!settings.isEnabled() || lines.isEmpty()) {
            return null;
        }
        for (ExtensionOffer offer : ExtensionOffer.parseEach(lines)) {
            if (offer.name().equals(NAME)) {
                DeflateAgreement agreed = accept(settings, offer.params());
                if (agreed != null) {
                    return agreed;
                }
            }
        }
        return null;
    }

    private static DeflateAgreement accept(PerMessageDeflate settings, Map<String, String> params) {
        boolean serverNoContext = settings.serverNoContextTakeover();
        boolean clientNoContext = settings.clientNoContextTakeover();
        int serverBits = settings.serverMaxWindowBits();
        int clientBits = MAX_WINDOW_BITS;
        boolean serverBitsAsked = false;
        boolean clientBitsOffered = false;
        for (Map.Entry<String, String> param : params.entrySet()) {
            int bits = windowBits(param.getValue());
            switch (param.getKey()) {
                case SERVER_NO_CONTEXT, CLIENT_NO_CONTEXT -> {
                    if (bits != NO_VALUE) {
                        return null;
                    }
                    if (param.getKey().equals(SERVER_NO_CONTEXT)) {
                        serverNoContext = true;
                    } else {
                        clientNoContext = true;
                    }
                }
                case SERVER_WINDOW -> {
                    // §7.1.2.1: a value is required; the answer has "the same or smaller value".
                    if (bits < 0) {
                        return null;
                    }
                    serverBits = Math.min(serverBits, bits);
                    serverBitsAsked = true;
                }
                case CLIENT_WINDOW -> {
                    // §7.1.2.2: "this parameter has no value or a decimal integer value".
                    if (bits == BAD_VALUE) {
                        return null;
                    }
                    clientBits = bits == NO_VALUE ? MAX_WINDOW_BITS : bits;
                    clientBitsOffered = true;
                }
                default -> {
                    // §7.1: an offer with an unknown parameter is declined.
                    return null;
                }
            }
        }
        if (clientBitsOffered) {
            clientBits = Math.min(clientBits, settings.clientMaxWindowBits());
        }
        StringBuilder header = new StringBuilder(NAME);
        if (serverNoContext) {
            header.append("; ").append(SERVER_NO_CONTEXT);
        }
        if (clientNoContext) {
            header.append("; ").append(CLIENT_NO_CONTEXT);
        }
        if (serverBitsAsked || serverBits < MAX_WINDOW_BITS) {
            header.append("; ").append(SERVER_WINDOW).append('=').append(serverBits);
        }
        // §7.1.2.2: the server may limit the client's window only if the client offered the parameter.
        if (clientBitsOffered && clientBits < MAX_WINDOW_BITS) {
            header.append("; ").append(CLIENT_WINDOW).append('=').append(clientBits);
        }
        // Every connection keeps its answer (WebSocket.extensions()) and most give the same one: one
        // shared string instead of some 120 bytes of copy per connection (a few hundred answers exist).
        return new DeflateAgreement(serverNoContext, clientNoContext, serverBits, clientBits,
                header.toString().intern());
    }

    /**
     * A client's offer: {@code permessage-deflate} with what the settings ask for, and always
     * {@code client_max_window_bits} (with a value when under 15), which tells the server that a
     * window it sets will be honoured.
     *
     * @return the header value, or {@code null} when the extension is off
     */
    static String offer(PerMessageDeflate settings) {
        if (settings == null || !settings.isEnabled()) {
            return null;
        }
        StringBuilder offer = new StringBuilder(NAME);
        if (settings.serverNoContextTakeover()) {
            offer.append("; ").append(SERVER_NO_CONTEXT);
        }
        if (settings.clientNoContextTakeover()) {
            offer.append("; ").append(CLIENT_NO_CONTEXT);
        }
        if (settings.serverMaxWindowBits() < MAX_WINDOW_BITS) {
            offer.append("; ").append(SERVER_WINDOW).append('=').append(settings.serverMaxWindowBits());
        }
        offer.append("; ").append(CLIENT_WINDOW);
        if (settings.clientMaxWindowBits() < MAX_WINDOW_BITS) {
            offer.append('=').append(settings.clientMaxWindowBits());
        }
        return offer.toString();
    }

    /**
     * A client's check of the server's answer (RFC 7692 §7.1: the client must "_Fail the
     * WebSocket Connection_" on a response it cannot accept).
     *
     * @param offered what the client offered, or {@code null} if nothing
     * @param lines the response's {@code Sec-WebSocket-Extensions} lines
     * @return what was agreed, or {@code null} when the server took no extension
     * @throws HandshakeFailure when the answer names an extension not offered, names it twice, or
     *     has a parameter not allowed, a value out of range, or less than the offer required
     */
    static DeflateAgreement check(PerMessageDeflate offered, List<String> lines) throws HandshakeFailure {
        List<ExtensionOffer> chosen;
        try {
            chosen = ExtensionOffer.parse(lines);
        } catch (HttpError e) {
            throw failure(e.reason());
        }
        if (chosen.isEmpty()) {
            return null;
        }
        if (offer(offered) == null || chosen.size() > 1 || !chosen.get(0).name().equals(NAME)) {
            throw failure("server chose an extension that was not offered: " + chosen.get(chosen.size() - 1));
        }
        boolean serverNoContext = false;
        boolean clientNoContext = false;
        int serverBits = NO_VALUE;
        int clientBits = MAX_WINDOW_BITS;
        for (Map.Entry<String, String> param : chosen.get(0).params().entrySet()) {
            String name = param.getKey();
            int bits = windowBits(param.getValue());
            switch (name) {
                case SERVER_NO_CONTEXT -> serverNoContext = noValue(name, bits);
                case CLIENT_NO_CONTEXT -> clientNoContext = noValue(name, bits);
                case SERVER_WINDOW -> serverBits = atMost(name, bits, offered.serverMaxWindowBits());
                case CLIENT_WINDOW -> clientBits = atMost(name, bits, offered.clientMaxWindowBits());
                default -> throw failure("server answered permessage-deflate with an unknown parameter " + name);
            }
        }
        if (offered.serverNoContextTakeover() && !serverNoContext) {
            throw failure("server accepted permessage-deflate without the server_no_context_takeover offered");
        }
        if (offered.serverMaxWindowBits() < MAX_WINDOW_BITS && serverBits == NO_VALUE) {
            throw failure("server accepted permessage-deflate without the server_max_window_bits offered");
        }
        return new DeflateAgreement(serverNoContext, clientNoContext,
                serverBits == NO_VALUE ? MAX_WINDOW_BITS : serverBits, clientBits, chosen.get(0).toString());
    }

    private static boolean noValue(String name, int bits) throws HandshakeFailure {
        if (bits != NO_VALUE) {
            throw failure("server answered " + name + " with a value");
        }
        return true;
    }

    private static int atMost(String name, int bits, int limit) throws HandshakeFailure {
        if (bits < 0) {
            throw failure("server answered " + name + " without a value from 8 to 15");
        }
        if (bits > limit) {
            throw failure("server answered " + name + "=" + bits + ", over the " + limit + " offered");
        }
        return bits;
    }

    /** A window size from 8 to 15 written without leading zeros, {@link #NO_VALUE}, or {@link #BAD_VALUE}. */
    private static int windowBits(String value) {
        if (value == null) {
            return NO_VALUE;
        }
        return switch (value) {
            case "8", "9", "10", "11", "12", "13", "14", "15" -> Integer.parseInt(value);
            default -> BAD_VALUE;
        };
    }

    private static HandshakeFailure failure(String message) {
        return new HandshakeFailure(HandshakeFailure.NO_STATUS, message);
    }
}
