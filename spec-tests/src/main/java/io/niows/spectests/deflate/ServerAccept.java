package io.niows.spectests.deflate;

import java.util.ArrayList;
import java.util.List;

/**
 * How the fuzzing server answers a client's permessage-deflate offers in one case: Autobahn's
 * {@code accept1} ... {@code accept7} of {@code case12_x_x.py}. Each rule says what the server
 * asks of the client ({@code client_no_context_takeover}, {@code client_max_window_bits=N});
 * rules are tried in order, each against every offer in the client's order, and the first offer a
 * rule can accept wins. A rule that asks for a window needs an offer that carries
 * {@code client_max_window_bits} (RFC 7692 section 7.1.2.2). Asking for no context takeover
 * needs nothing: a server may always include it (section 7.1.1.2), and Autobahn's offer parser
 * marks every offer as accepting it. Immutable; safe from any thread.
 */
public final class ServerAccept {

    /** One of Autobahn's {@code (requestNoContextTakeover, requestMaxWindowBits)} pairs; 0 bits is none. */
    public record Rule(boolean requestNoContextTakeover, int requestMaxWindowBits) {
        String tuple() {
            return "(" + (requestNoContextTakeover ? "True" : "False") + ", " + requestMaxWindowBits + ")";
        }
    }

    /** An accepted offer: the response header value and the parameters now in force. */
    public record Accepted(String responseHeader, DeflateParams params) {
    }

    private final List<Rule> rules;

    private ServerAccept(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules, tried in order. */
    public static ServerAccept of(Rule... rules) {
        return new ServerAccept(List.of(rules));
    }

    /** Autobahn's docstring of the accept function, e.g. {@code [(True, 8), (True, 0), (False, 0)]}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        rules.forEach(r -> parts.add(r.tuple()));
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * Answers a request's {@code Sec-WebSocket-Extensions} value: the accepted offer, or null
     * when the request offers no permessage-deflate or no rule accepts any of its offers (the
     * connection then opens without the extension). Throws with a reason when the header or a
     * permessage-deflate offer in it is malformed: Autobahn then fails the opening handshake.
     */
    public Accepted negotiate(String requestHeader) {
        List<DeflateOffer> offers = offers(requestHeader);
        for (Rule rule : rules) {
            for (DeflateOffer offer : offers) {
                if (rule.requestMaxWindowBits() == 0 || offer.acceptMaxWindowBits()) {
                    return accept(offer, rule);
                }
            }
        }
        return null;
    }

    /** The permessage-deflate offers of a request header, in order; other extensions are ignored. */
    public static List<DeflateOffer> offers(String requestHeader) {
        List<DeflateOffer> offers = new ArrayList<>();
        for (ExtensionHeader.Element e : ExtensionHeader.parse(requestHeader)) {
            if (e.name().equals(DeflateOffer.NAME)) {
                offers.add(DeflateOffer.parse(e));
            }
        }
        return offers;
    }

    /** Autobahn's {@code PerMessageDeflateOfferAccept.getExtensionString} and the parameters it sets. */
    private static Accepted accept(DeflateOffer offer, Rule rule) {
        StringBuilder sb = new StringBuilder(DeflateOffer.NAME);
        if (offer.requestNoContextTakeover()) {
            sb.append("; server_no_context_takeover");
        }
        if (offer.requestMaxWindowBits() != 0) {
            sb.append("; server_max_window_bits=").append(offer.requestMaxWindowBits());
        }
        if (rule.requestNoContextTakeover()) {
            sb.append("; client_no_context_takeover");
        }
        if (rule.requestMaxWindowBits() != 0) {
            sb.append("; client_max_window_bits=").append(rule.requestMaxWindowBits());
        }
        int serverBits = offer.requestMaxWindowBits() != 0 ? offer.requestMaxWindowBits() : DeflateParams.MAX_WINDOW_BITS;
        int clientBits = rule.requestMaxWindowBits() != 0 ? rule.requestMaxWindowBits()
                : offer.clientMaxWindowBitsHint() != 0 ? offer.clientMaxWindowBitsHint() : DeflateParams.MAX_WINDOW_BITS;
        // A client that offers client_no_context_takeover says it will not use context takeover,
        // whatever the response says (section 7.1.1.2): hold it to that.
        boolean clientNoContext = rule.requestNoContextTakeover() || offer.acceptNoContextTakeover();
        String header = sb.toString();
        return new Accepted(header, new DeflateParams(offer.requestNoContextTakeover(), serverBits, clientNoContext,
                clientBits, header));
    }
}
