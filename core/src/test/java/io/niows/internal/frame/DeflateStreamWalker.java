package io.niows.internal.frame;

import java.util.Arrays;

/**
 * A test-only DEFLATE decoder (RFC 1951, in the manner of zlib's {@code puff.c}) that also records
 * the largest back-reference distance of the stream: what an inflater with a window of 2^N bytes
 * needs is that no distance exceeds 2^N. It reads a raw stream up to the end of its input, so a
 * permessage-deflate payload with its {@code 00 00 ff ff} appended decodes whole.
 */
final class DeflateStreamWalker {

    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
        769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
        11, 11, 12, 12, 13, 13};
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private final byte[] in;
    private int bitPos;
    private byte[] out = new byte[1024];
    private int size;
    private int maxDistance;

    private DeflateStreamWalker(byte[] in) {
        this.in = in;
    }

    /** What a stream decodes to, and the largest distance it used. */
    record Result(byte[] output, int maxDistance) {}

    static Result walk(byte[] stream) {
        DeflateStreamWalker w = new DeflateStreamWalker(stream);
        w.run();
        return new Result(Arrays.copyOf(w.out, w.size), w.maxDistance);
    }

    private void run() {
        boolean last = false;
        while (!last && bitPos + 3 <= in.length * 8) {
            last = bits(1) == 1;
            int type = bits(2);
            switch (type) {
                case 0 -> stored();
                case 1 -> codes(fixedLengths(), fixedDistances());
                case 2 -> dynamic();
                default -> throw new IllegalStateException("invalid block type");
            }
            if (type == 0 && bitPos == in.length * 8) {
                return;
            }
        }
    }

    private int bits(int n) {
        int value = 0;
        for (int i = 0; i < n; i++) {
            int bit = (in[bitPos >>> 3] >>> (bitPos & 7)) & 1;
            value |= bit << i;
            bitPos++;
        }
        return value;
    }

    private void stored() {
        bitPos = (bitPos + 7) & ~7;
        int len = bits(16);
        int nlen = bits(16);
        if ((len ^ 0xFFFF) != nlen) {
            throw new IllegalStateException("stored block length check failed");
        }
        for (int i = 0; i < len; i++) {
            emit(bits(8));
        }
    }

    private void emit(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) b;
    }

    private void codes(Huffman lengths, Huffman distances) {
        while (true) {
            int symbol = lengths.decode(this);
            if (symbol < 256) {
                emit(symbol);
            } else if (symbol == 256) {
                return;
            } else {
                symbol -= 257;
                int len = LENGTH_BASE[symbol] + bits(LENGTH_EXTRA[symbol]);
                int d = distances.decode(this);
                int dist = DIST_BASE[d] + bits(DIST_EXTRA[d]);
                maxDistance = Math.max(maxDistance, dist);
                if (dist > size) {
                    throw new IllegalStateException("distance beyond the output");
                }
                for (int i = 0; i < len; i++) {
                    emit(out[size - dist]);
                }
            }
        }
    }

    private void dynamic() {
        int nlen = bits(5) + 257;
        int ndist = bits(5) + 1;
        int ncode = bits(4) + 4;
        int[] lengths = new int[19];
        for (int i = 0; i < ncode; i++) {
            lengths[CODE_LENGTH_ORDER[i]] = bits(3);
        }
        Huffman lencode = new Huffman(lengths);
        int[] all = new int[nlen + ndist];
        int index = 0;
        while (index < nlen + ndist) {
            int symbol = lencode.decode(this);
            if (symbol < 16) {
                all[index++] = symbol;
            } else {
                int repeat;
                int value = 0;
                if (symbol == 16) {
                    value = all[index - 1];
                    repeat = 3 + bits(2);
                } else if (symbol == 17) {
                    repeat = 3 + bits(3);
                } else {
                    repeat = 11 + bits(7);
                }
                for (int i = 0; i < repeat; i++) {
                    all[index++] = value;
                }
            }
        }
        int[] lit = Arrays.copyOfRange(all, 0, nlen);
        int[] dist = Arrays.copyOfRange(all, nlen, nlen + ndist);
        codes(new Huffman(lit), new Huffman(dist));
    }

    private static Huffman fixedLengths() {
        int[] lengths = new int[288];
        for (int i = 0; i < 288; i++) {
            lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        }
        return new Huffman(lengths);
    }

    private static Huffman fixedDistances() {
        int[] lengths = new int[30];
        Arrays.fill(lengths, 5);
        return new Huffman(lengths);
    }

    /** A canonical Huffman code, decoded bit by bit (RFC 1951 §3.2.2). */
    private static final class Huffman {
        private final int[] count = new int[16];
        private final int[] symbol;

        Huffman(int[] lengths) {
            for (int length : lengths) {
                count[length]++;
            }
            count[0] = 0;
            int[] offs = new int[16];
            for (int len = 1; len < 15; len++) {
                offs[len + 1] = offs[len] + count[len];
            }
            symbol = new int[lengths.length];
            for (int s = 0; s < lengths.length; s++) {
                if (lengths[s] != 0) {
                    symbol[offs[lengths[s]]++] = s;
                }
            }
        }

        int decode(DeflateStreamWalker w) {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int len = 1; len <= 15; len++) {
                code |= w.bits(1);
                int c = count[len];
                if (code - c < first) {
                    return symbol[index + (code - first)];
                }
                index += c;
                first += c;
                first <<= 1;
                code <<= 1;
            }
            throw new IllegalStateException("no such code");
        }
    }
}
