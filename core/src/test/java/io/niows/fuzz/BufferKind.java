package io.niows.fuzz;

import java.nio.ByteBuffer;

/**
 * The kinds of input buffer a reactor may hand the protocol: its own heap buffer, a read-only
 * view (payload is then unmasked into a copy), or a direct buffer.
 */
enum BufferKind {
    HEAP, READ_ONLY, DIRECT;

    /** The kind a two-bit setting names; the fourth value is heap again. */
    static BufferKind of(int setting) {
        return setting == 1 ? READ_ONLY : setting == 2 ? DIRECT : HEAP;
    }

    /** A new buffer of this kind holding {@code bytes}, ready to read. */
    ByteBuffer wrap(byte[] bytes) {
        return switch (this) {
            case HEAP -> ByteBuffer.wrap(bytes);
            case READ_ONLY -> ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            case DIRECT -> ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        };
    }
}
