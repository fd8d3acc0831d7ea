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
}
