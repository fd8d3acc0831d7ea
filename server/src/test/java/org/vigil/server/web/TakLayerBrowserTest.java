package org.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vigil.server.output.cot.CotInbound;

/**
 * The console's TAK layer (console/src/tak.js, docs/INTEROP.md "Inbound CoT") in Debian's Chromium:
 * CoT events from TAK (a friendly position and a hostile marker) received by {@link CotInbound} show
 * on the map as their own layer, a new one appears at the next refresh, and one whose stale time passes
 * leaves it.
 */
class TakLayerBrowserTest {

    private static String event(String uid, String type, String callsign, double lat, double lon, long staleMs) {
        String now = Instant.now().toString();
        return "<?xml version=\"1.0\"?>\n<event version=\"2.0\" uid=\"" + uid + "\" type=\"" + type
                + "\" how=\"h-e\" time=\"" + now + "\" start=\"" + now + "\" stale=\""
                + Instant.ofEpochMilli(staleMs) + "\"><point lat=\"" + lat + "\" lon=\"" + lon
                + "\" hae=\"10\" ce=\"5\" le=\"5\"/><detail><contact callsign=\"" + callsign
                + "\"/></detail></event>\n";
    }

    private static void send(CotInbound in, String xml) {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        in.datagram(b, 0, b.length, "test");
    }

    @Test
    void takPositionsAndMarkersAreTheirOwnLayerAndLeaveWhenStale() {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium")))
            fail("no browser at /usr/bin/chromium: install Debian's chromium: ./vigil test does it");
        CotInbound in = new CotInbound(System::currentTimeMillis);
        long later = System.currentTimeMillis() + 600_000;
        send(in, event("tak-alpha", "a-f-G-U-C", "ALPHA 1", 43.2, 28.0, later));
        send(in, event("tak-marker", "a-h-G", "BRAVO", 43.0, 28.5, later));
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
        in.registerRoutes(server);
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
            Page.WaitForFunctionOptions wait = new Page.WaitForFunctionOptions().setTimeout(15_000);
            page.waitForFunction(
                    "() => window.vigil && Array.isArray(window.vigil.tak) && window.vigil.tak.length === 2",
                    null,
                    wait);
            assertThat(uids(page)).containsExactlyInAnyOrder("tak-alpha", "tak-marker");
            assertThat(page.locator(".vigil-tak").count())
                    .as("the layer's own canvas")
                    .isPositive();

            // a new position arrives; one event goes stale (4 s from now) and leaves at a later refresh
            send(in, event("tak-charlie", "a-f-A", "CHARLIE", 43.4, 28.2, later));
            send(in, event("tak-marker", "a-h-G", "BRAVO", 43.0, 28.5, System.currentTimeMillis() + 4_000));
            page.waitForFunction("() => window.vigil.tak.includes('tak-charlie')", null, wait);
            page.waitForFunction("() => !window.vigil.tak.includes('tak-marker')", null, wait);
            assertThat(uids(page)).containsExactlyInAnyOrder("tak-alpha", "tak-charlie");
        } finally {
            server.stop();
        }
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> uids(Page page) {
        return (List<String>) page.evaluate("() => window.vigil.tak");
    }
}
