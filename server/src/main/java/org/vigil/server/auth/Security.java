package org.vigil.server.auth;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.recording.Actor;

/**
 * Sign-in, sessions, roles and audit for the web layer. {@code WebServer.security(s)} hands it the
 * Javalin configuration ({@link #configure}) and the new instance ({@link #install}) before any
 * route is added; from then on every request and WebSocket upgrade passes {@link #check} first.
 *
 * <p>Order of the check for a request: find the registered route it is for; public route: pass;
 * no valid session: 401; route not in the {@link AccessPolicy} table and registered without a
 * role: 403 (default deny); role too low: 403 (audited); cross-site write (Origin not this host)
 * with a cookie: 403. Paths that are no route: under {@code /api/} or {@code /ws} they still need a
 * session (so probing tells nothing), elsewhere they are the console's static files (public).
 *
 * <p>State-changing calls (POST/PUT/PATCH/DELETE) that a handler did not audit itself through
 * {@link #audit} are audited afterwards with their route and status, so no operator action is
 * missing from the trail even if a feature forgets; features should still call {@link #audit}
 * before acting, with the reason and data time, to make the row durable before the acknowledgement.
 */
public final class Security implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Security.class);

    static final String COOKIE = "vigil_session";
    private static final String SESSION_ATTR = "vigil.session";
    private static final String AUDITED_ATTR = "vigil.audited";

    private final SecurityConfig config;
    private final AccessPolicy policy;
    private final UserDirectory users;
    private final Audit audit;
    private final Sessions sessions;
    private final SetupLink setup;
    private final RegisteredRoutes routes = new RegisteredRoutes();
    private final AtomicLong refusedUnauthenticated = new AtomicLong();
    private final AtomicLong refusedForbidden = new AtomicLong();
    private final AtomicLong auditFailures = new AtomicLong();
    private final AuthApi api;
    private volatile boolean adminFromEnvironment;

    private Security(SecurityConfig config, AccessPolicy policy, UserDirectory users, Audit audit) {
        this.config = config;
        this.policy = policy;
        this.users = users;
        this.audit = audit;
        this.sessions = new Sessions(config.clock(), config.sessionLifetime(), config.idleTimeout());
        this.setup = new SetupLink(config.clock());
        this.api = new AuthApi(this);
    }

    /**
     * Opens users and audit in the database (the recorder's; migrated here if needed) and, when no
     * enabled admin exists, creates one from VIGIL_ADMIN_PASSWORD(_HASH) if set. Otherwise the setup
     * link is printed once the server has started.
     *
     * @throws IllegalArgumentException when TLS is configured and the keystore cannot be opened
     */
    public static Security open(SecurityConfig config, AccessPolicy policy, AuthDatabase db) throws SQLException {
        if (config.tls()) {
            Tls.check(config.keystore(), config.keystorePassword());
        }
        UserDirectory users = new UserDirectory(db);
        Audit audit;
        try {
            audit = new Audit(db, config.clock());
        } catch (SQLException | RuntimeException e) {
            users.close();
            throw e;
        }
        Security s = new Security(config, policy, users, audit);
        s.adminFromEnvironment = s.api.adminFromEnvironment();
        return s;
    }

    // ------------------------------------------------------------------ wiring into Javalin

    /**
     * Called inside {@code Javalin.create(config -> ...)}: records every route as it is added and,
     * with TLS, replaces the plain listener by the HTTPS one on the same host and port.
     */
    public void configure(JavalinConfig javalin, String host, int port) {
        javalin.events.handlerAdded(h -> {
            if (h.getHttpMethod().isHttpMethod()) {
                routes.add(h.getHttpMethod().name(), h.getPath(), h.getRoles());
            }
        });
        javalin.events.wsHandlerAdded(h -> routes.add("WS", h.getPath(), h.getRoles()));
        if (config.tls()) {
            javalin.jetty.addConnector((server, http) ->
                    Tls.connector(server, http, config.keystore(), config.keystorePassword(), host, port));
        }
    }

    /** Called right after {@code Javalin.create}, before any other route: the checks and the sign-in API. */
    public void install(Javalin app) {
        app.before(this::check);
        app.wsBeforeUpgrade(this::checkUpgrade);
        app.after(this::auditWrite);
        api.register(app);
        app.unsafeConfig().events.serverStarted(() -> announceSetup(app.port()));
    }

    // ------------------------------------------------------------------ the check

    private void check(Context ctx) {
        String method = ctx.method().name();
        String path = ctx.path();
        RegisteredRoutes.Route route = routes.match(method, path);
        AccessPolicy.Rule rule = route == null ? null : ruleFor(route);
        if (rule != null && rule.open()) {
            return;
        }
        if (route == null && !path.startsWith("/api/") && !path.equals("/ws") && !path.startsWith("/ws/")) {
            return; // the console's static files
        }
        Session s = session(ctx);
        if (s == null) {
            refusedUnauthenticated.incrementAndGet();
            throw new UnauthorizedResponse("sign in first");
        }
        if (route == null) {
            return; // no such API route: Javalin answers 404 to a signed-in user
        }
        if (rule == null || !rule.allows(s.role())) {
            refuse(ctx, s, route, rule == null ? "route not in the access table" : "needs " + rule);
        }
        if (isWrite(ctx.method()) && ctx.header("Authorization") == null && !sameOrigin(ctx)) {
            refuse(ctx, s, route, "cross-site request");
        }
    }

    private void checkUpgrade(Context ctx) {
        RegisteredRoutes.Route route = routes.match("WS", ctx.path());
        AccessPolicy.Rule rule = route == null ? null : ruleFor(route);
        if (rule != null && rule.open()) {
            return;
        }
        Session s = session(ctx);
        if (s == null) {
            refusedUnauthenticated.incrementAndGet();
            throw new UnauthorizedResponse("sign in first");
        }
        if (route == null || rule == null || !rule.allows(s.role())) {
            refuse(ctx, s, route, rule == null ? "route not in the access table" : "needs " + rule);
        }
        // A page on another site must not open the picture feed with the operator's cookie.
        if (!sameOrigin(ctx)) {
            refuse(ctx, s, route, "cross-site WebSocket");
        }
    }

    private void refuse(Context ctx, Session s, RegisteredRoutes.Route route, String why) {
        refusedForbidden.incrementAndGet();
        ctx.attribute(AUDITED_ATTR, Boolean.TRUE);
        tryAudit(new Actor(s.username(), s.role().wireName(), address(ctx)), "access.denied",
                route == null ? ctx.method().name() + " " + ctx.path() : route.key(), why, Audit.Outcome.DENIED);
        throw new ForbiddenResponse("not allowed for role " + s.role().wireName());
    }

    /** The rule for a route: the table's entry, else the role it was registered with, else null (deny). */
    AccessPolicy.Rule ruleFor(RegisteredRoutes.Route route) {
        AccessPolicy.Rule r = policy.rule(route.method(), route.path());
        if (r != null) {
            return r;
        }
        Role lowest = null;
        for (RouteRole rr : route.roles()) {
            if (rr instanceof Role role && (lowest == null || !role.includes(lowest))) {
                lowest = role;
            }
        }
        return lowest == null ? null : AccessPolicy.Rule.of(lowest);
    }

    private static boolean isWrite(HandlerType m) {
        return m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE;
    }

    /** True when there is no Origin header (not a browser) or it names the host the request was sent to. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        int scheme = origin.indexOf("://");
        String host = ctx.header("Host");
        return scheme > 0 && host != null && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    /** After the handler: audit a write that was not audited by its handler (or refused, which is). */
    private void auditWrite(Context ctx) {
        if (!isWrite(ctx.method()) || ctx.attribute(AUDITED_ATTR) != null) {
            return;
        }
        Session s = ctx.attribute(SESSION_ATTR);
        if (s == null) {
            return; // refused before any handler ran (401): nothing was done
        }
        RegisteredRoutes.Route route = routes.match(ctx.method().name(), ctx.path());
        int status = ctx.statusCode();
        tryAudit(new Actor(s.username(), s.role().wireName(), address(ctx)), "api.call",
                route == null ? ctx.method().name() + " " + ctx.path() : route.key(),
                "path " + cut(ctx.path(), 200) + ", status " + status,
                status < 400 ? Audit.Outcome.SUCCESS : Audit.Outcome.FAILED);
    }

    // ------------------------------------------------------------------ for features

    /**
     * The signed-in session of a request (null for public routes called without one). Looked up
     * once per request, from the {@code vigil_session} cookie or an {@code Authorization: Bearer} header.
     */
    public Session session(Context ctx) {
        Session cached = ctx.attribute(SESSION_ATTR);
        if (cached != null) {
            return cached;
        }
        String token = null;
        String authz = ctx.header("Authorization");
        if (authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authz.substring(7).trim();
        } else {
            token = ctx.cookie(COOKIE);
        }
        Session s = sessions.find(token);
        if (s != null) {
            ctx.attribute(SESSION_ATTR, s);
        }
        return s;
    }

    /** Who is calling, for {@link Audit#record} and the recorder's operator actions; null when not signed in. */
    public Actor actor(Context ctx) {
        Session s = session(ctx);
        return s == null ? null : new Actor(s.username(), s.role().wireName(), address(ctx));
    }

    /**
     * Audits an operator action of this request, durably, before the feature carries it out or
     * acknowledges it; the generic after-call row is then skipped.
     *
     * @param dataTimeNanos the air picture's time the action refers to, or {@link Audit#NO_DATA_TIME}
     * @throws SQLException when the row could not be stored: refuse the action
     */
    public long audit(Context ctx, String action, String target, String detail, Audit.Outcome outcome,
                      long dataTimeNanos) throws SQLException {
        Actor who = actor(ctx);
        if (who == null) {
            throw new IllegalStateException("audit needs a signed-in caller");
        }
        long seq = audit.record(who, action, target, detail, outcome, dataTimeNanos);
        ctx.attribute(AUDITED_ATTR, Boolean.TRUE);
        return seq;
    }

    /** Audits without failing the request (refusals, sign-in failures): a storage error is counted and logged. */
    void tryAudit(Actor who, String action, String target, String detail, Audit.Outcome outcome) {
        try {
            audit.record(who, action, target, detail, outcome, Audit.NO_DATA_TIME);
        } catch (SQLException | RuntimeException e) {
            long n = auditFailures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.error("audit trail write failed ({} so far): {}", n, e.toString());
            }
        }
    }

    static void markAudited(Context ctx) {
        ctx.attribute(AUDITED_ATTR, Boolean.TRUE);
    }

    /** The client address: the socket peer. (Behind a reverse proxy this is the proxy; see docs/SECURITY.md.) */
    static String address(Context ctx) {
        String ip = ctx.ip();
        return ip == null ? "?" : cut(ip, 256);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ------------------------------------------------------------------ setup link

    private void announceSetup(int port) {
        try {
            if (users.hasEnabledAdmin()) {
                return;
            }
        } catch (SQLException e) {
            LOG.error("cannot read users: {}", e.toString());
            return;
        }
        String token = setup.issue(config.setupValidity());
        String scheme = config.tls() ? "https" : "http";
        config.announce().accept("Vigil has no administrator yet. Within " + config.setupValidity().toMinutes()
                + " minutes, open " + scheme + "://localhost:" + port + "/login.html#setup=" + token
                + " (from this machine, or with this machine's name instead of localhost) to create one."
                + " The link works once.");
    }

    // ------------------------------------------------------------------ accessors

    public Audit auditTrail() {
        return audit;
    }

    public UserDirectory users() {
        return users;
    }

    public Sessions sessions() {
        return sessions;
    }

    public AccessPolicy policy() {
        return policy;
    }

    /** Every route registered so far, HTTP and WebSocket. */
    public RegisteredRoutes routes() {
        return routes;
    }

    SecurityConfig config() {
        return config;
    }

    SetupLink setupLink() {
        return setup;
    }

    /** True when the first admin came from VIGIL_ADMIN_PASSWORD(_HASH) at this start. */
    public boolean adminFromEnvironment() {
        return adminFromEnvironment;
    }

    /** Requests refused for want of a session. */
    public long refusedUnauthenticated() {
        return refusedUnauthenticated.get();
    }

    /** Requests refused for want of a role (or by default deny). */
    public long refusedForbidden() {
        return refusedForbidden.get();
    }

    /** Audit rows that could not be written (refusals and sign-in failures only; actions fail instead). */
    public long auditFailures() {
        return auditFailures.get();
    }

    /** True when the server listens with TLS only (for the "console on https://..." line). */
    public boolean tls() {
        return config.tls();
    }

    @Override
    public void close() throws SQLException {
        try {
            audit.close();
        } finally {
            users.close();
        }
    }
}
