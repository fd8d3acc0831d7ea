package org.vigil.server.tracking;

import org.vigil.core.track.Tracker;

/**
 * Called by {@link TrackingPipeline} at regular instants of data time, once the tracker has
 * processed input up to (at least) that instant: the moment to compare the picture with truth.
 * Runs under the pipeline's lock; read the tracker, do not feed it.
 */
@FunctionalInterface
public interface TrackSampler {
    void sample(Tracker tracker, long instantNanos);
}
