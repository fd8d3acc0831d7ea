package org.vigil.server.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the web layer listens and how often it pushes the air picture.
 *
 * @param bindAddress  interface to listen on; "0.0.0.0" for every interface (what {@code vigil run}
 *                     uses), "127.0.0.1" for the local machine only
 * @param port         TCP port; 0 lets the system pick a free one (tests), see {@link WebServer#start()}
 * @param pushInterval how often every connected console gets a fresh picture; at most one second so
 *                     the display never lags the air picture by more than a sweep
 * @param version      version string reported by {@code /api/health}
 * @param clock        wall clock for the push time stamp and uptime (the web layer is the edge of the
 *                     system, the only place where wall-clock time is allowed)
 */
public record WebSettings(String bindAddress, int port, Duration pushInterval, String version, Clock clock) {

    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_PUSH_INTERVAL = Duration.ofSeconds(1);

    public WebSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(pushInterval, "pushInterval");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (pushInterval.toMillis() < 50 || pushInterval.compareTo(DEFAULT_PUSH_INTERVAL) > 0) {
            throw new IllegalArgumentException("push interval must be between 50 ms and 1 s: " + pushInterval);
        }
    }

    /** Port 8080 on every interface, one push a second, version from the jar manifest. */
    public static WebSettings defaults() {
        String v = WebSettings.class.getPackage().getImplementationVersion();
        return new WebSettings(
                DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_PUSH_INTERVAL, v == null ? "dev" : v, Clock.systemUTC());
    }

    public WebSettings withBindAddress(String v) {
        return new WebSettings(v, port, pushInterval, version, clock);
    }

    public WebSettings withPort(int v) {
        return new WebSettings(bindAddress, v, pushInterval, version, clock);
    }

    public WebSettings withPushInterval(Duration v) {
        return new WebSettings(bindAddress, port, v, version, clock);
    }

    public WebSettings withVersion(String v) {
        return new WebSettings(bindAddress, port, pushInterval, v, clock);
    }

    public WebSettings withClock(Clock v) {
        return new WebSettings(bindAddress, port, pushInterval, version, v);
    }
}
