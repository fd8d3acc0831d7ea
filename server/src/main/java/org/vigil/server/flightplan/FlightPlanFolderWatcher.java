package org.vigil.server.flightplan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.server.feed.Feed;
import org.vigil.server.feed.FeedKind;
import org.vigil.server.feed.FeedSource;
import org.vigil.server.feed.FeedStatus;

/**
 * {@code vigil run --flightplans DIR}: a folder where an ATS system (or an operator) drops files of
 * ICAO ATS messages ({@code *.txt}, {@code *.fpl}). The files there at start are read first, then
 * every new or modified one. Valid messages are applied (a modified file is applied again whole:
 * a re-filed FPL replaces its plan); each bad message is counted by item on the feed row
 * ({@code /api/feeds}, rejects {@code item_13} ...) and logged with file, message, item and reason.
 *
 * <p>A file is read once it has been quiet for {@link #SETTLE_MILLIS} (no new event and the same
 * size and modification time), so a file still being written is not read half-way. The watch
 * service is polled, so {@link #stop()} ends the thread within one poll.
 */
public final class FlightPlanFolderWatcher extends FeedSource {
    private static final Logger LOG = LoggerFactory.getLogger(FlightPlanFolderWatcher.class);
    /** Quiet time before a changed file is read. */
    static final long SETTLE_MILLIS = 300;

    private static final long POLL_MILLIS = 100;
    /** Journal name of the texts read from the folder (when recording). */
    static final String SOURCE = "folder";
    /** Larger files are not flight plans; refused whole (counted as too_long). */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final Path dir;
    private final FlightPlanIntake intake;
    private volatile String state = "new";
    private volatile String lastError;
    private volatile WatchService watcher;
    private final AtomicLong filesRead = new AtomicLong();
    private final AtomicLong messagesApplied = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong unreadableFiles = new AtomicLong();
    private final AtomicLong symlinksRefused = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();
    private volatile long lastFileNanos = -1;
    /** Rejected messages by item ("item_13"), in first-seen order. */
    private final Map<String, AtomicLong> rejects = new ConcurrentHashMap<>();
    /** Modification time and size of each file when last read: a repeated event for the same content is skipped. */
    private final Map<Path, String> readVersions = new HashMap<>();

    public FlightPlanFolderWatcher(String name, Path dir, FlightPlanIntake intake) {
        super(new Feed(name, FeedKind.FILE, dir.toString(), null), null);
        this.dir = dir;
        this.intake = intake;
    }

    /** Fails fast on a folder that is not there, on the caller's thread. */
    @Override
    protected void beforeStart() {
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException("flight plan folder " + dir + " is not a directory");
    }

