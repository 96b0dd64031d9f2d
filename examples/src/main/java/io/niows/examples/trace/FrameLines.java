package io.niows.examples.trace;

import io.niows.protocol.TracedFrame;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Formats what a trace saw: a frame as one readable line annotated with the RFC sections that
 * govern it, or as one JSON object; a handshake head; a TCP event.
 *
 * <p>Stateless and thread-safe.
 */
public final class FrameLines {

    /** The characters of a text preview printed before it is cut. */
    private static final int TEXT_PREVIEW = 40;
    /** The bytes of a binary preview printed in hex before it is cut. */
    private static final int HEX_PREVIEW = 16;

    private FrameLines() {
    }

    /**
     * The readable line of a frame, such as {@code → C2S FIN text len=5 (7-bit) mask=37fa213d
     * "Hello"  §5.2 §5.3 §5.6}.
     *
     * @param frame the frame
     * @param clientToServer whether the client sent it
     * @return the line, without a line break
     */
    public static String text(TracedFrame frame, boolean clientToServer) {
        return text(frame, clientToServer, true);
    }

    /**
     * The readable line of a frame, with or without its payload.
     *
     * @param frame the frame
     * @param clientToServer whether the client sent it
     * @param withPayload whether to show the payload's preview (not when it was not seen)
     * @return the line, without a line break
     */
    static String text(TracedFrame frame, boolean clientToServer, boolean withPayload) {
        StringBuilder line = new StringBuilder();
        line.append(clientToServer ? "\u2192 C2S " : "\u2190 S2C ");
        line.append(frame.fin() ? "FIN " : "--- ");
        flags(frame, line);
        line.append(frame.opcodeName());
        if (frame.opcodeName().startsWith("reserved")) {
            line.append("(0x").append(Integer.toHexString(frame.opcode()).toUpperCase(Locale.ROOT)).append(')');
        }
        line.append(" len=").append(frame.payloadLengthText()).append(" (").append(frame.lengthBits()).append("-bit)");
        line.append(frame.masked() ? String.format(" mask=%08x", frame.maskingKey()) : " unmasked");
        String payload = withPayload ? payload(frame) : "";
        if (!payload.isEmpty()) {
            line.append(' ').append(payload);
        }
        if (frame.inflatedLength() >= 0) {
            line.append(" inflated=").append(frame.inflatedLength());
        }
        line.append("  ").append(String.join(" ", sections(frame)));
        return line.toString();
    }

    private static void flags(TracedFrame frame, StringBuilder line) {
        if (frame.rsv1()) {
            line.append("RSV1 ");
        }
        if (frame.rsv2()) {
            line.append("RSV2 ");
        }
        if (frame.rsv3()) {
            line.append("RSV3 ");
        }
    }

    /** The payload as the frame's kind shows it best: a close code and reason, text, or hex. */
    private static String payload(TracedFrame frame) {
        byte[] preview = frame.preview();
        if (frame.opcode() == 0x8) {
            if (frame.payloadLength() == 0) {
                return "(no code: 1005 " + TracedFrame.meaningOf(1005) + ")";
            }
            if (frame.payloadLength() == 1) {
                return "(one byte: no valid close payload)";
            }
            String reason = frame.closeReason().isEmpty() ? "" : " reason=" + quote(frame.closeReason(), false);
            int code = frame.closeCode();
            // §7.4.1: 1005, 1006 and 1015 "MUST NOT be set as a status code in a Close control frame".
            String meaning = code == 1005 || code == 1006 || code == 1015 ? "reserved: never in a close frame"
                    : TracedFrame.meaningOf(code);
            return "code=" + code + " (" + meaning + ")" + reason;
        }
        if (preview.length == 0) {
            return "";
        }
        boolean cut = !frame.previewComplete();
        String text = frame.rsv1() ? null : utf8(preview);
        if ((frame.opcode() == 0x1 || frame.opcode() == 0x0 || frame.opcode() >= 0x9) && text != null) {
            return quote(text, cut);
        }
        int shown = Math.min(preview.length, HEX_PREVIEW);
        String hex = HexFormat.of().formatHex(preview, 0, shown);
        return "0x" + hex + (cut || shown < preview.length ? "\u2026" : "");
    }

    /** The bytes as UTF-8 text, or null when they are not (a preview cut in a character is). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The text quoted and cut as a frame line shows it. */
    static String quoted(String text) {
        return quote(text, false);
    }

    private static String quote(String text, boolean cut) {
        String shown = text.length() > TEXT_PREVIEW ? text.substring(0, TEXT_PREVIEW) : text;
        StringBuilder out = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (cut || shown.length() < text.length()) {
            out.append('\u2026');
        }
        return out.toString();
    }

