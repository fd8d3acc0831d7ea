package org.vigil.server.recording;

/**
 * Receives one ASTERIX data block (or a datagram of blocks) as it arrives from a radar source,
 * before decoding: the place where the raw radar bytes can be recorded. The buffer is the
 * caller's and valid only during the call.
 */
@FunctionalInterface
public interface RadarBlockSink {
    /**
     * @param receiveNanos the time the block arrived (epoch nanoseconds); also the reference time
     *                     the decoder resolves the block's time of day against
     */
    void block(byte[] buf, int off, int len, long receiveNanos);
}
