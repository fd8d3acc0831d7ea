package org.vigil.core.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The "Types and keys" section of docs/EVENTS.md, generated from the sealed family: one row per
 * record, its type names and its keys after the envelope (nested objects as {@code key{...}},
 * arrays of objects as {@code key[{...}]}). {@link EventsDocTest} checks the page against it.
 */
final class EventSchemaDoc {
    static final String BEGIN = "<!-- generated from org.vigil.core.event by EventsDocTest: do not edit -->";
    static final String END = "<!-- end of generated section -->";

    private EventSchemaDoc() {}

    /** Every type name the codec accepts. */
    static Set<String> typeNames() {
        Set<String> out = new TreeSet<>();
        for (JsonSubTypes.Type t :
                VigilEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            if (!t.name().isEmpty()) out.add(t.name());
            out.addAll(List.of(t.names()));
        }
        return out;
    }

    static String section() {
        StringBuilder b = new StringBuilder(BEGIN).append('\n');
        b.append("| type | record (`org.vigil.core.event`) | keys after the envelope |\n| --- | --- | --- |\n");
        for (JsonSubTypes.Type t :
                VigilEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            List<String> names = new ArrayList<>();
            if (!t.name().isEmpty()) names.add(t.name());
            names.addAll(List.of(t.names()));
            Class<?> c = t.value();
            b.append("| ")
                    .append(String.join(
                            ", ", names.stream().map(n -> "`" + n + "`").toList()))
                    .append(" | `")
                    .append(c.getEnclosingClass().getSimpleName())
                    .append('.')
                    .append(c.getSimpleName())
                    .append("` | ")
                    .append(keys(c, true))
                    .append(" |\n");
        }
        return b.append(END).toString();
    }

    private static String keys(Class<?> record, boolean top) {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            String n = rc.getName();
            if (top && (n.equals("time") || n.equals("type") || n.equals("track"))) continue;
            String k = "`" + n + "`";
            Class<?> nested = nestedRecord(rc.getGenericType());
            if (nested != null) {
                boolean list = List.class.isAssignableFrom(rc.getType());
                k += (list ? "[{" : "{") + keys(nested, false) + (list ? "}]" : "}");
            }
            out.add(k);
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static Class<?> nestedRecord(Type t) {
        if (t instanceof Class<?> c && c.isRecord()) return c;
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord())
            return c;
        return null;
    }
}
