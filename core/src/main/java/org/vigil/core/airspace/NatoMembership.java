package org.vigil.core.airspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which states are NATO members on a given date (Finland and Sweden joined in 2023 and 2024, so
 * replays of older data must not count them). A state is a member from 00:00 UTC of its accession
 * date. Loaded from YAML ({@code members: {"FI": 2023-04-04, ...}}); the default table is the
 * classpath resource {@value #DEFAULT_RESOURCE}.
 *
 * <p>For the hot path, {@link #bind} gives a per-state-index table answered from a timestamp
 * without allocating. Immutable and thread-safe.
 */
public final class NatoMembership {
    public static final String DEFAULT_RESOURCE = "/airspace/nato-members.yaml";
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final Map<String, LocalDate> joined;

    private NatoMembership(Map<String, LocalDate> joined) {
        this.joined = Collections.unmodifiableMap(joined);
    }

    private static final class DefaultHolder {
        static final NatoMembership INSTANCE;

        static {
            try (InputStream in = NatoMembership.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) throw new AirspaceDataException("missing classpath resource " + DEFAULT_RESOURCE);
                INSTANCE = fromYaml(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The built-in table (32 members as of 2024-03-07). */
    public static NatoMembership defaults() {
        return DefaultHolder.INSTANCE;
    }

    public static NatoMembership fromYaml(InputStream in) throws IOException {
        Object root = AirspaceFiles.readYaml(in, "NATO table");
        Map<String, Object> members =
                GeoJson.asMap(GeoJson.asMap(root, "NATO table").get("members"), "members");
        Map<String, LocalDate> joined = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : members.entrySet()) {
            if (!e.getKey().matches("[A-Z]{2}")) {
                throw new AirspaceDataException("NATO table: '" + e.getKey() + "' is not an ISO alpha-2 code");
            }
            try {
                joined.put(e.getKey(), LocalDate.parse(String.valueOf(e.getValue())));
            } catch (DateTimeParseException ex) {
                throw new AirspaceDataException("NATO table: bad date for " + e.getKey() + ": " + e.getValue(), ex);
            }
        }
        return new NatoMembership(joined);
    }

    /** Whether {@code iso} (alpha-2) is a member on {@code date} (UTC). */
    public boolean isNato(String iso, LocalDate date) {
        LocalDate since = joined.get(iso);
        return since != null && !date.isBefore(since);
    }

    /** Accession date, or null for a state that has never joined. */
    public LocalDate joined(String iso) {
        return joined.get(iso);
    }

    public Map<String, LocalDate> members() {
        return joined;
    }

    /** A table by state index of {@code airspace}, for allocation-free checks from timestamps. */
    public ByState bind(NationalAirspace airspace) {
        long[] fromNanos = new long[airspace.stateCount()];
        for (int i = 0; i < fromNanos.length; i++) {
            LocalDate since = joined.get(airspace.iso(i));
            fromNanos[i] = since == null ? Long.MAX_VALUE : Math.multiplyExact(since.toEpochDay(), NANOS_PER_DAY);
        }
        return new ByState(fromNanos);
    }

    /** Membership by state index; immutable. */
    public static final class ByState {
        private final long[] memberFromNanos;

        private ByState(long[] memberFromNanos) {
            this.memberFromNanos = memberFromNanos;
        }

        /** Whether state {@code state} is a member at {@code timeNanos} (Unix epoch, UTC). NONE is never a member. */
        public boolean isNato(int state, long timeNanos) {
            return state >= 0 && state < memberFromNanos.length && timeNanos >= memberFromNanos[state];
        }
    }
}
