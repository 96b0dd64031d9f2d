package io.niows.spectests.deflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.spectests.deflate.ServerAccept.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** permessage-deflate negotiation (RFC 7692 sections 5 and 7.1) as the fuzzer does it, both ways. */
class NegotiationTest {
    private static final DeflateOffer DEFAULT = DeflateOffer.autobahn(false, 0);

    // ---- the request header -------------------------------------------------------------

    @Test
    void parsesParametersQuotedValuesAndSeveralExtensions() {
        List<ExtensionHeader.Element> e = ExtensionHeader.parse(
                "permessage-deflate ; server_max_window_bits=\"10\";client_no_context_takeover, x-foo");
        assertThat(e).hasSize(2);
        assertThat(e.get(0).params()).containsExactly(new ExtensionHeader.Param("server_max_window_bits", "10"),
                new ExtensionHeader.Param("client_no_context_takeover", null));
        assertThat(e.get(1).name()).isEqualTo("x-foo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"permessage-deflate;", "permessage-deflate; a=", ", permessage-deflate",
        "permessage-deflate; a=\"1 2\"", "permessage-deflate; a=\"10", "permessage-deflate x"})
    void refusesHeadersOutsideTheGrammar(String header) {
        assertThatThrownBy(() -> ExtensionHeader.parse(header)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- what the fuzzing client offers ------------------------------------------------------

    @Test
    void writesOffersAsAutobahnDoes() {
        assertThat(DEFAULT.extensionString()).isEqualTo("permessage-deflate; client_no_context_takeover; "
                + "client_max_window_bits");
        assertThat(DeflateOffer.autobahn(true, 8).extensionString()).isEqualTo("permessage-deflate; "
                + "client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=8");
        assertThat(DeflateOffer.autobahn(true, 15).autobahnTuple()).isEqualTo("(True, 15)");
    }

    // ---- the fuzzing client's check of the response ------------------------------------------

    @Test
    void acceptsAPlainAcceptanceAndKeepsItsOwnPromiseOfNoContextTakeover() {
        DeflateParams p = ClientAcceptance.accept(List.of(DEFAULT), "permessage-deflate");
        assertThat(p).isEqualTo(new DeflateParams(true, 15, false, 15, "permessage-deflate"));
    }

    @Test
    void takesTheWindowsAndContextTheServerNames() {
        DeflateParams p = ClientAcceptance.accept(List.of(DeflateOffer.autobahn(true, 10)),
                "permessage-deflate; server_no_context_takeover; server_max_window_bits=9; client_max_window_bits=12");
        assertThat(p.localMaxWindowBits()).isEqualTo(12);
        assertThat(p.peerMaxWindowBits()).isEqualTo(9);
        assertThat(p.peerNoContextTakeover()).isTrue();
    }

    @Test
    void noExtensionInTheResponseMeansDeclined() {
        assertThat(ClientAcceptance.accept(List.of(DEFAULT), null)).isNull();
        assertThat(ClientAcceptance.accept(List.of(), null)).isNull();
    }

    @Test
    void matchesTheResponseToTheOfferItAccepts() {
        List<DeflateOffer> offers = List.of(DeflateOffer.autobahn(true, 8), DeflateOffer.autobahn(true, 0), DEFAULT);
        assertThat(ClientAcceptance.accept(offers, "permessage-deflate").peerNoContextTakeover()).isFalse();
        assertThat(ClientAcceptance.accept(offers, "permessage-deflate; server_no_context_takeover")
                .peerMaxWindowBits()).isEqualTo(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x-webkit-deflate-frame",
        "permessage-deflate, permessage-deflate",
        "permessage-deflate; foo",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; server_no_context_takeover=1",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; server_max_window_bits=010",
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; client_max_window_bits=abc"})
    void refusesAResponseNoOfferAllows(String response) {
        assertThatThrownBy(() -> ClientAcceptance.accept(List.of(DEFAULT), response))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAResponseThatIgnoresWhatTheOfferAsked() {
        assertThatThrownBy(() -> ClientAcceptance.accept(List.of(DeflateOffer.autobahn(true, 0)), "permessage-deflate"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAcceptance.accept(List.of(DeflateOffer.autobahn(false, 9)), "permessage-deflate"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAcceptance.accept(List.of(DeflateOffer.autobahn(false, 9)),
                "permessage-deflate; server_max_window_bits=10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAcceptance.accept(List.of(new DeflateOffer(false, false, false, 0, 0)),
                "permessage-deflate; client_max_window_bits=10")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnyExtensionWhenNoneWasOffered() {
        assertThatThrownBy(() -> ClientAcceptance.accept(List.of(), "permessage-deflate"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- the fuzzing server's answers ----------------------------------------------------------

    @Test
    void answersAsAutobahnsAcceptFunctions() {
        String browser = "permessage-deflate; client_max_window_bits";
        assertThat(ServerAccept.of(new Rule(false, 0)).negotiate(browser).responseHeader())
                .isEqualTo("permessage-deflate");
        assertThat(ServerAccept.of(new Rule(true, 0)).negotiate(browser).responseHeader())
                .isEqualTo("permessage-deflate; client_no_context_takeover");
        ServerAccept.Accepted a = ServerAccept.of(new Rule(true, 8)).negotiate(
                "permessage-deflate; server_no_context_takeover; server_max_window_bits=10; client_max_window_bits");
        assertThat(a.responseHeader()).isEqualTo("permessage-deflate; server_no_context_takeover; "
                + "server_max_window_bits=10; client_no_context_takeover; client_max_window_bits=8");
        assertThat(a.params()).isEqualTo(new DeflateParams(true, 10, true, 8, a.responseHeader()));
    }

    @Test
    void aWindowRuleNeedsAnOfferThatAllowsIt() {
        assertThat(ServerAccept.of(new Rule(false, 8)).negotiate("permessage-deflate")).isNull();
        ServerAccept accept7 = ServerAccept.of(new Rule(true, 8), new Rule(true, 0), new Rule(false, 0));
        assertThat(accept7.negotiate("permessage-deflate").responseHeader())
                .isEqualTo("permessage-deflate; client_no_context_takeover");
        assertThat(accept7.describe()).isEqualTo("[(True, 8), (True, 0), (False, 0)]");
    }

    @Test
    void holdsAClientToItsHints() {
        DeflateParams p = ServerAccept.of(new Rule(false, 0))
                .negotiate("permessage-deflate; client_no_context_takeover; client_max_window_bits=11").params();
        assertThat(p.peerNoContextTakeover()).isTrue();
        assertThat(p.peerMaxWindowBits()).isEqualTo(11);
    }

    @Test
    void noOfferOrAnotherExtensionOnlyMeansNoDeflate() {
        assertThat(ServerAccept.of(new Rule(false, 0)).negotiate(null)).isNull();
        assertThat(ServerAccept.of(new Rule(false, 0)).negotiate("x-webkit-deflate-frame")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"permessage-deflate; foo", "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=16", "permessage-deflate; client_max_window_bits=7",
        "permessage-deflate; client_no_context_takeover=x", "permessage-deflate; server_no_context_takeover; "
            + "server_no_context_takeover"})
    void aMalformedOfferFailsTheHandshake(String offer) {
        assertThatThrownBy(() -> ServerAccept.of(new Rule(false, 0)).negotiate(offer))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
