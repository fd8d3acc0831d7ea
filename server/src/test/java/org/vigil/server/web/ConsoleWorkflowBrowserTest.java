package org.vigil.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.server.auth.Role;
import org.vigil.server.tracking.SystemTrackView;

/**
 * The operator's workflows in the console (issue 16), in Debian's Chromium: a primary-only system
 * track is in the table and selectable with its sources; an alert takes the operator to its track;
 * resolve, identity override and radio contact lost are buttons and reason lists, and send what the
 * alert routes expect; a new alert flashes the panel. The alert routes are stand-ins that record what
 * the console posts (the real routes are tested with AlertService).
 */
class ConsoleWorkflowBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PRIMARY = 7;

    private static Playwright playwright;
    private static Browser browser;
    private static WebServer server;
    private static int port;
    /** What the console posted: "path body". */
    private static final List<String> posts = new CopyOnWriteArrayList<>();

    private static final List<Map<String, Object>> alerts = new CopyOnWriteArrayList<>();
    /** The stand-in replay and sign-in routes answer only when these are set (else 404: live, open). */
    private static volatile boolean replay;

    private static volatile boolean signedIn;
    /** Set by a replay seek: the picture is then of another time and place. */
    private static volatile boolean jumped;

    private static final MovingPicture before = new MovingPicture();

    /** Before the jump the moving picture; after it, 4CA2D1 alone, 4 degrees west (still in view), with no trail. */
    static List<AircraftView> picture() {
        if (!jumped) return before.get();
        return List.of(AircraftView.builder("4CA2D1")
                .callsign("RYR4TB")
                .position(42.0, 28.0)
                .altitudeFt(35000)
                .groundspeedKt(440.0)
                .trackDeg(90.0)
                .messages(5)
                .lastSeen(System.currentTimeMillis())
                .build());
    }

    private static Map<String, Object> replayState() {
        return Map.of(
                "is_replay",
                true,
                "from_ns",
                1_000_000_000_000_000_000L,
                "to_ns",
                1_000_003_600_000_000_000L,
                "position_ns",
                1_000_000_600_000_000_000L,
                "paused",
                false,
                "speed",
                1);
    }

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    static Map<String, Object> alert(int id, int track, String icao, String rule) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("rule", rule);
        a.put("priority", 1);
        a.put("state", "raised");
        a.put("causeActive", true);
        a.put("raised", "2026-12-07T10:00:00Z");
        a.put("title", "test alert " + id);
        a.put("track", track);
        if (icao != null) a.put("icao", icao);
        a.put("identity", "unknown");
        a.put("evidence", List.of(Map.of("text", "evidence of " + id)));
        return a;
    }

    static List<SystemTrackView> tracks() {
        long now = System.currentTimeMillis();
        return List.of(
                new SystemTrackView(
                        PRIMARY,
                        "confirmed",
                        43.2,
                        32.5,
                        null,
                        380,
                        270,
                        null,
                        null,
                        null,
                        null,
                        List.of("radar BLACK-SEA-1"),
                        false,
                        true,
                        300,
                        120,
                        0,
                        now,
                        List.of(new TrailPoint(32.6, 43.2, null), new TrailPoint(32.5, 43.2, null)),
                        "unknown",
                        null,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN),
                new SystemTrackView(
                        42,
                        "confirmed",
                        43.6,
                        31.8,
                        37000,
                        452,
                        90,
                        0,
                        "4CA2D1",
                        "RYR4TB",
                        "2041",
                        List.of("ADS-B", "radar BLACK-SEA-1"),
                        false,
                        false,
                        50,
                        600,
                        0,
                        now,
                        null,
                        "neutral",
                        null,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN));
    }

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium"))) fail("no browser at /usr/bin/chromium");
        server = new WebServer(
                        WebSettings.defaults()
                                .withBindAddress("127.0.0.1")
                                .withPort(0)
                                .withPushInterval(Duration.ofMillis(500))
                                .withVersion("workflow-test"),
                        ConsoleWorkflowBrowserTest::picture,
                        List::of,
                        () -> null)
                .tracks(ConsoleWorkflowBrowserTest::tracks)
                .routes(app -> {
                    app.get("/api/alerts", ctx -> ctx.json(Map.of("alerts", new ArrayList<>(alerts))), Role.OBSERVER);
                    app.get(
                            "/api/replay",
                            ctx -> {
                                if (replay) ctx.json(replayState());
                                else ctx.status(404);
                            },
                            Role.OBSERVER);
                    app.get(
                            "/api/replay/alerts",
                            ctx -> ctx.json(List.of(Map.of(
                                    "alert",
                                    1,
                                    "time_ns",
                                    1_000_002_000_000_000_000L,
                                    "seek_to_ns",
                                    1_000_001_970_000_000_000L,
                                    "track",
                                    PRIMARY,
                                    "rule",
                                    "no-transponder"))),
                            Role.OBSERVER);
                    app.post(
                            "/api/replay/seek",
                            ctx -> {
                                jumped = true;
                                ctx.json(replayState());
                            },
                            Role.OBSERVER);
                    app.get(
                            "/api/me",
                            ctx -> {
                                if (signedIn) ctx.json(Map.of("username", "olga", "role", "operator"));
                                else ctx.status(404);
                            },
                            Role.OBSERVER);
                    app.post("/api/auth/logout", ctx -> posts.add(ctx.path() + " {}"), Role.OBSERVER);
                    for (String path : List.of(
                            "/api/alerts/{id}/resolve",
                            "/api/alerts/{id}/acknowledge",
                            "/api/tracks/{track}/identity",
                            "/api/tracks/{track}/radio-contact")) {
                        app.post(
                                path,
                                ctx -> {
                                    posts.add(ctx.path() + " " + ctx.body());
                                    ctx.json(Map.of("ok", true));
                                },
                                Role.OPERATOR);
                    }
                });
        port = server.start();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = ConsoleBrowserTest.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.stop();
    }

    @BeforeEach
    void open() {
        posts.clear();
        alerts.clear();
        replay = false;
        signedIn = false;
        jumped = false;
        alerts.add(alert(1, PRIMARY, null, "no-transponder"));
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1600, 900).setBypassCSP(true));
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.navigate("http://127.0.0.1:" + port + "/");
        page.waitForFunction(
                "() => window.vigil && window.vigil.systemTrackCount() === 2 && window.vigil.aircraftCount() === 5",
                null,
                new Page.WaitForFunctionOptions().setTimeout(15_000));
        page.waitForSelector("#alert-list li.alert[data-alert='1']");
    }

    @AfterEach
    void close() {
        if (context != null) context.close();
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }

    @Test
    void aPrimaryOnlyTrackIsInTheTableAndSelectableWithItsSources() {
        Locator row = page.locator("#aircraft-rows tr[data-icao='T7']");
        assertThat(row).hasCount(1);
        // the track with the same ICAO as an aircraft is that aircraft's row, not a second one
        assertThat(page.locator("#aircraft-rows tr[data-icao='T42']")).hasCount(0);
        row.click();
        assertThat(page.locator("#details")).isVisible();
        assertThat(page.locator("#details dd[data-field=primary_only]")).containsText("yes");
        assertThat(page.locator("#details dd[data-field=sensors]")).hasText("radar BLACK-SEA-1");
        assertThat(page.locator("#details dd[data-field=track_number]")).hasText("T7");
        page.keyboard().press("Escape");
        assertThat(page.locator("#details")).isHidden();

        // on the map too: a click on its mark selects it (the filter leaves T7 alone on the map: the moving
        // aircraft fly over it after some 200 pictures, which a slow machine reaches, and would take the click)
        page.locator("#filter").fill("T7");
        page.waitForFunction("() => window.vigil.featureCount() === 0");
        List<?> xy = (List<?>)
                page.evaluate("() => window.vigil.map.getPixelFromCoordinate(window.vigil.fromLonLat([32.5, 43.2]))");
        var box = page.locator("#map").boundingBox();
        page.mouse().click(box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue());
        page.waitForFunction("() => window.vigil.selected() === 'T7'"); // singleclick waits out a double click
        assertThat(page.locator("#details")).isVisible();
        assertThat(page.locator("#details dd[data-field=track_number]")).hasText("T7");

        // an aircraft's details show the system track it is and its sources
        page.locator("#filter").fill("");
        page.locator("#aircraft-rows tr[data-icao='4CA2D1']").click();
        assertThat(page.locator("#details dd[data-field=track_number]")).hasText("T42");
        assertThat(page.locator("#details dd[data-field=sensors]")).hasText("ADS-B, radar BLACK-SEA-1");
        assertThat(page.locator("#details dd[data-field=identity]")).hasText("neutral");
    }

    @Test
    void clickingAnAlertSelectsCentresAndHighlightsItsTrack() {
        page.evaluate("() => window.vigil.map.getView().setCenter(window.vigil.fromLonLat([20, 50]))");
        page.locator("#alert-list li.alert[data-alert='1'] .alert-title").click();
        assertThat(page.locator("#alert-list li.alert[data-alert='1']")).hasClass(Pattern.compile("\\bselected\\b"));
        assertThat(page.locator("#details dd[data-field=track_number]")).hasText("T7");
        assertThat(page.locator("#aircraft-rows tr[data-icao='T7']")).hasClass(Pattern.compile("\\bselected\\b"));
        page.waitForFunction(
                "() => { const c = window.vigil.map.getView().getCenter(); const t = window.vigil.fromLonLat([32.5, 43.2]);"
                        + " return Math.hypot(c[0] - t[0], c[1] - t[1]) < 1000; }",
                null,
                new Page.WaitForFunctionOptions().setTimeout(5_000));
    }

    @Test
    void resolveIsAReasonFromAList() throws Exception {
        Locator item = page.locator("#alert-list li.alert[data-alert='1']");
        item.locator("button[data-action=resolve]").click();
        item.locator("select.resolve-reason").selectOption("false alarm (sensor)");
        item.locator(".alert-form button.confirm").click();
        JsonNode body = posted("/api/alerts/1/resolve");
        assertThat(body.get("resolution").asText()).isEqualTo("false alarm (sensor)");
    }

    @Test
    void identityOverrideIsAnIdentityAndAReasonFromLists() throws Exception {
        Locator item = page.locator("#alert-list li.alert[data-alert='1']");
        item.locator("button[data-action=identity]").click();
        item.locator("select.override-identity").selectOption("hostile");
        item.locator("select.override-reason").selectOption("visual identification (intercept)");
        item.locator(".alert-form button.confirm").click();
        JsonNode body = posted("/api/tracks/7/identity");
        assertThat(body.get("identity").asText()).isEqualTo("hostile");
        assertThat(body.get("reason").asText()).isEqualTo("visual identification (intercept)");
    }

    @Test
    void radioContactLostIsOneButton() throws Exception {
        page.locator("#alert-list li.alert[data-alert='1'] button[data-action=radio-lost]")
                .click();
        assertThat(posted("/api/tracks/7/radio-contact").get("lost").asBoolean())
                .isTrue();
    }

    @Test
    void acknowledgeIsOneButtonOnARaisedAlert() throws Exception {
        page.locator("#alert-list li.alert[data-alert='1'] button:has-text('Acknowledge')")
                .click();
        assertThat(posted("/api/alerts/1/acknowledge")).isNotNull();
    }

    @Test
    void aNewAlertFlashesThePanelAndTheCueCanBeMuted() {
        assertThat(((Number) page.evaluate("() => window.vigil.alertCues()")).intValue())
                .as("no cue for what was open at start")
                .isZero();
        page.locator("#alert-mute").check();
        alerts.add(alert(2, 42, "4CA2D1", "squawk-emergency"));
        page.waitForSelector("#alert-list li.alert[data-alert='2']");
        page.waitForFunction("() => window.vigil.alertCues() === 1");
        assertThat(page.locator("#alerts")).hasClass(Pattern.compile("\\bflash\\b"));
        page.reload();
        assertThat(page.locator("#alert-mute")).isChecked(); // kept in local storage
    }

    @Test
    void replaySaysReplayAndAJumpStartsThePictureAfresh() {
        replay = true;
        page.reload();
        page.waitForSelector("#replay-bar");
        page.waitForFunction("() => window.vigil.connText() === 'REPLAY'");
        assertThat(page.locator("#conn")).hasAttribute("data-state", "open");
        page.waitForFunction(
                "() => window.vigil.aircraftCount() === 5 && window.vigil.trailLonLat('4CA2D1').length > 1");
        page.locator("#replay-alerts button:has-text('jump')").click();
        // after the jump: the one aircraft of the new time, and its trail starts where it is now
        page.waitForFunction("() => window.vigil.aircraftCount() === 1 && window.vigil.trailLonLat('4CA2D1').length > 0"
                + " && Math.abs(window.vigil.trailLonLat('4CA2D1')[0][0] - 28) < 0.01");
        // the aircraft rows (system tracks, rows "T<number>", come from the tracks supplier, which did not jump)
        assertThat(page.locator("#aircraft-rows tr[data-icao]:not([data-icao^='T'])"))
                .hasCount(1);
        List<?> trail = (List<?>) page.evaluate("() => window.vigil.trailLonLat('4CA2D1')");
        for (Object p : trail) {
            assertThat(((Number) ((List<?>) p).get(0)).doubleValue())
                    .as("no trail point from before the jump")
                    .isBetween(27.9, 28.5);
        }
    }

    @Test
    void signOutEndsTheSessionAndGoesToTheLoginPage() throws Exception {
        signedIn = true;
        page.reload();
        Locator button = page.locator("#sign-out");
        assertThat(button).isVisible();
        assertThat(page.locator("#user")).hasText("olga");
        button.click();
        page.waitForURL(Pattern.compile(".*/login\\.html$"));
        assertThat(posted("/api/auth/logout")).isNotNull();
        pageErrors.clear(); // the login page's own calls to the (absent) sign-in routes are not the console's
    }

    /** The body the console posted to {@code path}, waiting up to 5 s for it. */
    private static JsonNode posted(String path) throws Exception {
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            for (String p : posts) {
                if (p.startsWith(path + " ")) return JSON.readTree(p.substring(path.length() + 1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing posted to " + path + "; posts: " + posts);
    }
}