    /**
     * The RFC sections that govern a frame: §5.2 (base framing) always; §5.3 when masked; §5.4 for
     * a fragment; §5.5 and the control frame's own for control frames, §7.4 for a close's code;
     * §5.6 for a data frame; RFC 7692 §6 (permessage-deflate) with RSV1; §11.8 for a reserved opcode.
     *
     * @param frame the frame
     * @return the sections, in the order above
     */
    public static List<String> sections(TracedFrame frame) {
        List<String> sections = new ArrayList<>();
        sections.add("\u00a75.2");
        if (frame.masked()) {
            sections.add("\u00a75.3");
        }
        if (!frame.fin() || frame.opcode() == 0x0) {
            sections.add("\u00a75.4");
        }
        switch (frame.opcode()) {
            case 0x0, 0x1, 0x2 -> sections.add("\u00a75.6");
            case 0x8 -> {
                sections.add("\u00a75.5.1");
                if (frame.payloadLength() >= 2) {
                    sections.add("\u00a77.4");
                }
            }
            case 0x9 -> sections.add("\u00a75.5.2");
            case 0xA -> sections.add("\u00a75.5.3");
            default -> sections.add("\u00a711.8");
        }
        if (frame.rsv1()) {
            sections.add("RFC7692\u00a76");
        }
        return sections;
    }

    /**
     * The frame as one JSON object on one line, every field of the trace in it.
     *
     * @param frame the frame
     * @param clientToServer whether the client sent it
     * @return the object
     */
    public static String json(TracedFrame frame, boolean clientToServer) {
        StringBuilder json = new StringBuilder("{\"event\":\"frame\"");
        field(json, "dir", clientToServer ? "C2S" : "S2C");
        json.append(",\"offset\":").append(frame.offset());
        json.append(",\"fin\":").append(frame.fin());
        json.append(",\"rsv1\":").append(frame.rsv1()).append(",\"rsv2\":").append(frame.rsv2())
                .append(",\"rsv3\":").append(frame.rsv3());
        json.append(",\"opcode\":").append(frame.opcode());
        field(json, "opcodeName", frame.opcodeName());
        json.append(",\"masked\":").append(frame.masked());
        if (frame.masked()) {
            field(json, "maskingKey", String.format("%08x", frame.maskingKey()));
        }
        json.append(",\"payloadLength\":").append(frame.payloadLengthText());
        json.append(",\"lengthBits\":").append(frame.lengthBits());
        field(json, "header", HexFormat.of().formatHex(frame.header()));
        field(json, "preview", HexFormat.of().formatHex(frame.preview()));
        json.append(",\"previewComplete\":").append(frame.previewComplete());
        if (frame.opcode() == 0x8 && frame.payloadLength() != 1) {
            json.append(",\"closeCode\":").append(frame.closeCode());
            field(json, "closeReason", frame.closeReason());
            field(json, "closeMeaning", frame.closeMeaning());
        }
        if (frame.inflatedLength() >= 0) {
            json.append(",\"inflatedLength\":").append(frame.inflatedLength());
        }
        json.append(",\"rfc\":[");
        List<String> sections = sections(frame);
        for (int i = 0; i < sections.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(sections.get(i)).append('"');
        }
        return json.append("]}").toString();
    }

    /**
     * A handshake head as lines, each prefixed with the direction's arrow; the empty line that ends
     * the head is left out.
     *
     * @param head the head's text, lines ending in CRLF
     * @param clientToServer whether the client sent it
     * @return the lines, joined with line feeds, no line feed at the end
     */
    public static String head(String head, boolean clientToServer) {
        String prefix = (clientToServer ? "\u2192 C2S " : "\u2190 S2C ");
        String section = clientToServer ? "  \u00a74.1" : "  \u00a74.2.2";
        String[] lines = head.split("\r\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "\n").append(prefix).append("| ").append(lines[i]);
            if (i == 0) {
                out.append(section);
            }
        }
        return out.toString();
    }

    /**
     * A handshake head as one JSON object.
     *
     * @param head the head's text
     * @param clientToServer whether the client sent it
     * @return the object
     */
    public static String headJson(String head, boolean clientToServer) {
        StringBuilder json = new StringBuilder("{\"event\":\"head\"");
        field(json, "dir", clientToServer ? "C2S" : "S2C");
        field(json, "head", head);
        return json.append('}').toString();
    }

    /**
     * Appends {@code ,"name":"value"} with the value escaped for JSON.
     *
     * @param json where to append
     * @param name the field's name
     * @param value its value
     */
    static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
