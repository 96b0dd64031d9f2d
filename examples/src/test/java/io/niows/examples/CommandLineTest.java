package io.niows.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.examples.chat.ChatPeers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

    @Test
    void noArgumentsAtAllMeansTheChatOnItsDefaultPort() {
        assertThat(CommandLine.parse()).isEqualTo(new CommandLine("chat", "127.0.0.1", 8080));
    }

    @Test
    void readsEachCommandWithItsOptions() {
        assertThat(CommandLine.parse("echo", "--port", "9001"))
                .isEqualTo(new CommandLine("echo", "127.0.0.1", 9001));
        assertThat(CommandLine.parse("broadcast", "--host", "0.0.0.0", "--port", "9002"))
                .isEqualTo(new CommandLine("broadcast", "0.0.0.0", 9002));
        assertThat(CommandLine.parse("chat", "--port", "0")).isEqualTo(new CommandLine("chat", "127.0.0.1", 0));
        assertThat(CommandLine.parse("blocking-echo", "--port", "9004"))
                .isEqualTo(new CommandLine("blocking-echo", "127.0.0.1", 9004));
        assertThat(CommandLine.parse("--help").command()).isEqualTo("help");
        assertThat(CommandLine.parse("echo-client", "--url", "ws://127.0.0.1:9003", "--agent", "mine"))
                .isEqualTo(new CommandLine("echo-client", "127.0.0.1", 0, "ws://127.0.0.1:9003", "mine"));
        assertThat(CommandLine.parse("echo-client", "--url", "ws://127.0.0.1:9003").agent()).isEqualTo("niows");
        assertThat(CommandLine.parse("echo", "--port", "9443", "--tls-cert", "c.pem", "--tls-key", "k.pem"))
                .isEqualTo(new CommandLine("echo", "127.0.0.1", 9443, null, null, Path.of("c.pem"), Path.of("k.pem")));
        assertThat(CommandLine.parse("chat", "--redis", "redis://127.0.0.1:6379").redis())
                .isEqualTo(java.net.URI.create("redis://127.0.0.1:6379"));
        assertThat(CommandLine.parse("chat", "--redis", "redis://127.0.0.1:6379",
                "--peers", "ws://127.0.0.1:8080/chat,ws://127.0.0.1:8081/chat").peers().urls())
                .containsExactly(java.net.URI.create("ws://127.0.0.1:8080/chat"),
                        java.net.URI.create("ws://127.0.0.1:8081/chat"));
        assertThat(CommandLine.parse("chat").peers()).isEqualTo(ChatPeers.NONE);
        assertThat(CommandLine.parse("broadcast", "--port", "9002", "--redis", "redis://127.0.0.1:6379").redis())
                .isEqualTo(java.net.URI.create("redis://127.0.0.1:6379"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serve                          | unknown command: serve",
        "echo                           | echo needs --port",
        "broadcast --host ::1           | broadcast needs --port",
        "blocking-echo                  | blocking-echo needs --port",
        "echo --port                    | missing value after --port",
        "echo --port 70000              | --port must be a number from 0 to 65535: 70000",
        "echo --port -1                 | --port must be a number from 0 to 65535: -1",
        "echo --port nine               | --port must be a number from 0 to 65535: nine",
        "chat --verbose yes             | unknown option: --verbose",
        "chat --host ' '                | --host must not be empty",
        "echo-client                    | echo-client needs --url ws://HOST:PORT",
        "echo-client --url http://x     | echo-client needs --url ws://HOST:PORT",
        "echo --port 1 --tls-cert c.pem | --tls-cert and --tls-key go together",
        "echo --port 1 --tls-key k.pem  | --tls-cert and --tls-key go together",
        "blocking-echo --port 1 --tls-cert c --tls-key k | blocking-echo does not serve TLS",
        "chat --redis http://x:1        | --redis needs redis://HOST:PORT, got http://x:1",
        "echo --port 1 --redis redis://x:1 | --redis is for chat and broadcast",
        "chat --peers ws://x:1/chat     | --peers needs --redis: only nodes that share a room through Redis can take"
            + " each other's pages",
        "chat --redis redis://x:1 --peers ws://x:1/ | --peers: a peer must be ws://HOST:PORT/chat or"
            + " wss://HOST:PORT/chat, got ws://x:1/"})
    void refusesBadArgumentsWithAReason(String args, String reason) {
        String[] split = args.replace("' '", "\u0000").split(" +");
        for (int i = 0; i < split.length; i++) {
            split[i] = split[i].replace('\u0000', ' ');
        }
        assertThatThrownBy(() -> CommandLine.parse(split)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @Test
    void theUsageNamesEveryCommand() {
        assertThat(CommandLine.USAGE).contains("chat", "echo", "broadcast", "blocking-echo", "echo-client", "--port",
                "--host", "--url", "--tls-cert", "--tls-key");
    }

    @Test
    void theBannerSaysWhereToGo() {
        assertThat(Main.banner("chat", "127.0.0.1", 8080)).contains("http://127.0.0.1:8080/", "ws://127.0.0.1:8080/chat");
        assertThat(Main.banner("chat", "127.0.0.1", 8443, true))
                .contains("https://127.0.0.1:8443/", "wss://127.0.0.1:8443/chat");
        assertThat(Main.banner("echo", "127.0.0.1", 9443, true)).contains("wss://127.0.0.1:9443/");
        assertThat(Main.banner("echo", "::1", 9001)).contains("ws://[::1]:9001/");
        assertThat(Main.banner("blocking-echo", "127.0.0.1", 9004)).startsWith("blocking-echo: ")
                .contains("ws://127.0.0.1:9004/");
    }
}
