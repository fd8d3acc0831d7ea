package org.vigil.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Browser benchmark of the console at traffic levels (not a test): a {@link WebServer} pushing a
 * synthetic picture of N aircraft that all move and report every second, the real console in
 * headless Debian Chromium (WebGL through the software rasteriser), and what an operator's machine
 * would feel: frame times (requestAnimationFrame intervals) while the picture updates, bytes per
 * second over the WebSocket after the first picture, time from navigation to the first picture drawn,
 * JS heap, DOM elements. The view is fitted to the whole traffic area, so every aircraft is in view
 * (the worst case for the console; a zoomed-in view gets less). Figures go to docs/BENCHMARKS.md.
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/test.classpath) \
 *   org.vigil.server.web.ConsoleBench 10000 40     # aircraft counts; each measured in turn
 * </pre>
 */
public final class ConsoleBench {

    private static final int SETTLE_S = 6;
    private static final int MEASURE_S = 20;

    /** N aircraft over Europe, great-circle-free straight lines at 250-500 kt, every one fresh at each call. */
    static final class Traffic implements Supplier<List<AircraftView>> {
        private final double[] lat;
        private final double[] lon;
        private final double[] trk;
        private final double[] gs;
        private final int[] alt;
        private final int[] vr;
        // the strings made once: the live server's supplier hands out a published snapshot, it does not
        // format 30,000 strings per call (that took this supplier 0.35-0.7 s under load, more than the console)
        private final String[] icao;
        private final String[] callsign;
        private final String[] squawk;
        private final long startNanos = System.nanoTime();
        private final long epoch = System.currentTimeMillis();
        private final int n;

        Traffic(int n) {
            this.n = n;
            SplittableRandom r = new SplittableRandom(16);
            lat = new double[n];
            lon = new double[n];
            trk = new double[n];
            gs = new double[n];
            alt = new int[n];
            vr = new int[n];
            icao = new String[n];
            callsign = new String[n];
            squawk = new String[n];
            for (int i = 0; i < n; i++) {
                lat[i] = 36 + r.nextDouble() * 28;
                lon[i] = -8 + r.nextDouble() * 46;
                trk[i] = r.nextDouble() * 360;
                gs[i] = 250 + r.nextDouble() * 250;
                alt[i] = r.nextInt(5) == 0 ? 1000 + r.nextInt(200) * 100 : 24000 + r.nextInt(160) * 100;
                vr[i] = r.nextInt(5) == 0 ? (r.nextBoolean() ? 1500 : -1500) : 0;
                icao[i] = String.format(Locale.ROOT, "%06X", 0x300000 + i);
                callsign[i] = String.format(Locale.ROOT, "TST%04d", i % 10000);
                squawk[i] = String.format(Locale.ROOT, "%04o", i % 4096);
            }
        }

        @Override
        public synchronized List<AircraftView> get() {
            double t = (System.nanoTime() - startNanos) / 1e9;
            long now = epoch + (long) (t * 1000);
            List<AircraftView> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double nm = gs[i] * t / 3600;
                double la = lat[i] + nm / 60 * Math.cos(Math.toRadians(trk[i]));
                double lo = lon[i] + nm / 60 * Math.sin(Math.toRadians(trk[i])) / Math.cos(Math.toRadians(lat[i]));
                int a = Math.max(0, Math.min(45000, alt[i] + (int) (vr[i] * t / 60)));
                out.add(AircraftView.builder(icao[i])
                        .callsign(callsign[i])
                        .squawk(squawk[i])
                        .position(Math.max(-89, Math.min(89, la)), ((lo + 180) % 360 + 360) % 360 - 180)
                        .altitudeFt(a)
                        .groundspeedKt(gs[i])
                        .trackDeg(trk[i])
                        .verticalRateFpm(vr[i])
                        .category("A3")
                        .messages(10 + (long) (t * 6))
                        .lastSeen(now - (i % 10) * 100L)
                        .positionAgeS((i % 10) / 10.0)
                        .build());
            }
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        int[] counts = args.length == 0 ? new int[] {10_000, 40} : new int[args.length];
        for (int i = 0; i < args.length; i++) counts[i] = Integer.parseInt(args[i]);
        try (Playwright pw = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = pw.chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(java.nio.file.Paths.get("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setArgs(
                                    Boolean.getBoolean("bench.nogl")
                                            ? List.of(
                                                    "--no-sandbox",
                                                    "--disable-gpu",
                                                    "--enable-precise-memory-info",
                                                    "--no-first-run",
                                                    "--disable-background-networking")
                                            : List.of(
                                                    "--no-sandbox",
                                                    "--use-angle=swiftshader",
                                                    "--enable-unsafe-swiftshader",
                                                    "--enable-precise-memory-info",
                                                    "--no-first-run",
                                                    "--disable-background-networking")));
            System.out.println(
                    "| aircraft | frame median ms | frame p95 ms | longest frame ms | KB/s after first picture"
                            + " | first picture s | JS heap MB | DOM elements | symbols | script per picture ms (median)"
                            + " | load avg |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int n : counts) System.out.println(run(browser, n));
            browser.close();
        }
    }

