package org.vigil.core.qra.scramble;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import org.vigil.core.qra.QraDataException;
import org.vigil.core.qra.QraYaml;

/**
 * The scramble workflow's settings file ({@code qra/scramble.yaml}, docs/QRA.md "Re-planning"):
 * re-planning thresholds, the intercept interval and the level a primary-only target is planned at.
 * Read here, beside {@link ScrambleConfig}, so that {@code core.qra} need not know the workflow.
 */
public record ScrambleSettings(
        ScrambleConfig.Replan replan, ScrambleConfig.Uncertainty uncertainty, double primaryOnlyLevelFt) {

    /** Reads a settings file from the classpath. */
    public static ScrambleSettings resource(String resourceName) {
        InputStream in = ScrambleSettings.class.getResourceAsStream(resourceName);
        if (in == null) throw new QraDataException("classpath resource " + resourceName + " missing");
        return read(in, resourceName);
    }

    /** Reads {@code replan: {...}}, {@code uncertainty: {...}} and {@code primary_only_level_ft}. */
    public static ScrambleSettings read(InputStream in, String source) {
        JsonNode root = QraYaml.read(in, source);
        JsonNode r = root.get("replan");
        if (r == null || !r.isObject()) throw new QraDataException(source + ": needs a 'replan' mapping");
        String where = source + ": replan";
        try {
            return new ScrambleSettings(
                    new ScrambleConfig.Replan(
                            QraYaml.number(r, "course_deg", where),
                            QraYaml.number(r, "speed_kt", where),
                            QraYaml.number(r, "level_ft", where),
                            QraYaml.number(r, "every_s", where),
                            QraYaml.number(r, "announce_s", where),
                            QraYaml.number(r, "announce_nm", where)),
                    uncertainty(root, source),
                    QraYaml.number(root, "primary_only_level_ft", source));
        } catch (IllegalArgumentException e) {
            throw new QraDataException(where + ": " + e.getMessage(), e);
        }
    }

    private static ScrambleConfig.Uncertainty uncertainty(JsonNode root, String source) {
        JsonNode u = root.get("uncertainty");
        if (u == null || !u.isObject()) throw new QraDataException(source + ": needs an 'uncertainty' mapping");
        String where = source + ": uncertainty";
        return new ScrambleConfig.Uncertainty(
                QraYaml.number(u, "sigmas", where),
                QraYaml.number(u, "model_floor", where),
                QraYaml.number(u, "conversion_s", where));
    }
}
