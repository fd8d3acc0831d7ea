package org.vigil.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.recording.Actor;

/**
 * The sign-in and user-management routes, each registered with the role it needs.
 * Passwords arrive in JSON bodies, are turned into char[] for hashing and go nowhere else: not into
 * responses, the audit trail, log lines or exception messages.
 */
final class AuthApi {

    private static final Logger LOG = LoggerFactory.getLogger(AuthApi.class);

    /**
     * Failed sign-ins from one client for one user name after which that client must wait before
     * trying that name again: {@link #LOCK_MILLIS}, doubling with each further lock up to
     * {@link #MAX_LOCK_MILLIS}. Counted per (client address, name), for names that exist and names
     * that do not alike, so the answer never tells which names exist, and a stranger guessing from
     * elsewhere cannot keep a supervisor out (there is no account-wide lock).
     */
    static final int MAX_FAILURES = 5;

    static final long LOCK_MILLIS = 60_000;
    static final long MAX_LOCK_MILLIS = 15 * 60_000;
    /** Failures from one client across all names after which that client waits too (password spraying). */
    static final int MAX_CLIENT_FAILURES = 50;

    private static final String UNKNOWN_USER = "(unknown)";

    private final Security security;
    private final ObjectMapper json = new ObjectMapper();
    /** Verified against when the user does not exist, so a wrong name costs as long as a wrong password. */
    private final String dummyHash;

