package io.niows.bench.deflate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.Deflater;

/**
 * Data of the kinds and sizes of the five files behind Autobahn's cases 12.1-12.5 (a JSON file, a
 * 512x512 grey bitmap, German verse as UTF-8, an HTML file, a PDF), generated here from a fixed
 * seed because those files are not ours to copy. The same bytes on every run and machine, so a
 * ratio measured on them can be measured again by anyone (and by zlib in another language, from
 * the files {@link DeflateRatios} writes).
 *
 * <p>What makes each compress as its original does: JSON and HTML repeat their keys and tags;
 * the verse repeats words with two-byte UTF-8 letters; the bitmap is a smooth picture with sensor
 * noise, so little repeats exactly; the PDF's streams are compressed already.
 *
 * <p>Immutable and thread-safe; {@link #bytes()} builds the data anew on each call.
 */
public enum AutobahnLikeData {
    /** Case 12.1: "Large JSON data file", sent as text. */
    JSON("json", false, 194_056),
    /** Case 12.2: "Lena Picture, Bitmap 512x512 bw", sent as binary. */
    BITMAP("bitmap", true, 263_222),
    /** Case 12.3: "Goethe's Faust I (German)", UTF-8 text sent as binary. */
    VERSE("verse", true, 222_218),
    /** Case 12.4: "Large HTML file", sent as text. */
    HTML("html", false, 263_527),
    /** Case 12.5: "A larger PDF", sent as binary. */
    PDF("pdf", true, 1_042_328);

    /** Autobahn's message sizes of cases 12.x.1 to 12.x.10. */
    public static final int[] MESSAGE_SIZES = {16, 64, 256, 1024, 4096, 8192, 16384, 32768, 65536, 131072};

