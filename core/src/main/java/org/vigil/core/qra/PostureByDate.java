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
 * on duty, not per day: a season of rotations costs a handful of maps.
 */
public final class PostureByDate {
    private static final long DAY_MS = 86_400_000L;
    /** Longest period reported, so a request cannot ask for centuries of days. */
    public static final int MAX_DAYS = 2 * 366;

    private PostureByDate() {}

    /** A detachment on duty at a base on a day. */
    public record Holding(String unit, String nation, String aircraftType, int count, String readiness) {}

    /** One day: the units on duty and the response statistics of their map. */
    public record Day(LocalDate date, List<String> units, ResponseStats stats) {}

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

    /** Which units hold which base on {@code day}: base ICAO (sorted) to its detachments on duty. */
    public static Map<String, List<Holding>> holdings(Posture posture, LocalDate day) {
        Map<String, List<Holding>> out = new TreeMap<>();
        for (Detachment d : posture.detachments()) {
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
                List<String> units = new ArrayList<>();
                for (Detachment d : posture.detachments()) {
                    if (!onDuty(d, day)) continue;
                    units.add(d.id());
                    bases.computeIfAbsent(d.base().icao(), k -> new LinkedHashMap<>())
                            .putIfAbsent(d.id(), holding(d));
                }
                if (before != null && !before.equals(units)) changes.add(change(day, before, units));
                before = units;
                long epochMs = day.toEpochDay() * DAY_MS;
                ResponseStats stats = bySet.computeIfAbsent(
                        List.copyOf(units),
                        k -> engine.compute(posture, grid, area, levelFt, targetSpeedKt, motion, options, epochMs)
                                .stats(GeoPredicate.EVERYWHERE));
                list.add(new Day(day, List.copyOf(units), stats));
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
