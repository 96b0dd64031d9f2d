package io.niows.internal.reactor;

import io.niows.HttpResponse;
import io.niows.internal.handshake.HeadWriter;
import io.niows.protocol.Header;
import java.nio.ByteBuffer;

/**
 * Turns an application's {@link HttpResponse} into bytes on the wire, through the one head
 * writer (which refuses CR and LF in every header) and its one table of reason phrases.
 * Stateless.
 */
final class HttpResponses {

    private static final byte[] NO_BODY = new byte[0];

    private HttpResponses() {
    }

    /**
     * Encodes a response that closes its connection.
     *
     * @param withBody {@code false} for an answer to {@code HEAD}: the same head, no body
     */
    static ByteBuffer encode(HttpResponse response, boolean withBody) {
        HeadWriter head = HeadWriter.response(response.status())
                .header("Content-Type", response.contentType())
                .header("Content-Length", Integer.toString(response.body().length))
                .header("Connection", "close");
        for (Header header : response.headers()) {
            head.header(header.name(), header.value());
        }
        return head.finish(withBody ? response.body() : NO_BODY);
    }
}
