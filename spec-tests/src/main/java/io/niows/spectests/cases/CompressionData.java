package io.niows.spectests.cases;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * The five data sets of Autobahn's groups 12 and 13 ({@code WS_COMPRESSION_TESTDATA} of
 * {@code case12_x_x.py}), with Autobahn's descriptions, kinds and sizes. Autobahn ships files (a
 * JSON file, Goethe's Faust as text, a 512x512 grey bitmap, an HTML file, a PDF); their contents
 * are not ours to copy, so each is generated here, deterministically, as data of the same kind
 * and size: JSON-like and HTML-like ASCII text, German-like UTF-8 verse (sent as binary, as
 * Autobahn sends Faust), an 8-bit grey BMP of a smooth noisy picture, and a PDF-like file whose
 * streams are DEFLATE-compressed already. The ratios they compress to are of the same order as the
 * originals' (text well, the picture little, the PDF hardly). Immutable; safe from any thread
 * (each set is built once, on first use).
 */
public enum CompressionData {
    JSON("Large JSON data file", false, 194_056),
    BITMAP("Lena Picture, Bitmap 512x512 bw", true, 263_222),
    GERMAN_TEXT("Human readable text, Goethe's Faust I (German)", true, 222_218),
    HTML("Large HTML file", false, 263_527),
    PDF("A larger PDF", true, 1_042_328);

    private final String description;
    private final boolean binary;
    private final int size;
    private volatile byte[] data;

    CompressionData(String description, boolean binary, int size) {
        this.description = description;
        this.binary = binary;
        this.size = size;
    }

    /** Autobahn's subcategory title, e.g. {@code Large JSON data file (utf8, 194056 bytes)}. */
    public String title() {
        return description + " (" + (binary ? "binary" : "utf8") + ", " + size + " bytes)";
    }

    /** Whether Autobahn sends this set as binary messages. */
    public boolean binary() {
        return binary;
    }

