package io.niows.examples.chat;

import static io.niows.examples.chat.TestRequests.request;
import static io.niows.examples.chat.TestRequests.requestWithLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OwnHostsTest {

    private final AtomicInteger port = new AtomicInteger(8080);

    private Optional<OwnHosts.Refusal> check(OwnHosts hosts, String host) {
        return hosts.check(request("GET", "/", Map.of("Host", host)));
    }

    @Test
    void aLoopbackServerAnswersToItsLoopbackNamesOnItsPort() throws Exception {
        OwnHosts hosts = OwnHosts.listeningOn("127.0.0.1", port::get);

        for (String host : List.of("127.0.0.1:8080", "localhost:8080", "LocalHost:8080", "[::1]:8080")) {
            assertThat(check(hosts, host)).as(host).isEmpty();
        }
    }

    @Test
    void aNameThatIsNotTheServersIsMisdirected() throws Exception {
        OwnHosts hosts = OwnHosts.listeningOn("127.0.0.1", port::get);

        for (String host : List.of("evil.example:8080", "127.0.0.1.evil.example:8080", "localhost.:8080",
            "10.0.0.1:8080", "[::2]:8080")) {
            assertThat(check(hosts, host)).as(host)
                    .hasValue(new OwnHosts.Refusal(421, "this server does not answer to that Host"));
        }
    }

    @Test
    void anotherPortIsMisdirectedAndNoPortMeans80() throws Exception {
        OwnHosts hosts = OwnHosts.listeningOn("127.0.0.1", port::get);

        assertThat(check(hosts, "127.0.0.1:8081")).map(OwnHosts.Refusal::status).hasValue(421);
        assertThat(check(hosts, "localhost")).map(OwnHosts.Refusal::status).hasValue(421);
        port.set(80);
        assertThat(check(hosts, "localhost")).isEmpty();
    }

    @Test
    void thePortIsReadAtEachRequestBecauseItIsKnownOnlyOnceTheServerListens() throws Exception {
        port.set(0);
        OwnHosts hosts = OwnHosts.listeningOn("127.0.0.1", port::get);
        assertThat(check(hosts, "127.0.0.1:43210")).isPresent();

        port.set(43210);

        assertThat(check(hosts, "127.0.0.1:43210")).isEmpty();
    }

    @Test
    void aMissingRepeatedOrMalformedHostIsABadRequest() throws Exception {
        OwnHosts hosts = OwnHosts.listeningOn("127.0.0.1", port::get);

        assertThat(hosts.check(request("GET", "/", Map.of())))
                .hasValue(new OwnHosts.Refusal(400, "missing Host header"));
        assertThat(hosts.check(requestWithLines("GET", "/", Map.of("Host", List.of("127.0.0.1:8080", "127.0.0.1:8080")))))
                .hasValue(new OwnHosts.Refusal(400, "more than one Host header"));
        for (String host : List.of("", ":8080", "127.0.0.1:", "127.0.0.1:80a", "127.0.0.1:123456", "127.0.0.1:-80")) {
            assertThat(check(hosts, host)).as(host).hasValue(new OwnHosts.Refusal(400, "malformed Host header"));
        }
    }

    @Test
    void aServerOnEveryAddressAnswersToAnyAddressButToNoOtherName() throws Exception {
        OwnHosts hosts = OwnHosts.listeningOn("0.0.0.0", port::get);

        for (String host : List.of("192.168.1.5:8080", "[fe80::1]:8080", "localhost:8080", "0.0.0.0:8080")) {
            assertThat(check(hosts, host)).as(host).isEmpty();
        }
        for (String host : List.of("evil.example:8080", "192.168.1.5.nip.example:8080", "256.1.1.1:8080",
            "1.2.3:8080", "[evil.example]:8080", "[]:8080")) {
            assertThat(check(hosts, host)).as(host).map(OwnHosts.Refusal::status).hasValue(421);
        }
    }

    @Test
    void aServerOnAnotherAddressAnswersToThatAddressAlone() throws Exception {
        OwnHosts hosts = OwnHosts.listeningOn("192.0.2.7", port::get);

        assertThat(check(hosts, "192.0.2.7:8080")).isEmpty();
        assertThat(check(hosts, "localhost:8080")).map(OwnHosts.Refusal::status).hasValue(421);
        assertThat(check(hosts, "192.0.2.8:8080")).map(OwnHosts.Refusal::status).hasValue(421);
    }

    @Test
    void anIpv6LoopbackServerAnswersToItsBracketedAddress() throws Exception {
        OwnHosts hosts = OwnHosts.listeningOn("::1", port::get);

        assertThat(check(hosts, "[::1]:8080")).isEmpty();
        assertThat(check(hosts, "localhost:8080")).isEmpty();
    }
}
