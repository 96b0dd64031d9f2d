package io.niows.internal.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Ways to cut a byte string into consecutive chunks, as the network may deliver it. */
final class Partitions {

    private Partitions() {}

    /** Both pieces of every cut at {@code points}. */
    static List<List<byte[]>> twoWay(byte[] bytes, IntStream points) {
        List<List<byte[]>> all = new ArrayList<>();
        points.forEach(i -> all.add(List.of(Arrays.copyOfRange(bytes, 0, i), Arrays.copyOfRange(bytes, i, bytes.length))));
        return all;
    }

    /** Every cut into two pieces, empty pieces included. */
    static List<List<byte[]>> everyTwoWay(byte[] bytes) {
        return twoWay(bytes, IntStream.rangeClosed(0, bytes.length));
    }

    /** Every cut into three pieces, empty pieces included. */
    static List<List<byte[]>> everyThreeWay(byte[] bytes) {
        List<List<byte[]>> all = new ArrayList<>();
        for (int i = 0; i <= bytes.length; i++) {
            for (int j = i; j <= bytes.length; j++) {
                all.add(List.of(Arrays.copyOfRange(bytes, 0, i), Arrays.copyOfRange(bytes, i, j),
                        Arrays.copyOfRange(bytes, j, bytes.length)));
            }
        }
        return all;
    }

    /** One byte at a time. */
    static List<byte[]> byteByByte(byte[] bytes) {
        List<byte[]> chunks = new ArrayList<>();
        for (byte b : bytes) {
            chunks.add(new byte[] {b});
        }
        return chunks;
    }

    /** Random chunks of 1 to {@code maxChunk} bytes, from a seeded generator. */
    static List<byte[]> random(byte[] bytes, Random random, int maxChunk) {
        List<byte[]> chunks = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(maxChunk));
            chunks.add(Arrays.copyOfRange(bytes, at, at + n));
            at += n;
        }
        return chunks;
    }
}
