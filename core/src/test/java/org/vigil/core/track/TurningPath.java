package org.vigil.core.track;

/** Straight, then a constant-rate turn (right for positive rate), then straight again. Analytic. */
final class TurningPath implements ScriptedWorld.Path {
    private final double x0;
    private final double y0;
    private final double c0;
    private final double v;
    private final double tTurn;
    private final double rate;
    private final double turnSeconds;

    /**
     * @param courseDeg  initial course (clockwise from grid north)
     * @param tTurn      seconds of straight flight before the turn
     * @param rate       turn rate rad/s (positive = right, clockwise)
     * @param turnDeg    total heading change, degrees (positive)
     */
    TurningPath(double x0, double y0, double courseDeg, double speed, double tTurn, double rate, double turnDeg) {
        this.x0 = x0;
        this.y0 = y0;
        this.c0 = Math.toRadians(courseDeg);
        this.v = speed;
        this.tTurn = tTurn;
        this.rate = rate;
        this.turnSeconds = Math.toRadians(turnDeg) / Math.abs(rate);
    }

    private double[] at(double t) {
        if (t <= tTurn) return new double[] {x0 + Math.sin(c0) * v * t, y0 + Math.cos(c0) * v * t};
        double x1 = x0 + Math.sin(c0) * v * tTurn;
        double y1 = y0 + Math.cos(c0) * v * tTurn;
        double r = v / rate; // signed radius
        double cx = x1 + r * Math.cos(c0);
        double cy = y1 - r * Math.sin(c0);
        double tt = Math.min(t - tTurn, turnSeconds);
        double c = c0 + rate * tt;
        double x = cx - r * Math.cos(c);
        double y = cy + r * Math.sin(c);
        if (t - tTurn <= turnSeconds) return new double[] {x, y};
        double rest = t - tTurn - turnSeconds;
        return new double[] {x + Math.sin(c) * v * rest, y + Math.cos(c) * v * rest};
    }

    boolean turning(double t) {
        return t > tTurn && t < tTurn + turnSeconds;
    }

    double turnEnd() {
        return tTurn + turnSeconds;
    }

    @Override
    public double x(double t) {
        return at(t)[0];
    }

    @Override
    public double y(double t) {
        return at(t)[1];
    }
}
