#!/usr/bin/env python3
"""zlib's own ratios beside niows' on the Autobahn-like data.

Reads DIR/niows.tsv and the data sets DIR/<id>.bin written by
`java -cp bench/target/benchmarks.jar io.niows.bench.deflate.DeflateRatios autobahn DIR`,
compresses the same messages with zlib as a permessage-deflate sender without context takeover
does (a new raw stream per message at the same level, window of N bits, Z_SYNC_FLUSH, the trailing
00 00 ff ff removed), writes DIR/compare.tsv (one row per data set, size and window) and prints a
markdown table per data set and window: niows' compressed size against zlib's.

zlib refuses a raw window of 8 bits (deflateInit2 returns Z_STREAM_ERROR since zlib 1.2.9); for N = 8
the reference is its 9-bit window, whose longest distance (2^9 - 262 = 250 bytes) fits an 8-bit
window anyway.
"""
import os
import sys
import zlib


def compressed_size(message, level, window):
    c = zlib.compressobj(level, zlib.DEFLATED, -max(window, 9))
    out = c.compress(message) + c.flush(zlib.Z_SYNC_FLUSH)
    return len(out) - 4


def main(folder):
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(folder, 'niows.tsv'))][1:]
    data = {}
    totals = {}
    out = ['data\tsize\tmessages\twindow\tlevel\tinput\tniows\tzlib']
    for name, size, messages, window, level, total_in, niows in rows:
        size, messages, window, level = int(size), int(messages), int(window), int(level)
        if name not in data:
            data[name] = open(os.path.join(folder, name + '.bin'), 'rb').read()
        d = data[name]
        z = 0
        for i in range(messages):
            start = i * size
            msg = bytes(d[(start + k) % len(d)] for k in range(size)) if (start % len(d)) + size > len(d) \
                else d[start % len(d):start % len(d) + size]
            z += compressed_size(msg, level, window)
        out.append('\t'.join(map(str, [name, size, messages, window, level, total_in, niows, z])))
        t = totals.setdefault((name, window, level), [0, 0, 0])
        t[0] += int(total_in)
        t[1] += int(niows)
        t[2] += z
    with open(os.path.join(folder, 'compare.tsv'), 'w') as f:
        f.write('\n'.join(out) + '\n')
    print('zlib', zlib.ZLIB_RUNTIME_VERSION)
    print('| data | window bits | level | input B | niows B | zlib B | niows ÷ input | zlib ÷ input | niows ÷ zlib |')
    print('|---|--:|--:|--:|--:|--:|--:|--:|--:|')
    for (name, window, level), (i, n, z) in totals.items():
        print('| %s | %d | %d | %d | %d | %d | %.4f | %.4f | %.4f |' % (name, window, level, i, n, z, n / i, z / i, n / z))


if __name__ == '__main__':
    main(sys.argv[1])
