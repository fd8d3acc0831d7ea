package org.vigil.server.theatre;

import java.util.List;

/** A theatre that cannot be used: every problem found, each with file, line and field. */
public final class TheatreException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<TheatreProblem> problems;

    public TheatreException(List<TheatreProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public TheatreException(String file, String message) {
        this(List.of(new TheatreProblem(file, 0, "(file)", message)));
    }

    public List<TheatreProblem> problems() {
        return problems;
    }

    private static String message(List<TheatreProblem> problems) {
        StringBuilder b = new StringBuilder();
        for (TheatreProblem p : problems) {
            if (b.length() > 0) b.append(System.lineSeparator());
            b.append(p);
        }
        return b.toString();
    }
}
