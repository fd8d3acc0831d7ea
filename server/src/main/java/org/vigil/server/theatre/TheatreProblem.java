package org.vigil.server.theatre;

/**
 * One thing wrong with a theatre: the file, the line (1-based; 0 when the file as a whole is
 * wrong), the field (a YAML path such as {@code detachments[1].readiness}, a CSV column, or
 * {@code (file)}) and what was expected.
 */
public record TheatreProblem(String file, int line, String field, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
