package org.vigil.codec.feed;

import org.vigil.codec.modes.ModeSMessage;

/**
 * Receives messages decoded from an SBS (BaseStation) feed. The message object is reused by the
 * parser for every line: copy what you need before returning.
 */
public interface SbsSink {
    void onMessage(ModeSMessage message);
}
