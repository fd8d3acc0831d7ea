package org.vigil.server.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.feed.FrameSink;

/** The picture's owner thread: order, no loss under back-pressure (counted), results and failures. */
class PictureLoopTest {

    @Test
    @Timeout(60)
    void aFullQueueMakesTheFeedWaitCountedAndLosesNothingInOrder() throws Exception {
        List<Long> seen = new ArrayList<>(); // owner thread only
        List<Thread> owners = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        PictureLoop loop = new PictureLoop(4, () -> {});
        loop.start();
        // the owner is held up: the 4 slots fill, the feed thread must wait
        loop.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FrameSink sink = loop.frames((buf, off, len, t, mlat, signal) -> {
            assertThat(buf[off]).isEqualTo((byte) t);
            seen.add(t);
            if (owners.isEmpty()) owners.add(Thread.currentThread());
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread feed = new Thread(() -> {
            try {
                byte[] frame = new byte[14];
                for (long t = 0; t < 10_000; t++) {
                    frame[0] = (byte) t; // the feed reuses its buffer: the loop must have copied it
                    sink.onFrame(frame, 0, 14, t, -1, -1);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        feed.start();
        while (loop.waits() == 0) Thread.sleep(5);
        gate.countDown();
        feed.join();
        long count = loop.call(seen::size);
        assertThat(failure.get()).isNull();
        assertThat(count).isEqualTo(10_000);
        for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i)).isEqualTo(i);
        assertThat(loop.waits()).isPositive();
        assertThat(owners.get(0)).isNotSameAs(feed);
        loop.close();
    }

    @Test
    @Timeout(30)
    void callsReturnOnTheOwnerAndFailuresAreCountedAndRethrown() {
        PictureLoop loop = new PictureLoop(8, () -> {});
        // before start the caller is the owner
        assertThat(loop.call(() -> Thread.currentThread())).isSameAs(Thread.currentThread());
        loop.start();
        Thread owner = loop.call(Thread::currentThread);
        assertThat(owner).isNotSameAs(Thread.currentThread());
        assertThat(owner.getName()).isEqualTo("vigil-picture");
        assertThatThrownBy(() -> loop.runAndWait(() -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        loop.execute(() -> {
            throw new IllegalArgumentException("async");
        });
        loop.runAndWait(() -> {}); // after the failing task: the loop goes on
        assertThat(loop.failures()).isEqualTo(2);
        loop.close();
        // after close the caller owns the picture again
        assertThat(loop.call(Thread::currentThread)).isSameAs(Thread.currentThread());
    }

    @Test
    @Timeout(30)
    void theOwnerPublishesForTheReaders() throws Exception {
        CountDownLatch published = new CountDownLatch(1);
        PictureLoop loop = new PictureLoop(8, published::countDown);
        loop.start();
        loop.execute(() -> {});
        assertThat(published.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        loop.close();
    }

    @Test
    @Timeout(120)
    void decodedMessagesAndPlotsCrossInOrderAsCopiesWithNothingAllocatedPerMessage() throws Exception {
        long[] seen = new long[2]; // owner thread only: messages, plots
        long[] last = {0};
        PictureLoop loop = new PictureLoop(256, () -> {});
        loop.start();
        long[] wrong = new long[1]; // out of order or not the item sent (an AssertionError would end the owner)
        java.util.function.Consumer<org.vigil.codec.modes.ModeSMessage> messages = loop.messages(m -> {
            if (m.timeNanos != last[0] + 1
                    || m.icao != (int) (m.timeNanos & 0xFFFFFF)
                    || m.frame[0] != (byte) m.timeNanos) wrong[0]++;
            last[0] = m.timeNanos;
            seen[0]++;
        });
        java.util.function.Consumer<org.vigil.core.radar.RadarPlot> plots = loop.plots(p -> {
            if (p.timeNanos != last[0] + 1) wrong[0]++;
            last[0] = p.timeNanos;
            seen[1]++;
        });
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] allocated = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                org.vigil.codec.modes.ModeSMessage m = new org.vigil.codec.modes.ModeSMessage();
                org.vigil.core.radar.RadarPlot p = new org.vigil.core.radar.RadarPlot();
                byte[] frame = new byte[14];
                long before = 0;
                int n = 200_000;
                for (long t = 1; t <= n; t++) {
                    if (t == n / 2)
                        before = bean.getThreadAllocatedBytes(
                                Thread.currentThread().getId());
                    if (t % 10 == 0) {
                        p.timeNanos = t;
                        plots.accept(p); // reused by the producer: the loop must have copied it
                    } else {
                        frame[0] = (byte) t;
                        m.timeNanos = t;
                        m.icao = (int) (t & 0xFFFFFF);
                        m.frame = frame;
                        m.frameLength = 14;
                        messages.accept(m);
                    }
                }
                allocated[0] =
                        bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        producer.start();
        producer.join();
        long[] counts = loop.call(() -> new long[] {seen[0], seen[1], wrong[0]});
        loop.close();
        assertThat(failure.get()).isNull();
        assertThat(counts[2]).as("items out of order or changed").isZero();
        assertThat(counts[0]).isEqualTo(180_000);
        assertThat(counts[1]).isEqualTo(20_000);
        // every slot has made its message and plot in the first half: the second allocates nothing per item
        assertThat(allocated[0])
                .as("bytes the producer allocated over 100,000 hand-overs")
                .isLessThan(2_000);
    }
}
