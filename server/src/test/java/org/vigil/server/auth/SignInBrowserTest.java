package org.vigil.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.web.WebServer;

/**
 * The sign-in page in Debian's Chromium against a web server with security on: the public login
 * page loads, signing in sets the session cookie, and the console then opens its picture feed
 * ({@code /ws}, observer, same-origin) with that cookie. Guards the access check, the cookie and the
 * WebSocket upgrade together, as a browser exercises them.
 */
class SignInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void signingInOpensTheConsoleAndItsPictureFeed() throws Exception {
        if (!Files.isExecutable(Paths.get("/usr/bin/chromium"))) fail("no browser at /usr/bin/chromium");
        if (!WebServer.consoleBundled()) fail("console not on the classpath");
        try (AuthFixture f = AuthFixture.withAdmin(dir);
                Playwright pw = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                                .setHeadless(true)
                                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")))) {
            Page page = browser.newPage();
            // Both pages run under the server's Content Security Policy: a violation fails the test.
            List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
            // (Waits poll from Java: Playwright's waitForFunction evaluates a string, which the policy refuses.)
            page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                    + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' in ' + e.sourceFile))");
            page.onConsoleMessage(m -> {
                if (m.text().startsWith("CSP violation")) {
                    violations.add(m.text());
                }
            });
            String base = "http://127.0.0.1:" + f.port + "/";
            page.navigate(base + "login.html");
            assertThat(page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
                    .as("login.css applies under the policy")
                    .isEqualTo("rgb(16, 22, 29)");
            page.fill("#username", "admin");
            page.fill("#password", "wrong-password-for-admin");
            page.click("#login-button");
            waitFor(page, "() => document.getElementById('login-message').textContent.length > 0");
            assertThat(page.textContent("#login-message")).contains("Wrong user name or password");
            assertThat(f.web.clientCount()).isZero();

            page.fill("#username", "admin");
            page.fill("#password", AuthFixture.ADMIN_PASSWORD);
            page.click("#login-button");
            page.waitForURL(base);
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (f.web.clientCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(f.web.clientCount())
                    .as("the console's /ws connected with the session cookie")
                    .isEqualTo(1);
            Object me = page.evaluate("() => fetch('api/me').then(r => r.status)");
            assertThat(((Number) me).intValue()).isEqualTo(200);
            // an admin sees the audit trail's verification in the top bar
            waitFor(
                    page,
                    "() => { const e = document.getElementById('audit-state');"
                            + " return !!e && !e.hidden && e.textContent === 'audit intact'; }");
            assertThat(violations).as("Content Security Policy violations").isEmpty();
        }
    }

    /** Polls a predicate in the page until it is true (15 s at most). */
    private static void waitFor(Page page, String predicate) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!Boolean.TRUE.equals(page.evaluate(predicate))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + predicate);
            }
            Thread.sleep(50);
        }
    }
}
