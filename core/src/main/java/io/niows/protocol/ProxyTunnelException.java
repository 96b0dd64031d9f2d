package io.niows.protocol;

import java.io.IOException;

/**
 * An HTTP proxy would not open the tunnel to the WebSocket server: it answered {@code CONNECT} with
 * a status other than 2xx (407 when it wants credentials, 403 when it forbids the destination,
 * 502 or 503 when it could not reach it), or with something that is not HTTP.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class ProxyTunnelException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The proxy's status, or -1 when its answer was not HTTP. */
    private final int status;
    /** The proxy's reason phrase, possibly empty. */
    private final String reason;

    /**
     * @param status the proxy's status, or -1 when its answer was not HTTP
     * @param reason the proxy's reason phrase, possibly empty
     * @param message what happened, for people
     */
    public ProxyTunnelException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** {@return the proxy's status, or -1 when its answer was not HTTP} */
    public int status() {
        return status;
    }

    /** {@return the proxy's reason phrase, possibly empty} */
    public String reason() {
        return reason;
    }
}
