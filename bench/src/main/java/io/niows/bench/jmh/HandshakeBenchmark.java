package io.niows.bench.jmh;

import io.niows.internal.handshake.HandshakeLimits;
import io.niows.internal.handshake.HttpError;
import io.niows.internal.handshake.HttpRequest;
import io.niows.internal.handshake.HttpRequestParser;
import io.niows.internal.handshake.ServerHandshake;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server side of an opening handshake without I/O: parse a browser's upgrade request (about
 * 500 bytes, 12 headers), validate it (RFC 6455 §4.2.1) and write the 101 answer with its accept
 * key (SHA-1 + base64).
 *
 * <p>JMH state: shared, read-only request bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HandshakeBenchmark {

    private static final ByteBuffer REQUEST = ByteBuffer.wrap((
            "GET /chat HTTP/1.1\r\n"
            + "Host: 127.0.0.1:8080\r\n"
            + "Connection: Upgrade\r\n"
            + "Pragma: no-cache\r\n"
            + "Cache-Control: no-cache\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36\r\n"
            + "Upgrade: websocket\r\n"
            + "Origin: http://127.0.0.1:8080\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Accept-Encoding: gzip, deflate, br\r\n"
            + "Accept-Language: en-US,en;q=0.9\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

    @Benchmark
    public HttpRequest parse() throws HttpError {
        return new HttpRequestParser(HandshakeLimits.defaults()).parse(REQUEST.duplicate());
    }

    @Benchmark
    public ByteBuffer parseValidateAnswer() throws HttpError {
        HttpRequest request = new HttpRequestParser(HandshakeLimits.defaults()).parse(REQUEST.duplicate());
        String key = ServerHandshake.validate(request);
        return ServerHandshake.switchingProtocols(key, null, null).finish();
    }
}
