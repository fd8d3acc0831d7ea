package org.vigil.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeYamlTest {
    private static JsonNode tree(String yaml) throws YamlException {
        return SafeYaml.readTree(yaml, "test.yaml");
    }

    @Test
    void yaml11BooleanWordsStayStringsInACountryList() throws Exception {
        JsonNode n = tree("countries: [NO, no, on, y, Y, off, yes, N]\nflag: true\nother: false\n");
        assertThat(n.get("countries")).allSatisfy(c -> assertThat(c.isTextual()).isTrue());
        assertThat(n.get("countries").get(0).asText()).isEqualTo("NO");
        assertThat(n.get("countries").get(1).asText()).isEqualTo("no");
        assertThat(n.get("countries").get(2).asText()).isEqualTo("on");
        assertThat(n.get("countries").get(3).asText()).isEqualTo("y");
        assertThat(n.get("flag").isBoolean()).isTrue();
        assertThat(n.get("flag").asBoolean()).isTrue();
        assertThat(n.get("other").isBoolean()).isTrue();

        Object plain = SafeYaml.readPlain(
                new ByteArrayInputStream("- NO\n- no\n- on\n- y\n".getBytes(StandardCharsets.UTF_8)), "p");
        assertThat(plain).isEqualTo(List.of("NO", "no", "on", "y"));
    }

    @Test
    void datesAndPlainNumbersKeepTheirMeaning() throws Exception {
        Object plain = SafeYaml.readPlain(
                new ByteArrayInputStream("{d: 2022-04-20, i: 12, n: -3, h: 0x1F, f: 1.5e3, s: '010', z: 0}"
                        .getBytes(StandardCharsets.UTF_8)),
                "p");
        assertThat(plain)
                .isEqualTo(Map.of("d", "2022-04-20", "i", 12, "n", -3, "h", 31, "f", 1500.0, "s", "010", "z", 0));
    }

    @Test
    void duplicateKeyIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> tree("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isPositive();
                    assertThat(e.source()).isEqualTo("test.yaml");
                })
                .hasMessageStartingWith("test.yaml: YAML line 3 column ")
                .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void aliasBombIsRejectedAtTheFirstAnchor() {
        String bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
        assertThatThrownBy(() -> tree(bomb))
                .isInstanceOfSatisfying(
                        YamlException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("anchor &a is not allowed");
        assertThatThrownBy(() -> SafeYaml.readPlain(
                        new ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8)), "bomb.yaml"))
                .isInstanceOf(YamlException.class)
                .hasMessageStartingWith("bomb.yaml: YAML line 1");
    }

    @Test
    void aliasWithoutAnchorIsRejected() {
        // Jackson would read an alias as the anchor's name, a silent wrong value
        assertThatThrownBy(() -> tree("a: [x, *y]\n")).isInstanceOf(YamlException.class);
    }

    @Test
    void typeTagsAreRejectedButCoreTagsAllowed() throws Exception {
        assertThatThrownBy(() -> tree("u: !!java.net.URL [\"http://example.org\"]\n"))
                .isInstanceOfSatisfying(
                        YamlException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("java.net.URL")
                .hasMessageContaining("not allowed");
        assertThatThrownBy(() -> tree("u: !local x\n"))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("not allowed");
        assertThat(tree("s: !!str 12\n").get("s").isTextual()).isTrue();
    }

    @Test
    void numbersThatDifferBetweenYaml11And12AreErrors() {
        assertThatThrownBy(() -> tree("squawk: 0100\n"))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("'0100'");
        assertThatThrownBy(() -> tree("n: 1_000\n"))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("'1_000'");
        assertThatThrownBy(() -> tree("n: 0b11\n")).isInstanceOf(YamlException.class);
    }

    @Test
    void syntaxErrorNamesSourceLineAndColumn() {
        assertThatThrownBy(() -> tree("a: [1, 2\nb: 3\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> {
                    assertThat(e.line()).isGreaterThan(0);
                    assertThat(e.column()).isGreaterThan(0);
                })
                .hasMessageStartingWith("test.yaml: YAML line ");
    }

    @Test
    void oversizedDocumentIsRejected() {
        String big = "x: " + "y".repeat(SafeYaml.MAX_CODE_POINTS + 10) + "\n";
        assertThatThrownBy(() -> tree(big)).isInstanceOf(YamlException.class).hasMessageContaining("limit");
    }

    @Test
    void contentAfterTheFirstDocumentIsAnError() {
        assertThatThrownBy(() -> tree("a: 1\n---\nb: 2\n"))
                .isInstanceOfSatisfying(
                        YamlException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("after the first document");
    }

    @Test
    void emptyDocumentIsMissing() throws Exception {
        assertThat(tree("").isMissingNode()).isTrue();
        assertThat(SafeYaml.readPlain(new ByteArrayInputStream(new byte[0]), "e"))
                .isNull();
    }
}
