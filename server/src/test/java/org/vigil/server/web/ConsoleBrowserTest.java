package org.vigil.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the real console in Debian's Chromium against a real {@link WebServer} fed by a moving
 * synthetic picture: what an operator sees, checked the way an operator would use it.
 * Playwright never downloads a browser here; it uses /usr/bin/chromium.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final LocatorAssertions.HasCountOptions WAIT =
            new LocatorAssertions.HasCountOptions().setTimeout(10_000);

    private static Playwright playwright;
    private static Browser browser;
    private static MovingPicture picture;
    private static WebServer server;
    private static int port;

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServerAndBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("no browser at " + CHROMIUM + ": install Debian's chromium: ./vigil test does it");
        }
        picture = new MovingPicture();
        server = new WebServer(settings(0), picture, List::of, () -> null).plots(new FixedPlots());
        port = server.start();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = chromium(playwright);
    }

    /** Debian's headless Chromium as the console's browser tests drive it (no GPU, no network of its own). */
    static Browser chromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    private static WebSettings settings(int p) {
        return WebSettings.defaults()
                .withBindAddress("127.0.0.1")
                .withPort(p)
                .withPushInterval(Duration.ofMillis(500))
                .withVersion("browser-test");
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void openConsole() {
        // Playwright's string predicates (waitForFunction) run by eval, which the server's Content Security
        // Policy refuses: this harness bypasses it; SignInBrowserTest drives the console under the policy.
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1600, 900).setBypassCSP(true));
        page = context.newPage();
        page.onPageError(pageErrors::add);
        // The console must work with no network beyond our own server: fail on any other request.
        page.onRequest(r -> {
            if (!r.url().startsWith("http://127.0.0.1:" + port)
                    && !r.url().startsWith("ws://127.0.0.1:" + port)
                    && !r.url().startsWith("data:")) {
                pageErrors.add("request to the outside world: " + r.url());
            }
        });
        page.navigate("http://127.0.0.1:" + port + "/");
        page.waitForFunction(
                "n => window.vigil && window.vigil.featureCount() === n && window.vigil.basemapFeatureCount() > 0",
                MovingPicture.WITH_POSITION,
                new Page.WaitForFunctionOptions().setTimeout(15_000));
    }

    @AfterEach
    void closeConsole() {
        if (context != null) {
            context.close();
        }
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }

    @Test
    void mapShowsEveryAircraftWithAPositionOverTheBasemapAndTheyMove() {
        assertThat(number("window.vigil.featureCount()")).isEqualTo(MovingPicture.WITH_POSITION);
        assertThat(number("window.vigil.aircraftCount()")).isEqualTo(MovingPicture.TOTAL);
        assertThat(number("window.vigil.basemapFeatureCount()"))
                .isEqualTo(74); // Natural Earth countries in the box (lon 32 W-51 E, lat 27-82 N)
        assertThat(number("window.vigil.trailCount()")).isPositive();
        assertThat(page.locator("#conn").getAttribute("data-state")).isEqualTo("open");
        assertThat(page.locator("#count").getAttribute("data-count")).isEqualTo(String.valueOf(MovingPicture.TOTAL));

        double lon0 = number("window.vigil.positionOf('4CA2D1')[0]");
        int pictures = (int) number("window.vigil.pictures()");
        page.waitForFunction("n => window.vigil.pictures() >= n", pictures + 2);
        assertThat(number("window.vigil.positionOf('4CA2D1')[0]")).isGreaterThan(lon0);
    }

    @Test
    void tableListsEveryAircraftAndHighlightsEmergencies() {
        assertThat(page.locator("#aircraft-rows tr[data-icao]")).hasCount(MovingPicture.TOTAL, WAIT);
        Locator ryr = page.locator("tr[data-icao=\"4CA2D1\"]");
        assertThat(ryr.locator("td[data-col=callsign]")).hasText("RYR4TB");
        assertThat(ryr.locator("td[data-col=altitude_ft]")).hasText("37000");
        assertThat(ryr.locator("td[data-col=track_deg]")).hasText("090");
        assertThat(page.locator("tr[data-icao=\"3C6586\"]")).hasClass(Pattern.compile("\\bemergency\\b"));
        assertThat(ryr).not().hasClass(Pattern.compile("\\bemergency\\b"));
    }

    @Test
    void filterMatchesCallsignIcaoAndSquawk() {
        Locator rows = page.locator("#aircraft-rows tr[data-icao]");
        page.locator("#filter").fill("ryr");
        assertThat(rows).hasCount(1, WAIT);
        assertThat(rows.first()).hasAttribute("data-icao", "4CA2D1");
        page.locator("#filter").fill("7700");
        assertThat(rows).hasCount(1, WAIT);
        assertThat(rows.first()).hasAttribute("data-icao", "3C6586");
        page.locator("#filter").fill("50818");
        assertThat(rows).hasCount(1, WAIT);
        page.locator("#filter").fill("NOTHING-LIKE-THIS");
        assertThat(rows).hasCount(0, WAIT);
        page.locator("#filter").fill("");
        assertThat(rows).hasCount(MovingPicture.TOTAL, WAIT);
    }

    /** True when the table's five rows are in altitude order (dir 1 ascending, -1 descending). */
    private static final String ALTITUDES_IN_ORDER = """
            dir => {
              const v = [...document.querySelectorAll('#aircraft-rows tr[data-icao] td[data-col=altitude_ft]')]
                .map(td => Number(td.textContent.replace(/[^0-9-]/g, '')));
              return v.length === 5 && v.every((x, i) => i === 0 || dir * (x - v[i - 1]) >= 0);
            }""";

    @Test
    void sortingByAltitudeOrdersRowsBothWays() {
        Locator rows = page.locator("#aircraft-rows tr[data-icao]");
        assertThat(rows).hasCount(MovingPicture.TOTAL, WAIT);
        // 50818C climbs 100 ft a picture, past the others on a slow machine: the order is read from the rows
        page.locator("th[data-sort=altitude_ft]").click();
        page.waitForFunction(ALTITUDES_IN_ORDER, 1);
        assertThat(page.locator("th[data-sort=altitude_ft]")).hasAttribute("aria-sort", "ascending");
        page.locator("th[data-sort=altitude_ft]").click();
        page.waitForFunction(ALTITUDES_IN_ORDER, -1);
        assertThat(page.locator("th[data-sort=altitude_ft]")).hasAttribute("aria-sort", "descending");
    }

    @Test
    void clickingARowOpensTheDetailsPanelWithEveryField() {
        assertThat(page.locator("#details")).isHidden();
        page.locator("tr[data-icao=\"4CA2D1\"]").click();
        Locator details = page.locator("#details");
        assertThat(details).isVisible();
        assertThat(page.locator("#details-title")).containsText("RYR4TB");
        assertThat(details.locator("dd[data-field=icao]")).hasText("4CA2D1");
        assertThat(details.locator("dd[data-field=squawk]")).hasText("2041");
        assertThat(details.locator("dd[data-field=altitude_ft]")).containsText("FL370");
        assertThat(details.locator("dd[data-field=gnss_altitude_ft]")).containsText("37450");
        assertThat(details.locator("dd[data-field=nac_p]")).hasText("9");
        assertThat(details.locator("dd[data-field=category]")).hasText("A3");
        assertThat(details.locator("dd[data-field=trail]")).isVisible();
        assertThat(page.locator("#details-symbol img")).isVisible(); // APP-6 air-track symbol
        assertThat(page.locator("tr[data-icao=\"4CA2D1\"]")).hasClass(Pattern.compile("\\bselected\\b"));
        page.keyboard().press("Escape");
        assertThat(details).isHidden();
    }

    @Test
    void clickingAnAircraftOnTheMapSelectsIt() {
        Object pixel = page.evaluate("() => window.vigil.pixelOf('3C6586')");
        List<?> xy = (List<?>) pixel;
        BoundingBox box = page.locator("#map").boundingBox();
        page.mouse().click(box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue());
        assertThat(page.locator("#details")).isVisible();
        assertThat(page.locator("#details-title")).containsText("DLH9U");
        assertThat(page.locator("#details dd[data-field=emergency]")).hasText("general");
        assertThat(page.locator("#details")).hasClass(Pattern.compile("\\bemergency\\b"));
    }

    @Test
    void consoleReconnectsWhenTheServerComesBack() {
        assertThat(page.locator("#conn")).hasAttribute("data-state", "open");
        server.stop();
        assertThat(page.locator("#conn"))
                .hasAttribute("data-state", "closed", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        server = new WebServer(settings(port), picture, List::of, () -> null).plots(new FixedPlots());
        server.start();
        assertThat(page.locator("#conn"))
                .hasAttribute("data-state", "open", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        int pictures = (int) number("window.vigil.pictures()");
        page.waitForFunction("n => window.vigil.pictures() > n", pictures);
    }

    @Test
    void screenshotShowsBasemapSymbolsLabelsAndTable() throws Exception {
        page.locator("tr[data-icao=\"3C6586\"]").click();
        page.waitForTimeout(1200); // let the view settle and a couple of pictures draw trails
        Path shot = Paths.get("target", "console.png");
        Files.createDirectories(shot.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        assertThat(Files.size(shot)).isGreaterThan(20_000);
        // The map canvas is not blank: sample its pixels for land, sea and symbol colours.
        Object distinct = page.evaluate("""
                () => {
                  const c = document.querySelector('#map canvas');
                  const g = c.getContext('2d', { willReadFrequently: true });
                  const d = g.getImageData(0, 0, c.width, c.height).data;
                  const seen = new Set();
                  for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] >> 4) << 8 | (d[i + 1] >> 4) << 4 | (d[i + 2] >> 4));
                  return seen.size;
                }""");
        assertThat(((Number) distinct).intValue())
                .as("distinct colours on the map")
                .isGreaterThan(5);

        // The same picture in APP-6 / MIL-STD-2525 air-track symbols, for a look by eye.
        page.evaluate("() => window.vigil.setSymbology('app6')");
        page.waitForTimeout(600);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "console-app6.png")));
    }

    @Test
    void radarPlotsShowAsTheirOwnLayerWithPlotSymbolsThatFadeWithAge() {
        awaitPlots();
        assertThat(page.locator("#show-plots")).isChecked(); // on by default
        assertThat(page.locator("#plot-count")).hasAttribute("data-count", String.valueOf(FixedPlots.COUNT));
        // The aircraft are still all there, in their own layer: plots are not aircraft.
        assertThat(number("window.vigil.featureCount()")).isEqualTo(MovingPicture.WITH_POSITION);
        assertThat(number("window.vigil.aircraftCount()")).isEqualTo(MovingPicture.TOTAL);

        Map<?, ?> newest = (Map<?, ?>) page.evaluate("() => window.vigil.plotSymbol(0)");
        assertThat(newest.get("type")).isEqualTo("combined");
        assertThat(((Number) newest.get("bucket")).intValue()).isZero();
        assertThat(((Number) newest.get("opacity")).doubleValue()).isEqualTo(1.0);
        assertThat(newest.get("layer")).isEqualTo("vigil-plots").isNotEqualTo(newest.get("aircraftLayer"));
        Map<?, ?> oldest = (Map<?, ?>) page.evaluate("() => window.vigil.plotSymbol(4)");
        assertThat(oldest.get("type")).isEqualTo("mode_s_combined");
        assertThat(((Number) oldest.get("opacity")).doubleValue()).isBetween(0.1, 0.4);
        Map<?, ?> middle = (Map<?, ?>) page.evaluate("() => window.vigil.plotSymbol(3)"); // 6 s of 11 old
        assertThat(((Number) middle.get("opacity")).doubleValue())
                .isLessThan(((Number) newest.get("opacity")).doubleValue())
                .isGreaterThan(((Number) oldest.get("opacity")).doubleValue());

        // Drawn in the plot colour on the plot layer's own canvas; the aircraft canvas has none of it.
        assertThat(plotPixelsAround(0))
                .as("plot-coloured pixels at the newest plot")
                .isGreaterThan(10);
        assertThat(plotPixelsAround(1))
                .as("plot-coloured pixels at the primary plot")
                .isGreaterThan(6);
    }

    @Test
    void radarPlotsToggleHidesAndShowsTheLayer() {
        awaitPlots();
        assertThat(plotPixelsAround(0)).isGreaterThan(10);
        page.locator("#show-plots").uncheck();
        assertThat(page.evaluate("() => window.vigil.plotsVisible()")).isEqualTo(false);
        page.waitForTimeout(300);
        assertThat(plotPixelsAround(0)).as("plot pixels with the layer off").isLessThanOrEqualTo(0);
        assertThat(number("window.vigil.featureCount()")).isEqualTo(MovingPicture.WITH_POSITION); // aircraft stay
        page.locator("#show-plots").check();
        assertThat(page.evaluate("() => window.vigil.plotsVisible()")).isEqualTo(true);
        page.waitForTimeout(300);
        assertThat(plotPixelsAround(0)).isGreaterThan(10);
    }

    @Test
    void hoveringAPlotShowsItsRadarTypeModeAFlightLevelAndIcao() {
        awaitPlots();
        // only RYR4TB on the map (the filter filters the map): DLH9U flies west over this plot after
        // some 160 pictures, which a slow machine reaches, and an aircraft under the pointer takes the hover
        page.locator("#filter").fill("RYR4TB");
        page.waitForFunction("() => window.vigil.featureCount() === 1");
        hoverPlot(3); // the Mode S plot
        Locator tip = page.locator("#plot-tip");
        assertThat(tip).isVisible();
        assertThat(tip).containsText("Radar 12/35");
        assertThat(tip).containsText("Mode S");
        assertThat(tip).containsText("Mode 3/A 2041");
        assertThat(tip).containsText("FL370");
        assertThat(tip).containsText("ICAO 4CA2D1");
        assertThat(tip).containsText("6.0 s old");
        BoundingBox box = page.locator("#map").boundingBox();
        page.mouse().move(box.x + 5, box.y + box.height - 5); // a corner with nothing in it
        assertThat(tip).isHidden();
    }

    @Test
    void fiveThousandPlotsLoadAndDrawQuickly() {
        awaitPlots();
        // One message's worth of work, timed in the page: load 5,000 plots and draw a frame.
        Map<?, ?> r = (Map<?, ?>) page.evaluate("""
                () => {
                  const types = ['primary', 'secondary', 'combined', 'mode_s', 'mode_s_combined'];
                  const plots = [];
                  for (let i = 0; i < 5000; i++) {
                    plots.push({ lat: 41 + (i % 100) * 0.07, lon: 28 + Math.floor(i / 100) * 0.2, type: types[i % 5],
                      radar: '12/34', time: 1000000 + i * 2, mode3a: '1234', altitude_ft: 30000 });
                  }
                  const t0 = performance.now();
                  window.vigil.loadPlots(plots);
                  window.vigil.map.renderSync();
                  const t1 = performance.now();
                  window.vigil.loadPlots(plots);
                  const t2 = performance.now();
                  window.vigil.map.renderSync();
                  const t3 = performance.now();
                  return { first: t1 - t0, load: t2 - t1, draw: t3 - t2, second: t3 - t1, count: window.vigil.plotCount() };
                }""");
        assertThat(((Number) r.get("count")).intValue()).isEqualTo(5000);
        System.out.printf(
                "5000 plots: first load+draw %.0f ms; again: load %.0f ms, draw (whole map) %.0f ms%n",
                ((Number) r.get("first")).doubleValue(),
                ((Number) r.get("load")).doubleValue(),
                ((Number) r.get("draw")).doubleValue());
        // Generous bound for a loaded 2-core machine; per-plot DOM or per-plot styles would be far slower.
        assertThat(((Number) r.get("second")).doubleValue()).isLessThan(1500);
    }

    @Test
    void screenshotShowsRadarPlotsDistinctFromAircraft() throws Exception {
        awaitPlots();
        page.evaluate(
                "() => { const v = window.vigil.map.getView(); v.setZoom(8); v.setCenter(window.vigil.fromLonLat([32.4, 43.45])); }");
        page.waitForTimeout(700);
        hoverPlot(3);
        assertThat(page.locator("#plot-tip")).isVisible();
        Path shot = Paths.get("target", "console-plots.png");
        Files.createDirectories(shot.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    private void awaitPlots() {
        page.waitForFunction(
                "n => window.vigil.plotCount() === n",
                FixedPlots.COUNT,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
    }

    private void hoverPlot(int i) {
        BoundingBox box = page.locator("#map").boundingBox();
        List<?> xy = (List<?>) page.evaluate("i => window.vigil.plotPixel(i)", i);
        page.mouse().move(box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue());
    }

    /** Pixels in the plot colour within 8 px of plot i on the plot layer's own canvas; -1 when it has none. */
    private int plotPixelsAround(int i) {
        return ((Number) page.evaluate("""
                i => {
                  const c = document.querySelector('#map .vigil-plots canvas');
                  if (!c) return -1;
                  const [x, y] = window.vigil.plotPixel(i);
                  const r = c.width / c.getBoundingClientRect().width;
                  const g = c.getContext('2d', { willReadFrequently: true });
                  const d = g.getImageData(Math.round((x - 8) * r), Math.round((y - 8) * r), Math.round(16 * r), Math.round(16 * r)).data;
                  let n = 0;
                  // Pale cyan-white: bright in every channel, blue and green above red; no aircraft colour is that pale.
                  for (let k = 0; k < d.length; k += 4) {
                    if (d[k + 3] > 60 && d[k] > 150 && d[k + 1] > 200 && d[k + 2] > 220) n++;
                  }
                  return n;
                }""", i)).intValue();
    }

    private double number(String expression) {
        return ((Number) page.evaluate(expression)).doubleValue();
    }
}
