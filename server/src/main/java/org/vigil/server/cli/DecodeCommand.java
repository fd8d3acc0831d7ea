package org.vigil.server.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.vigil.codec.modes.CprResolver;
import org.vigil.codec.modes.ModeSDecoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.server.json.ModeSJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil decode [--reference LAT,LON] [FILE|-]}: one hex message per line in, one JSON
 * object per line out. Accepted lines: {@code HEX}, {@code *HEX;} (AVR), {@code @TTTTTTTTTTTTHEX;}
 * (AVR with 12 MHz counter, ignored), {@code TIMESTAMP HEX} or {@code TIMESTAMP,HEX[,...]} with
 * Unix seconds (the pyModeS/rs1090 captures; quotes are stripped). CPR state is kept per
 * aircraft across lines. A bad line gives an object with {@code error}; decoding goes on.
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decode Mode S / ADS-B hex messages (one per line) to JSON lines.")
public final class DecodeCommand implements Callable<Integer> {
    @Option(
            names = "--reference",
            paramLabel = "LAT,LON",
            description = "Receiver position: needed for surface positions and for single-frame fixes.")
    String reference;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            defaultValue = "-",
            description = "Input file, '-' (default) for standard input.")
    String file;

    private final byte[] frame = new byte[14];
    private final ModeSMessage message = new ModeSMessage();
    private final Map<String, Integer> rejections = new TreeMap<>();

    @Override
    public Integer call() throws IOException {
        CprResolver resolver = new CprResolver();
        if (reference != null) {
            String[] p = reference.split(",");
            double lat, lon;
            try {
                if (p.length != 2) throw new NumberFormatException();
                lat = Double.parseDouble(p[0].trim());
                lon = Double.parseDouble(p[1].trim());
            } catch (NumberFormatException e) {
                System.err.println("--reference must be LAT,LON in decimal degrees, got: " + reference);
                return 2;
            }
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                System.err.println("--reference out of range: " + reference);
                return 2;
            }
            resolver.setReceiver(lat, lon);
        }
        boolean stdin = "-".equals(file);
        if (!stdin && !Files.isReadable(Path.of(file))) {
            System.err.println("decode: cannot read " + file);
            return 2;
        }
        Reader src = stdin
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        int lines = 0, decoded = 0;
        try (BufferedReader in = new BufferedReader(src);
                JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new MinimalPrettyPrinter("")); // we write the line ends ourselves
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (decodeLine(line, lines, resolver, g)) decoded++;
                g.writeRaw('\n');
                if (stdin && !in.ready()) g.flush(); // interactive use: answer each line at once
            }
            g.flush();
        }
        out.flush();
        System.err.printf(
                "decode: %d lines, %d decoded; rejected %s; CPR global %d local %d receiver-local %d,"
                        + " rejected nl %d jump %d no-reference %d%n",
                lines,
                decoded,
                rejections,
                resolver.globalDecodes(),
                resolver.localDecodes(),
                resolver.receiverLocalDecodes(),
                resolver.nlMismatchRejected(),
                resolver.jumpRejected(),
                resolver.noReferenceRejected());
        return 0;
    }

    /** @return true when the line held a message that decoded cleanly */
    private boolean decodeLine(String raw, int lineNo, CprResolver resolver, JsonGenerator g) throws IOException {
        String line = raw.strip();
        if (line.startsWith("\uFEFF")) line = line.substring(1); // byte-order mark of some captures
        if (line.isEmpty() || line.startsWith("#")) {
            g.writeStartObject();
            g.writeNumberField("line", lineNo);
            g.writeStringField("error", "empty");
            g.writeEndObject();
            count("empty");
            return false;
        }
        String[] tok = line.split("[\\s,]+");
        double seconds = Double.NaN;
        String stamp = null;
        String hex = clean(tok[0]);
        if (tok.length >= 2) {
            // BigDecimal, not Double.parseDouble: the latter also takes "1f", "0x1p3" and the like,
            // which the plain-decimal echo below could not print
            try {
                java.math.BigDecimal t = new java.math.BigDecimal(tok[0]);
                seconds = t.doubleValue();
                if (Double.isFinite(seconds)) stamp = t.toPlainString();
                else seconds = Double.NaN;
            } catch (NumberFormatException e) {
                seconds = Double.NaN;
            }
            if (!Double.isNaN(seconds)) {
                // the message is the first later column of a message's length (skips an ICAO column)
                hex = clean(tok[1]);
                for (int i = 1; i < tok.length; i++) {
                    String c = clean(tok[i]);
                    if (c.length() == 14 || c.length() == 28) {
                        hex = c;
                        break;
                    }
                }
            }
        }
        g.writeStartObject();
        g.writeNumberField("line", lineNo);
        if (!Double.isNaN(seconds)) {
            g.writeFieldName("timestamp");
            g.writeNumber(stamp); // as given, no exponent
        }
        String problem = parseHex(hex);
        if (problem != null) {
            g.writeStringField("input", raw);
            g.writeStringField("error", problem);
            g.writeEndObject();
            count(problem);
            return false;
        }
        g.writeStringField("hex", hex.toUpperCase(Locale.ROOT));
        long nanos = Double.isNaN(seconds) ? 0 : Math.round(seconds * 1e9);
        boolean ok = ModeSDecoder.decode(frame, 0, hex.length() / 2, nanos, message);
        if (ok) resolver.resolve(message);
        else count(message.error.label());
        ModeSJson.writeFields(g, message);
        g.writeEndObject();
        return ok;
    }

    /** Strips quotes and the AVR framing ({@code *...;}, {@code :...;}, {@code @counter...;}). */
    private static String clean(String t) {
        String h = t.replace("\"", "");
        if (h.startsWith("*") || h.startsWith(":")) h = h.substring(1);
        else if (h.startsWith("@") && h.length() > 13) h = h.substring(13);
        if (h.endsWith(";")) h = h.substring(0, h.length() - 1);
        return h;
    }

    /** Fills {@link #frame}; returns an error name or null. */
    private String parseHex(String hex) {
        int n = hex.length();
        if (n != 4 && n != 14 && n != 28) return "bad_hex_length";
        for (int i = 0; i < n; i += 2) {
            int hi = hexDigit(hex.charAt(i)), lo = hexDigit(hex.charAt(i + 1));
            if (hi < 0 || lo < 0) return "bad_hex";
            frame[i / 2] = (byte) ((hi << 4) | lo);
        }
        return null;
    }

    /** ASCII hex only: Character.digit would also take other scripts' digits (e.g. fullwidth '３'). */
    private static int hexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private void count(String reason) {
        rejections.merge(reason, 1, Integer::sum);
    }
}