    private static String run(Browser browser, int n) throws Exception {
        Traffic traffic = new Traffic(n);
        // warm the supplier and the server's delta path, as on a server that has been serving consoles
        // (a cold JIT made the first delta of 10,000 aircraft 0.8 s instead of 0.05 s)
        for (int i = 0; i < 5; i++)
            new PictureDelta(0, WebServer.DELTA_MAX_ROWS, WebServer.FIRST_PICTURE_MAX_ROWS)
                    .next(traffic.get(), System.currentTimeMillis(), 0);
        WebServer server = new WebServer(
                WebSettings.defaults()
                        .withBindAddress("127.0.0.1")
                        .withPort(0)
                        .withPushInterval(Duration.ofSeconds(1))
                        .withVersion("console-bench"),
                traffic,
                List::of,
                () -> null);
        int port = server.start();
        try (var context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1600, 900).setBypassCSP(true))) {
            Page page = context.newPage();
            AtomicLong bytes = new AtomicLong();
            AtomicLong counting = new AtomicLong(); // 0 until the measuring starts
            page.onWebSocket(ws -> ws.onFrameReceived(f -> {
                if (counting.get() != 0)
                    bytes.addAndGet(f.text() == null ? 0 : f.text().length());
            }));
            // -Dbench.query=?webgl=0 and the like: console URL parameters (docs/CONSOLE.md)
            page.navigate("http://127.0.0.1:" + port + "/" + System.getProperty("bench.query", ""));
            page.waitForFunction(
                    "() => window.vigil && Number.isFinite(window.vigil.firstPictureAt())",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            double first = ((Number) page.evaluate("() => window.vigil.firstPictureAt()")).doubleValue();
            // where the first picture's time went: script start, socket open, first delta in (bytes), applied, drawn
            System.err.println("first picture (ms from navigation start): "
                    + page.evaluate("() => JSON.stringify(window.vigil.firstPictureTimes())"));
            // the whole traffic area in view: every aircraft on the map
            page.evaluate("() => window.vigil.map.getView().fit([...window.vigil.fromLonLat([-14, 33]),"
                    + " ...window.vigil.fromLonLat([44, 66])])");
            page.waitForTimeout(SETTLE_S * 1000.0);
            counting.set(1);
            // -Dbench.profile=true: where the main thread's time goes (self time per function, from the
            // DevTools CPU profiler); shares hold under load where frame times do not
            com.microsoft.playwright.CDPSession cdp = null;
            if (Boolean.getBoolean("bench.profile")) {
                cdp = context.newCDPSession(page);
                cdp.send("Profiler.enable");
                cdp.send("Profiler.setSamplingInterval", jsonObject("interval", 500));
                cdp.send("Profiler.start");
            }
            // map renders during the measurement: one per picture is the design; more means something redraws idly
            page.evaluate(
                    "() => { window.benchRenders = 0; window.vigil.map.on('postrender', () => window.benchRenders++); }");
            long t0 = System.nanoTime();
            @SuppressWarnings("unchecked")
            List<Number> frames = (List<Number>) page.evaluate("""
                    s => new Promise(done => {
                      const out = []; let last = performance.now(); const end = last + s * 1000;
                      const step = now => { out.push(now - last); last = now;
                        if (now < end) requestAnimationFrame(step); else done(out); };
                      requestAnimationFrame(step);
                    })""", MEASURE_S);
            double seconds = (System.nanoTime() - t0) / 1e9;
            counting.set(0);
            if (cdp != null) printProfile(cdp.send("Profiler.stop"), seconds);
            double[] ft =
                    frames.stream().mapToDouble(Number::doubleValue).sorted().toArray();
            double heap = ((Number) page.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : -1"))
                    .doubleValue();
            int dom = ((Number) page.evaluate("() => document.getElementsByTagName('*').length")).intValue();
            boolean gl = Boolean.TRUE.equals(page.evaluate("() => window.vigil.dense()"));
            int shown = ((Number) page.evaluate("() => window.vigil.aircraftCount()")).intValue();
            @SuppressWarnings("unchecked")
            List<Number> work = (List<Number>) page.evaluate("() => window.vigil.pictureWork()");
            double[] wk =
                    work.stream().mapToDouble(Number::doubleValue).sorted().toArray();
            // one whole-map draw after every aircraft changed (what a picture costs the renderer at worst)
            double draw = ((Number)
                            page.evaluate("() => { const m = window.vigil.map; m.getLayers().forEach(l => l.changed());"
                                    + " const t = performance.now(); m.renderSync(); return performance.now() - t; }"))
                    .doubleValue();
            System.err.printf(
                    Locale.ROOT,
                    "whole-map draw %.0f ms; map renders %.1f/s%n",
                    draw,
                    ((Number) page.evaluate("() => window.benchRenders")).doubleValue() / seconds);
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage();
            return String.format(
                    Locale.ROOT,
                    "| %,d (%,d shown) | %.1f | %.1f | %.0f | %.1f | %.2f | %.0f | %,d | %s | %.0f | %.1f |",
                    n,
                    shown,
                    pct(ft, 0.5),
                    pct(ft, 0.95),
                    ft[ft.length - 1],
                    bytes.get() / 1024.0 / seconds,
                    first / 1000,
                    heap / 1024 / 1024,
                    dom,
                    gl ? "dots" : "canvas",
                    wk.length == 0 ? Double.NaN : pct(wk, 0.5),
                    load);
        } finally {
            server.stop();
        }
    }

    private static com.google.gson.JsonObject jsonObject(String key, int value) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty(key, value);
        return o;
    }