    /** The data (shared: callers must not change it). */
    public byte[] data() {
        byte[] d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = generate();
                    data = d;
                }
            }
        }
        return d;
    }

    private byte[] generate() {
        SplittableRandom r = new SplittableRandom(0x5EED_0000L + ordinal());
        byte[] full = switch (this) {
            case JSON -> json(r);
            case BITMAP -> bitmap(r);
            case GERMAN_TEXT -> verse(r);
            case HTML -> html(r);
            case PDF -> pdf(r);
        };
        byte[] out = new byte[size];
        System.arraycopy(full, 0, out, 0, size);
        return out;
    }

    private static final String[] FIRST = {"Anna", "Bruno", "Clara", "Dmitri", "Elif", "Farid", "Greta", "Hiro",
        "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nora", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tara"};
    private static final String[] LAST = {"Alvarez", "Becker", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Hansen", "Ito", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Rossi", "Silva"};
    private static final String[] WORDS = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
        "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua",
        "enim", "ad", "minim", "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip"};
    private static final String[] GERMAN = {"und", "der", "die", "das", "ich", "nicht", "mit", "wie", "ein", "so",
        "mir", "mich", "dich", "auf", "zu", "ist", "was", "doch", "nun", "wohl", "Welt", "Geist", "Herz", "Nacht",
        "Licht", "Tag", "Himmel", "Erde", "Seele", "Blick", "Wort", "Kraft", "Zeit", "Glück", "Mädchen", "Schüler",
        "Brüder", "Lüfte", "Träume", "Tränen", "schön", "süß", "grün", "müde", "fühlen", "läßt", "wär", "hätt",
        "Gefühl", "Gestalten", "Höhe", "Flöte", "Bächlein", "Mühe", "Straße", "Fuß", "weiß", "groß", "heißt",
        "Natur", "Wissen", "Buch", "Feuer", "Wasser", "Wald", "Nebel", "Sterne", "Wunsch", "Freude", "Leben",
        "steigt", "fließt", "singen", "sprechen", "schauen", "ruhen", "eilen", "suchen", "finden", "verlieren"};
    private static final String[] SPEAKERS = {"DER ERZÄHLER", "DER GELEHRTE", "DER GAST", "DAS MÄDCHEN",
        "DER SCHÜLER", "CHOR DER WANDERER", "STIMME VON OBEN", "DIE NACHBARIN"};

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    private static String words(SplittableRandom r, String[] from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(pick(r, from));
        }
        return sb.toString();
    }

    private static byte[] json(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int id = 0; sb.length() < 200_000; id++) {
            String first = pick(r, FIRST);
            String last = pick(r, LAST);
            sb.append("  {\n    \"id\": ").append(id).append(",\n    \"guid\": \"")
                    .append(Long.toHexString(r.nextLong())).append('-').append(Integer.toHexString(r.nextInt()))
                    .append("\",\n    \"isActive\": ").append(r.nextBoolean()).append(",\n    \"balance\": \"$")
                    .append(r.nextInt(1000, 4000)).append('.').append(r.nextInt(10, 100))
                    .append("\",\n    \"age\": ").append(r.nextInt(18, 80)).append(",\n    \"name\": \"")
                    .append(first).append(' ').append(last).append("\",\n    \"email\": \"")
                    .append(first.toLowerCase()).append('.').append(last.toLowerCase()).append("@example.org\",")
                    .append("\n    \"about\": \"").append(words(r, WORDS, r.nextInt(8, 30)))
                    .append(".\",\n    \"latitude\": ").append(r.nextInt(-90_000, 90_000) / 1000.0)
                    .append(",\n    \"longitude\": ").append(r.nextInt(-180_000, 180_000) / 1000.0)
                    .append(",\n    \"tags\": [\"").append(words(r, WORDS, 3).replace(" ", "\", \""))
                    .append("\"],\n    \"friends\": [{\"id\": ").append(r.nextInt(100))
                    .append(", \"name\": \"").append(pick(r, FIRST)).append(' ').append(pick(r, LAST))
                    .append("\"}]\n  },\n");
        }
        return sb.append("]\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] html(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Archive</title>\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n");
        for (int n = 0; sb.length() < 270_000; n++) {
            sb.append("<div class=\"entry\" id=\"entry-").append(n).append("\">\n  <h2><a href=\"/posts/")
                    .append(n).append("\">").append(words(r, WORDS, r.nextInt(2, 6))).append("</a></h2>\n")
                    .append("  <p class=\"meta\">by <span class=\"author\">").append(pick(r, FIRST)).append(' ')
                    .append(pick(r, LAST)).append("</span> on <time>2013-").append(r.nextInt(10, 13)).append('-')
                    .append(r.nextInt(10, 29)).append("</time></p>\n  <p>").append(words(r, WORDS, r.nextInt(20, 60)))
                    .append(".</p>\n  <ul class=\"tags\">");
            for (int t = r.nextInt(1, 4); t > 0; t--) {
                sb.append("<li><a href=\"/tags/").append(pick(r, WORDS)).append("\">").append(pick(r, WORDS))
                        .append("</a></li>");
            }
            sb.append("</ul>\n</div>\n");
        }
        return sb.append("</body>\n</html>\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] verse(SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < 230_000) {
            StringBuilder sb = new StringBuilder("\r\n").append(pick(r, SPEAKERS)).append(":\r\n");
            for (int line = r.nextInt(2, 9); line > 0; line--) {
                String l = words(r, GERMAN, r.nextInt(4, 9));
                sb.append(Character.toUpperCase(l.charAt(0))).append(l.substring(1))
                        .append(r.nextInt(4) == 0 ? "!" : r.nextInt(3) == 0 ? "," : ".").append("\r\n");
            }
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** An 8-bit grey BMP, 512x512: header, grey palette, then a smooth picture with sensor-like noise. */
    private static byte[] bitmap(SplittableRandom r) {
        int w = 512;
        int pixels = w * w;
        int offset = 14 + 40 + 256 * 4;
        byte[] b = new byte[offset + pixels];
        b[0] = 'B';
        b[1] = 'M';
        le32(b, 2, b.length);
        le32(b, 10, offset);
        le32(b, 14, 40);
        le32(b, 18, w);
        le32(b, 22, w);
        b[26] = 1;
        b[28] = 8;
        le32(b, 34, pixels);
        le32(b, 38, 2835);
        le32(b, 42, 2835);
        le32(b, 46, 256);
        for (int i = 0; i < 256; i++) {
            b[54 + 4 * i] = (byte) i;
            b[55 + 4 * i] = (byte) i;
            b[56 + 4 * i] = (byte) i;
        }
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                double v = 120 + 55 * Math.sin(x / 37.0) * Math.cos(y / 23.0) + 35 * Math.sin((x + 2 * y) / 71.0)
                        + 20 * Math.cos(Math.hypot(x - 300, y - 200) / 19.0) + 9 * (r.nextDouble() - 0.5)
                        + 9 * (r.nextDouble() - 0.5);
                b[offset + y * w + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
        }
        return b;
    }

    private static void le32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Page objects with their content streams DEFLATE-compressed already, and image streams of noise. */
    private static byte[] pdf(SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        Deflater deflater = new Deflater();
        try {
            for (int obj = 1; out.size() < 1_100_000; obj += 2) {
                String text = "BT /F1 10 Tf 72 " + r.nextInt(100, 700) + " Td (" + words(r, WORDS, r.nextInt(40, 400))
                        + ") Tj ET";
                deflater.reset();
                deflater.setInput(text.getBytes(StandardCharsets.US_ASCII));
                deflater.finish();
                byte[] buf = new byte[text.length() + 64];
                int n = deflater.deflate(buf);
                out.writeBytes((obj + " 0 obj\n<< /Type /Page /Parent 1 0 R /MediaBox [0 0 612 792] /Contents "
                        + (obj + 1) + " 0 R /Resources << /Font << /F1 3 0 R >> >> >>\nendobj\n" + (obj + 1)
                        + " 0 obj\n<< /Length " + n + " /Filter /FlateDecode >>\nstream\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(buf, 0, n);
                out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
                byte[] image = new byte[r.nextInt(2_000, 12_000)];
                r.nextBytes(image);
                out.writeBytes(("<< /Type /XObject /Subtype /Image /Width 320 /Height 240 /ColorSpace /DeviceRGB "
                        + "/BitsPerComponent 8 /Length " + image.length + " /Filter /DCTDecode >>\nstream\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(image);
                out.writeBytes("\nendstream\n".getBytes(StandardCharsets.US_ASCII));
            }
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
