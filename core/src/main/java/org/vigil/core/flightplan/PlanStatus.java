package org.vigil.core.flightplan;

/** Where a stored flight plan stands. Cancelled and arrived plans leave the store. */
public enum PlanStatus {
    /** Filed (FPL), possibly amended (CHG), not yet departed. */
    FILED,
    /** Filed and then delayed (DLA): the EOBT is the revised one. */
    DELAYED,
    /** Departure reported (DEP): the actual time of departure is known. */
    DEPARTED
}
