package org.vigil.server.replay;

/**
 * Paces a running {@link Replayer} and drives it from another thread (the console's time slider, a
 * command line): speed, pause and resume, jump to a data time, stop. All methods are thread-safe
 * and take effect at the next input the replay delivers.
 *
 * <p>Speed: data seconds per wall second (1 = as recorded); {@link #MAX_SPEED} (0) means as fast
 * as possible. Pacing follows the inputs' data time, measured from the point where the speed was
 * last set or the replay last resumed or jumped, so a change of speed never makes it race to catch up.
 */
public final class ReplayController {
    public static final double MAX_SPEED = 0;

    private double speed;
    private boolean paused;
    private boolean stopped;
    private long jumpTo = Long.MIN_VALUE;
    private long position = Long.MIN_VALUE;
    /** Pacing anchor: data time and wall time (System.nanoTime) that correspond. */
    private long anchorData = Long.MIN_VALUE;

    private long anchorWall;

    public ReplayController(double speed) {
        setSpeed(speed);
    }

    /** As fast as possible, never paused. */
    public static ReplayController maxSpeed() {
        return new ReplayController(MAX_SPEED);
    }

    public synchronized void setSpeed(double s) {
        if (!(s >= 0) || Double.isInfinite(s)) throw new IllegalArgumentException("speed must be >= 0: " + s);
        speed = s;
        anchorData = Long.MIN_VALUE;
        notifyAll();
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        anchorData = Long.MIN_VALUE;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** Continues the replay from data time {@code nanos} (before or after the current position). */
    public synchronized void jump(long nanos) {
        jumpTo = nanos;
        anchorData = Long.MIN_VALUE;
        notifyAll();
    }

    /** Ends the replay after the current input. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    /** Data time of the last input delivered (Long.MIN_VALUE before the first). */
    public synchronized long position() {
        return position;
    }

    /** The pending jump target, cleared by this call; Long.MIN_VALUE if none. */
    synchronized long takeJump() {
        long j = jumpTo;
        jumpTo = Long.MIN_VALUE;
        return j;
    }

    synchronized boolean jumpPending() {
        return jumpTo != Long.MIN_VALUE;
    }

    /**
     * Called by the replay before delivering an input of data time {@code dataNanos}: waits while
     * paused and until the input is due at the current speed.
     * @return false if the replay must stop reading here (stopped, or a jump is pending)
     */
    synchronized boolean awaitDue(long dataNanos) throws InterruptedException {
        while (true) {
            if (stopped || jumpTo != Long.MIN_VALUE) return false;
            if (paused) {
                wait();
                continue;
            }
            if (speed == MAX_SPEED) break;
            long now = System.nanoTime();
            if (anchorData == Long.MIN_VALUE) {
                anchorData = dataNanos;
                anchorWall = now;
            }
            long due = anchorWall + (long) ((dataNanos - anchorData) / speed);
            long waitNanos = due - now;
            if (waitNanos <= 0) break;
            wait(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
        }
        position = dataNanos;
        return true;
    }
}
