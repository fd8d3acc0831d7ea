package org.vigil.server.auth;

import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every route registered with the Javalin instance, as Javalin's "handler added" events report
 * them, so the access check can find the route a request is for and tests can enumerate them all.
 * Matching follows Javalin's path syntax: {@code {p}} one path segment, {@code <p>} any rest of
 * the path, {@code *} anything; trailing slashes ignored (Javalin's default); first registered
 * route wins, as in Javalin.
 */
public final class RegisteredRoutes {

    /**
     * One registered route.
     *
     * @param method "GET", "POST"... or "WS"
     * @param path   as registered, e.g. {@code /api/users/{username}/role}
     * @param roles  roles given at registration (empty: decided by the {@link AccessPolicy} table)
     */
    public record Route(String method, String path, Set<RouteRole> roles, Pattern pattern) {
        public String key() {
            return AccessPolicy.key(method, path);
        }
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void add(String method, String path, Set<? extends RouteRole> roles) {
        routes.add(new Route(method, path, Set.copyOf(roles), compile(path)));
    }

    /** The route a request is for, or null (static file, or nothing: 404). */
    Route match(String method, String requestPath) {
        for (Route r : routes) {
            if (r.method.equals(method) && r.pattern.matcher(requestPath).matches()) {
                return r;
            }
        }
        return null;
    }

    /** All routes in registration order. */
    public List<Route> all() {
        return List.copyOf(routes);
    }

    static Pattern compile(String path) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char ch = path.charAt(i);
            int close = ch == '{' ? path.indexOf('}', i) : ch == '<' ? path.indexOf('>', i) : -1;
            if (close > i || ch == '*') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(ch == '{' ? "[^/]+" : ".*");
                i = ch == '*' ? i + 1 : close + 1;
            } else {
                literal.append(ch);
                i++;
            }
        }
        String lit = literal.toString();
        while (lit.endsWith("/") && (lit.length() > 1 || re.length() > 0)) {
            lit = lit.substring(0, lit.length() - 1);
        }
        if (!lit.isEmpty()) {
            re.append(Pattern.quote(lit));
        }
        return Pattern.compile(re + (path.equals("/") ? "" : "/?"));
    }
}
