package io.niows.internal.reactor;

import io.niows.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Turns an application's {@link HttpResponse} into bytes on the wire. Stateless. */
final class HttpResponses {

    private HttpResponses() {
    }

    /**
     * Encodes a response that closes its connection.
     *
     * @param withBody {@code false} for an answer to {@code HEAD}
     */
    static ByteBuffer encode(HttpResponse response, boolean withBody) {
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reasonPhrase(response.status())).append("\r\n")
                .append("Content-Type: ").append(response.contentType()).append("\r\n")
                .append("Content-Length: ").append(response.body().length).append("\r\n")
                .append("Connection: close\r\n");
        for (String[] h : response.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        int bodyLength = withBody ? response.body().length : 0;
        ByteBuffer out = ByteBuffer.allocate(headBytes.length + bodyLength);
        out.put(headBytes).put(response.body(), 0, bodyLength).flip();
        return out;
    }

    static String reasonPhrase(int status) {
        switch (status) {
            case 200: return "OK";
            case 204: return "No Content";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 304: return "Not Modified";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 413: return "Content Too Large";
            case 426: return "Upgrade Required";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return "Status " + status;
        }
    }
}