    private static final String[] LATIN = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
        "elit", "sed", "eiusmod", "tempor", "incididunt", "labore", "dolore", "magna", "aliqua", "enim", "minim",
        "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip", "commodo"};
    private static final String[] NAMES = {"Ada", "Bruno", "Chiara", "Dario", "Emeka", "Fatima", "Goran", "Hana",
        "Ilya", "Jun", "Kaja", "Luis", "Mira", "Nils", "Oona", "Pavel", "Ravi", "Selma", "Timo", "Uma"};
    private static final String[] GERMAN = {"und", "der", "die", "das", "ich", "nicht", "mit", "mich", "dich",
        "sich", "wie", "so", "auf", "zu", "ist", "was", "doch", "nun", "Welt", "Geist", "Herz", "Nacht", "Licht",
        "Himmel", "Erde", "Seele", "Kraft", "Zeit", "Glück", "Gefühl", "Mädchen", "Schüler", "Brüder", "Träume",
        "Tränen", "schön", "süß", "grün", "müde", "fühlen", "läßt", "wär", "hätt", "Höhe", "Mühe", "Straße",
        "Fuß", "weiß", "groß", "heißt", "Natur", "Wissen", "Feuer", "Wasser", "Wald", "Sterne", "Freude",
        "Leben", "fließt", "schauen", "suchen", "finden", "Äther", "öde", "Übel"};
    private static final String[] SPEAKERS = {"FAUST", "MEPHISTOPHELES", "WAGNER", "GRETCHEN", "MARTHE", "CHOR",
        "SCHÜLER", "GEIST"};

    private final String id;
    private final boolean binary;
    private final int size;

    AutobahnLikeData(String id, boolean binary, int size) {
        this.id = id;
        this.binary = binary;
        this.size = size;
    }

    /** {@return a short name, used for file names} */
    public String id() {
        return id;
    }

    /** {@return whether Autobahn sends this data as binary messages} */
    public boolean binary() {
        return binary;
    }

    /** {@return the data: {@code size} bytes, the same on every call} */
    public byte[] bytes() {
        SplittableRandom random = new SplittableRandom(0xA070_BA4EL + ordinal());
        byte[] full = switch (this) {
            case JSON -> json(random);
            case BITMAP -> bitmap(random);
            case VERSE -> verse(random);
            case HTML -> html(random);
            case PDF -> pdf(random);
        };
        byte[] out = new byte[size];
        System.arraycopy(full, 0, out, 0, size);
        return out;
    }

    /**
     * The {@code index}-th message of {@code length} bytes as Autobahn cuts them: consecutive
     * slices of the data, wrapping around at its end.
     */
    public static byte[] slice(byte[] data, int length, int index) {
        byte[] message = new byte[length];
        long from = (long) index * length;
        for (int i = 0; i < length; i++) {
            message[i] = data[(int) ((from + i) % data.length)];
        }
        return message;
    }

    private String grow(Consumer<StringBuilder> unit, String end) {
        StringBuilder sb = new StringBuilder(size + 4096);
        while (sb.length() < size + 1024) {
            unit.accept(sb);
        }
        return sb.append(end).toString();
    }

    private byte[] json(SplittableRandom r) {
        int[] id = {0};
        String text = "[" + grow(sb -> {
            String name = pick(r, NAMES);
            sb.append(id[0] == 0 ? "\n" : ",\n").append("  {\n    \"id\": ").append(id[0]++)
                    .append(",\n    \"guid\": \"").append(Long.toHexString(r.nextLong()))
                    .append("\",\n    \"active\": ")
                    .append(r.nextBoolean()).append(",\n    \"balance\": ").append(r.nextInt(100_000) / 100.0)
                    .append(",\n    \"name\": \"").append(name).append(' ').append(pick(r, NAMES))
                    .append("\",\n    \"email\": \"").append(name.toLowerCase()).append(r.nextInt(100))
                    .append("@example.org\",\n    \"about\": \"").append(words(r, LATIN, 10 + r.nextInt(30)))
                    .append(".\",\n    \"tags\": [\"").append(pick(r, LATIN)).append("\", \"").append(pick(r, LATIN))
                    .append("\"],\n    \"location\": {\"lat\": ").append(r.nextInt(180_000) / 1000.0 - 90)
                    .append(", \"lon\": ").append(r.nextInt(360_000) / 1000.0 - 180).append("}\n  }");
        }, "\n]\n");
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] html(SplittableRandom r) {
        int[] n = {0};
        String head = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Archive</title>\n"
                + "<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n<div id=\"content\">\n";
        return (head + grow(sb -> {
            int post = n[0]++;
            sb.append("<div class=\"post\" id=\"post-").append(post).append("\">\n  <h2 class=\"title\"><a href=\"/")
                    .append(2010 + r.nextInt(5)).append('/').append(1 + r.nextInt(12)).append("/post-").append(post)
                    .append(".html\">").append(words(r, LATIN, 2 + r.nextInt(5))).append("</a></h2>\n")
                    .append("  <div class=\"meta\">Posted by <a href=\"/author/").append(pick(r, NAMES).toLowerCase())
                    .append("\">").append(pick(r, NAMES)).append("</a></div>\n  <p>")
                    .append(words(r, LATIN, 20 + r.nextInt(60))).append(".</p>\n  <ul class=\"tags\">");
            for (int t = 1 + r.nextInt(3); t > 0; t--) {
                String tag = pick(r, LATIN);
                sb.append("<li><a href=\"/tag/").append(tag).append("\">").append(tag).append("</a></li>");
            }
            sb.append("</ul>\n</div>\n");
        }, "</div>\n</body>\n</html>\n")).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] verse(SplittableRandom r) {
        String text = grow(sb -> {
            sb.append("\r\n").append(pick(r, SPEAKERS)).append(":\r\n");
            for (int line = 2 + r.nextInt(8); line > 0; line--) {
                String verse = words(r, GERMAN, 4 + r.nextInt(5));
                sb.append(Character.toUpperCase(verse.charAt(0))).append(verse, 1, verse.length())
                        .append(r.nextInt(4) == 0 ? "!" : r.nextInt(3) == 0 ? "?" : ",").append("\r\n");
            }
        }, "\r\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An 8-bit grey BMP: a smooth picture of a few overlapping waves and blobs, with noise. */
    private byte[] bitmap(SplittableRandom r) {
        int side = 512;
        int palette = 256 * 4;
        int offset = 14 + 40 + palette;
        ByteBuffer bmp = ByteBuffer.allocate(offset + side * side).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(offset + side * side).putInt(0).putInt(offset);
        bmp.putInt(40).putInt(side).putInt(side).putShort((short) 1).putShort((short) 8).putInt(0)
                .putInt(side * side).putInt(2835).putInt(2835).putInt(256).putInt(0);
        for (int i = 0; i < 256; i++) {
            bmp.put((byte) i).put((byte) i).put((byte) i).put((byte) 0);
        }
        double[][] blobs = new double[12][];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = new double[] {r.nextDouble() * side, r.nextDouble() * side, 20 + r.nextDouble() * 90,
                (r.nextDouble() - 0.5) * 160};
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double v = 110 + 40 * Math.sin(x / 37.0) * Math.cos(y / 53.0) + 25 * Math.sin((x + y) / 23.0);
                for (double[] b : blobs) {
                    double dx = x - b[0];
                    double dy = y - b[1];
                    v += b[3] * Math.exp(-(dx * dx + dy * dy) / (2 * b[2] * b[2]));
                }
                v += (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 8;
                bmp.put((byte) Math.max(0, Math.min(255, (int) Math.round(v))));
            }
        }
        return bmp.array();
    }

    /** A PDF's shape: text objects and an xref table around streams that are compressed already. */
    private byte[] pdf(SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 65536);
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        int object = 1;
        while (out.size() < size) {
            byte[] stream = compressed(pageText(r));
            write(out, object + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                    + (object + 1) + " 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
            write(out, (object + 1) + " 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n");
            out.writeBytes(stream);
            write(out, "\nendstream\nendobj\n");
            object += 2;
        }
        StringBuilder xref = new StringBuilder("xref\n0 " + object + "\n0000000000 65535 f \n");
        for (int i = 1; i < object; i++) {
            xref.append(String.format("%010d 00000 n \n", 15 + (long) i * 997 % out.size()));
        }
        write(out, xref + "trailer\n<< /Size " + object + " /Root 1 0 R >>\nstartxref\n" + out.size() + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** A page's drawing operators, with a share of random bytes (embedded images and fonts). */
    private static byte[] pageText(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("BT /F1 10 Tf 72 720 Td\n");
        for (int line = 0; line < 40; line++) {
            sb.append('(').append(words(r, LATIN, 6 + r.nextInt(8))).append(") Tj 0 -12 Td\n");
        }
        byte[] text = sb.append("ET\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] page = new byte[text.length + 6000 + r.nextInt(6000)];
        System.arraycopy(text, 0, page, 0, text.length);
        for (int i = text.length; i < page.length; i++) {
            page[i] = (byte) r.nextInt(256);
        }
        return page;
    }

    private static byte[] compressed(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] out = new byte[data.length + 1024];
            int n = deflater.deflate(out);
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String words(SplittableRandom r, String[] from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(pick(r, from));
        }
        return sb.toString();
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
