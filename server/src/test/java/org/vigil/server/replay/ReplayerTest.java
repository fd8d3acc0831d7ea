package org.vigil.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayerTest {
    /** Items at the given data times; delivering one appends "name@time" to {@code out}. */
    static class Times implements InputSource {
        private final String name;
        private final long[] times;
        private final List<String> out;
        private int next, count;
        boolean closed;

        Times(String name, List<String> out, long fromNanos, long... times) {
            this.name = name;
            this.times = times;
            this.out = out;
            while (next < times.length && times[next] < fromNanos) next++;
        }

        @Override
        public long peekTime() {
            return next < times.length ? times[next] : Long.MAX_VALUE;
        }

        @Override
        public void deliver() {
            out.add(name + "@" + times[next++]);
            count++;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public String format() {
            return "times";
        }

        @Override
        public long delivered() {
            return count;
        }

        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public Map<String, Long> rejects() {
            return Map.of();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void mergesByDataTimeKeepingEachInputsOrderAndTheFirstListedWinsTies() throws Exception {
        List<String> out = new ArrayList<>();
        Times a = new Times("a", out, Long.MIN_VALUE, 10, 20, 20, 15, 40);
        Times b = new Times("b", out, Long.MIN_VALUE, 5, 20, 30);
        Replayer.Summary s = Replayer.run(List.of(a, b));
        // a's 15 after its 20s: an input's own order is kept where it is not monotonic
        assertThat(out).containsExactly("b@5", "a@10", "a@20", "a@20", "a@15", "b@20", "b@30", "a@40");
        assertThat(s.delivered()).isEqualTo(8);
        assertThat(s.firstNanos()).isEqualTo(5);
        assertThat(s.lastNanos()).isEqualTo(40);
        assertThat(s.sources())
                .extracting(Replayer.SourceSummary::name, Replayer.SourceSummary::delivered)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 5L), org.assertj.core.groups.Tuple.tuple("b", 3L));
        assertThat(a.closed && b.closed).isTrue();
    }

    @Test
    void aJumpClosesTheInputsAndReopensThemAtTheTarget() throws Exception {
        List<String> out = new ArrayList<>();
        List<Long> jumps = new ArrayList<>();
        List<Times> opened = new ArrayList<>();
        ReplayController control = ReplayController.maxSpeed();
        Replayer.Summary s = Replayer.run(
                from -> {
                    Times t = new Times("x", out, from, 1, 2, 3, 4, 5, 6) {
                        @Override
                        public void deliver() {
                            super.deliver();
                            if (out.size() == 2 && jumps.isEmpty()) control.jump(5); // asked while the replay runs
                        }
                    };
                    opened.add(t);
                    return List.of(t);
                },
                Long.MIN_VALUE,
                control,
                jumps::add);
        assertThat(out).containsExactly("x@1", "x@2", "x@5", "x@6");
        assertThat(jumps).containsExactly(5L);
        assertThat(s.jumps()).isEqualTo(1);
        assertThat(s.stopped()).isFalse();
        assertThat(opened).hasSize(2).allMatch(t -> t.closed);
        assertThat(s.sources())
                .singleElement()
                .extracting(Replayer.SourceSummary::delivered)
                .isEqualTo(4L);
    }
}
