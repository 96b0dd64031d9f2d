package io.niows.spectests.engine;

import io.niows.spectests.peer.Role;
import java.nio.charset.StandardCharsets;

/**
 * Accumulates the closing facts of one session as Autobahn names them. Not thread-safe;
 * used by the session's thread.
 */
final class CloseTracker {
    private final Role role;
    private boolean closedByMe;
    private boolean failedByMe;
    private boolean droppedByMe;
    private boolean wasClean;
    private String notCleanReason;
    private boolean serverDropTimeout;
    private boolean closeTimeout;
    private Integer localCode;
    private String localReason;
    private Integer remoteCode;
    private String remoteReason;

    CloseTracker(Role role) {
        this.role = role;
    }

    void sentFirstClose(Integer code, byte[] reason) {
        closedByMe = true;
        localCode = code;
        localReason = reason == null ? null : new String(reason, StandardCharsets.ISO_8859_1);
    }

    void repliedClose(int code) {
        localCode = code;
    }

    void receivedClose(Integer code, String reason) {
        remoteCode = code;
        remoteReason = reason;
        wasClean = true;
        notCleanReason = null;
    }

    void serverDropTimedOut() {
        wasClean = false;
        serverDropTimeout = true;
        notCleanReason = "server did not drop TCP connection (in time)";
    }

    void closeHandshakeTimedOut() {
        wasClean = false;
        closeTimeout = true;
        notCleanReason = "peer did not respond (in time) in closing handshake";
    }

    void failed(String reason) {
        failedByMe = true;
        if (notCleanReason == null) {
            notCleanReason = reason;
        }
    }

    void droppedTcp() {
        droppedByMe = true;
        if (!wasClean && notCleanReason == null) {
            notCleanReason = "I dropped the TCP connection";
        }
    }

    void peerDroppedTcp() {
        if (!wasClean && notCleanReason == null) {
            notCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake";
        }
    }

    SessionFacts facts() {
        return new SessionFacts(role, closedByMe, failedByMe, droppedByMe, wasClean, notCleanReason,
                serverDropTimeout, closeTimeout, localCode, localReason, remoteCode, remoteReason);
    }
}
