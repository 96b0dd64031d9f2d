package io.niows.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One fuzz input as every target in this package reads it, so that the fuzzer chooses the
 * settings and the chunking along with the bytes:
 *
 * <pre>
 * byte 0     settings: each target says which bits choose what (role, limits, buffer kind)
 * byte 1     n, its low 4 bits: how many chunk sizes follow (0: the payload in one piece)
 * n bytes    chunk sizes, 1 to 256 each (the byte's value plus one), used in turn, cyclically
 * the rest   the payload: frames, an HTTP head or text bytes
 * </pre>
 *
 * A shorter input reads as if padded with zeros, so every byte string is an input. The committed
 * seeds follow this layout: most are a settings byte, a zero, then the frames or head their name
 * describes. Immutable.
 */
final class FuzzInput {

    private static final int MAX_PLAN = 0x0F;

    private final int settings;
    private final int[] chunkSizes;
    private final byte[] payload;

    private FuzzInput(int settings, int[] chunkSizes, byte[] payload) {
        this.settings = settings;
        this.chunkSizes = chunkSizes;
        this.payload = payload;
    }

    static FuzzInput parse(byte[] data) {
        int settings = data.length > 0 ? data[0] & 0xFF : 0;
        int planned = data.length > 1 ? data[1] & MAX_PLAN : 0;
        int planEnd = Math.min(data.length, 2 + planned);
        int[] sizes = new int[Math.max(0, planEnd - 2)];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (data[2 + i] & 0xFF) + 1;
        }
        byte[] payload = data.length > planEnd ? Arrays.copyOfRange(data, planEnd, data.length) : new byte[0];
        return new FuzzInput(settings, sizes, payload);
    }

    /** Bits {@code from} to {@code from + count - 1} of the settings byte, as a number. */
    int setting(int from, int count) {
        return (settings >>> from) & ((1 << count) - 1);
    }

    /** A copy of the payload. */
    byte[] payload() {
        return payload.clone();
    }

    /** The payload cut as the plan says: consecutive, never empty, together the whole payload. */
    List<byte[]> chunks() {
        if (chunkSizes.length == 0) {
            return List.of(payload());
        }
        List<byte[]> chunks = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < payload.length; i++) {
            int n = Math.min(payload.length - at, chunkSizes[i % chunkSizes.length]);
            chunks.add(Arrays.copyOfRange(payload, at, at + n));
            at += n;
        }
        return chunks;
    }
}
