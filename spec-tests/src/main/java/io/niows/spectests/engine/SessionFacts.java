package io.niows.spectests.engine;

import io.niows.spectests.peer.Role;

/**
 * How a connection ended, in Autobahn's terms, as read by the judge. Immutable.
 *
 * @param role              the fuzzer's role
 * @param closedByMe        the fuzzer sent the first close frame
 * @param failedByMe        the fuzzer failed the connection (protocol error or kill timer)
 * @param droppedByMe       the fuzzer closed TCP
 * @param wasClean          close frames went both ways (and, as a client, the server dropped TCP in time)
 * @param wasNotCleanReason why the close was not clean, or null
 * @param serverDropTimeout as a client, the server did not drop TCP in time after the close handshake
 * @param closeTimeout      the peer did not answer our close frame in time
 * @param localCloseCode    the code we sent, or null
 * @param localCloseReason  the reason we sent, or null
 * @param remoteCloseCode   the code the peer sent, or null
 * @param remoteCloseReason the reason the peer sent, or null
 */
public record SessionFacts(Role role, boolean closedByMe, boolean failedByMe, boolean droppedByMe,
        boolean wasClean, String wasNotCleanReason, boolean serverDropTimeout, boolean closeTimeout,
        Integer localCloseCode, String localCloseReason, Integer remoteCloseCode, String remoteCloseReason) {
}
