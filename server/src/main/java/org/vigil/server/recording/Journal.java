package org.vigil.server.recording;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only raw-input journal: a directory of segment files {@code raw-<index>.vjl}.
 *
 * <p>Segment layout (little-endian): a 32-byte header (magic "VIGLJRN1", version, reserved,
 * segment index, receive time of the first raw record), then records
 * {@code [int payloadLength][int crc32c][payload]}. The CRC32C covers the length field and the
 * payload, so a torn or corrupted length is caught as well as torn bytes. Payload kinds:
 * {@code 1 RAW: u16 feed, i64 receiveNanos, i64 dataNanos, bytes} and
 * {@code 2 FEED: u16 feed, utf8 name}. Every segment starts by declaring all feeds known at its
 * creation, so each segment reads on its own and retention may delete any prefix of segments.
 *
 * <p>Durability: appends go into a heap buffer drained to the OS when full and at every sync. A
 * background thread syncs (drain + fdatasync) every {@code syncInterval}: a process crash loses
 * at most the undrained buffer, a power loss at most one sync interval plus one fsync of input.
 * The fsync runs outside the lock, so appends continue while the disk works (group commit).
 *
 * <p>Invariants: only the last segment can have a torn tail (a segment is forced before the next
 * one is created); on open the last segment is validated record by record and truncated at the
 * first bad record (counted, logged), and appends always go to a fresh segment. One process owns
 * the directory at a time ({@code journal.lock}).
 */
public final class Journal implements RawStore {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    static final long MAGIC = 0x314E524A4C474956L; // "VIGLJRN1" read little-endian
    static final int VERSION = 1;
    static final int HEADER_BYTES = 32;
    static final int RECORD_HEADER = 8;
    static final byte KIND_RAW = 1;
    static final byte KIND_FEED = 2;
    static final int RAW_FIXED = 1 + 2 + 8 + 8;
    static final int MAX_FEED_NAME_BYTES = 255;
    static final int MAX_PAYLOAD = RAW_FIXED + MAX_RAW_BYTES;
    static final int MAX_FEEDS = 65_536;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** One segment file; {@code bytes} is final for closed segments, growing for the active one. */
    private static final class Segment {
        final Path path;
        final long firstReceiveNanos;
        long bytes;

        Segment(Path path, long firstReceiveNanos, long bytes) {
            this.path = path;
            this.firstReceiveNanos = firstReceiveNanos;
            this.bytes = bytes;
        }
    }

    private final Path dir;
    private final JournalConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final byte[] buf;
    private final ByteBuffer bufView;
    private int bufLen;
    private final CRC32C crc = new CRC32C();
    private final ArrayList<Segment> segments = new ArrayList<>();
    private final HashMap<String, Integer> feedIds = new HashMap<>();
    private final ArrayList<String> feedNames = new ArrayList<>();
    private final ScheduledExecutorService syncer;

    private FileChannel active;
    private Segment activeSegment;
    private long nextIndex;
    private long lastReceiveNanos = Long.MIN_VALUE;
    private boolean closed;

    // Counters, written under the lock; read through stats().
    private long appended;
    private long durable;
    private long syncs;
    private long rejectedMalformed;
    private long rejectedOversize;
    private long rejectedUnknownFeed;
    private long rejectedClosed;
    private long writeFailures;
    private long receiveTimeRegressions;
    private long tornTailsTruncated;
    private long tornBytesDiscarded;
    private long corruptRecordsSkipped;
    private long segmentsDeleted;
    private long bytesDeleted;

