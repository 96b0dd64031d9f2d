package io.niows.spectests.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Autobahn's {@code TrafficStats} of one connection: data-message octets at the wire (frames
 * with headers), WebSocket (payload as sent, compressed or not) and application (payload as the
 * application sees it) levels, both ways, with frame and message counts. Control frames are
 * not counted. The compression ratio is WebSocket octets over application octets.
 * Not thread-safe: used on the session's thread only.
 */
public final class TrafficStats {
    long outgoingWire;
    long outgoingWebSocket;
    long outgoingApp;
    long outgoingFrames;
    long outgoingMessages;
    long incomingWire;
    long incomingWebSocket;
    long incomingApp;
    long incomingFrames;
    long incomingMessages;

    /** A snapshot under Autobahn's key names, ratios null when nothing was counted. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outgoingOctetsWireLevel", outgoingWire);
        m.put("outgoingOctetsWebSocketLevel", outgoingWebSocket);
        m.put("outgoingOctetsAppLevel", outgoingApp);
        m.put("outgoingCompressionRatio", ratio(outgoingWebSocket, outgoingApp));
        m.put("outgoingWebSocketOverhead", ratio(outgoingWire - outgoingWebSocket, outgoingWebSocket));
        m.put("outgoingWebSocketFrames", outgoingFrames);
        m.put("outgoingWebSocketMessages", outgoingMessages);
        m.put("incomingOctetsWireLevel", incomingWire);
        m.put("incomingOctetsWebSocketLevel", incomingWebSocket);
        m.put("incomingOctetsAppLevel", incomingApp);
        m.put("incomingCompressionRatio", ratio(incomingWebSocket, incomingApp));
        m.put("incomingWebSocketOverhead", ratio(incomingWire - incomingWebSocket, incomingWebSocket));
        m.put("incomingWebSocketFrames", incomingFrames);
        m.put("incomingWebSocketMessages", incomingMessages);
        return m;
    }

    private static Double ratio(long part, long whole) {
        return whole > 0 ? (double) part / whole : null;
    }
}
