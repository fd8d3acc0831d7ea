package org.vigil.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/EVENTS.md lists exactly the types of the sealed family with their keys: its generated
 * section must equal {@link EventSchemaDoc#section()} (-Dvigil.events.rewrite=true writes it).
 */
class EventsDocTest {
    private static final Path DOC = Path.of("../docs/EVENTS.md");

    @Test
    void theDocsListExactlyTheTypesAndKeysOfTheEventFamily() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(EventSchemaDoc.BEGIN);
        int to = doc.indexOf(EventSchemaDoc.END);
        assertThat(from).as("generated section in docs/EVENTS.md").isNotNegative();
        assertThat(to).isGreaterThan(from);
        String section = EventSchemaDoc.section();
        if (Boolean.getBoolean("vigil.events.rewrite")) {
            doc = doc.substring(0, from) + section + doc.substring(to + EventSchemaDoc.END.length());
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
            to = doc.indexOf(EventSchemaDoc.END);
        }
        assertThat(doc.substring(from, to + EventSchemaDoc.END.length())).isEqualTo(section);
    }
}
