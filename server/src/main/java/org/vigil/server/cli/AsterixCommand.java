package org.vigil.server.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.codec.asterix.AsterixDecoder;
import org.vigil.codec.asterix.AsterixRecord;
import org.vigil.codec.asterix.AsterixSpecs;
import org.vigil.codec.asterix.AsterixTree;
import org.vigil.codec.asterix.CategorySpec;
import org.vigil.codec.asterix.Json;
import org.vigil.codec.asterix.RecordHandler;
import org.vigil.codec.asterix.Recording;
import org.vigil.codec.asterix.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil asterix [FILE|-]}: decodes raw ASTERIX blocks, EUROCONTROL "final" (.ff)
 * recordings or pcap captures (UDP over IPv4) and prints one JSON object per record, in the
 * conventions of docs/ASTERIX.md. Rejections and a summary go to stderr. Exit code 0 when every
 * block was decoded (unknown categories included), 1 when something was rejected, 2 on I/O error.
 */
@Command(
        name = "asterix",
        mixinStandardHelpOptions = true,
        description =
                "Decode ASTERIX (CAT048, CAT034, CAT021, CAT062) from raw blocks, .ff recordings or pcap to JSON lines.")
public final class AsterixCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "-",
            paramLabel = "FILE|-",
            description = "Input file; '-' (default) reads standard input.")
    String input;

    @Option(
            names = "--format",
            defaultValue = "auto",
            description = "Input framing: auto, raw, final (.ff) or pcap. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--edition",
            split = ",",
            paramLabel = "CAT=ED",
            description = "Use another shipped edition for a category, e.g. 48=1.31,62=1.20,21=2.6.")
    List<String> editions;

    @Option(names = "--undecoded", description = "Also print blocks of categories without a spec, as hex.")
    boolean undecoded;

    @Option(names = "--quiet", description = "No summary on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        byte[] data;
        try {
            data = input.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(input));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            System.err.println("vigil asterix: cannot read " + input + ": " + e.getMessage());
            return 2;
        }
        AsterixDecoder decoder = new AsterixDecoder();
        if (editions != null) {
            for (String e : editions) {
                String[] kv = e.split("=");
                CategorySpec s = kv.length == 2 && kv[0].trim().matches("[0-9]{1,3}")
                        ? AsterixSpecs.edition(Integer.parseInt(kv[0].trim()), kv[1].trim())
                        : null;
                if (s == null) {
                    System.err.println("vigil asterix: no shipped edition " + e);
                    return 2;
                }
                decoder.use(s);
            }
        }
        Recording.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> Recording.detect(data, data.length);
            case "raw" -> Recording.Format.RAW;
            case "final", "ff" -> Recording.Format.FINAL;
            case "pcap" -> Recording.Format.PCAP;
            default -> null;
        };
        if (f == null) {
            System.err.println("vigil asterix: unknown --format " + format);
            return 2;
        }
        PrintWriter out = new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        StringBuilder line = new StringBuilder(1024);
        int[] packetNo = {0};
        RecordHandler handler = new RecordHandler() {
            @Override
            public void record(AsterixRecord r) {
                Map<String, Object> tree = new LinkedHashMap<>();
                tree.put("cat", r.category());
                tree.putAll(AsterixTree.decode(r));
                line.setLength(0);
                Json.write(line, tree);
                out.println(line);
            }

            @Override
            public void unknownBlock(int category, byte[] buf, int off, int len) {
                if (!undecoded) return;
                line.setLength(0);
                Json.write(line, Map.of("cat", category, "undecoded", AsterixTree.hex(buf, off + 3, len - 3)));
                out.println(line);
            }

            @Override
            public void rejected(int category, Rejection why, int offset) {
                if (why != Rejection.UNKNOWN_CATEGORY) {
                    System.err.printf(
                            "vigil asterix: packet %d CAT%03d: %s at octet %d%n",
                            packetNo[0], category, why.code, offset);
                }
            }
        };
        int framingErrors = Recording.split(data, data.length, f, (packet, buf, off, len) -> {
            packetNo[0] = packet;
            decoder.decode(buf, off, len, handler);
        });
        out.flush();
        if (!quiet) {
            System.err.println("vigil asterix: " + f.name().toLowerCase(java.util.Locale.ROOT) + " " + decoder.stats()
                    + (framingErrors > 0 ? " framing_errors=" + framingErrors : ""));
        }
        long bad = decoder.stats().rejectedTotal() - decoder.stats().rejected(Rejection.UNKNOWN_CATEGORY);
        return bad > 0 || framingErrors > 0 ? 1 : 0;
    }
}
