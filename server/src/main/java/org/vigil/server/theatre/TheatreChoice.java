package org.vigil.server.theatre;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.ident.IdentRules;
import org.vigil.core.ident.QraLink;
import org.vigil.core.qra.AircraftProfile;
import org.vigil.core.qra.Base;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.Readiness;
import org.vigil.core.sim.QraUnit;
import org.vigil.core.sim.Scenario;
import org.vigil.server.picture.Theatre;
import org.vigil.server.sim.ScenarioException;
import org.vigil.server.sim.ScenarioLoader;

/**
 * Which theatre and scenario a command runs, and what the scenario overrides. The rules
 * (docs/THEATRES.md, "Scenarios and theatres"):
 * <ol>
 * <li>The theatre is {@code --theatre} if given, else the scenario's {@code theatre:} key (a built-in
 *     name, or a directory relative to the scenario file), else the default built-in.</li>
 * <li>The scenario is {@code --scenario}/{@code --sim} if given, else (when the command needs one)
 *     the theatre's default scenario. Its airport codes may name the theatre's airports.</li>
 * <li>A scenario's {@code qra:} units are the QRA posture: they replace the theatre's (the units
 *     the scramble workflow ranks), and their fighters' addresses and callsigns are known as
 *     friendly QRA aircraft.</li>
 * <li>A scenario that names a theatre (key or {@code --theatre}) and has neither radars nor
 *     receivers gets the theatre's sensor sites.</li>
 * </ol>
 */
public final class TheatreChoice {
    private TheatreChoice() {}

    /**
     * The theatre and the scenario (null when none was asked for) a command runs.
     *
     * @param source how to load the theatre again: its built-in name or its directory's absolute path
     *               (what recordings and sim outputs store, docs/THEATRES.md)
     */
    public record Resolved(Theatre theatre, Scenario scenario, String source) {}

    /**
     * @param theatreArg   {@code --theatre NAME|DIR}, or null
     * @param scenarioArg  {@code --scenario}/{@code --sim} (built-in name or file), or null
     * @param needScenario true when the command plays a scenario (demo, sim): the theatre's default
     *                     one is used when none is given
     */
    public static Resolved resolve(String theatreArg, String scenarioArg, boolean needScenario)
            throws TheatreException, ScenarioException {
        if (scenarioArg == null && !needScenario) {
            TheatreLoader.Opened opened =
                    TheatreLoader.open(theatreArg == null ? TheatreLoader.defaultName() : theatreArg, null);
            return new Resolved(opened.theatre(), null, opened.files().source());
        }
        ScenarioLoader.Source src = null;
        String key = null;
        if (scenarioArg != null) {
            src = ScenarioLoader.read(scenarioArg);
            key = ScenarioLoader.theatreOf(src.text(), src.file());
        }
        TheatreLoader.Opened opened;
        if (theatreArg != null) opened = TheatreLoader.open(theatreArg, null);
        else if (key != null)
            opened = TheatreLoader.open(key, TheatreLoader.builtIns().contains(key) ? null : src.dir());
        else opened = TheatreLoader.open(TheatreLoader.defaultName(), null);
        boolean named = theatreArg != null || key != null;
        String scenarioFile;
        String text;
        if (src != null) {
            scenarioFile = src.file();
            text = src.text();
        } else {
            if (opened.scenarioRef() == null) {
                throw new ScenarioException(
                        "theatre " + opened.theatre().name() + " has no default scenario: give one with --scenario");
            }
            scenarioFile = opened.files().display(opened.scenarioRef());
            try {
                text = opened.files().readString(opened.scenarioRef());
            } catch (IOException e) {
                throw new ScenarioException(scenarioFile + ": cannot read: " + e.getMessage());
            }
            named = true;
        }
        Scenario sc = ScenarioLoader.parse(text, scenarioFile, TheatreLoader.airportsOf(opened.files()));
        Theatre t = opened.theatre();
        if (named && sc.radars().isEmpty() && sc.receivers().isEmpty()) sc = withSensors(sc, t);
        return new Resolved(forScenario(t, sc, scenarioFile), sc, opened.files().source());
    }

    /**
     * {@code theatre} as {@code scenario} overrides it: its {@code qra:} units, when it has any, are
     * the posture (ranked by the scramble workflow) and are known as friendly QRA aircraft.
     */
    public static Theatre forScenario(Theatre theatre, Scenario scenario, String file) throws ScenarioException {
        if (scenario.qra().isEmpty()) return theatre;
        Map<String, AircraftProfile> profiles = theatre.posture().profiles();
        Posture posture = new Posture(scenario.name(), profiles);
        List<QraLink> links = new ArrayList<>(theatre.rules().qraUnits());
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (QraUnit u : scenario.qra()) {
            String type = u.type().designator();
            if (!profiles.containsKey(type)) {
                throw new ScenarioException(file + ": qra: unit '" + u.name() + "': no aircraft profile for type "
                        + type + " (known: " + profiles.keySet() + ")");
            }
            Readiness readiness;
            try {
                readiness = Readiness.parse(u.readiness());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(file + ": qra: unit '" + u.name() + "': " + e.getMessage());
            }
            // the theatre's own detachment at that base with that type and nation keeps its id, base data and
            // rotation; the scenario sets how many aircraft and how ready
            Detachment known = match(theatre.posture(), u);
            if (known != null && ids.putIfAbsent(known.id(), 1) == null) {
                posture.addDetachment(new Detachment(
                        known.id(),
                        known.nation(),
                        known.base(),
                        type,
                        u.count(),
                        readiness,
                        null,
                        known.rotation(),
                        known.timeToAirborneOverrideS()));
            } else {
                String id = u.nation() + "-" + type + "-" + u.base().icao();
                int n = ids.merge(id, 1, Integer::sum);
                if (n > 1) id = id + "-" + n;
                Base base = new Base(
                        u.base().icao(),
                        u.base().name(),
                        u.base().lat(),
                        u.base().lon(),
                        u.base().elevationFt());
                posture.addDetachment(
                        new Detachment(id, u.nation(), base, type, u.count(), readiness, null, null, Double.NaN));
            }
            if (u.icaoBase() != 0) links.add(new QraLink(u.name(), u.icaoBase(), u.count(), u.callsign()));
        }
        IdentRules rules = theatre.rules();
        rules = rules.withLists(rules.known(), dedupe(links), rules.clearances());
        return theatre.withQra(posture, rules);
    }

    private static Detachment match(Posture posture, QraUnit u) {
        for (Detachment d : posture.detachments()) {
            if (d.base().icao().equalsIgnoreCase(u.base().icao())
                    && d.aircraftType().equalsIgnoreCase(u.type().designator())
                    && u.nation().equalsIgnoreCase(d.nation())) {
                return d;
            }
        }
        return null;
    }

    private static List<QraLink> dedupe(List<QraLink> links) {
        Map<Integer, QraLink> byAddress = new LinkedHashMap<>();
        for (QraLink l : links) byAddress.putIfAbsent(l.firstAddress(), l);
        return new ArrayList<>(byAddress.values());
    }

    private static Scenario withSensors(Scenario s, Theatre t) {
        return new Scenario(
                        s.name(),
                        s.startEpochSeconds(),
                        s.durationSeconds(),
                        s.seed(),
                        s.south(),
                        s.north(),
                        s.west(),
                        s.east(),
                        s.windFromDeg(),
                        s.windKt(),
                        s.truthIntervalSeconds(),
                        t.radars(),
                        t.receivers(),
                        s.flights(),
                        s.qra(),
                        s.background())
                .withGnssAreas(s.gnssAreas());
    }
}
