package io.niows.spectests.cases;

import static io.niows.spectests.wire.Hex.parse;

import io.niows.spectests.wire.Utf8Validator;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The UTF-8 decoder test sequences behind Autobahn cases 6.5.x-6.23.x (taken from Markus
 * Kuhn's UTF-8-test.txt, in Autobahn's order), each marked valid or not. Immutable data;
 * safe from any thread.
 */
public final class Utf8Sequences {

    /** A named group of sequences: 6.(5+index). */
    public record Category(String title, List<Sequence> sequences) {
    }

    /** One payload and whether it is valid UTF-8. */
    public record Sequence(boolean valid, byte[] payload) {
    }

    private static final String KOSME = "cebae1bdb9cf83cebcceb5";

    private Utf8Sequences() {
    }

    public static List<Category> categories() {
        List<Category> out = new ArrayList<>();
        out.add(cat("Some valid UTF-8 sequences", true, "68656c6c6f24776f726c64", "68656c6c6fc2a2776f726c64",
                "68656c6c6fe282ac776f726c64", "68656c6c6ff0a4ada2776f726c64", KOSME));
        out.add(prefixes());
        out.add(cat("First possible sequence of a certain length", true, "00", "c280", "e0a080", "f0908080"));
        out.add(cat("First possible sequence length 5/6 (invalid codepoints)", false, "f888808080", "fc8480808080"));
        out.add(cat("Last possible sequence of a certain length", true, "7f", "dfbf", "efbfbf", "f48fbfbf"));
        out.add(cat("Last possible sequence length 4/5/6 (invalid codepoints)", false, "f7bfbfbf", "fbbfbfbfbf",
                "fdbfbfbfbfbf"));
        out.add(new Category("Other boundary conditions", List.of(seq(true, "ed9fbf"), seq(true, "ee8080"),
                seq(true, "efbfbd"), seq(true, "f48fbfbf"), seq(false, "f4908080"))));
        out.add(continuationBytes());
        out.add(lonelyStarts());
        String[] missing = {"c0", "e080", "f08080", "f8808080", "fc80808080", "df", "efbf", "f7bfbf", "fbbfbfbf",
            "fdbfbfbfbf"};
        out.add(cat("Sequences with last continuation byte missing", false, missing));
        out.add(cat("Concatenation of incomplete sequences", false, String.join("", missing)));
        out.add(cat("Impossible bytes", false, "fe", "ff", "fefeffff"));
        out.add(cat("Examples of an overlong ASCII character", false, "c0af", "e080af", "f08080af", "f8808080af",
                "fc80808080af"));
        out.add(cat("Maximum overlong sequences", false, "c1bf", "e09fbf", "f08fbfbf", "f887bfbfbf", "fc83bfbfbfbf"));
        out.add(cat("Overlong representation of the NUL character", false, "c080", "e08080", "f0808080",
                "f880808080", "fc8080808080"));
        out.add(cat("Single UTF-16 surrogates", false, "eda080", "edadbf", "edae80", "edafbf", "edb080", "edbe80",
                "edbfbf"));
        out.add(cat("Paired UTF-16 surrogates", false, "eda080edb080", "eda080edbfbf", "edadbfedb080", "edadbfedbfbf",
                "edae80edb080", "edae80edbfbf", "edafbfedb080", "edafbfedbfbf"));
        out.add(nonCharacters());
        out.add(cat("Unicode specials (i.e. replacement char)", true, "efbfb9", "efbfba", "efbfbb", "efbfbc",
                "efbfbd", "efbfbe", "efbfbf"));
        return out;
    }

    private static Category cat(String title, boolean valid, String... hex) {
        List<Sequence> s = new ArrayList<>();
        for (String h : hex) {
            s.add(seq(valid, h));
        }
        return new Category(title, s);
    }

    private static Sequence seq(boolean valid, String hex) {
        return new Sequence(valid, parse(hex));
    }

    private static Category prefixes() {
        byte[] all = parse(KOSME);
        List<Sequence> s = new ArrayList<>();
        for (int i = 1; i <= all.length; i++) {
            byte[] p = Arrays.copyOf(all, i);
            s.add(new Sequence(Utf8Validator.isValid(p), p));
        }
        return new Category("All prefixes of a valid UTF-8 string that contains multi-byte code points", s);
    }

    private static Category continuationBytes() {
        List<Sequence> s = new ArrayList<>();
        for (String h : new String[] {"80", "bf", "80bf", "80bf80", "80bf80bf", "80bf80bf80", "80bf80bf80bf"}) {
            s.add(seq(false, h));
        }
        byte[] run = new byte[0xbf - 0x80];
        for (int i = 0; i < run.length; i++) {
            run[i] = (byte) (0x80 + i);
        }
        s.add(new Sequence(false, run));
        return new Category("Unexpected continuation bytes", s);
    }

    private static Category lonelyStarts() {
        int[][] ranges = {{0xc0, 0xdf}, {0xe0, 0xef}, {0xf0, 0xf7}, {0xf8, 0xfb}, {0xfc, 0xfd}};
        List<Sequence> s = new ArrayList<>();
        for (int[] r : ranges) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = r[0]; i < r[1]; i++) {
                b.write(i);
                b.write(0x20);
            }
            s.add(new Sequence(false, b.toByteArray()));
        }
        return new Category("Lonely start characters", s);
    }

    private static Category nonCharacters() {
        List<Sequence> s = new ArrayList<>();
        s.add(seq(true, "efbfbe"));
        s.add(seq(true, "efbfbf"));
        for (String z1 : new String[] {"f0", "f1", "f2", "f3", "f4"}) {
            for (String z2 : new String[] {"8f", "9f", "af", "bf"}) {
                if (z1.equals("f4") && !z2.equals("8f")) {
                    continue;
                }
                for (String z3 : new String[] {"be", "bf"}) {
                    String zz = z1 + z2 + "bf" + z3;
                    if (!zz.equals("f08fbfbe") && !zz.equals("f08fbfbf")) {
                        s.add(seq(true, zz));
                    }
                }
            }
        }
        return new Category("Non-character code points (valid UTF-8)", s);
    }
}
