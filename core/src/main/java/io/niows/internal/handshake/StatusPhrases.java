package io.niows.internal.handshake;

/**
 * The reason phrases of the status codes the handshake answers with (RFC 7231 §6, RFC 6585).
 * Stateless.
 */
final class StatusPhrases {

    private StatusPhrases() {
    }

    static String of(int status) {
        switch (status) {
            case 101: return "Switching Protocols";
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 414: return "URI Too Long";
            case 426: return "Upgrade Required";
            case 429: return "Too Many Requests";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            case 505: return "HTTP Version Not Supported";
            default: return status < 500 ? "Client Error" : "Server Error";
        }
    }
}
