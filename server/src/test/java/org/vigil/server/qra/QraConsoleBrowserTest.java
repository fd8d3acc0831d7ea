package org.vigil.server.qra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.server.theatre.TestTheatres;
import org.vigil.server.web.WebServer;

/**
 * The console's QRA layer and scramble panel in Debian's Chromium against the QRA routes (no
 * sign-in: everyone may act): bases drawn, status board filled, isochrones loaded on the toggle,
 * a proposed scramble listed with its Order button, and ordering it from the panel.
 */
class QraConsoleBrowserTest {
    /** The posture's theatre area: a responsiveness request without a box covers it (LiveServer passes the running theatre's). */
    private static final org.vigil.server.picture.Theatre.Area AREA =
            org.vigil.server.theatre.TestTheatres.area("black-sea-2022");

    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;

    @Test
    void postureLayerIsochronesAndScramblePanel() {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium"))) fail("no browser at /usr/bin/chromium");
        if (!WebServer.consoleBundled()) fail("console not on the classpath");
        ScrambleService service = new ScrambleService(
                TestTheatres.posture("black-sea-2022"), ScrambleConfig.defaults(), Fighters.NONE, null);
        service.onTrackUpdate(42, T0, 43.4, 30.0, 24_000, 300, 245, -1, 0);
        service.propose(0, 42, "NL-F35-LBPG", "olga", ScrambleService.Gate.OPEN);
        service.propose(0, 42, "BG-MG29-LBPG", "TANGO", "olga", ScrambleService.Gate.OPEN); // an exercise
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = WebServer.CONSOLE_RESOURCES;
                sf.location = Location.CLASSPATH;
            });
            new QraApi(service)
                    .withDefaultArea(AREA.south(), AREA.north(), AREA.west(), AREA.east())
                    .registerRoutes(c.routes, null);
        });
        app.start("127.0.0.1", 0);
        try (Playwright pw = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                .setHeadless(true)
                                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")))) {
            Page page = browser.newPage();
            page.onDialog(d -> d.accept());
            page.navigate("http://127.0.0.1:" + app.port() + "/");
            page.waitForFunction(
                    "() => window.vigil && window.vigil.posture && window.vigil.posture() !== null",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
            assertThat(((Number) page.evaluate("() => window.vigil.posture().bases.length")).intValue())
                    .isEqualTo(3);
            page.waitForSelector("#qra-units tr[data-unit='RO-F16-LRFT']");
            assertThat(page.locator("#qra-units tr").count()).isEqualTo(4);

            page.locator("#show-isochrones").check();
            page.waitForFunction(
                    "() => window.vigil.isochroneCount() > 0",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(20_000));
            assertThat(page.locator("#iso-stats").textContent()).contains("mean");

            page.waitForSelector("li.scramble[data-scramble='S-1'] button:has-text('Order (Alpha)')");
            page.locator("li.scramble[data-scramble='S-1'] button:has-text('Order (Alpha)')")
                    .click();
            page.waitForSelector("li.scramble.ordered[data-scramble='S-1']");
            assertThat(service.view("S-1").get("phase")).isEqualTo("ordered");
            assertThat(page.locator("li.scramble[data-scramble='S-1'] .phase-timeline li")
                            .allTextContents())
                    .anySatisfy(t -> assertThat(t).startsWith("ordered 09:05:00Z"));
            page.waitForSelector("#qra-units tr.committed[data-unit='NL-F35-LBPG']");
            // a Tango scramble is marked as an exercise in the panel; an Alpha is not
            page.waitForSelector("li.scramble[data-scramble='S-2'] .tango-mark");
            assertThat(page.locator("li.scramble[data-scramble='S-2'] .tango-mark")
                            .textContent())
                    .isEqualTo("TANGO (exercise)");
            assertThat(page.locator("li.scramble[data-scramble='S-1'] .tango-mark")
                            .count())
                    .isZero();
            page.setViewportSize(1600, 900);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get(System.getProperty("java.io.tmpdir"), "vigil-qra-console.png")));
        } finally {
            app.stop();
        }
    }
}
