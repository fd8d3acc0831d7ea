package org.vigil.server.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsHandlerType;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.recording.Actor;

/**
 * Sign-in, sessions, roles and audit for the web layer. {@code WebServer.security(s)} hands it the
 * Javalin configuration ({@link #configure}) before any route is added; from then on every matched
 * request and every WebSocket upgrade passes {@link #check} first.
 *
 * <p>Each route declares who may call it when it is registered, as Javalin route roles: the lowest
 * {@link Role} it needs, or {@link Access#PUBLIC}. A route registered without one stops the start
 * ({@link #requireRoles}), so nothing becomes public by accident. Order of the check: public route:
 * pass; no valid session: 401; role too low (or no Vigil role at all: default deny): 403 (audited);
 * cross-site write (Origin not this host) with a cookie: 403. A path that is no route answers 401
 * without a session under {@code /api/} (so probing tells nothing) and 404 otherwise; the
 * console's static files are public.
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
    /** Set when the request's session came from the cookie (a browser sends it by itself, cross-site too). */
    private static final String FROM_COOKIE_ATTR = "vigil.fromCookie";

    private final SecurityConfig config;
    private final UserDirectory users;
    private final Audit audit;
    private final Sessions sessions;
    private final SetupLink setup;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    /** The Jetty server once Javalin built it, for the bound port in the setup announcement. */
    private volatile Server jetty;

    private final AtomicLong refusedUnauthenticated = new AtomicLong();
    private final AtomicLong refusedForbidden = new AtomicLong();
    private final AtomicLong auditFailures = new AtomicLong();
    private final AuthApi api;
    private volatile boolean adminFromEnvironment;
    private volatile AuditVerification startupVerification;
    /** Damage found in the stored data, for health and the console. */
    private final org.vigil.server.recording.StorageDamage storageDamage =
            new org.vigil.server.recording.StorageDamage();

    private volatile AuditVerification lastVerification;

    private Security(SecurityConfig config, UserDirectory users, Audit audit) {
        this.config = config;
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
    public static Security open(SecurityConfig config, AuthDatabase db) throws SQLException {
        if (config.tls()) {
            Tls.check(config.keystore(), config.keystorePassword());
        }
        UserDirectory users = new UserDirectory(db);
        Audit audit;
        try {
            audit = new Audit(db, config.clock(), config.auditKey());
        } catch (SQLException | RuntimeException e) {
            users.close();
            throw e;
        }
        Security s = new Security(config, users, audit);
        s.verifyAuditAtStart();
        s.adminFromEnvironment = s.api.adminFromEnvironment();
        return s;
    }

    /**
     * Walks the audit trail once at start: a broken trail does not stop the air picture, but it is
     * logged, printed, kept for the admins ({@code GET /api/audit/verification}) and itself audited,
     * so the finding survives even if the anchor is rewritten by the next row.
     */
    private void verifyAuditAtStart() throws SQLException {
        AuditVerification v = audit.check();
        startupVerification = v;
        lastVerification = v;
        if (!v.intact()) {
            LOG.error("{}", v.describe());
            config.announce().accept("WARNING: " + v.describe() + " (run `vigil audit verify`, docs/SECURITY.md)");
            tryAudit(
                    new Actor("(start-up)", null, "local"),
                    "audit.verify",
                    "row " + v.firstBadSeq(),
                    v.problem(),
                    Audit.Outcome.FAILED);
        } else if (!v.keyed()) {
            LOG.warn("{} (no audit key: the chain is not keyed)", v.describe());
        } else {
            LOG.info("{}", v.describe());
        }
    }

    /** Damage found in the stored data (quarantined event store, corrupt journal regions). */
    public org.vigil.server.recording.StorageDamage storageDamage() {
        return storageDamage;
    }

    /** The check at start-up. */
    public AuditVerification startupVerification() {
        return startupVerification;
    }

    /** Checks the trail again now; the result is also kept as the latest. */
    public AuditVerification verifyAudit() throws SQLException {
        AuditVerification v = audit.check();
        lastVerification = v;
        return v;
    }

    /** The latest check (at start-up or since). */
    public AuditVerification lastVerification() {
        return lastVerification;
    }

    // ------------------------------------------------------------------ wiring into Javalin

    /**
     * One registered route as Javalin reported it.
     *
     * @param method "GET", "POST"... or "WS"
     * @param path   as registered, e.g. {@code /api/users/{username}/role}
     * @param roles  the route roles it was registered with
     */
    public record Route(String method, String path, Set<RouteRole> roles) {
        public String key() {
            return method + " " + path;
        }
    }

    /**
     * Called inside {@code Javalin.create(config -> ...)} before any route is added: the check
     * ({@code beforeMatched}, {@code wsBeforeUpgrade}), the audit of writes, the sign-in API, the
     * refusal of routes registered without a role and, with TLS, the HTTPS listener in place of the
     * plain one on the same host and port.
     */
    public void configure(JavalinConfig javalin, String host, int port) {
        requireRoles(javalin, routes::add);
        RoutesConfig r = javalin.routes;
        r.beforeMatched(this::check);
        r.wsBeforeUpgrade(this::checkUpgrade);
        r.after(this::auditWrite);
        r.error(404, this::noSuchRoute);
        api.register(r);
        javalin.jetty.modifyServer(server -> jetty = server);
        javalin.events.serverStarted(this::announceSetup);
        if (config.tls()) {
            javalin.jetty.addConnector((server, http) ->
                    Tls.connector(server, http, config.keystore(), config.keystorePassword(), host, port));
        }
    }

    /**
     * Makes registering a route (HTTP or WebSocket) without a route role fail, naming it, so that the
     * server does not start with it. Called by {@link #configure}, and by {@code WebServer} for an
     * open server, so a route added without a role fails every test that starts a web server.
     */
    public static void requireRoles(JavalinConfig javalin) {
        requireRoles(javalin, route -> {});
    }

    /** {@link #requireRoles(JavalinConfig)}, also handing every registered route to {@code registered}. */
    static void requireRoles(JavalinConfig javalin, java.util.function.Consumer<Route> registered) {
        javalin.events.handlerAdded(h -> {
            if (h.getHttpMethod().isHttpMethod()) {
                registered.accept(declared(new Route(h.getHttpMethod().name(), h.getPath(), h.getRoles())));
            }
        });
        javalin.events.wsHandlerAdded(h -> {
            if (h.getHandlerType() == WsHandlerType.WEBSOCKET) {
                registered.accept(declared(new Route("WS", h.getPath(), h.getRoles())));
            }
        });
    }

    private static Route declared(Route route) {
        if (route.roles().isEmpty()) {
            throw new IllegalStateException(route.key() + " was registered without a role: name the lowest Role"
                    + " it needs, or Access.PUBLIC, at registration (docs/SECURITY.md)");
        }
        return route;
    }

    // ------------------------------------------------------------------ the check

    /** Before the handler of a matched route (or static file): the roles it was registered with decide. */
    private void check(Context ctx) {
        Session s = checkRole(ctx);
        // Whenever the identity came from the cookie, whatever other headers say: a browser sends
        // the cookie by itself, and a page can add an Authorization header of its own.
        if (s != null
                && isWrite(ctx.method())
                && ctx.attribute(FROM_COOKIE_ATTR) != null
                && (!sameOrigin(ctx) || "cross-site".equals(ctx.header("Sec-Fetch-Site")))) {
            refuse(ctx, s, "cross-site request");
        }
    }

    private void checkUpgrade(Context ctx) {
        Session s = checkRole(ctx);
        // A page on another site must not open the picture feed with the operator's cookie.
        if (s != null && !sameOrigin(ctx)) {
            refuse(ctx, s, "cross-site WebSocket");
        }
    }

    /** The route's roles against the caller: null for a public route, else the session, which may use it. */
    private Session checkRole(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Access.PUBLIC)) {
            return null;
        }
        Session s = session(ctx);
        if (s == null) {
            refusedUnauthenticated.incrementAndGet();
            throw new UnauthorizedResponse("sign in first");
        }
        Role needed = lowest(roles);
        if (needed == null || !s.role().includes(needed)) {
            refuse(ctx, s, needed == null ? "route declares no role" : "needs " + needed.wireName());
        }
        return s;
    }

    /** No route matched: under /api/ a caller without a session learns nothing, not even "no such route". */
    private void noSuchRoute(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() == null && ctx.path().startsWith("/api/") && session(ctx) == null) {
            refusedUnauthenticated.incrementAndGet();
            ctx.status(401).result("sign in first");
        }
    }

    /** The lowest Vigil role among a route's roles (the ladder makes it the one that decides), or null. */
    static Role lowest(Set<RouteRole> roles) {
        Role lowest = null;
        for (RouteRole rr : roles) {
            if (rr instanceof Role role && (lowest == null || !role.includes(lowest))) {
                lowest = role;
            }
        }
        return lowest;
    }

    private void refuse(Context ctx, Session s, String why) {
        refusedForbidden.incrementAndGet();
        ctx.attribute(AUDITED_ATTR, true);
        tryAudit(
                new Actor(s.username(), s.role().wireName(), address(ctx)),
                "access.denied",
                target(ctx),
                why,
                Audit.Outcome.DENIED);
        throw new ForbiddenResponse("not allowed for role " + s.role().wireName());
    }

    /** "METHOD /route/{param}" of the matched route, or of the request path when none matched. */
    private static String target(Context ctx) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        if (e != null) {
            // a WebSocket upgrade is matched as GET of the WebSocket route
            boolean ws = ctx.header("Sec-WebSocket-Version") != null;
            return (ws ? "WS" : ctx.method().name()) + " " + e.path;
        }
        return ctx.method().name() + " " + ctx.path();
    }

    private static boolean isWrite(HandlerType m) {
        return HandlerType.POST.equals(m)
                || HandlerType.PUT.equals(m)
                || HandlerType.PATCH.equals(m)
                || HandlerType.DELETE.equals(m);
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
        int status = ctx.statusCode();
        tryAudit(
                new Actor(s.username(), s.role().wireName(), address(ctx)),
                "api.call",
                target(ctx),
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
        String authz = ctx.header("Authorization");
        boolean bearer = isBearer(authz);
        Session s = session(authz, ctx.cookie(COOKIE));
        if (s != null) {
            ctx.attribute(SESSION_ATTR, s);
            if (!bearer) {
                ctx.attribute(FROM_COOKIE_ATTR, true);
            }
        }
        return s;
    }

    /**
     * The session of a request given its {@code Authorization} header and {@code vigil_session}
     * cookie (either may be null): the bearer token when there is one, else the cookie. For a
     * WebSocket, whose upgrade request is all there is.
     */
    public Session session(String authorization, String cookie) {
        return sessions.find(
                isBearer(authorization) ? authorization.substring(7).trim() : cookie);
    }

    private static boolean isBearer(String authz) {
        return authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The name of the session cookie (WebSocket upgrades read it themselves). */
    public static String cookieName() {
        return COOKIE;
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
    public long audit(
            Context ctx, String action, String target, String detail, Audit.Outcome outcome, long dataTimeNanos)
            throws SQLException {
        Actor who = actor(ctx);
        if (who == null) {
            throw new IllegalStateException("audit needs a signed-in caller");
        }
        long seq = audit.record(who, action, target, detail, outcome, dataTimeNanos);
        ctx.attribute(AUDITED_ATTR, true);
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
        ctx.attribute(AUDITED_ATTR, true);
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

    private void announceSetup() {
        Server server = jetty;
        int port = server != null
                        && server.getConnectors().length > 0
                        && server.getConnectors()[0] instanceof ServerConnector c
                ? c.getLocalPort()
                : -1;
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
        config.announce()
                .accept("Vigil has no administrator yet. Within "
                        + config.setupValidity().toMinutes()
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

    /** Every route registered so far, HTTP and WebSocket, in registration order, with its roles. */
    public List<Route> routes() {
        return List.copyOf(routes);
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
