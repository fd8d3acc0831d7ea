import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.vigil.core.flightplan.Aerodromes;
import org.vigil.core.flightplan.RoutePoints;

/**
 * Start-up cost of the aerodrome table, cold in a fresh JVM: the built-in table and route points,
 * or a table file given as argument (e.g. an older or a theatre's airports.csv). Run after a build:
 *
 * <pre>java -cp core/target/classes tools/airports/LoadCost.java [airports.csv]</pre>
 */
public class LoadCost {
    private static Aerodromes read(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return Aerodromes.read(in, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime(), cpu = mx.getCurrentThreadCpuTime();
        Aerodromes table = args.length > 0 ? read(Path.of(args[0])) : Aerodromes.builtIn();
        RoutePoints points = args.length > 0 ? RoutePoints.of(table) : RoutePoints.bundled().withWaypoints("/flightplan/waypoints.csv");
        System.out.printf(
                "%s: %d aerodromes, %d points: wall %.0f ms, thread cpu %.0f ms%n",
                args.length > 0 ? args[0] : "built-in",
                table.size(),
                points.size(),
                (System.nanoTime() - wall) / 1e6,
                (mx.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
}
