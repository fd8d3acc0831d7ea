package org.vigil.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vigil.server.auth.Role;

/**
 * The console's GNSS interference layer (console/src/interference.js, docs/GNSS.md "Reading it") in
 * Debian's Chromium, against stand-ins of the interference routes (the routes themselves are tested
 * with the estimator in GnssInterferenceSimTest): the time slider over the kept minutes shows a past
 * minute's cells and returns to the present at its right end; an area alert (over national airspace
 * or a QRA route) is shown on the layer's legend; the details panel of an aircraft shows its GNSS
 * integrity (NIC, NACp, SIL) and the interference area it is in.
 */
class InterferenceLayerBrowserTest {
    private static final String PAST = "2026-12-07T10:00:00Z", LATER = "2026-12-07T10:01:00Z";

    private static Map<String, Object> cells(boolean open, String time) {
        Map<String, Object> props = Map.of(
                "cell",
                1,
                "aircraft",
                5,
                "affected",
                4,
                "spoofed",
                0,
                "share",
                0.8,
                "open",
                open,
                "area",
                3,
                "confidence",
                0.75);
        List<List<Double>> ring = List.of(
                List.of(27.8, 42.9),
                List.of(28.3, 42.9),
                List.of(28.3, 43.3),
                List.of(27.8, 43.3),
                List.of(27.8, 42.9));
        return Map.of(
                "type",
                "FeatureCollection",
                "time",
                time,
                "aircraft",
                Map.of("4CA2D1", "degraded"),
                "features",
                List.of(Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        Map.of("type", "Polygon", "coordinates", List.of(ring)),
                        "properties",
                        props)));
    }

    @Test
    void timeSliderShowsAPastMinuteAndDetailsShowTheAircraftsIntegrity() {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium")))
            fail("no browser at /usr/bin/chromium: install Debian's chromium: ./vigil test does it");
        List<String> asked = new CopyOnWriteArrayList<>();
        WebServer server = new WebServer(
                        WebSettings.defaults()
                                .withBindAddress("127.0.0.1")
                                .withPort(0)
                                .withPushInterval(Duration.ofMillis(500))
                                .withVersion("browser-test"),
                        new MovingPicture(),
                        List::of,
                        () -> null)
                .plots(new FixedPlots());
        server.routes(app -> {
            app.get("/api/interference", ctx -> ctx.json(cells(true, LATER)), Role.OBSERVER);
            app.get(
                    "/api/interference/history",
                    ctx -> {
                        String at = ctx.queryParam("at");
                        if (at != null) asked.add(at);
                        ctx.json(at == null ? Map.of("times", List.of(PAST, LATER)) : cells(false, at));
                    },
                    Role.OBSERVER);
            app.get(
                    "/api/interference/alerts",
                    ctx -> ctx.json(Map.of(
                            "time",
                            LATER,
                            "alerts",
                            List.of(Map.of(
                                    "area",
                                    3,
                                    "kind",
                                    "jamming",
                                    "raised",
                                    "2026-12-07T09:58:00.000Z",
                                    "states",
                                    List.of("BG", "RO"),
                                    "national_km2",
                                    28219.4,
                                    "routes",
                                    List.of("LBPG climb-out"),
                                    "route_km2",
                                    1200.0,
                                    "aircraft",
                                    329,
                                    "affected",
                                    290,
                                    "confidence",
                                    0.8)))),
                    Role.OBSERVER);
            app.get(
                    "/api/interference/aircraft/{icao}",
                    ctx -> ctx.json(Map.of(
                            "icao",
                            ctx.pathParam("icao"),
                            "nic",
                            3,
                            "nac_p",
                            5,
                            "status",
                            "degraded",
                            "in_area",
                            true,
                            "area",
                            3)),
                    Role.OBSERVER);
        });
        int port = server.start();
        List<String> pageErrors = new CopyOnWriteArrayList<>();
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = ConsoleBrowserTest.chromium(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1600, 900)
                        .setBypassCSP(true))) {
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.navigate("http://127.0.0.1:" + port + "/");

            // the slider: two kept minutes and "now"; a past minute is asked for and drawn, the right end follows again
            Locator history = page.locator(".vigil-interference-history");
            assertThat(history).isVisible();
            Locator when = page.locator(".vigil-interference-when");
            assertThat(when).hasText("now");
            page.evaluate("() => { const s = document.querySelector('.vigil-interference-history input');"
                    + " s.value = '0'; s.dispatchEvent(new Event('input')); }");
            assertThat(when).hasText("2026-12-07 10:00Z");
            assertThat(page.locator(".vigil-interference-legend")).containsText("(history)");
            assertThat(asked).contains(PAST);
            page.evaluate("() => { const s = document.querySelector('.vigil-interference-history input');"
                    + " s.value = s.max; s.dispatchEvent(new Event('input')); }");
            assertThat(when).hasText("now");
            assertThat(page.locator(".vigil-interference-legend")).containsText("1 area, 1 aircraft affected");

            // the operator alert on the area itself (over national airspace and a QRA climb-out, no track needed)
            assertThat(page.locator(".vigil-interference-alert"))
                    .hasText(
                            "⚠ GNSS jamming area 3 over BG, RO airspace (28,219 km²) and QRA LBPG climb-out (1,200 km²)"
                                    + " · 290/329 aircraft affected · since 09:58Z");

            // the details panel's GNSS integrity section
            page.locator("tr[data-icao=\"4CA2D1\"]").click();
            Locator details = page.locator("#details");
            assertThat(details).isVisible();
            assertThat(details.locator("dd[data-field=gnss_integrity]")).containsText("NIC 3 · NACp 5");
            assertThat(details.locator("dd[data-field=gnss_status]"))
                    .hasText("integrity dropped (NIC/NACp below thresholds); in jamming area 3");
        } finally {
            server.stop();
        }
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }
}
