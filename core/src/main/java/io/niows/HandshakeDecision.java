package io.niows;

import java.util.Objects;

/**
 * The answer of a {@link HandshakeHook}: accept the connection (optionally with a subprotocol),
 * or refuse it with an HTTP status and a one-line reason.
 *
 * <p>Immutable and thread-safe.
 */
public final class HandshakeDecision {

    private static final HandshakeDecision ACCEPT = new HandshakeDecision(101, null, null);

    private final int status;
    private final String subprotocol;
    private final String reason;

    private HandshakeDecision(int status, String subprotocol, String reason) {
        this.status = status;
        this.subprotocol = subprotocol;
        this.reason = reason;
    }

    /** Accept, with the subprotocol the server would pick by its own preference list. */
    public static HandshakeDecision accept() {
        return ACCEPT;
    }

    /**
     * Accept with this subprotocol, which must be one the client offered.
     *
     * @param subprotocol the subprotocol to answer with
     */
    public static HandshakeDecision acceptWith(String subprotocol) {
        return new HandshakeDecision(101, Objects.requireNonNull(subprotocol, "subprotocol"), null);
    }

    /**
     * Refuse with an HTTP error status and a one-line reason sent as the plain-text body.
     *
     * @param status a 4xx or 5xx status, such as 403
     * @param reason one line of plain text, no CR or LF
     */
    public static HandshakeDecision refuse(int status, String reason) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason must be one line");
        }
        return new HandshakeDecision(status, null, reason);
    }

    /** Whether the connection is accepted. */
    public boolean accepted() {
        return status == 101;
    }

    /** The status of a refusal, or 101 for an acceptance. */
    public int status() {
        return status;
    }

    /** The subprotocol chosen by the hook, or {@code null} to use the server's preference list. */
    public String subprotocol() {
        return subprotocol;
    }

    /** The reason of a refusal, or {@code null}. */
    public String reason() {
        return reason;
    }
}
