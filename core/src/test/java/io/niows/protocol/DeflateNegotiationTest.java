package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.internal.handshake.HandshakeFailure;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The permessage-deflate negotiation of RFC 7692 §5 and §7.1 as tables: a server's answer to
 * every parameter and every malformed offer, a client's offer, and a client's check of every
 * answer it must accept or refuse.
 */
class DeflateNegotiationTest {

    private static final PerMessageDeflate SERVER = PerMessageDeflate.serverDefaults();
    /** A server that asks nothing of the client and keeps its own context: the answer echoes the offer. */
    private static final PerMessageDeflate PLAIN_SERVER = SERVER.withServerNoContextTakeover(false)
            .withClientNoContextTakeover(false);

    @Test
    void connectionsThatAgreeTheSameKeepOneAnswerBetweenThem() {
        String offer = "permessage-deflate; client_max_window_bits";
        DeflateAgreement first = DeflateNegotiation.answer(SERVER, List.of(offer));
        DeflateAgreement second = DeflateNegotiation.answer(SERVER, List.of(new String(offer)));
        assertThat(first.header()).isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover")
                .isSameAs(second.header());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "permessage-deflate | permessage-deflate",
        "permessage-deflate; client_max_window_bits | permessage-deflate",
        "permessage-deflate; client_max_window_bits=10 | permessage-deflate; client_max_window_bits=10",
        "permessage-deflate; client_max_window_bits=\"12\" | permessage-deflate; client_max_window_bits=12",
        "permessage-deflate; server_max_window_bits=9 | permessage-deflate; server_max_window_bits=9",
        "permessage-deflate; server_max_window_bits=15 | permessage-deflate; server_max_window_bits=15",
        "permessage-deflate; server_no_context_takeover | permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover | permessage-deflate; client_no_context_takeover",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=8;"
            + " client_max_window_bits=8 | permessage-deflate; server_no_context_takeover;"
            + " client_no_context_takeover; server_max_window_bits=8; client_max_window_bits=8",
        "x-webkit-deflate-frame, permessage-deflate | permessage-deflate",
        "permessage-deflate; foo, permessage-deflate | permessage-deflate",
        "permessage-deflate; server_max_window_bits=7, permessage-deflate; server_max_window_bits=8"
            + " | permessage-deflate; server_max_window_bits=8",
        "permessage-deflate; server_max_window_bits=16 | NONE",
        "permessage-deflate; server_max_window_bits=010 | NONE",
        "permessage-deflate; server_max_window_bits | NONE",
        "permessage-deflate; server_max_window_bits=abc | NONE",
        "permessage-deflate; client_max_window_bits=7 | NONE",
        "permessage-deflate; client_max_window_bits=16 | NONE",
        "permessage-deflate; server_no_context_takeover=1 | NONE",
        "permessage-deflate; client_no_context_takeover=true | NONE",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover | NONE",
        "permessage-deflate; client_max_window_bits; client_max_window_bits=10 | NONE",
        "permessage-deflate; unknown=1 | NONE",
        "permessage-deflate;; client_max_window_bits | NONE",
        "permessage-deflate; client_max_window_bits=\"1,0\" | NONE",
        "x-other | NONE",
        " | NONE"})
    void aServerThatAsksNothingAnswersTheFirstOfferItCanHonour(String offer, String answer) {
        DeflateAgreement agreed = DeflateNegotiation.answer(PLAIN_SERVER, offer == null ? List.of() : List.of(offer));
        assertThat(agreed == null ? null : agreed.header()).isEqualTo(answer);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; client_max_window_bits | permessage-deflate; server_no_context_takeover;"
            + " client_no_context_takeover",
        "permessage-deflate; server_max_window_bits=10 | permessage-deflate; server_no_context_takeover;"
            + " client_no_context_takeover; server_max_window_bits=10"})
    void theDefaultServerCompressesWithoutContextAndAsksTheSameOfClients(String offer, String answer) {
        DeflateAgreement agreed = DeflateNegotiation.answer(SERVER, List.of(offer));
        assertThat(agreed.header()).isEqualTo(answer);
        assertThat(agreed.compressesIndependently(Role.SERVER)).isTrue();
        assertThat(agreed.compressesIndependently(Role.CLIENT)).isTrue();
    }

    @Test
    void aServerWithSmallerWindowsAnswersWithThemWhereItMay() {
        PerMessageDeflate small = PLAIN_SERVER.withServerMaxWindowBits(10).withClientMaxWindowBits(9);
        assertThat(DeflateNegotiation.answer(small, List.of("permessage-deflate")).header())
                .as("client_max_window_bits only when offered").isEqualTo("permessage-deflate; server_max_window_bits=10");
        assertThat(DeflateNegotiation.answer(small, List.of("permessage-deflate; client_max_window_bits")).header())
                .isEqualTo("permessage-deflate; server_max_window_bits=10; client_max_window_bits=9");
        assertThat(DeflateNegotiation.answer(small, List.of("permessage-deflate; server_max_window_bits=12")).header())
                .isEqualTo("permessage-deflate; server_max_window_bits=10");
        assertThat(DeflateNegotiation.answer(small, List.of("permessage-deflate; server_max_window_bits=8")).header())
                .isEqualTo("permessage-deflate; server_max_window_bits=8");
    }

    @Test
    void offersAcrossSeveralHeaderLinesAreTakenInOrder() {
        DeflateAgreement agreed = DeflateNegotiation.answer(PLAIN_SERVER,
                List.of("permessage-deflate; bogus", "permessage-deflate; server_max_window_bits=11"));
        assertThat(agreed.header()).isEqualTo("permessage-deflate; server_max_window_bits=11");
        assertThat(agreed.windowBits(Role.SERVER)).isEqualTo(11);
    }

    @Test
    void aDisabledServerTakesNothing() {
        assertThat(DeflateNegotiation.answer(PerMessageDeflate.disabled(), List.of("permessage-deflate"))).isNull();
    }

    @Test
    void aClientOffersWhatItsSettingsSay() {
        assertThat(DeflateNegotiation.offer(PerMessageDeflate.clientDefaults()))
                .isEqualTo("permessage-deflate; client_max_window_bits");
        assertThat(DeflateNegotiation.offer(PerMessageDeflate.clientDefaults().withServerNoContextTakeover(true)
                .withClientNoContextTakeover(true).withServerMaxWindowBits(10).withClientMaxWindowBits(12)))
                .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover;"
                        + " server_max_window_bits=10; client_max_window_bits=12");
        assertThat(DeflateNegotiation.offer(PerMessageDeflate.disabled())).isNull();
        assertThat(DeflateNegotiation.offer(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate | false | false | 15 | 15",
        "permessage-deflate; server_no_context_takeover | true | false | 15 | 15",
        "permessage-deflate; client_no_context_takeover | false | true | 15 | 15",
        "permessage-deflate; server_max_window_bits=9 | false | false | 9 | 15",
        "permessage-deflate; client_max_window_bits=8 | false | false | 15 | 8",
        "permessage-deflate; client_max_window_bits=\"10\" | false | false | 15 | 10"})
    void theDefaultClientAcceptsEveryValidAnswer(String answer, boolean serverNoContext, boolean clientNoContext,
            int serverBits, int clientBits) throws HandshakeFailure {
        DeflateAgreement agreed = DeflateNegotiation.check(PerMessageDeflate.clientDefaults(), List.of(answer));
        assertThat(agreed.serverNoContextTakeover()).isEqualTo(serverNoContext);
        assertThat(agreed.clientNoContextTakeover()).isEqualTo(clientNoContext);
        assertThat(agreed.serverMaxWindowBits()).isEqualTo(serverBits);
        assertThat(agreed.clientMaxWindowBits()).isEqualTo(clientBits);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x-webkit-deflate-frame | not offered",
        "permessage-deflate, permessage-deflate | not offered",
        "permessage-deflate; foo | unknown parameter foo",
        "permessage-deflate; server_no_context_takeover=1 | with a value",
        "permessage-deflate; client_no_context_takeover=x | with a value",
        "permessage-deflate; server_max_window_bits | without a value from 8 to 15",
        "permessage-deflate; server_max_window_bits=7 | without a value from 8 to 15",
        "permessage-deflate; server_max_window_bits=16 | without a value from 8 to 15",
        "permessage-deflate; client_max_window_bits | without a value from 8 to 15",
        "permessage-deflate; client_max_window_bits=09 | without a value from 8 to 15",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover | given twice",
        "permessage-deflate; ; | malformed"})
    void theDefaultClientRefusesEveryAnswerItCannotAccept(String answer, String why) {
        assertThatThrownBy(() -> DeflateNegotiation.check(PerMessageDeflate.clientDefaults(), List.of(answer)))
                .isInstanceOf(HandshakeFailure.class).hasMessageContaining(why);
    }

    @Test
    void aClientRefusesAnAnswerThatIgnoresWhatItAsked() {
        PerMessageDeflate asking = PerMessageDeflate.clientDefaults().withServerNoContextTakeover(true)
                .withServerMaxWindowBits(10).withClientMaxWindowBits(12);
        assertThatThrownBy(() -> DeflateNegotiation.check(asking, List.of("permessage-deflate; server_max_window_bits=10")))
                .hasMessageContaining("server_no_context_takeover");
        assertThatThrownBy(() -> DeflateNegotiation.check(asking, List.of("permessage-deflate; server_no_context_takeover")))
                .hasMessageContaining("server_max_window_bits");
        assertThatThrownBy(() -> DeflateNegotiation.check(asking,
                List.of("permessage-deflate; server_no_context_takeover; server_max_window_bits=11")))
                .hasMessageContaining("over the 10 offered");
        assertThatThrownBy(() -> DeflateNegotiation.check(asking,
                List.of("permessage-deflate; server_no_context_takeover; server_max_window_bits=10;"
                        + " client_max_window_bits=13")))
                .hasMessageContaining("over the 12 offered");
    }

    @Test
    void aClientThatOfferedNothingRefusesAnyExtensionAndAcceptsNone() throws HandshakeFailure {
        assertThatThrownBy(() -> DeflateNegotiation.check(null, List.of("permessage-deflate")))
                .hasMessageContaining("not offered");
        assertThat(DeflateNegotiation.check(null, List.of())).isNull();
        assertThat(DeflateNegotiation.check(PerMessageDeflate.clientDefaults(), List.of())).isNull();
    }
}