    /** Self time per function (name, file, line) over the measurement, the top 25, to stderr. */
    private static void printProfile(com.google.gson.JsonObject result, double seconds) {
        com.google.gson.JsonObject profile = result.getAsJsonObject("profile");
        Map<Integer, String> names = new java.util.HashMap<>();
        for (var n : profile.getAsJsonArray("nodes")) {
            var o = n.getAsJsonObject();
            var cf = o.getAsJsonObject("callFrame");
            String url = cf.get("url").getAsString();
            names.put(
                    o.get("id").getAsInt(),
                    (cf.get("functionName").getAsString().isEmpty()
                                    ? "(anonymous)"
                                    : cf.get("functionName").getAsString())
                            + " " + url.substring(url.lastIndexOf('/') + 1) + ":"
                            + (cf.get("lineNumber").getAsInt() + 1));
        }
        var samples = profile.getAsJsonArray("samples");
        var deltas = profile.getAsJsonArray("timeDeltas");
        Map<String, Double> self = new java.util.HashMap<>();
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            double us = deltas.get(i).getAsDouble();
            total += us;
            self.merge(names.get(samples.get(i).getAsInt()), us, Double::sum);
        }
        double all = total;
        System.err.printf(Locale.ROOT, "CPU profile over %.0f s (ms self time, share):%n", seconds);
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(25)
                .forEach(e -> System.err.printf(
                        Locale.ROOT,
                        "  %8.0f %5.1f%%  %s%n",
                        e.getValue() / 1000,
                        100 * e.getValue() / all,
                        e.getKey()));
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private ConsoleBench() {}
}
