package org.vigil.server.sim;

/** A scenario file that cannot be used; the message names file, line, field and what was expected. */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message);
    }
}