    /** By "address|name" and by "address|" (the client's total). */
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        int locks;
        long lockedUntilMillis;
        long lastFailureMillis;
    }

    AuthApi(Security security) {
        this.security = security;
        this.dummyHash = security.config().hasher().hash("not a password of anyone".toCharArray());
    }

    void register(RoutesConfig app) {
        // the way in: public
        app.post("/api/auth/login", this::login, Access.PUBLIC);
        app.get(
                "/api/auth/setup",
                ctx -> ctx.json(Map.of("open", security.setupLink().open())),
                Access.PUBLIC);
        app.post("/api/auth/setup", this::setup, Access.PUBLIC);
        // any signed-in user: their own session
        app.post("/api/auth/logout", this::logout, Role.OBSERVER);
        app.get("/api/me", this::me, Role.OBSERVER);
        app.post("/api/me/password", this::changeOwnPassword, Role.OBSERVER);
        // users: admin only
        app.get("/api/users", this::listUsers, Role.ADMIN);
        app.post("/api/users", this::createUser, Role.ADMIN);
        app.put("/api/users/{username}/role", this::setRole, Role.ADMIN);
        app.put("/api/users/{username}/disabled", this::setDisabled, Role.ADMIN);
        app.post("/api/users/{username}/password", this::resetPassword, Role.ADMIN);
        // accountability: supervisors review what was done on their watch
        app.get("/api/audit", this::auditTrail, Role.SUPERVISOR);
        // whether the trail is intact (keyed chain, anchor): admins
        app.get("/api/audit/verification", this::auditVerification, Role.ADMIN);
    }

    // ------------------------------------------------------------------ first admin

    /** Creates the first admin from the environment when there is none; true when it did. */
    boolean adminFromEnvironment() throws SQLException {
        UserDirectory users = security.users();
        if (users.hasEnabledAdmin()) {
            return false;
        }
        Map<String, String> env = security.config().environment();
        String hash = env.get(SecurityConfig.ENV_ADMIN_PASSWORD_HASH);
        String password = env.get(SecurityConfig.ENV_ADMIN_PASSWORD);
        if (hash == null && password == null) {
            return false;
        }
        String name = env.getOrDefault(SecurityConfig.ENV_ADMIN_USER, "admin");
        if (!User.validName(name) || users.user(name) != null) {
            LOG.error(
                    "{} must name a new user (A-Z a-z 0-9 . _ -); using the setup link instead",
                    SecurityConfig.ENV_ADMIN_USER);
            return false;
        }
        if (hash == null) {
            char[] pw = password.toCharArray();
            String weak = PasswordHasher.weakness(pw, name);
            if (weak != null) {
                LOG.error("{} refused: {}; using the setup link instead", SecurityConfig.ENV_ADMIN_PASSWORD, weak);
                return false;
            }
            hash = security.config().hasher().hash(pw);
            Arrays.fill(pw, '\0');
        } else if (!hash.startsWith("$argon2id$")) {
            LOG.error(
                    "{} must be an Argon2id PHC string; using the setup link instead",
                    SecurityConfig.ENV_ADMIN_PASSWORD_HASH);
            return false;
        }
        users.create(name, Role.ADMIN, hash, security.config().clock().millis());
        security.auditTrail()
                .record(
                        new Actor("(configuration)", null, "local"),
                        "setup.admin",
                        name,
                        "first admin from the environment",
                        Audit.Outcome.SUCCESS,
                        Audit.NO_DATA_TIME);
        LOG.info("administrator '{}' created from the environment", name);
        return true;
    }

    private void setup(Context ctx) throws SQLException {
        JsonNode body = body(ctx);
        String token = text(body, "token");
        String name = text(body, "username");
        char[] pw = chars(body, "password");
        Actor who = new Actor(name != null && User.validName(name) ? name : "(setup)", null, Security.address(ctx));
        if (security.users().hasEnabledAdmin()) {
            security.tryAudit(who, "setup.admin", name, "an administrator already exists", Audit.Outcome.DENIED);
            throw new ConflictResponse("an administrator already exists; sign in");
        }
        // Check the input before using up the one-time link, so a typo does not cost the link.
        if (!User.validName(name)) {
            throw new BadRequestResponse("user name: 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        String weak = PasswordHasher.weakness(pw, name);
        if (weak != null) {
            throw new BadRequestResponse(weak);
        }
        if (!security.setupLink().redeem(token)) {
            security.tryAudit(who, "setup.admin", name, "setup link invalid, used or expired", Audit.Outcome.DENIED);
            throw new ForbiddenResponse("the setup link is invalid, used or expired; restart Vigil for a new one");
        }
        String hash = security.config().hasher().hash(pw);
        Arrays.fill(pw, '\0');
        try {
            security.users().create(name, Role.ADMIN, hash, now());
            security.auditTrail()
                    .record(
                            who,
                            "setup.admin",
                            name,
                            "first admin from the setup link",
                            Audit.Outcome.SUCCESS,
                            Audit.NO_DATA_TIME);
        } catch (SQLException | RuntimeException e) {
            security.setupLink().restore(token);
            throw e;
        }
        startSession(ctx, name, Role.ADMIN, false);
        ctx.status(HttpStatus.CREATED);
    }

    // ------------------------------------------------------------------ sign-in

    private void login(Context ctx) throws SQLException {
        JsonNode body = body(ctx);
        String name = text(body, "username");
        char[] pw = chars(body, "password");
        boolean wantsToken = body.path("bearer").asBoolean(false);
        String address = Security.address(ctx);
        boolean valid = User.validName(name);
        String key = address + "|" + (valid ? name.toLowerCase(Locale.ROOT) : "");
        String clientKey = address + "|";
        long now = now();
        long wait = Math.max(waitMillis(key, now), waitMillis(clientKey, now));
        if (wait > 0) {
            Arrays.fill(pw, '\0');
            boolean exists = valid && security.users().user(name) != null;
            security.tryAudit(
                    new Actor(exists ? name : UNKNOWN_USER, null, address),
                    "login",
                    exists ? name : null,
                    "throttled after repeated failures from this client",
                    Audit.Outcome.DENIED);
            ctx.header("Retry-After", String.valueOf((wait + 999) / 1000));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).json(Map.of("error", "too many failed sign-ins; try again later"));
            return;
        }
        UserDirectory.Stored stored = valid ? security.users().find(name) : null;
        PasswordHasher hasher = security.config().hasher();
        boolean match = hasher.verify(pw, stored == null ? dummyHash : stored.passwordHash());
        Arrays.fill(pw, '\0');
        String reason = stored == null
                ? "unknown user name"
                : stored.user().disabled() ? "user disabled" : match ? null : "wrong password";
        if (reason != null) {
            // The attempted name is kept only when it is a real user: a password typed into the name
            // field must not end up in the audit trail.
            security.tryAudit(
                    new Actor(stored == null ? UNKNOWN_USER : name, null, address),
                    "login",
                    stored == null ? null : name,
                    reason,
                    Audit.Outcome.DENIED);
            countFailure(key, MAX_FAILURES, now);
            countFailure(clientKey, MAX_CLIENT_FAILURES, now);
            throw new UnauthorizedResponse("wrong user name or password");
        }
        failures.remove(key);
        User u = stored.user();
        if (hasher.weakerThanCurrent(stored.passwordHash())) {
            // Raise the cost of old hashes on the one occasion we have the password.
            security.users()
                    .setPasswordHash(u.username(), hasher.hash(chars(body, "password")), u.passwordChangedAtMillis());
        }
        security.tryAudit(
                new Actor(u.username(), u.role().wireName(), address),
                "login",
                u.username(),
                null,
                Audit.Outcome.SUCCESS);
        startSession(ctx, u.username(), u.role(), wantsToken);
    }

    /** Milliseconds this key must still wait, 0 when it may try. */
    private long waitMillis(String key, long now) {
        Failures f = failures.get(key);
        if (f == null) {
            return 0;
        }
        synchronized (f) {
            return Math.max(0, f.lockedUntilMillis - now);
        }
    }

    /** Counts a failure; every {@code allowed} failures lock the key, each lock twice as long as the last. */
    private void countFailure(String key, int allowed, long now) {
        if (failures.size() > 10_000) {
            failures.clear(); // bounded memory beats perfect throttling under a flood of names
        }
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (f) {
            if (now - Math.max(f.lastFailureMillis, f.lockedUntilMillis) > MAX_LOCK_MILLIS) {
                f.count = 0; // quiet for a while: start over
                f.locks = 0;
            }
            f.lastFailureMillis = now;
            if (++f.count >= allowed) {
                f.count = 0;
                long lock = Math.min(MAX_LOCK_MILLIS, LOCK_MILLIS << Math.min(f.locks, 10));
                f.locks++;
                f.lockedUntilMillis = now + lock;
            }
        }
    }

    private void startSession(Context ctx, String name, Role role, boolean wantsToken) {
        String token = security.sessions().start(name, role);
        if (token == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "too many sessions"));
            return;
        }
        ctx.cookie(new Cookie(
                Security.COOKIE,
                token,
                "/",
                security.sessions().lifetimeSeconds(),
                security.config().tls(),
                true,
                null,
                SameSite.STRICT));
        Session s = security.sessions().find(token);
        Map<String, Object> out = sessionView(s);
        if (wantsToken) {
            out.put("token", token); // API clients send it back as "Authorization: Bearer TOKEN"
        }
        ctx.json(out);
    }

    private void logout(Context ctx) {
        Session s = security.session(ctx);
        security.sessions().end(s);
        ctx.removeCookie(Security.COOKIE, "/");
        security.tryAudit(security.actor(ctx), "logout", s.username(), null, Audit.Outcome.SUCCESS);
        Security.markAudited(ctx);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void me(Context ctx) {
        ctx.json(sessionView(security.session(ctx)));
    }

    private static Map<String, Object> sessionView(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", s.username());
        m.put("role", s.role().wireName());
        m.put("signed_in_at_millis", s.createdAtMillis());
        m.put("expires_at_millis", s.expiresAtMillis());
        return m;
    }

    private void changeOwnPassword(Context ctx) throws SQLException {
        Session s = security.session(ctx);
        JsonNode body = body(ctx);
        char[] current = chars(body, "current");
        char[] next = chars(body, "password");
        UserDirectory.Stored stored = security.users().find(s.username());
        PasswordHasher hasher = security.config().hasher();
        if (stored == null || !hasher.verify(current, stored.passwordHash())) {
            security.audit(
                    ctx,
                    "password.change",
                    s.username(),
                    "current password wrong",
                    Audit.Outcome.DENIED,
                    Audit.NO_DATA_TIME);
            throw new ForbiddenResponse("current password wrong");
        }
        String weak = PasswordHasher.weakness(next, s.username());
        if (weak != null) {
            security.audit(ctx, "password.change", s.username(), weak, Audit.Outcome.FAILED, Audit.NO_DATA_TIME);
            throw new BadRequestResponse(weak);
        }
        security.audit(ctx, "password.change", s.username(), null, Audit.Outcome.SUCCESS, Audit.NO_DATA_TIME);
        security.users().setPasswordHash(s.username(), hasher.hash(next), now());
        Arrays.fill(current, '\0');
        Arrays.fill(next, '\0');
        security.sessions().endAll(s.username()); // every other device signs in again with the new one
        ctx.removeCookie(Security.COOKIE, "/");
        ctx.status(HttpStatus.NO_CONTENT);
    }

    // ------------------------------------------------------------------ user management (admin)

    private void listUsers(Context ctx) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (User u : security.users().list()) {
            out.add(view(u));
        }
        ctx.json(out);
    }

    private void createUser(Context ctx) throws SQLException {
        JsonNode body = body(ctx);
        String name = text(body, "username");
        Role role = Role.parse(text(body, "role"));
        char[] pw = chars(body, "password");
        String problem = !User.validName(name)
                ? "user name: 1 to 64 of A-Z a-z 0-9 . _ -"
                : role == null ? "role: observer, operator, supervisor or admin" : PasswordHasher.weakness(pw, name);
        String target = User.validName(name) ? name : null;
        if (problem != null) {
            security.audit(ctx, "user.create", target, problem, Audit.Outcome.FAILED, Audit.NO_DATA_TIME);
            throw new BadRequestResponse(problem);
        }
        String hash = security.config().hasher().hash(pw);
        Arrays.fill(pw, '\0');
        UserDirectory.Change c = security.users().create(name, role, hash, now());
        security.audit(
                ctx,
                "user.create",
                name,
                c == UserDirectory.Change.DONE ? "role " + role.wireName() : "already exists",
                c == UserDirectory.Change.DONE ? Audit.Outcome.SUCCESS : Audit.Outcome.FAILED,
                Audit.NO_DATA_TIME);
        if (c != UserDirectory.Change.DONE) {
            throw new ConflictResponse("user " + name + " already exists");
        }
        ctx.status(HttpStatus.CREATED).json(view(security.users().user(name)));
    }

    private void setRole(Context ctx) throws SQLException {
        String name = ctx.pathParam("username");
        Role role = Role.parse(text(body(ctx), "role"));
        if (role == null) {
            security.audit(ctx, "user.role", name, "no valid role given", Audit.Outcome.FAILED, Audit.NO_DATA_TIME);
            throw new BadRequestResponse("role: observer, operator, supervisor or admin");
        }
        finish(
                ctx,
                "user.role",
                name,
                "role " + role.wireName(),
                security.users().setRole(name, role));
    }

    private void setDisabled(Context ctx) throws SQLException {
        String name = ctx.pathParam("username");
        JsonNode d = body(ctx).get("disabled");
        if (d == null || !d.isBoolean()) {
            security.audit(
                    ctx, "user.disable", name, "no disabled flag given", Audit.Outcome.FAILED, Audit.NO_DATA_TIME);
            throw new BadRequestResponse("body: {\"disabled\": true|false}");
        }
        boolean disabled = d.booleanValue();
        finish(
                ctx,
                disabled ? "user.disable" : "user.enable",
                name,
                null,
                security.users().setDisabled(name, disabled));
    }

    private void resetPassword(Context ctx) throws SQLException {
        String name = ctx.pathParam("username");
        char[] pw = chars(body(ctx), "password");
        String weak = PasswordHasher.weakness(pw, name);
        if (weak != null) {
            security.audit(ctx, "user.password.reset", name, weak, Audit.Outcome.FAILED, Audit.NO_DATA_TIME);
            throw new BadRequestResponse(weak);
        }
        String hash = security.config().hasher().hash(pw);
        Arrays.fill(pw, '\0');
        finish(ctx, "user.password.reset", name, null, security.users().setPasswordHash(name, hash, now()));
    }

    /** Audits a user change, ends the user's sessions when it happened, answers. */
    private void finish(Context ctx, String action, String name, String detail, UserDirectory.Change c)
            throws SQLException {
        String why = switch (c) {
            case DONE -> detail;
            case NO_SUCH_USER -> "no such user";
            case ALREADY_EXISTS -> "already exists";
            case LAST_ADMIN -> "would leave no enabled administrator";
        };
        security.audit(
                ctx,
                action,
                User.validName(name) ? name : null,
                why,
                c == UserDirectory.Change.DONE ? Audit.Outcome.SUCCESS : Audit.Outcome.FAILED,
                Audit.NO_DATA_TIME);
        switch (c) {
            case DONE -> {
                // The role is fixed per session: any change ends the user's sessions so it takes effect now.
                security.sessions().endAll(name);
                ctx.json(view(security.users().user(name)));
            }
            case NO_SUCH_USER -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no such user"));
            default -> throw new ConflictResponse(why);
        }
    }

    private void auditTrail(Context ctx) throws SQLException {
        long after;
        int limit;
        try {
            String a = ctx.queryParam("after");
            String l = ctx.queryParam("limit");
            after = a == null ? 0 : Long.parseLong(a);
            limit = l == null ? 200 : Integer.parseInt(l);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("after and limit must be numbers");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditEntry e : security.auditTrail().entries(after, limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("wall_time_millis", e.wallTimeMillis());
            m.put("data_time_nanos", e.dataTimeNanos() == Audit.NO_DATA_TIME ? null : e.dataTimeNanos());
            m.put("user", e.user());
            m.put("role", e.role());
            m.put("from", e.fromAddress());
            m.put("action", e.action());
            m.put("target", e.target());
            m.put("detail", e.detail());
            m.put("outcome", e.outcome().wireName());
            out.add(m);
        }
        ctx.json(out);
    }

    /** The check at start-up and a fresh one: broken at start stays visible even if the anchor moved on. */
    private void auditVerification(Context ctx) throws SQLException {
        AuditVerification now = security.verifyAudit();
        AuditVerification start = security.startupVerification();
        Map<String, Object> m = verificationView(now);
        m.put("startup", start == null ? null : verificationView(start));
        if (start != null && !start.intact()) {
            m.put("state", "broken");
        }
        ctx.json(m);
    }

    private static Map<String, Object> verificationView(AuditVerification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", v.state());
        m.put("keyed", v.keyed());
        m.put("rows", v.rows());
        m.put("first_bad_seq", v.firstBadSeq() == 0 ? null : v.firstBadSeq());
        m.put("problem", v.problem());
        m.put("keyed_from_seq", v.keyedFromSeq() == 0 ? null : v.keyedFromSeq());
        m.put("checked_at_millis", v.checkedAtMillis());
        return m;
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> view(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("role", u.role().wireName());
        m.put("disabled", u.disabled());
        m.put("created_at_millis", u.createdAtMillis());
        m.put("password_changed_at_millis", u.passwordChangedAtMillis());
        return m;
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode n = json.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new BadRequestResponse("body must be a JSON object");
            }
            return n;
        } catch (java.io.IOException e) {
            // Not the parser's message: it may quote the body, and the body may hold a password.
            throw new BadRequestResponse("body must be a JSON object");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static char[] chars(JsonNode body, String field) {
        String s = text(body, field);
        return s == null ? new char[0] : s.toCharArray();
    }

    private long now() {
        return security.config().clock().millis();
    }
}
