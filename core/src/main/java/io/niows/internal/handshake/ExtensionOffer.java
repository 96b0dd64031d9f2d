package io.niows.internal.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a {@code Sec-WebSocket-Extensions} header (RFC 6455 §9.1): an extension name and
 * its parameters, e.g. {@code permessage-deflate; client_max_window_bits}.
 *
 * <pre>
 * extension-list = 1#extension
 * extension      = extension-token *( ";" extension-param )
 * extension-param = token [ "=" (token | quoted-string) ]
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExtensionOffer {

    private final String name;
    private final Map<String, String> params;

    /**
     * @param name the extension token
     * @param params parameters in order; a {@code null} value stands for a parameter without one
     * @throws IllegalArgumentException when a name or a value is not a token
     */
    public ExtensionOffer(String name, Map<String, String> params) {
        if (!HttpSyntax.isToken(name)) {
            throw new IllegalArgumentException("extension name is not a token: " + name);
        }
        params.forEach((key, value) -> {
            if (!HttpSyntax.isToken(key) || (value != null && !HttpSyntax.isToken(value))) {
                throw new IllegalArgumentException("extension parameter is not a token: " + key);
            }
        });
        this.name = name;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Parses every line of a {@code Sec-WebSocket-Extensions} header, in order.
     *
     * @throws HttpError 400 when a line does not follow the grammar of RFC 6455 §9.1, a quoted
     *     value is not a token once unescaped ("the value after quoted-string unescaping MUST
     *     conform to the 'token' ABNF"), or an offer names the same parameter twice
     */
    public static List<ExtensionOffer> parse(List<String> headerValues) throws HttpError {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (String value : headerValues) {
            new ExtensionListParser(value).parseInto(offers);
        }
        return offers;
    }

    /**
     * Parses every line of a {@code Sec-WebSocket-Extensions} header, in order, leaving out each
     * list element that {@link #parse} would refuse (and only that element): what a server does
     * with offers, where a malformed offer is declined rather than failing the handshake.
     */
    public static List<ExtensionOffer> parseEach(List<String> headerValues) {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (String value : headerValues) {
            for (String element : ExtensionListParser.elements(value)) {
                List<ExtensionOffer> one = new ArrayList<>();
                try {
                    new ExtensionListParser(element).parseInto(one);
                } catch (HttpError malformed) {
                    continue;
                }
                offers.addAll(one);
            }
        }
        return offers;
    }

    /** The extension token, e.g. {@code permessage-deflate}. */
    public String name() {
        return name;
    }

    /** The parameters in order; a value is {@code null} when the parameter has none. */
    public Map<String, String> params() {
        return params;
    }

    /** Renders this offer as it would appear in a header, e.g. {@code x; a; b=10}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name);
        params.forEach((key, value) -> {
            out.append("; ").append(key);
            if (value != null) {
                out.append('=').append(value);
            }
        });
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtensionOffer
                && name.equals(((ExtensionOffer) other).name)
                && params.equals(((ExtensionOffer) other).params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, params);
    }
}