    @Override
    protected void runFeed() {
        try (WatchService ws = dir.getFileSystem().newWatchService()) {
            watcher = ws;
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            state = "watching";
            // registered before the scan: a file dropped meanwhile is seen by one or the other (or both: skipped once
            // read)
            Map<Path, Long> pending = new LinkedHashMap<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path p : files) if (isPlanFile(p)) readFile(p);
            }
            while (running()) {
                WatchKey key = ws.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (key != null) {
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                            // events lost: look at every file again (unchanged ones are skipped)
                            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                                for (Path p : files) if (isPlanFile(p)) pending.put(p, now);
                            }
                            continue;
                        }
                        Path p = dir.resolve((Path) e.context());
                        if (isPlanFile(p)) pending.put(p, now);
                    }
                    if (!key.reset()) {
                        lastError = "folder " + dir + " is no longer accessible";
                        state = "failed";
                        return;
                    }
                }
                for (Iterator<Map.Entry<Path, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Path, Long> e = it.next();
                    if (now - e.getValue() >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
                        it.remove();
                        readFile(e.getKey());
                    }
                }
            }
        } catch (ClosedWatchServiceException e) {
            // stop() closed it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            lastError = "cannot watch " + dir + ": " + e.getMessage();
            state = "failed";
            LOG.warn("flight plan folder {}: {}", dir, e.toString());
            return;
        }
        state = "closed";
    }

    @Override
    protected void wakeUp() {
        WatchService ws = watcher;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException ignored) {
                // closing only wakes the reader
            }
        }
    }

    private static boolean isPlanFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".txt") || n.endsWith(".fpl")) && !n.startsWith(".");
    }

    /** Reads, parses and applies one file; every failure is counted and logged, nothing thrown. */
    private void readFile(Path p) {
        String version;
        byte[] bytes;
        try {
            if (Files.isSymbolicLink(p)) {
                // A link could make us read any file the server may read (and show it in rejections).
                if (readVersions.put(p, "symlink") == null) {
                    symlinksRefused.incrementAndGet();
                    LOG.warn("flight plan file {} refused: a symbolic link", p.getFileName());
                }
                return;
            }
            if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return; // deleted or renamed
            FileTime mtime = Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            long size = Files.size(p);
            version = mtime.toMillis() + "/" + size;
            if (version.equals(readVersions.get(p))) return; // same content already applied
            if (size > MAX_FILE_BYTES) {
                tooLarge.incrementAndGet();
                readVersions.put(p, version);
                LOG.warn("flight plan file {} refused: {} bytes, more than {}", p.getFileName(), size, MAX_FILE_BYTES);
                return;
            }
            bytes = readNoFollow(p);
        } catch (IOException e) {
            unreadableFiles.incrementAndGet();
            lastError = "cannot read " + p.getFileName() + ": " + e.getMessage();
            LOG.warn("flight plan file {} unreadable: {}", p.getFileName(), e.toString());
            return;
        }
        readVersions.put(p, version);
        // ISO-8859-1 never fails to decode; AFTN/AMHS texts are ASCII, a stray byte then shows up in a rejection
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // counted before the plans are applied, so whoever sees the plans sees the file counted
        filesRead.incrementAndGet();
        bytesRead.addAndGet(bytes.length);
        List<FplParseResult> parsed = intake.parse(text);
        FlightPlanIntake.Batch batch = intake.applyValid(SOURCE, text, parsed);
        messagesApplied.addAndGet(batch.applied());
        lastFileNanos = System.currentTimeMillis() * 1_000_000L;
        for (FlightPlanIntake.MessageResult r : batch.results()) {
            if (!r.rejected()) continue;
            String item = r.error().startsWith("item ")
                    ? r.error()
                            .substring(
                                    5,
                                    r.error().indexOf(':') < 0
                                            ? r.error().length()
                                            : r.error().indexOf(':'))
                    : "?";
            rejects.computeIfAbsent("item_" + item, k -> new AtomicLong()).incrementAndGet();
            LOG.warn("flight plan file {} message {} rejected: {}", p.getFileName(), r.message(), r.error());
        }
        if (parsed.isEmpty()) LOG.warn("flight plan file {}: no ATS message in it", p.getFileName());
        else
            LOG.info(
                    "flight plan file {}: {} applied, {} rejected", p.getFileName(), batch.applied(), batch.rejected());
    }

    /**
     * Reads a file refusing a symbolic link even if one replaced the file since it was checked
     * (O_NOFOLLOW), at most {@link #MAX_FILE_BYTES}.
     */
    private static byte[] readNoFollow(Path p) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(
                p, java.util.Set.of(java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64 * 1024);
            while (ch.read(b) > 0 || b.position() > 0) {
                out.write(b.array(), 0, b.position());
                b.clear();
                if (out.size() > MAX_FILE_BYTES) {
                    throw new IOException("grew past " + MAX_FILE_BYTES + " bytes while read");
                }
            }
            return out.toByteArray();
        }
    }

    /** Symbolic links found in the folder and not followed. */
    public long symlinksRefused() {
        return symlinksRefused.get();
    }

    /** Files read so far (the initial scan and every change). */
    public long filesRead() {
        return filesRead.get();
    }

    /** Messages applied to the plan store so far. */
    public long messagesApplied() {
        return messagesApplied.get();
    }

    /** Messages rejected so far, all items together. */
    public long messagesRejected() {
        long n = 0;
        for (AtomicLong v : rejects.values()) n += v.get();
        return n;
    }

    @Override
    public FeedStatus status() {
        Map<String, Long> r = new LinkedHashMap<>();
        rejects.forEach((k, v) -> r.put(k, v.get()));
        r.put("too_long", tooLarge.get());
        Map<String, Long> skips = new LinkedHashMap<>();
        skips.put("unreadable_file", unreadableFiles.get());
        skips.put("symlink_refused", symlinksRefused.get());
        return new FeedStatus(
                feed.name(),
                "folder",
                dir.toString(),
                "icao-fpl",
                state,
                messagesApplied.get(),
                bytesRead.get(),
                r,
                skips,
                filesRead.get(),
                0,
                0,
                0,
                lastFileNanos,
                lastError);
    }
}
