package org.vigil.server.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.vigil.server.demo.SyntheticTraffic;
import org.vigil.server.live.LiveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: the console with built-in traffic over the Black Sea and no receiver.
 * The traffic is encoded as real ADS-B frames and decoded by the same pipeline as live data;
 * its frames carry simulated time, which the demo keeps equal to the wall clock.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve the console with built-in Black Sea traffic (no receiver needed).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the console (default ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address the console binds to (default ${DEFAULT-VALUE}).")
    String bind;
    @Option(names = "--aircraft", defaultValue = "" + SyntheticTraffic.DEFAULT_AIRCRAFT,
            description = "Number of simultaneous flights (default ${DEFAULT-VALUE}, at most " + SyntheticTraffic.MAX_AIRCRAFT + ").")
    int aircraft;
    @Option(names = "--seed", defaultValue = "2022", description = "Random seed of the traffic (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        try (LiveServer server = new LiveServer(bind, port)) {
            long start = System.currentTimeMillis() * 1_000_000L;
            SyntheticTraffic traffic = new SyntheticTraffic(seed, start, aircraft);
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vigil-demo-traffic");
                t.setDaemon(true);
                return t;
            });
            clock.scheduleAtFixedRate(() -> {
                long now = System.currentTimeMillis() * 1_000_000L;
                synchronized (server.deliveryLock()) {
                    traffic.advanceTo(now, server.pipeline());
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            int bound = server.start();
            System.out.printf("Vigil %s demo: %d synthetic flights over the Black Sea.%nConsole: http://localhost:%d/  (Ctrl-C to stop)%n",
                    LiveServer.VERSION, traffic.aircraftCount(), bound);
            server.runUntilStopped();
            clock.shutdownNow();
        }
        return 0;
    }
}
