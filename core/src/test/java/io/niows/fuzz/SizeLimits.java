package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.internal.frame.WireFormat;
import io.niows.protocol.EngineConfig;

/**
 * Frame and message size limits a fuzz input may choose: mostly small, so that the fuzzer reaches
 * them with short inputs, and the default for the realistic case.
 */
record SizeLimits(long maxFrameSize, long maxMessageSize) {

    private static final SizeLimits[] CHOICES = {
        new SizeLimits(EngineConfig.DEFAULT_MAX_SIZE, EngineConfig.DEFAULT_MAX_SIZE),
        new SizeLimits(1, 1),
        new SizeLimits(125, 125),
        new SizeLimits(16, 64),
        new SizeLimits(200, 100),
        new SizeLimits(1000, 4000),
        new SizeLimits(70_000, 70_000),
        new SizeLimits(4096, 1 << 20),
    };

    /** The limits a three-bit setting names. */
    static SizeLimits of(int setting) {
        return CHOICES[setting];
    }

    /**
     * The most heap one decoding run may allocate: the message buffer as it grows (under four
     * times the message limit, counting the copies), a control frame, {@code perFrame} bytes for
     * each frame header read (the header object, buffer views, the event recorded, an answer)
     * and a small multiple of the input for the payloads recorded. A decoder that allocated for a
     * length the peer announced beyond the limits goes over it.
     */
    long allocationAllowance(byte[] wire, int perFrame) {
        return 16 * 1024 + 8L * wire.length + (long) perFrame * WireFrame.countHeaders(wire)
                + 4 * maxMessageSize + WireFormat.MAX_CONTROL_PAYLOAD;
    }

    /** Asserts that a delivered event is within these limits (RFC 6455 §5.5 for control frames). */
    void checkDelivered(Event event) {
        int size = event.payload().length;
        if (event.isControl()) {
            assertThat(size).as("control frame payload").isLessThanOrEqualTo(WireFormat.MAX_CONTROL_PAYLOAD);
        } else {
            assertThat((long) size).as("message size").isLessThanOrEqualTo(maxMessageSize);
        }
    }

    EngineConfig applyTo(EngineConfig config) {
        return config.withMaxFrameSize(maxFrameSize).withMaxMessageSize(maxMessageSize);
    }
}
