package org.vigil.core.ident;

/** What happened to an alert, as reported to {@link IdentEventListener#alert}. */
public enum AlertEvent {
    /** New alert for a track and cause. */
    RAISED,
    /** Its cause stopped firing, or fired again, while the alert was open (no new alert: de-duplication). */
    UPDATED,
    ACKNOWLEDGED,
    ASSIGNED,
    RESOLVED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
