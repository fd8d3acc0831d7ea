package org.vigil.core.yaml;

import java.io.IOException;

/**
 * A YAML document could not be read: bad syntax, a forbidden construct (alias, tag, ambiguous
 * number, duplicate key) or a limit exceeded. The message is "source: YAML line L column C:
 * problem"; {@link #line()} and {@link #column()} are 1-based, or -1 where the parser gave none.
 */
public final class YamlException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    YamlException(String source, int line, int column, String problem, Throwable cause) {
        super(message(source, line, column, problem), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file or resource named by the caller. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, or -1. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or -1. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    private static String message(String source, int line, int column, String problem) {
        StringBuilder s = new StringBuilder(source).append(": YAML");
        if (line > 0) {
            s.append(" line ").append(line);
            if (column > 0) s.append(" column ").append(column);
        }
        return s.append(": ").append(problem).toString();
    }
}
