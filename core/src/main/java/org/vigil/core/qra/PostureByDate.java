package org.vigil.core.qra;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The posture over a period: which nation holds which base on a given day (the detachments' QRA
 * rotations, theatre or scenario data) and the responsiveness map per week, the Force Model's
 * "right place, right time" as a report (docs/QRA.md "Posture by date").
 *
 * <p>A day's map depends only on which units are on duty that day (rotation, readiness and aircraft
 * are what {@link Detachment#unavailability} reads), so one map is computed per distinct set of units
 * on duty (with their readiness and aircraft), not per day: a season of rotations costs a handful of maps.
 *
 * <p>Readiness by date: the posture's dated changes ({@link Posture#changes()}: a supervisor's
 * readiness change, aircraft committed to a scramble and back) split a day into periods, each planned
 * with the posture as it stood then ({@link Posture#asAt(long)}); such a day's figures weigh its
 * periods by their length.
 */
public final class PostureByDate {
    private static final long DAY_MS = 86_400_000L;
    /** Longest period reported, so a request cannot ask for centuries of days. */
    public static final int MAX_DAYS = 2 * 366;

    private PostureByDate() {}

    /** A detachment on duty at a base on a day. */
    public record Holding(String unit, String nation, String aircraftType, int count, String readiness) {}

    /**
     * One day: the units on duty at its start and the response statistics of its map; with dated
     * changes inside the day, its periods and the length-weighted statistics (uncovered cells
     * rounded to a whole cell, mean minutes weighted, worst minutes the worst of the periods).
     */
    public record Day(LocalDate date, List<String> units, ResponseStats stats, List<Period> periods) {}

    /** A part of a day with one posture: from its start (UTC), the units on duty and their figures. */
    public record Period(java.time.Instant from, List<String> units, ResponseStats stats) {}

    /**
     * One week (Monday to Sunday, cut to the period asked): its days, which nation held which base
     * (base ICAO to the holdings on any day of the week), the rotation changes inside it, and its
     * figures: the worst and the mean daily covered share, the mean of the daily mean minutes over
     * covered cells, and the longest covered time on any day.
     */
    public record Week(
            LocalDate start,
            LocalDate end,
            List<Day> days,
            Map<String, List<Holding>> bases,
            List<String> changes,
            double worstCoveredShare,
            double meanCoveredShare,
            double meanMinutes,
            double worstCoveredMinutes) {}

    /** Whether {@code d} can be tasked at any time of the UTC day {@code day}. */
    public static boolean onDuty(Detachment d, LocalDate day) {
        return d.unavailability(day.toEpochDay() * DAY_MS) == null;
    }

    /** Which units hold which base on {@code day} (as it stood at its start): base ICAO (sorted) to its detachments on duty. */
    public static Map<String, List<Holding>> holdings(Posture posture, LocalDate day) {
        Map<String, List<Holding>> out = new TreeMap<>();
        for (Detachment d : posture.asAt(day.toEpochDay() * DAY_MS).detachments()) {
            if (!onDuty(d, day)) continue;
            out.computeIfAbsent(d.base().icao(), k -> new ArrayList<>()).add(holding(d));
        }
        return out;
    }

    /**
     * The weekly report from {@code from} to {@code to} (inclusive, at most {@link #MAX_DAYS} days) for
     * the target chosen like {@link Responsiveness#compute}. Each day is planned at its start (00:00 UTC):
     * rotations are whole UTC days.
     */
    public static List<Week> weekly(
            Posture posture,
            MapGrid grid,
            GeoPredicate area,
            double levelFt,
            double targetSpeedKt,
            TargetMotion motion,
            InterceptOptions options,
            LocalDate from,
            LocalDate to) {
        if (from == null || to == null) throw new IllegalArgumentException("the report needs a first and a last day");
        if (to.isBefore(from))
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS)
            throw new IllegalArgumentException("a period of " + days + " days: at most " + MAX_DAYS + " are reported");
        Responsiveness engine = new Responsiveness();
        Map<List<String>, ResponseStats> bySet = new HashMap<>();
        List<Week> weeks = new ArrayList<>();
        List<String> before = null;
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate sunday = start.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            LocalDate end = sunday.isAfter(to) ? to : sunday;
            List<Day> list = new ArrayList<>();
            Map<String, Map<String, Holding>> bases = new TreeMap<>();
            List<String> changes = new ArrayList<>();
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                long dayMs = day.toEpochDay() * DAY_MS;
                List<Period> periods = new ArrayList<>();
                List<String> units = null;
                for (long at : periodStarts(posture, dayMs)) {
                    Posture then = posture.changes().isEmpty() ? posture : posture.asAt(at);
                    List<String> on = new ArrayList<>();
                    List<String> key = new ArrayList<>();
                    for (Detachment d : then.detachments()) {
                        if (d.unavailability(at) != null) continue;
                        on.add(d.id());
                        key.add(d.id() + " " + d.readiness().label() + " x" + d.count());
                        bases.computeIfAbsent(d.base().icao(), k -> new LinkedHashMap<>())
                                .putIfAbsent(d.id(), holding(d));
                    }
                    if (units == null) units = on;
                    ResponseStats stats = bySet.computeIfAbsent(
                            List.copyOf(key),
                            k -> engine.compute(then, grid, area, levelFt, targetSpeedKt, motion, options, at)
                                    .stats(GeoPredicate.EVERYWHERE));
                    periods.add(new Period(java.time.Instant.ofEpochMilli(at), List.copyOf(on), stats));
                }
                if (before != null && !before.equals(units)) changes.add(change(day, before, units));
                before = units;
                for (Posture.Change c : posture.changes())
                    if (c.epochMs() >= dayMs && c.epochMs() < dayMs + DAY_MS) changes.add(dated(c));
                list.add(new Day(day, List.copyOf(units), dayStats(periods, dayMs), List.copyOf(periods)));
            }
            Map<String, List<Holding>> held = new LinkedHashMap<>();
            bases.forEach((icao, m) -> held.put(icao, List.copyOf(m.values())));
            weeks.add(week(start, end, list, held, changes));
            start = end.plusDays(1);
        }
        return weeks;
    }

    private static Week week(
            LocalDate start, LocalDate end, List<Day> days, Map<String, List<Holding>> bases, List<String> changes) {
        double worstShare = 1, shareSum = 0, minutesSum = 0, worstMinutes = Double.NaN;
        int withMinutes = 0;
        for (Day d : days) {
            ResponseStats s = d.stats();
            worstShare = Math.min(worstShare, s.coveredShare());
            shareSum += s.coveredShare();
            if (!Double.isNaN(s.meanMinutes())) {
                minutesSum += s.meanMinutes();
                withMinutes++;
            }
            if (!Double.isNaN(s.worstCovered()) && !(s.worstCovered() <= worstMinutes)) worstMinutes = s.worstCovered();
        }
        return new Week(
                start,
                end,
                List.copyOf(days),
                bases,
                List.copyOf(changes),
                worstShare,
                shareSum / days.size(),
                withMinutes == 0 ? Double.NaN : minutesSum / withMinutes,
                worstMinutes);
    }

    /** The day's start and every dated change inside the day, in order. */
    private static List<Long> periodStarts(Posture posture, long dayMs) {
        List<Long> out = new ArrayList<>();
        out.add(dayMs);
        for (Posture.Change c : posture.changes()) {
            long t = c.epochMs();
            if (t > dayMs && t < dayMs + DAY_MS && t != out.get(out.size() - 1)) out.add(t);
        }
        return out;
    }

    /** One period: its figures; several: weighted by their length (see {@link Day}). */
    private static ResponseStats dayStats(List<Period> periods, long dayMs) {
        if (periods.size() == 1) return periods.get(0).stats();
        double uncovered = 0, minutes = 0, minutesWeight = 0, worst = Double.NaN, worstCovered = Double.NaN;
        int cells = periods.get(0).stats().cells();
        for (int i = 0; i < periods.size(); i++) {
            long from = periods.get(i).from().toEpochMilli();
            long to = i + 1 < periods.size() ? periods.get(i + 1).from().toEpochMilli() : dayMs + DAY_MS;
            double w = (to - from) / (double) DAY_MS;
            ResponseStats s = periods.get(i).stats();
            uncovered += w * s.uncovered();
            if (!Double.isNaN(s.meanMinutes())) {
                minutes += w * s.meanMinutes();
                minutesWeight += w;
            }
            if (!(s.worstMinutes() <= worst)) worst = s.worstMinutes();
            if (!Double.isNaN(s.worstCovered()) && !(s.worstCovered() <= worstCovered)) worstCovered = s.worstCovered();
        }
        return new ResponseStats(
                cells,
                (int) Math.round(uncovered),
                worst,
                minutesWeight == 0 ? Double.NaN : minutes / minutesWeight,
                worstCovered);
    }

    /** "2015-05-05T14:00:00Z: GB-EUFI-EEEI QRA-15 -> UNAVAILABLE": a dated change of readiness or aircraft. */
    private static String dated(Posture.Change c) {
        StringBuilder b = new StringBuilder(
                        java.time.Instant.ofEpochMilli(c.epochMs()).toString())
                .append(": ")
                .append(c.unit());
        Detachment x = c.before(), y = c.after();
        if (x.readiness() != y.readiness())
            b.append(' ')
                    .append(x.readiness().label())
                    .append(" -> ")
                    .append(y.readiness().label());
        if (x.count() != y.count())
            b.append(" aircraft ").append(x.count()).append(" -> ").append(y.count());
        return b.toString();
    }

    /** "2015-05-01: +GB-EUFI-EEEI -ES-EUFI-EEEI": who came on and went off duty that day. */
    private static String change(LocalDate day, List<String> before, List<String> now) {
        StringBuilder b = new StringBuilder(day.toString()).append(':');
        for (String u : now) if (!before.contains(u)) b.append(" +").append(u);
        for (String u : before) if (!now.contains(u)) b.append(" -").append(u);
        return b.toString();
    }

    private static Holding holding(Detachment d) {
        return new Holding(
                d.id(), d.nation(), d.aircraftType(), d.count(), d.readiness().label());
    }
}
