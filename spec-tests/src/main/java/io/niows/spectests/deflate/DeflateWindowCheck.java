package io.niows.spectests.deflate;

import java.util.zip.DataFormatException;

/**
 * Reads raw DEFLATE data (RFC 1951) only to find how far back its back-references reach, so
 * that the fuzzer can hold a peer to an agreed window smaller than the 32 KiB the JDK's
 * {@code Inflater} allows (RFC 7692 sections 7.1.2.1 and 7.1.2.2). It decodes block headers,
 * Huffman codes and extra bits, writes no output, and stops at a final block or where the input
 * ends on a block boundary. It is no validator: the {@code Inflater} judges everything else.
 * Written after the structure of zlib's {@code contrib/puff}. Stateless; safe from any thread.
 */
public final class DeflateWindowCheck {
    private static final int MAX_BITS = 15;
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
        769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
        11, 11, 12, 12, 13, 13};
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final Huffman FIXED_LENGTHS;
    private static final Huffman FIXED_DISTANCES;

    static {
        int[] lengths = new int[288];
        for (int i = 0; i < 288; i++) {
            lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        }
        FIXED_LENGTHS = new Huffman(lengths, 0, 288);
        int[] distances = new int[30];
        java.util.Arrays.fill(distances, 5);
        FIXED_DISTANCES = new Huffman(distances, 0, 30);
    }

    private final byte[] in;
    private int pos;
    private int bitBuf;
    private int bitCount;
    private int max;

    private DeflateWindowCheck(byte[] in) {
        this.in = in;
    }

    /** The largest back-reference distance in the data, 0 when there is none. */
    public static int maxDistance(byte[] data) throws DataFormatException {
        DeflateWindowCheck c = new DeflateWindowCheck(data);
        c.blocks();
        return c.max;
    }

    private void blocks() throws DataFormatException {
        while (!atEnd()) {
            boolean last = bits(1) == 1;
            int type = bits(2);
            switch (type) {
                case 0 -> stored();
                case 1 -> codes(FIXED_LENGTHS, FIXED_DISTANCES);
                case 2 -> dynamic();
                default -> throw new DataFormatException("reserved DEFLATE block type 3");
            }
            if (last) {
                return;
            }
        }
    }

    /** The input is used up but for the zero bits that pad a block's end to an octet. */
    private boolean atEnd() {
        return pos == in.length && (bitBuf & ((1 << bitCount) - 1)) == 0;
    }

    private int bits(int need) throws DataFormatException {
        while (bitCount < need) {
            if (pos == in.length) {
                throw new DataFormatException("DEFLATE data ends inside a block");
            }
            bitBuf |= (in[pos++] & 0xFF) << bitCount;
            bitCount += 8;
        }
        int v = bitBuf & ((1 << need) - 1);
        bitBuf >>>= need;
        bitCount -= need;
        return v;
    }

    private void stored() throws DataFormatException {
        bitBuf = 0;
        bitCount = 0;
        if (pos + 4 > in.length) {
            throw new DataFormatException("DEFLATE data ends inside a stored block header");
        }
        int len = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
        int nlen = (in[pos + 2] & 0xFF) | (in[pos + 3] & 0xFF) << 8;
        if (len != (~nlen & 0xFFFF)) {
            throw new DataFormatException("stored block length does not match its complement");
        }
        pos += 4;
        if (pos + len > in.length) {
            throw new DataFormatException("DEFLATE data ends inside a stored block");
        }
        pos += len;
    }

    private void codes(Huffman lengths, Huffman distances) throws DataFormatException {
        while (true) {
            int sym = lengths.decode(this);
            if (sym < 256) {
                continue;
            }
            if (sym == 256) {
                return;
            }
            sym -= 257;
            if (sym >= LENGTH_EXTRA.length) {
                throw new DataFormatException("invalid length code");
            }
            bits(LENGTH_EXTRA[sym]);
            int d = distances.decode(this);
            if (d >= DIST_BASE.length) {
                throw new DataFormatException("invalid distance code");
            }
            max = Math.max(max, DIST_BASE[d] + bits(DIST_EXTRA[d]));
        }
    }

    private void dynamic() throws DataFormatException {
        int nlen = bits(5) + 257;
        int ndist = bits(5) + 1;
        int ncode = bits(4) + 4;
        if (nlen > 286 || ndist > 30) {
            throw new DataFormatException("too many length or distance codes");
        }
        int[] lengths = new int[320];
        for (int i = 0; i < ncode; i++) {
            lengths[CODE_LENGTH_ORDER[i]] = bits(3);
        }
        Huffman codeLengths = new Huffman(lengths, 0, 19);
        java.util.Arrays.fill(lengths, 0);
        int index = 0;
        while (index < nlen + ndist) {
            int sym = codeLengths.decode(this);
            if (sym < 16) {
                lengths[index++] = sym;
                continue;
            }
            int len = 0;
            int repeat;
            if (sym == 16) {
                if (index == 0) {
                    throw new DataFormatException("repeat with no previous code length");
                }
                len = lengths[index - 1];
                repeat = 3 + bits(2);
            } else {
                repeat = sym == 17 ? 3 + bits(3) : 11 + bits(7);
            }
            if (index + repeat > nlen + ndist) {
                throw new DataFormatException("too many code lengths");
            }
            while (repeat-- > 0) {
                lengths[index++] = len;
            }
        }
        if (lengths[256] == 0) {
            throw new DataFormatException("no end-of-block code");
        }
        codes(new Huffman(lengths, 0, nlen), new Huffman(lengths, nlen, ndist));
    }

    /** A canonical Huffman code (RFC 1951 section 3.2.2), decoded one bit at a time. */
    private static final class Huffman {
        private final int[] count = new int[MAX_BITS + 1];
        private final int[] symbol;

        Huffman(int[] lengths, int from, int n) {
            symbol = new int[n];
            for (int i = 0; i < n; i++) {
                count[lengths[from + i]]++;
            }
            int[] offs = new int[MAX_BITS + 1];
            for (int len = 1; len < MAX_BITS; len++) {
                offs[len + 1] = offs[len] + count[len];
            }
            for (int i = 0; i < n; i++) {
                if (lengths[from + i] != 0) {
                    symbol[offs[lengths[from + i]]++] = i;
                }
            }
        }

        int decode(DeflateWindowCheck in) throws DataFormatException {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int len = 1; len <= MAX_BITS; len++) {
                code |= in.bits(1);
                int c = count[len];
                if (code - c < first) {
                    return symbol[index + (code - first)];
                }
                index += c;
                first = (first + c) << 1;
                code <<= 1;
            }
            throw new DataFormatException("invalid Huffman code");
        }
    }
}
