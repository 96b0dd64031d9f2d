package io.niows.spectests.deflate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fuzzing client's check of the server's answer to its offers (RFC 6455 section 4.1 and
 * RFC 7692 sections 5 and 7.1), strict where Autobahn's client is: an extension it did not
 * offer, more than one permessage-deflate, an unknown or repeated parameter, a parameter
 * without its value or with a bad one fail the opening handshake. Stricter where RFC 7692 is:
 * the response must accept one of the offers as made ({@code client_max_window_bits} only if
 * offered; {@code server_no_context_takeover} and {@code server_max_window_bits} no larger than
 * requested when the offer asked for them). Stateless; safe from any thread.
 */
public final class ClientAcceptance {
    private ClientAcceptance() {
    }

    /**
     * Returns the parameters in force, or null when the server declined (no extension in its
     * answer); throws with a reason when the answer is not acceptable.
     *
     * @param offers         the offers sent, in order (empty when none)
     * @param responseHeader the {@code Sec-WebSocket-Extensions} value of the response, or null
     */
    public static DeflateParams accept(List<DeflateOffer> offers, String responseHeader) {
        List<ExtensionHeader.Element> elements = ExtensionHeader.parse(responseHeader);
        if (elements.isEmpty()) {
            return null;
        }
        for (ExtensionHeader.Element e : elements) {
            if (!e.name().equals(DeflateOffer.NAME) || offers.isEmpty()) {
                throw new IllegalArgumentException("the server wants extension '" + e.name() + "', which was not offered");
            }
        }
        if (elements.size() > 1) {
            throw new IllegalArgumentException("the server answered with more than one permessage-deflate");
        }
        Map<String, ExtensionHeader.Param> params = params(elements.get(0));
        for (DeflateOffer offer : offers) {
            if (accepts(params, offer)) {
                return paramsFor(params, offer, responseHeader.strip());
            }
        }
        throw new IllegalArgumentException("the response '" + responseHeader.strip() + "' accepts none of the offers");
    }

    private static Map<String, ExtensionHeader.Param> params(ExtensionHeader.Element e) {
        Map<String, ExtensionHeader.Param> m = new HashMap<>();
        for (ExtensionHeader.Param p : e.params()) {
            if (m.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter " + p.name() + " appears twice in the response");
            }
            switch (p.name()) {
                case "server_no_context_takeover", "client_no_context_takeover" -> DeflateOffer.noValue(p);
                case "server_max_window_bits", "client_max_window_bits" -> DeflateParams.parseBits(p.name(), p.value());
                default -> throw new IllegalArgumentException("unknown parameter " + p.name() + " in the response");
            }
        }
        return m;
    }

    private static boolean accepts(Map<String, ExtensionHeader.Param> p, DeflateOffer offer) {
        if (p.containsKey("client_max_window_bits") && !offer.acceptMaxWindowBits()) {
            return false;
        }
        if (offer.requestNoContextTakeover() && !p.containsKey("server_no_context_takeover")) {
            return false;
        }
        return offer.requestMaxWindowBits() == 0 || (p.containsKey("server_max_window_bits")
                && bits(p, "server_max_window_bits") <= offer.requestMaxWindowBits());
    }

    private static DeflateParams paramsFor(Map<String, ExtensionHeader.Param> p, DeflateOffer offer, String agreed) {
        int clientBits = p.containsKey("client_max_window_bits") ? bits(p, "client_max_window_bits")
                : offer.clientMaxWindowBitsHint() != 0 ? offer.clientMaxWindowBitsHint() : DeflateParams.MAX_WINDOW_BITS;
        int serverBits = p.containsKey("server_max_window_bits") ? bits(p, "server_max_window_bits")
                : DeflateParams.MAX_WINDOW_BITS;
        // Having offered client_no_context_takeover, the fuzzer keeps its word (section 7.1.1.2).
        boolean clientNoContext = p.containsKey("client_no_context_takeover") || offer.acceptNoContextTakeover();
        return new DeflateParams(clientNoContext, clientBits, p.containsKey("server_no_context_takeover"), serverBits,
                agreed);
    }

    private static int bits(Map<String, ExtensionHeader.Param> p, String name) {
        return Integer.parseInt(p.get(name).value());
    }
}
