package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one table of reason phrases, used by every HTTP head niows writes (RFC 9110 §15, RFC 6585). */
class StatusPhrasesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "101, Switching Protocols",
        "200, OK",
        "204, No Content",
        "304, Not Modified",
        "400, Bad Request",
        "403, Forbidden",
        "404, Not Found",
        "405, Method Not Allowed",
        "413, Content Too Large",
        "414, URI Too Long",
        "421, Misdirected Request",
        "426, Upgrade Required",
        "429, Too Many Requests",
        "431, Request Header Fields Too Large",
        "500, Internal Server Error",
        "503, Service Unavailable",
        "505, HTTP Version Not Supported",
        "299, Success",
        "399, Redirection",
        "499, Client Error",
        "599, Server Error"})
    void eachStatusHasItsPhraseAndAnUnknownOneItsClass(int status, String phrase) {
        assertThat(StatusPhrases.of(status)).isEqualTo(phrase);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"413, Content Too Large", "421, Misdirected Request", "503, Service Unavailable"})
    void theHeadWriterUsesTheSameTable(int status, String phrase) {
        assertThat(Heads.text(HeadWriter.response(status).finish()))
                .startsWith("HTTP/1.1 " + status + " " + phrase + "\r\n");
    }
}
