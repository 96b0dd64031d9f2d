package io.niows;

import io.niows.protocol.HandshakeAnswer;
import java.util.Objects;

/**
 * The answer of a {@link HandshakeHook}: accept the connection (optionally with a subprotocol),
 * or refuse it with an HTTP status and a one-line reason.
 *
 * <p>Immutable and thread-safe.
 */
public final class HandshakeDecision {

    private static final HandshakeDecision ACCEPT = new HandshakeDecision(null);

    /** The refusal, or null for an acceptance (whose subprotocol, if chosen, is {@code subprotocol}). */
    private final HandshakeAnswer refusal;
    private final String subprotocol;

    private HandshakeDecision(HandshakeAnswer refusal) {
        this(refusal, null);
    }

    private HandshakeDecision(HandshakeAnswer refusal, String subprotocol) {
        this.refusal = refusal;
        this.subprotocol = subprotocol;
    }

    /** {@return an acceptance, with the subprotocol the server picks by its own preference list} */
    public static HandshakeDecision accept() {
        return ACCEPT;
    }

    /**
     * Accept with this subprotocol, which must be one the client offered.
     *
     * @param subprotocol the subprotocol to answer with
     * @return the acceptance
     */
    public static HandshakeDecision acceptWith(String subprotocol) {
        return new HandshakeDecision(null, Objects.requireNonNull(subprotocol, "subprotocol"));
    }

    /**
     * Refuse with an HTTP error status and a one-line reason sent as the plain-text body.
     *
     * @param status a 4xx or 5xx status, such as 403
     * @param reason one line of plain text, no CR or LF
     * @return the refusal
     * @throws IllegalArgumentException for another status or a reason with CR or LF
     */
    public static HandshakeDecision refuse(int status, String reason) {
        return new HandshakeDecision(HandshakeAnswer.refuse(status, Objects.requireNonNull(reason, "reason")));
    }

    /** {@return whether the connection is accepted} */
    public boolean accepted() {
        return refusal == null;
    }

    /** {@return the status of a refusal, or 101 for an acceptance} */
    public int status() {
        return refusal == null ? 101 : refusal.status();
    }

    /** {@return the subprotocol chosen by the hook, or {@code null} to use the server's preference list} */
    public String subprotocol() {
        return subprotocol;
    }

    /** {@return the reason of a refusal, or {@code null}} */
    public String reason() {
        return refusal == null ? null : refusal.reason();
    }

    /** The refusal as the protocol writes it; only for a decision that is not {@link #accepted()}. */
    HandshakeAnswer refusal() {
        return refusal;
    }
}