    private Journal(Path dir, JournalConfig config) throws IOException {
        this.dir = dir;
        this.config = config;
        Files.createDirectories(dir);
        lockChannel =
                FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null; // held by this same process
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (l == null) {
            lockChannel.close();
            throw new IOException("raw journal " + dir + " is in use by another process");
        }
        lock = l;
        buf = new byte[config.writeBufferBytes()];
        bufView = ByteBuffer.wrap(buf);
        try {
            recover();
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
        if (config.syncInterval().isZero() || config.syncInterval().isNegative()) {
            syncer = null;
        } else {
            syncer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "journal-sync");
                t.setDaemon(true);
                return t;
            });
            long every = config.syncInterval().toNanos();
            var unused = // the task catches and logs its own failures; the executor is shut down on close
                    syncer.scheduleAtFixedRate(this::backgroundSync, every, every, TimeUnit.NANOSECONDS);
        }
    }

    /** Opens (recovering) or creates the journal in {@code dir}. */
    public static Journal open(Path dir, JournalConfig config) throws IOException {
        return new Journal(dir, config);
    }

    // ---------------------------------------------------------------- recovery

    private void recover() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "raw-*.vjl")) {
            for (Path p : ds) {
                if (parseIndex(p) >= 0) {
                    files.add(p);
                }
            }
        }
        files.sort((a, b) -> Long.compare(parseIndex(a), parseIndex(b)));
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            boolean last = i == files.size() - 1;
            long index = parseIndex(p);
            nextIndex = Math.max(nextIndex, index + 1);
            long size = Files.size(p);
            long first = readHeader(p, index, size);
            if (first == Long.MIN_VALUE) {
                if (last) {
                    // created but its header never reached the disk: nothing in it was ever synced
                    tornTailsTruncated++;
                    tornBytesDiscarded += size;
                    LOG.warn("raw journal: segment {} has a torn header ({} bytes), deleted", p.getFileName(), size);
                    Files.delete(p);
                } else {
                    corruptRecordsSkipped++;
                    String what;
                    try {
                        what = "raw journal segment " + p.getFileName() + " has a bad header: moved to "
                                + quarantine(p);
                    } catch (IOException e) {
                        what = "raw journal segment " + p.getFileName() + " has a bad header: not read ("
                                + e.getMessage() + ")";
                    }
                    LOG.error("{}", what);
                    damageAtOpen.add(what);
                }
                continue;
            }
            Segment s = new Segment(p, first, size);
            if (last) {
                s.bytes = validateTail(s);
            }
            segments.add(s);
        }
    }

    /** Findings of the recovery at open, handed to {@link #reportDamageTo}. */
    private final List<String> damageAtOpen = new ArrayList<>();

    /** Moves a damaged file into {@code quarantine/} beside it (kept for analysis, out of the way). */
    private static Path quarantine(Path p) throws IOException {
        Path dir = Files.createDirectories(p.resolveSibling("quarantine"));
        Path aside = dir.resolve(p.getFileName() + "." + System.currentTimeMillis() + ".damaged");
        Files.move(p, aside);
        return p.getParent().relativize(aside);
    }

    static long parseIndex(Path p) {
        String n = p.getFileName().toString();
        if (!n.startsWith("raw-") || !n.endsWith(".vjl")) {
            return -1;
        }
        try {
            return Long.parseLong(n.substring(4, n.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** First receive time from the header, or Long.MIN_VALUE if the header is absent or bad. */
    private static long readHeader(Path p, long index, long size) throws IOException {
        if (size < HEADER_BYTES) {
            return Long.MIN_VALUE;
        }
        byte[] h = new byte[HEADER_BYTES];
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(h);
            while (bb.hasRemaining() && ch.read(bb) >= 0) {
                // keep reading
            }
        }
        if ((long) LONG.get(h, 0) != MAGIC || (int) INT.get(h, 8) != VERSION || (long) LONG.get(h, 16) != index) {
            return Long.MIN_VALUE;
        }
        return (long) LONG.get(h, 24);
    }

    /**
     * Walks the last segment; truncates it at the first record that is incomplete or fails its CRC
     * and rebuilds the feed table and last receive time from it. Returns the valid length.
     */
    private long validateTail(Segment s) throws IOException {
        long[] validEnd = {HEADER_BYTES};
        scan(
                s.path,
                s.bytes,
                (kind, b, off, len) -> {
                    if (kind == KIND_FEED) {
                        int id = Short.toUnsignedInt((short) SHORT.get(b, off + 1));
                        String name = new String(b, off + 3, len - 3, StandardCharsets.UTF_8);
                        while (feedNames.size() <= id) {
                            feedNames.add(null);
                        }
                        feedNames.set(id, name);
                        feedIds.put(name, id);
                    } else {
                        lastReceiveNanos = Math.max(lastReceiveNanos, (long) LONG.get(b, off + 3));
                    }
                    return true;
                },
                validEnd);
        if (validEnd[0] < s.bytes) {
            long torn = s.bytes - validEnd[0];
            try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.WRITE)) {
                ch.truncate(validEnd[0]);
                ch.force(true);
            }
            tornTailsTruncated++;
            tornBytesDiscarded += torn;
            LOG.warn(
                    "raw journal: torn tail in {}: {} bytes after offset {} failed length/CRC checks, truncated",
                    s.path.getFileName(),
                    torn,
                    validEnd[0]);
        }
        return validEnd[0];
    }

    @FunctionalInterface
    private interface RecordHandler {
        /** payload is b[off, off+len); return false to stop. */
        boolean onRecord(byte kind, byte[] b, int off, int len) throws IOException;
    }

    /**
     * Reads the valid records of one segment up to {@code limit} bytes. Stops at the first record
     * that is incomplete, has an impossible length or kind, or fails its CRC; {@code validEnd[0]}
     * is then the offset where valid data ends. Returns false if the handler stopped the scan.
     */
    private static boolean scan(Path p, long limit, RecordHandler h, long[] validEnd) throws IOException {
        try (SegmentScanner s = new SegmentScanner(p, limit, new byte[1 << 20])) {
            while (s.next()) {
                if (!h.onRecord(s.kind, s.buf, s.off, s.len)) {
                    validEnd[0] = s.validEnd;
                    return false;
                }
            }
            validEnd[0] = s.validEnd;
            return true;
        }
    }

    /**
     * The record reader of one segment, pulled one record at a time: after {@link #next} returns
     * true the record's payload is {@code buf[off, off+len)} of kind {@link #kind}, valid until the
     * next call. It ends at the first record that is incomplete, has an impossible length, fails its
     * CRC or is of an unknown kind; {@link #validEnd} is then the offset where valid data ends.
     */
    private static final class SegmentScanner implements AutoCloseable {
        final byte[] buf;
        private final ByteBuffer bb;
        private final CRC32C crc = new CRC32C();
        private final FileChannel ch;
        private final long limit;
        private long filePos = HEADER_BYTES; // file offset of buf[0]
        private int have;
        private int pos;
        private int advance;
        private boolean eof;
        private boolean done;
        long validEnd = HEADER_BYTES;
        byte kind;
        int off;
        int len;

        SegmentScanner(Path p, long limit, byte[] buffer) throws IOException {
            this(p, limit, buffer, HEADER_BYTES);
        }

        /** A scanner that starts at {@code start}, the offset of a record (after damage: {@link #nextRecord}). */
        SegmentScanner(Path p, long limit, byte[] buffer, long start) throws IOException {
            this.buf = buffer;
            this.bb = ByteBuffer.wrap(buffer);
            this.limit = limit;
            this.ch = FileChannel.open(p, StandardOpenOption.READ);
            this.filePos = start;
            this.validEnd = start;
        }

        boolean next() throws IOException {
            if (done) {
                return false;
            }
            pos += advance;
            advance = 0;
            while (true) {
                if (have - pos < RECORD_HEADER || have - pos < RECORD_HEADER + payloadLen(buf, pos, have)) {
                    if (eof) {
                        done = true;
                        return false; // incomplete record (or clean end) at validEnd
                    }
                    // compact and refill
                    System.arraycopy(buf, pos, buf, 0, have - pos);
                    filePos += pos;
                    have -= pos;
                    pos = 0;
                    long want = Math.min(buf.length - have, limit - (filePos + have));
                    if (want <= 0) {
                        eof = true;
                        continue;
                    }
                    bb.clear().position(have).limit(have + (int) want);
                    int n = ch.read(bb, filePos + have);
                    if (n <= 0) {
                        eof = true;
                    } else {
                        have += n;
                    }
                    continue;
                }
                int l = (int) INT.get(buf, pos);
                if (l < 3 || l > MAX_PAYLOAD) {
                    done = true;
                    return false; // impossible length: torn or corrupt from here
                }
                crc.reset();
                crc.update(buf, pos, 4);
                crc.update(buf, pos + RECORD_HEADER, l);
                if ((int) crc.getValue() != (int) INT.get(buf, pos + 4)) {
                    done = true;
                    return false;
                }
                byte k = buf[pos + RECORD_HEADER];
                if (k == KIND_RAW ? l < RAW_FIXED : k != KIND_FEED) {
                    done = true;
                    return false;
                }
                validEnd = filePos + pos + RECORD_HEADER + l;
                kind = k;
                off = pos + RECORD_HEADER;
                len = l;
                advance = RECORD_HEADER + l;
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    /**
     * The offset of the first valid record at or after {@code from} (plausible length, kind and a
     * matching CRC32C: a false match takes a 1 in 2^32 coincidence), or -1 when none is before
     * {@code limit}.
     */
    static long nextRecord(Path p, long from, long limit) throws IOException {
        if (limit - from < RECORD_HEADER + 3) {
            return -1;
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long end = Math.min(limit, Integer.MAX_VALUE); // segments are far smaller
            ByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, end).order(ByteOrder.LITTLE_ENDIAN);
            CRC32C c = new CRC32C();
            for (long at = from; at + RECORD_HEADER + 3 <= end; at++) {
                int pos = (int) at;
                int l = m.getInt(pos);
                if (l < 3 || l > MAX_PAYLOAD || at + RECORD_HEADER + l > end) {
                    continue;
                }
                byte k = m.get(pos + RECORD_HEADER);
                if (k == KIND_RAW ? l < RAW_FIXED : k != KIND_FEED) {
                    continue;
                }
                c.reset();
                c.update(m.duplicate()
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .position(pos)
                        .limit(pos + 4));
                c.update(m.duplicate()
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .position(pos + RECORD_HEADER)
                        .limit(pos + RECORD_HEADER + l));
                if ((int) c.getValue() == m.getInt(pos + 4)) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** Where damage found while reading is reported (besides the log and the counters); null: nowhere. */
    private volatile StorageDamage damage;

    private long corruptBytesSkipped;

    /** Reports damage met while reading (corrupt regions skipped, unreadable segments) to {@code damage}. */
    public void reportDamageTo(StorageDamage damage) {
        this.damage = damage;
        synchronized (this) {
            for (String s : damageAtOpen) {
                damage.report(s);
            }
        }
    }

    private void reportDamage(String what) {
        StorageDamage d = damage;
        if (d != null) {
            d.report(what);
        }
    }

    /** Bytes skipped as corrupt while reading, since open. */
    public synchronized long corruptBytesSkipped() {
        return corruptBytesSkipped;
    }

    private static int payloadLen(byte[] b, int pos, int have) {
        if (have - pos < 4) {
            return 0;
        }
        int len = (int) INT.get(b, pos);
        return len < 0 || len > MAX_PAYLOAD ? 0 : len;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public synchronized int feedId(String feedName) {
        Integer id = feedIds.get(feedName);
        if (id != null) {
            return id;
        }
        if (feedName == null
                || feedName.isEmpty()
                || feedName.getBytes(StandardCharsets.UTF_8).length > MAX_FEED_NAME_BYTES
                || feedNames.size() >= MAX_FEEDS
                || closed) {
            rejectedMalformed++;
            return -1;
        }
        int newId = feedNames.size();
        feedNames.add(feedName);
        feedIds.put(feedName, newId);
        if (active != null) {
            try {
                putFeed(newId, feedName);
            } catch (IOException e) {
                writeFailures++;
                LOG.error("raw journal: cannot declare feed {}: {}", feedName, e.toString());
            }
        }
        return newId;
    }

    @Override
    public synchronized boolean append(
            int feedId, long receiveNanos, long dataNanos, byte[] bytes, int offset, int length) {
        if (closed) {
            rejectedClosed++;
            return false;
        }
        if (bytes == null || offset < 0 || length < 0 || length > bytes.length - offset) {
            rejectedMalformed++;
            return false;
        }
        if (length > MAX_RAW_BYTES) {
            rejectedOversize++;
            return false;
        }
        if (feedId < 0 || feedId >= feedNames.size() || feedNames.get(feedId) == null) {
            rejectedUnknownFeed++;
            return false;
        }
        int payload = RAW_FIXED + length;
        int total = RECORD_HEADER + payload;
        try {
            if (active == null || activeSegment.bytes + bufLen + total > config.segmentBytes()) {
                roll(receiveNanos);
            }
            if (buf.length - bufLen < total) {
                drain();
            }
            int p = bufLen + RECORD_HEADER;
            buf[p] = KIND_RAW;
            SHORT.set(buf, p + 1, (short) feedId);
            LONG.set(buf, p + 3, receiveNanos);
            LONG.set(buf, p + 11, dataNanos);
            System.arraycopy(bytes, offset, buf, p + RAW_FIXED, length);
            seal(payload);
        } catch (IOException e) {
            writeFailures++;
            if (writeFailures == 1 || Long.bitCount(writeFailures) == 1) {
                LOG.error("raw journal: write failed ({} so far): {}", writeFailures, e.toString());
            }
            return false;
        }
        if (receiveNanos < lastReceiveNanos) {
            receiveTimeRegressions++;
        } else {
            lastReceiveNanos = receiveNanos;
        }
        appended++;
        if (syncer == null) {
            try {
                drain();
                active.force(false);
                durable = appended;
                syncs++;
            } catch (IOException e) {
                writeFailures++;
                return false;
            }
        }
        return true;
    }

    /** Writes length and CRC for the payload already placed at bufLen + 8 and commits it to the buffer. */
    private void seal(int payload) {
        INT.set(buf, bufLen, payload);
        crc.reset();
        crc.update(buf, bufLen, 4);
        crc.update(buf, bufLen + RECORD_HEADER, payload);
        INT.set(buf, bufLen + 4, (int) crc.getValue());
        bufLen += RECORD_HEADER + payload;
    }

    private void putFeed(int id, String name) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int payload = 3 + n.length;
        if (buf.length - bufLen < RECORD_HEADER + payload) {
            drain();
        }
        int p = bufLen + RECORD_HEADER;
        buf[p] = KIND_FEED;
        SHORT.set(buf, p + 1, (short) id);
        System.arraycopy(n, 0, buf, p + 3, n.length);
        seal(payload);
    }

    /** Closes the active segment durably and starts the next one, declaring all feeds. */
    private void roll(long firstReceiveNanos) throws IOException {
        closeActive();
        long index = nextIndex++;
        Path p = dir.resolve(String.format("raw-%020d.vjl", index));
        active = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        activeSegment = new Segment(p, firstReceiveNanos, 0);
        segments.add(activeSegment);
        LONG.set(buf, 0, MAGIC);
        INT.set(buf, 8, VERSION);
        INT.set(buf, 12, 0);
        LONG.set(buf, 16, index);
        LONG.set(buf, 24, firstReceiveNanos);
        bufLen = HEADER_BYTES;
        for (int i = 0; i < feedNames.size(); i++) {
            if (feedNames.get(i) != null) {
                putFeed(i, feedNames.get(i));
            }
        }
    }

    private void closeActive() throws IOException {
        if (active == null) {
            return;
        }
        drain();
        active.force(false);
        durable = appended;
        active.close();
        active = null;
        activeSegment = null;
    }

    /** Hands the buffer to the OS (survives a process crash, not yet a power loss). */
    private void drain() throws IOException {
        if (bufLen == 0 || active == null) {
            return;
        }
        bufView.clear().limit(bufLen);
        while (bufView.hasRemaining()) {
            active.write(bufView);
        }
        activeSegment.bytes += bufLen;
        bufLen = 0;
    }

    @Override
    public void sync() throws IOException {
        FileChannel ch;
        long upTo;
        synchronized (this) {
            if (closed) {
                return;
            }
            drain();
            ch = active;
            upTo = appended;
        }
        if (ch != null) {
            try {
                ch.force(false); // outside the lock: appends go on while the disk works
            } catch (ClosedChannelException e) {
                // rolled or closed meanwhile, which forced it
            }
        }
        synchronized (this) {
            durable = Math.max(durable, upTo);
            syncs++;
        }
    }

    private void backgroundSync() {
        try {
            sync();
        } catch (IOException e) {
            synchronized (this) {
                writeFailures++;
            }
            LOG.error("raw journal: sync failed: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("raw journal: sync failed", e);
        }
    }

    // ---------------------------------------------------------------- reading

    @Override
    public long read(long fromNanos, long toNanos, RawVisitor visitor) throws IOException {
        long count = 0;
        try (RawCursor c = cursor(fromNanos, toNanos)) {
            while (c.next()) {
                count++;
                if (!visitor.onRaw(c.feed(), c.receiveNanos(), c.dataNanos(), c.bytes(), c.offset(), c.length())) {
                    break;
                }
            }
        }
        return count;
    }

    /**
     * Reads raw inputs with receive time in [fromNanos, toNanos) in receive order, one at a time, over
     * the segments present now (records appended later are not seen). A segment deleted by retention
     * while it waits is skipped; a corrupt tail is counted and logged as the cursor passes it.
     */
    @Override
    public RawCursor cursor(long fromNanos, long toNanos) throws IOException {
        List<Segment> snapshot;
        long[] limits;
        synchronized (this) {
            drain();
            snapshot = new ArrayList<>(segments);
            limits = new long[snapshot.size()];
            for (int i = 0; i < limits.length; i++) {
                limits[i] = snapshot.get(i).bytes;
            }
        }
        int start = 0;
        for (int i = 0; i < snapshot.size(); i++) {
            if (snapshot.get(i).firstReceiveNanos <= fromNanos) {
                start = i;
            }
        }
        return new Cursor(snapshot, limits, start, fromNanos, toNanos);
    }

    private final class Cursor implements RawCursor {
        private final List<Segment> segments;
        private final long[] limits;
        private final long fromNanos;
        private final long toNanos;
        private final byte[] buffer = new byte[1 << 20];
        private String[] names = new String[64];
        private int segment;
        private SegmentScanner scanner;
        private boolean ended;
        private String feed;
        private long receiveNanos;
        private long dataNanos;
        private int offset;
        private int length;

        Cursor(List<Segment> segments, long[] limits, int start, long fromNanos, long toNanos) {
            this.segments = segments;
            this.limits = limits;
            this.segment = start;
            this.fromNanos = fromNanos;
            this.toNanos = toNanos;
        }

        @Override
        public boolean next() throws IOException {
            while (!ended) {
                if (scanner == null) {
                    if (segment >= segments.size() || segments.get(segment).firstReceiveNanos >= toNanos) {
                        ended = true;
                        break;
                    }
                    try {
                        scanner = new SegmentScanner(segments.get(segment).path, limits[segment], buffer);
                    } catch (NoSuchFileException e) {
                        segment++; // deleted by retention while we read
                        continue;
                    }
                }
                if (!scanner.next()) {
                    long bad = scanner.validEnd;
                    scanner.close();
                    scanner = null;
                    if (bad < limits[segment]) {
                        // Damage: resume at the next valid record, so one bad spot costs only itself.
                        Path p = segments.get(segment).path;
                        long resume = nextRecord(p, bad + 1, limits[segment]);
                        long skipped = (resume < 0 ? limits[segment] : resume) - bad;
                        synchronized (Journal.this) {
                            corruptRecordsSkipped++;
                            corruptBytesSkipped += skipped;
                        }
                        String what = "raw journal " + p.getFileName() + ": " + skipped + " corrupt bytes at offset "
                                + bad + " skipped"
                                + (resume < 0 ? " (to the end of the segment)" : ", reading resumed after them");
                        LOG.error("{}", what);
                        reportDamage(what);
                        if (resume >= 0) {
                            scanner = new SegmentScanner(p, limits[segment], buffer, resume);
                            continue;
                        }
                    }
                    segment++;
                    continue;
                }
                byte[] b = scanner.buf;
                int off = scanner.off;
                int id = Short.toUnsignedInt((short) SHORT.get(b, off + 1));
                if (scanner.kind == KIND_FEED) {
                    if (id >= names.length) {
                        names = java.util.Arrays.copyOf(names, Math.max(id + 1, names.length * 2));
                    }
                    names[id] = new String(b, off + 3, scanner.len - 3, StandardCharsets.UTF_8);
                    continue;
                }
                long rx = (long) LONG.get(b, off + 3);
                if (rx < fromNanos) {
                    continue;
                }
                if (rx >= toNanos) {
                    close();
                    break;
                }
                feed = id < names.length ? names[id] : null;
                receiveNanos = rx;
                dataNanos = (long) LONG.get(b, off + 11);
                offset = off + RAW_FIXED;
                length = scanner.len - RAW_FIXED;
                return true;
            }
            return false;
        }

        @Override
        public String feed() {
            return feed;
        }

        @Override
        public long receiveNanos() {
            return receiveNanos;
        }

        @Override
        public long dataNanos() {
            return dataNanos;
        }

        @Override
        public byte[] bytes() {
            return buffer;
        }

        @Override
        public int offset() {
            return offset;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public void close() throws IOException {
            ended = true;
            if (scanner != null) {
                scanner.close();
                scanner = null;
            }
        }
    }

    // ---------------------------------------------------------------- retention

    @Override
    public synchronized long applyRetention(RetentionPolicy policy, long nowNanos) throws IOException {
        long cutoff = policy.ageCutoffNanos(nowNanos);
        long deleted = 0;
        long total = 0;
        for (Segment s : segments) {
            total += s.bytes;
        }
        // a segment is old when the next one started before the cut-off; the active one always stays
        while (segments.size() > 1) {
            Segment oldest = segments.get(0);
            boolean tooOld = segments.get(1).firstReceiveNanos < cutoff;
            boolean tooBig = policy.maxJournalBytes() > 0 && total > policy.maxJournalBytes();
            if ((!tooOld && !tooBig) || oldest == activeSegment) {
                break;
            }
            Files.deleteIfExists(oldest.path);
            segments.remove(0);
            total -= oldest.bytes;
            deleted += oldest.bytes;
            segmentsDeleted++;
        }
        bytesDeleted += deleted;
        return deleted;
    }

    // ---------------------------------------------------------------- state

    /** Counters for metrics and tests. */
    public synchronized JournalStats stats() {
        long bytes = bufLen;
        for (Segment s : segments) {
            bytes += s.bytes;
        }
        return new JournalStats(
                appended,
                durable,
                syncs,
                rejectedMalformed,
                rejectedOversize,
                rejectedUnknownFeed,
                rejectedClosed,
                writeFailures,
                receiveTimeRegressions,
                tornTailsTruncated,
                tornBytesDiscarded,
                corruptRecordsSkipped,
                segments.size(),
                bytes,
                segmentsDeleted,
                bytesDeleted,
                lastReceiveNanos);
    }

    /**
     * Hands everything appended so far to the operating system (one write(), no fsync): it then
     * survives a crash of this process, though not a power loss. The recorder calls this before it
     * commits events, so that an event on disk never refers to raw input a kill -9 could lose
     * (restart regenerates events from the raw input: docs/REPLAY.md).
     */
    public synchronized void flushToOs() throws IOException {
        if (!closed) {
            drain();
        }
    }

    /** Receive time at which the oldest segment still kept starts, or Long.MIN_VALUE if none. */
    public synchronized long firstReceiveNanos() {
        return segments.isEmpty() ? Long.MIN_VALUE : segments.get(0).firstReceiveNanos;
    }

    /** Receive time of the newest record (recovered or appended), or Long.MIN_VALUE if none. */
    public synchronized long lastReceiveNanos() {
        return lastReceiveNanos;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        if (syncer != null) {
            syncer.shutdown();
            try {
                syncer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                closeActive();
            } finally {
                lock.release();
                lockChannel.close();
            }
        }
    }
}
