package io.niows.internal.handshake;

import static io.niows.internal.handshake.HttpRequestParserTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 6455 §9.1: the Sec-WebSocket-Extensions grammar. */
class ExtensionOfferTest {

    @Test
    void offersWithParamsAndQuotedValuesAreParsedInOrder() throws HttpError {
        List<ExtensionOffer> offers = ExtensionOffer.parse(List.of(
                "permessage-deflate; client_max_window_bits, permessage-deflate; server_max_window_bits=\"10\""));
        assertThat(offers).hasSize(2);
        assertThat(offers.get(0).name()).isEqualTo("permessage-deflate");
        Map<String, String> valueless = new LinkedHashMap<>();
        valueless.put("client_max_window_bits", null);
        assertThat(offers.get(0).params()).isEqualTo(valueless);
        assertThat(offers.get(1).params()).containsExactly(Map.entry("server_max_window_bits", "10"));
    }

    @Test
    void paramsKeepTheirOrderAndTokenValues() throws HttpError {
        ExtensionOffer offer = ExtensionOffer.parse(List.of("x-ext ; b = 2 ;a;c=\"v\\al\"")).get(0);
        assertThat(offer.params().keySet()).containsExactly("b", "a", "c");
        assertThat(offer.params()).containsEntry("b", "2").containsEntry("a", null).containsEntry("c", "val");
    }

    @Test
    void everyHeaderLineContributesInOrderAndEmptyElementsAreSkipped() throws HttpError {
        List<ExtensionOffer> offers = ExtensionOffer.parse(List.of("a, , b", ",c", ""));
        assertThat(offers).extracting(ExtensionOffer::name).containsExactly("a", "b", "c");
    }

    @Test
    void toStringRendersTheOfferBack() throws HttpError {
        assertThat(ExtensionOffer.parse(List.of("permessage-deflate;client_max_window_bits;server_max_window_bits=\"10\"")).get(0))
                .hasToString("permessage-deflate; client_max_window_bits; server_max_window_bits=10");
    }

    @Test
    void offersAreValues() throws HttpError {
        assertThat(ExtensionOffer.parse(List.of("a; x=1"))).containsExactly(new ExtensionOffer("a", Map.of("x", "1")));
    }

    @Test
    void malformedOffersAre400() {
        String prefix = "malformed Sec-WebSocket-Extensions: ";
        assertError(() -> ExtensionOffer.parse(List.of("; x")), 400, prefix + "expected a token as extension name");
        assertError(() -> ExtensionOffer.parse(List.of("a;")), 400, prefix + "expected a token as extension parameter");
        assertError(() -> ExtensionOffer.parse(List.of("a; x=")), 400, prefix + "expected a token as parameter value");
        assertError(() -> ExtensionOffer.parse(List.of("a b")), 400, prefix + "expected , or ; after an extension");
        assertError(() -> ExtensionOffer.parse(List.of("a; x=\"10")), 400, prefix + "unterminated quoted string");
        assertError(() -> ExtensionOffer.parse(List.of("a; x=\"1 0\"")), 400,
                prefix + "quoted parameter value is not a token");
        assertError(() -> ExtensionOffer.parse(List.of("a; x=\"\"")), 400, prefix + "quoted parameter value is not a token");
        assertError(() -> ExtensionOffer.parse(List.of("a; x; x=1")), 400, prefix + "parameter x given twice");
        assertError(() -> ExtensionOffer.parse(List.of("a; x=1 2")), 400, prefix + "expected , or ; after an extension");
    }

    @Test
    void constructorRefusesNonTokens() {
        assertThatThrownBy(() -> new ExtensionOffer("a b", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtensionOffer("a", Map.of("x", "1 2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
