package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.recording.RawStore;
import org.vigil.server.recording.RawVisitor;
import org.vigil.server.recording.RetentionPolicy;

/**
 * Whatever bytes a journal holds (a damaged recording, a foreign feed name), the replay delivers
 * or counts them through the real decoders and pipeline and never throws.
 */
class RecordReplayFuzzTest {
    static final String[] FEEDS = {"modes:rx", "asterix:radar", "fpl:plans", "other:x"};
    static final List<RadarSite> RADARS = RecordFixture.radars(RecordFixture.scenario());

    /** Records cut from the fuzz input: kind (feed) byte, length byte, payload. */
    @SuppressWarnings("ArrayRecordComponent") // test fixture holding record bytes
    record Rec(String feed, long t, byte[] bytes) {}

    static final class MemoryRaw implements RawStore {
        final List<Rec> recs = new ArrayList<>();

        @Override
        public int feedId(String feedName) {
            return 0;
        }

        @Override
        public boolean append(int feedId, long rx, long data, byte[] b, int off, int len) {
            return false;
        }

        @Override
        public long read(long from, long to, RawVisitor v) {
            long n = 0;
            for (Rec r : recs) {
                n++;
                if (!v.onRaw(r.feed, r.t, r.t, r.bytes, 0, r.bytes.length)) break;
            }
            return n;
        }

        @Override
        public void sync() {}

        @Override
        public long applyRetention(RetentionPolicy policy, long nowNanos) {
            return 0;
        }

        @Override
        public void close() {}
    }

    @FuzzTest(maxDuration = "30s")
    void anyJournalContentReplaysWithoutThrowing(byte[] data) throws Exception {
        MemoryRaw raw = new MemoryRaw();
        long t = RecordFixture.scenario().startEpochSeconds() * 1_000_000_000L;
        for (int i = 0; i + 1 < data.length; ) {
            String feed = FEEDS[(data[i] & 0xff) % FEEDS.length];
            int len = Math.min(data[i + 1] & 0xff, data.length - i - 2);
            raw.recs.add(new Rec(feed, t, Arrays.copyOfRange(data, i + 2, i + 2 + len)));
            t += (data[i] & 0xf0) * 1_000_000L;
            i += 2 + len;
        }
        RecordFixture.Pipeline p = new RecordFixture.Pipeline(RADARS, org.vigil.core.event.EventSink.NONE);
        Replayer.Summary s = Replayer.recording(raw, RADARS, Long.MIN_VALUE, Long.MAX_VALUE, p.sinks());
        p.tracking.finish();
        p.flush();
        assertThat(s.delivered() + s.rejects("skipped")).isEqualTo(raw.recs.size());
    }
}
