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
import com.microsoft.playwright.options.Cookie;
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

/**
 * The console's workflows between users and for supervisors and admins (issue 16), in Debian's
 * Chromium against a {@link WebServer} whose QRA, user and audit routes are stand-ins recording what
 * the console sent (the routes themselves are tested with their services). Who is signed in comes
 * from a cookie the stand-in {@code /api/me} reads, so two browser contexts are two users. Also the
 * tar1090 habits: URL parameters, settings kept, keyboard, range and bearing, bullseye, coordinates.
 */
class ConsoleOperatorsBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Playwright playwright;
    private static Browser browser;
    private static WebServer server;
    private static int port;
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static final List<Map<String, Object>> scrambles = new CopyOnWriteArrayList<>();
    private static final List<Map<String, Object>> users = new CopyOnWriteArrayList<>();

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    private static String user(io.javalin.http.Context ctx) {
        String u = ctx.cookie("test-user");
        return u == null ? "olga" : u;
    }

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium"))) fail("no browser at /usr/bin/chromium");
        server = new WebServer(
                        WebSettings.defaults()
                                .withBindAddress("127.0.0.1")
                                .withPort(0)
                                .withPushInterval(Duration.ofMillis(500))
                                .withVersion("operators-test"),
                        ConsoleWorkflowBrowserTest::picture,
                        List::of,
                        () -> null)
                .tracks(ConsoleWorkflowBrowserTest::tracks)
                // the registration and type columns read the filed plans (REG/, item 9)
                .flightPlans(() -> List.of(
                        Map.of("callsign", "RYR4TB", "icao", "4CA2D1", "type", "B738", "registration", "EIDCL")))
                .routes(app -> {
                    // the evidence half of the details panel's history section (AlertService's route)
                    app.get(
                            "/api/tracks/{track}/identity",
                            ctx -> ctx.json(Map.of(
                                    "track",
                                    Integer.parseInt(ctx.pathParam("track")),
                                    "identity",
                                    "suspect",
                                    "by",
                                    "no-transponder",
                                    "radioContactLost",
                                    false,
                                    "evidence",
                                    List.of(Map.of(
                                            "rule",
                                            "no-transponder",
                                            "since",
                                            "2026-12-07T10:00:20.000Z",
                                            "text",
                                            "no-transponder: primary only")))),
                            Role.OBSERVER);
                    app.get(
                            "/api/me",
                            ctx -> {
                                String role = ctx.cookie("test-role");
                                if (role == null) ctx.status(404);
                                else ctx.json(Map.of("username", user(ctx), "role", role));
                            },
                            Role.OBSERVER);
                    app.get(
                            "/api/alerts",
                            ctx -> ctx.json(Map.of(
                                    "alerts", List.of(ConsoleWorkflowBrowserTest.alert(1, 7, null, "no-transponder")))),
                            Role.OBSERVER);
                    app.get(
                            "/api/qra/recommendation",
                            ctx -> ctx.json(
                                    List.of(Map.of("rank", 1, "unit", "RO-F16-LRBM", "feasible", true, "minutes", 12))),
                            Role.OBSERVER);
                    app.get(
                            "/api/qra/units",
                            ctx -> ctx.json(List.of(Map.of(
                                    "id",
                                    "RO-F16-LRBM",
                                    "base",
                                    "LRBM",
                                    "type",
                                    "F-16",
                                    "count",
                                    2,
                                    "readiness",
                                    "QRA-15"))),
                            Role.OBSERVER);
                    app.get("/api/scrambles", ctx -> ctx.json(new ArrayList<>(scrambles)), Role.OBSERVER);
                    app.post(
                            "/api/scrambles",
                            ctx -> {
                                requests.add("POST /api/scrambles " + user(ctx) + " " + ctx.body());
                                JsonNode b = JSON.readTree(ctx.body());
                                Map<String, Object> s = new LinkedHashMap<>();
                                s.put("id", "S-1");
                                s.put("category", "Alpha");
                                s.put("unit", b.get("unit").asText());
                                s.put("track", b.get("track").asInt());
                                s.put("phase", "proposed");
                                s.put("phases", Map.of("proposed", "2026-12-07T10:00:00Z"));
                                s.put("proposedBy", user(ctx));
                                scrambles.add(s);
                                ctx.json(s);
                            },
                            Role.OPERATOR);
                    app.post(
                            "/api/scrambles/{id}/order",
                            ctx -> {
                                requests.add("POST /api/scrambles/" + ctx.pathParam("id") + "/order " + user(ctx));
                                for (Map<String, Object> s : scrambles) {
                                    s.put("phase", "ordered");
                                    s.put("orderedBy", user(ctx));
                                    s.put(
                                            "phases",
                                            Map.of(
                                                    "proposed",
                                                    "2026-12-07T10:00:00Z",
                                                    "ordered",
                                                    "2026-12-07T10:01:00Z"));
                                }
                                ctx.json(Map.of("ok", true));
                            },
                            Role.SUPERVISOR);
                    app.get("/api/users", ctx -> ctx.json(new ArrayList<>(users)), Role.ADMIN);
                    app.post(
                            "/api/users",
                            ctx -> {
                                requests.add("POST /api/users " + ctx.body());
                                JsonNode b = JSON.readTree(ctx.body());
                                users.add(Map.of(
                                        "username", b.get("username").asText(),
                                        "role", b.get("role").asText(),
                                        "disabled", false,
                                        "created_at_millis", System.currentTimeMillis()));
                                ctx.status(201).json(Map.of("ok", true));
                            },
                            Role.ADMIN);
                    app.put(
                            "/api/qra/detachments/{id}/readiness",
                            ctx -> {
                                requests.add(
                                        "PUT /api/qra/detachments/" + ctx.pathParam("id") + "/readiness " + ctx.body());
                                ctx.json(Map.of("ok", true));
                            },
                            Role.SUPERVISOR);
                    app.get(
                            "/api/audit",
                            ctx -> ctx.json(List.of(Map.of(
                                    "seq",
                                    1,
                                    "wall_time_millis",
                                    1_765_000_000_000L,
                                    "user",
                                    "ada",
                                    "role",
                                    "admin",
                                    "action",
                                    "user.create",
                                    "target",
                                    "olga",
                                    "detail",
                                    "role operator",
                                    "outcome",
                                    "success"))),
                            Role.SUPERVISOR);
                    app.get(
                            "/api/audit/verification",
                            ctx -> ctx.json(Map.of("state", "intact", "rows", 1, "keyed", true)),
                            Role.ADMIN);
                });
        // range rings: one radar and one receiver (a single receiver also gets inner rings every 50 NM)
        WebServerTest.sampleSites(server.sites());
        // the primary-only track's identification history (the picture's events in a live server)
        TrackHistory history = new TrackHistory();
        TrackHistoryTest.lifecycle(
                history, 7, java.time.Instant.parse("2026-12-07T10:00:00Z").toEpochMilli() * 1_000_000L);
        server.trackHistory(history);
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
    void reset() {
        requests.clear();
        scrambles.clear();
        users.clear();
        users.add(
                Map.of("username", "ada", "role", "admin", "disabled", false, "created_at_millis", 1_765_000_000_000L));
    }

    @AfterEach
    void close() {
        for (BrowserContext c : contexts) c.close();
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }

    /** A console signed in as {@code user} with {@code role} (null: a server without sign-in), at {@code query}. */
    private Page open(String user, String role, String query) {
        BrowserContext c = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1600, 900).setBypassCSP(true));
        contexts.add(c);
        String base = "http://127.0.0.1:" + port;
        if (role != null) {
            c.addCookies(List.of(
                    new Cookie("test-user", user).setUrl(base + "/"),
                    new Cookie("test-role", role).setUrl(base + "/")));
        }
        Page page = c.newPage();
        page.onPageError(pageErrors::add);
        page.navigate(base + "/" + query);
        page.waitForFunction(
                "() => window.vigil && window.vigil.systemTrackCount() === 2 && window.vigil.aircraftCount() === 5",
                null,
                new Page.WaitForFunctionOptions().setTimeout(15_000));
        return page;
    }

    @Test
    void anOperatorProposesAndASupervisorOrdersTheScramble() {
        Page op = open("olga", "operator", "");
        op.locator("#alert-list li.alert[data-alert='1'] .alert-title").click();
        op.locator("#qra-recommendation li.rec[data-unit='RO-F16-LRBM'] button:text-is('Propose')")
                .click();
        Locator mine = op.locator("#scramble-list li.scramble[data-scramble='S-1']");
        assertThat(mine.locator(".phase-badge")).hasText("PROPOSED · awaiting order");
        assertThat(mine).not().containsText("Alpha"); // not an Alpha before it is ordered
        assertThat(mine.locator("button:has-text('Order')")).hasCount(0); // operators do not order
        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("POST /api/scrambles olga"));

        Page sup = open("sam", "supervisor", "");
        // the supervisor sees the proposal on top, with a banner, and orders it
        assertThat(sup.locator("#scramble-list li.scramble-banner")).containsText("awaiting your order");
        assertThat(sup.locator("#qra")).hasClass(Pattern.compile("\\bawaiting-order\\b"));
        Locator proposal = sup.locator("#scramble-list li.scramble.proposed[data-scramble='S-1']");
        assertThat(proposal).containsText("proposed by olga");
        sup.onDialog(d -> d.accept());
        proposal.locator("button:has-text('Order (Alpha)')").click();
        assertThat(sup.locator("#scramble-list li.scramble.ordered[data-scramble='S-1'] .phase-badge"))
                .hasText("ORDERED");
        assertThat(sup.locator("#scramble-list li.scramble-banner")).hasCount(0);
        assertThat(requests).contains("POST /api/scrambles/S-1/order sam");
        // and the operator's console follows (it polls)
        assertThat(op.locator("#scramble-list li.scramble.ordered[data-scramble='S-1']"))
                .containsText("ordered by sam");
    }

    @Test
    void anAdminCreatesAUserAndSeesTheAuditTrailWithItsVerification() {
        Page page = open("ada", "admin", "");
        page.locator("#admin-open").click();
        assertThat(page.locator("#admin-body tr[data-user='ada']")).isVisible();
        page.locator("#new-user-name").fill("olga");
        page.locator("#new-user-role").selectOption("supervisor");
        page.locator("#new-user-password").fill("a long enough password 1");
        page.locator("#new-user-create").click();
        assertThat(page.locator("#admin-body tr[data-user='olga']")).isVisible();
        assertThat(requests)
                .anySatisfy(r -> assertThat(r)
                        .startsWith("POST /api/users ")
                        .contains("\"username\":\"olga\"")
                        .contains("\"role\":\"supervisor\""));

        page.locator("#admin-tabs button[data-tab='audit']").click();
        assertThat(page.locator("#audit-verification")).hasAttribute("data-state", "intact");
        assertThat(page.locator("#admin-body tr[data-seq='1']")).containsText("user.create");

        page.onDialog(d -> d.accept());
        page.locator("#admin-tabs button[data-tab='posture']").click();
        page.locator("#admin-body tr[data-unit='RO-F16-LRBM'] select").selectOption("QRA-5");
        page.waitForCondition(() -> requests.stream()
                .anyMatch(r -> r.startsWith("PUT /api/qra/detachments/RO-F16-LRBM/readiness") && r.contains("QRA-5")));
    }

    @Test
    void anOperatorSeesNoAdminButtonAndASupervisorNoUsersTab() {
        Page op = open("olga", "operator", "");
        assertThat(op.locator("#admin-open")).isHidden();
        Page sup = open("sam", "supervisor", "");
        sup.locator("#admin-open").click();
        assertThat(sup.locator("#admin-tabs button[data-tab='posture']")).isVisible();
        assertThat(sup.locator("#admin-tabs button[data-tab='users']")).hasCount(0);
    }

    @Test
    void urlParametersSelectAndSetSymbolsCoordinatesColumnsAndView() {
        Page page = open(
                null,
                null,
                "?icao=4CA2D1&symbols=app6&coords=mgrs&columns=icao,callsign,altitude_ft,distance_nm&zoom=7");
        page.waitForFunction("() => window.vigil.selected() === '4CA2D1'");
        assertThat(page.locator("#symbology")).hasValue("app6");
        assertThat(page.locator("#legend")).hasAttribute("data-symbology", "app6");
        assertThat(page.locator("#legend")).containsText("hostile");
        assertThat(page.locator("#aircraft-table th[data-sort]:visible")).hasCount(4);
        assertThat(page.locator("#details dd[data-field=position_mgrs]"))
                .hasText(Pattern.compile("^3[56]T [A-Z]{2} \\d{5} \\d{5}$"));
        assertThat(page.locator("#details dd[data-field=position_dms]")).containsText("°");
        assertThat(((Number) page.evaluate("() => window.vigil.map.getView().getZoom()")).doubleValue())
                .isEqualTo(7.0);
        // one object per aircraft: the aircraft's system track (T42, same address) draws no mark of its own
        assertThat(page.evaluate("() => window.vigil.trackMarkDrawn('T42')")).isEqualTo(false);
        assertThat(page.evaluate("() => window.vigil.trackMarkDrawn('T7')")).isEqualTo(true);
    }

    @Test
    void settingsAreKeptAndKeysToggleThem() {
        Page page = open(null, null, "");
        assertThat(page.locator("#show-labels")).isChecked();
        page.locator("#map").click(new Locator.ClickOptions().setPosition(5, 5)); // focus off the filter box
        page.keyboard().press("l");
        assertThat(page.locator("#show-labels")).not().isChecked();
        page.keyboard().press("s");
        assertThat(page.locator("#symbology")).hasValue("app6");
        page.keyboard().press("?");
        assertThat(page.locator("#help")).isVisible();
        page.keyboard().press("Escape");
        page.reload();
        page.waitForFunction("() => window.vigil && window.vigil.aircraftCount() === 5");
        assertThat(page.locator("#show-labels")).not().isChecked();
        assertThat(page.locator("#symbology")).hasValue("app6");
        assertThat(page.locator("#legend")).hasAttribute("data-symbology", "app6");
    }

    @Test
    void rangeAndBearingBullseyeAndInViewOnly() {
        Page page = open(null, null, "?lat=43.5&lon=31.5&zoom=7");
        page.locator("#map").click(new Locator.ClickOptions().setPosition(5, 5));
        page.keyboard().press("r");
        clickAt(page, 30, 43);
        clickAt(page, 31, 43);
        // 1 degree of longitude at 43 N: 43.9 NM, bearing a little under 090 on the great circle
        page.waitForFunction("() => window.vigil.rangeBearing() !== null");
        assertThat((String) page.evaluate("() => window.vigil.rangeBearing()")).matches("0(89|90)° 43\\.[89] NM");
        assertThat(page.evaluate("() => window.vigil.selected()"))
                .as("a tool's click selects nothing")
                .isNull();

        page.keyboard().press("b");
        clickAt(page, 30, 43);
        List<?> be = (List<?>) page.evaluate("() => window.vigil.bullseye()");
        assertThat(((Number) be.get(0)).doubleValue()).isCloseTo(30, org.assertj.core.data.Offset.offset(0.01));
        assertThat(((Number) be.get(1)).doubleValue()).isCloseTo(43, org.assertj.core.data.Offset.offset(0.01));
        List<?> px = pixel(page, 31, 43);
        var box = page.locator("#map").boundingBox();
        page.mouse().move(box.x + ((Number) px.get(0)).doubleValue(), box.y + ((Number) px.get(1)).doubleValue());
        assertThat(page.locator("#cursor-readout")).containsText("BE 0");
        assertThat(page.locator("#cursor-readout")).containsText("43.");

        // in view only: 4CA2D1 just off the right edge (still sent: the server's view has a margin) leaves the table
        assertThat(page.locator("#aircraft-rows tr[data-icao='4CA2D1']")).hasCount(1);
        page.locator("#in-view").check();
        page.evaluate("() => { const m = window.vigil.map; const v = m.getView(); const w = m.getSize()[0];"
                + " const p = window.vigil.fromLonLat(window.vigil.positionOf('4CA2D1'));"
                + " v.setCenter([p[0] - 0.55 * w * v.getResolution(), p[1]]); }");
        assertThat(page.locator("#aircraft-rows tr[data-icao='4CA2D1']")).hasCount(0);
        page.locator("#in-view").uncheck();
        assertThat(page.locator("#aircraft-rows tr[data-icao='4CA2D1']")).hasCount(1);
    }

    @Test
    void rangeRingsAroundTheRadarsAndReceiversAreALayerToToggle() {
        Page page = open(null, null, "");
        page.waitForFunction("() => window.vigil.sites().length === 2");
        // the radar's ring, the receiver's ring and its inner rings at 50 and 100 NM
        page.waitForFunction("() => window.vigil.siteRingCount() === 4");
        assertThat(page.evaluate("() => window.vigil.sitesVisible()")).isEqualTo(true);
        page.locator("#show-sites").uncheck();
        assertThat(page.evaluate("() => window.vigil.sitesVisible()")).isEqualTo(false);
        page.reload(); // kept between reloads
        page.waitForFunction("() => window.vigil && window.vigil.aircraftCount() === 5");
        assertThat(page.locator("#show-sites")).not().isChecked();
        assertThat(page.evaluate("() => window.vigil.sitesVisible()")).isEqualTo(false);
    }

    @Test
    void ctrlClickAndKeyMSelectSeveralAircraft() {
        Page page = open(null, null, "");
        page.locator("#aircraft-rows tr[data-icao='4CA2D1']").click();
        page.locator("#aircraft-rows tr[data-icao='471F35']")
                .click(new Locator.ClickOptions()
                        .setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.CONTROL)));
        assertThat(page.evaluate("() => window.vigil.selection()")).isEqualTo(List.of("471F35", "4CA2D1"));
        assertThat(page.locator("#aircraft-rows tr.selected")).hasCount(2);
        assertThat(page.locator("#details")).hasAttribute("data-icao", "471F35");
        // Ctrl-click on a selected one takes it out
        page.locator("#aircraft-rows tr[data-icao='4CA2D1']")
                .click(new Locator.ClickOptions()
                        .setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.CONTROL)));
        assertThat(page.evaluate("() => window.vigil.selection()")).isEqualTo(List.of("471F35"));
        // Esc clears the selection; key M: every click adds, without a modifier (no map click here: the
        // map's single click comes 250 ms late and, on a loaded machine, after the next clicks)
        page.keyboard().press("Escape");
        assertThat(page.evaluate("() => window.vigil.selection()")).isEqualTo(List.of());
        page.keyboard().press("m");
        assertThat(page.evaluate("() => window.vigil.multiMode()")).isEqualTo(true);
        page.locator("#aircraft-rows tr[data-icao='50818C']").click();
        page.locator("#aircraft-rows tr[data-icao='3C6586']").click();
        page.locator("#aircraft-rows tr[data-icao='400F01']").click();
        assertThat(page.evaluate("() => window.vigil.selection()")).isEqualTo(List.of("400F01", "50818C", "3C6586"));
        assertThat(page.locator("#aircraft-rows tr.selected")).hasCount(3);
        // M again: a plain click selects one again
        page.keyboard().press("m");
        page.locator("#aircraft-rows tr[data-icao='4CA2D1']").click();
        assertThat(page.evaluate("() => window.vigil.selection()")).isEqualTo(List.of("4CA2D1"));
    }

    @Test
    void registrationAndTypeColumnsComeFromTheFiledPlan() {
        Page page = open(null, null, "?columns=icao,callsign,registration,aircraft_type");
        assertThat(page.locator("#aircraft-table th[data-sort]:visible")).hasCount(4);
        assertThat(page.locator("#aircraft-rows tr[data-icao='4CA2D1'] td[data-col=registration]"))
                .hasText("EIDCL");
        assertThat(page.locator("#aircraft-rows tr[data-icao='4CA2D1'] td[data-col=aircraft_type]"))
                .hasText("B738");
        assertThat(page.locator("#aircraft-rows tr[data-icao='471F35'] td[data-col=registration]"))
                .hasText("");
        assertThat(page.locator("#column-list input[data-col=registration]")).isChecked();
    }

    @Test
    void thePrimaryOnlyTracksDetailsShowItsEvidenceAndHistoryWithTimes() {
        Page page = open(null, null, "");
        page.locator("#aircraft-rows tr[data-icao='T7']").click();
        Locator history = page.locator("#details-history");
        assertThat(history).isVisible();
        assertThat(history).hasAttribute("data-track", "7");
        assertThat(history.locator(".identity-basis")).hasText("suspect by no-transponder");
        assertThat(history.locator(".evidence-item")).containsText("10:00:20Z no-transponder: primary only");
        // newest first: radio contact lost, the acknowledgement, the alert, the identity change, the start
        assertThat(history.locator(".history-item")).hasCount(5);
        assertThat(history.locator(".history-item").nth(0)).hasText("10:02:20Z radio contact lost by olga");
        assertThat(history.locator(".history-item").nth(1))
                .hasText("10:01:30Z alert #3 acknowledged (P2 no-transponder) by sdo-anna");
        assertThat(history.locator(".history-item").nth(2)).hasText("10:00:20Z alert #3 raised (P2 no-transponder)");
        assertThat(history.locator(".history-item").nth(3))
                .hasText("10:00:20Z identity pending → suspect (no-transponder)");
        assertThat(history.locator(".history-item").nth(4)).hasText("10:00:00Z identification started (pending)");
        // an aircraft's details show its system track's history (T42: none yet)
        page.locator("#aircraft-rows tr[data-icao='4CA2D1']").click();
        assertThat(history).hasAttribute("data-track", "42");
        assertThat(history.locator(".history-item")).hasText("no identification events yet");
    }

    private static List<?> pixel(Page page, double lon, double lat) {
        return (List<?>) page.evaluate(
                "([lon, lat]) => window.vigil.map.getPixelFromCoordinate(window.vigil.fromLonLat([lon, lat]))",
                List.of(lon, lat));
    }

    /** A deliberate click at a place: after the double-click time, so two in a row are not a double click (a zoom). */
    private static void clickAt(Page page, double lon, double lat) {
        page.waitForTimeout(400);
        List<?> px = pixel(page, lon, lat);
        page.locator("#map")
                .click(new Locator.ClickOptions()
                        .setPosition(((Number) px.get(0)).doubleValue(), ((Number) px.get(1)).doubleValue()));
    }
}
