package org.vigil.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * CPU time and allocation per operation of the output encoders ({@link OutputEncodeBenchmark}), the
 * GNSS estimator ({@link GnssEstimatorBenchmark}) and the Mode S stage against its floor
 * ({@link ModeSStageBenchmark}), the same operations on the same data, measured
 * with the thread's own CPU clock and allocation counter. On a machine shared by many builds JMH's
 * average time is mostly the wait for a core; the thread's CPU time is what the operation costs
 * (cache misses caused by the neighbours still count). Five rounds after a warm-up; the median and
 * the lowest round are printed.
 * Run: {@code java -cp bench/target/benchmarks.jar org.vigil.bench.CpuPerOperation}
 */
public final class CpuPerOperation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static long sink;

    private CpuPerOperation() {}

    public static void main(String[] args) {
        OutputEncodeBenchmark out = new OutputEncodeBenchmark();
        out.tracks();
        int n = OutputEncodeBenchmark.TRACKS;
        measure("CoT XML event (ns per track update)", n, out::cotXml, 400, 100);
        measure("TAK protocol v1 (ns per track update)", n, out::cotProtoStream, 400, 100);
        measure("CAT062 record (ns per track update)", n, out::cat062, 400, 100);
        GnssEstimatorBenchmark gnss = new GnssEstimatorBenchmark();
        gnss.setUp();
        measure("GNSS estimator, one ADS-B message (ns)", 1, gnss::message, 2_000_000, 1_000_000);
        measure("GNSS grid update, 20,000 aircraft (ns)", 1, gnss::update, 50, 20);
        ModeSStageBenchmark stage = new ModeSStageBenchmark();
        stage.setUp();
        int frames = ModeSDecodeBenchmark.MESSAGES;
        measure("Beast framing + CRC-24, the floor (ns per message)", frames, stage::framingAndCrc, 400, 200);
        measure("Beast bytes to aircraft table (ns per message)", frames, stage::framingToAircraftTable, 400, 200);
        System.out.println("(checksum " + sink + ")");
    }

    private static void measure(String what, int opsPerCall, IntSupplier call, int warmUpCalls, int calls) {
        for (int i = 0; i < warmUpCalls; i++) sink += call.getAsInt();
        long tid = Thread.currentThread().getId();
        double[] cpu = new double[5];
        double bytes = 0;
        for (int r = 0; r < cpu.length; r++) {
            long b0 = THREADS.getThreadAllocatedBytes(tid);
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) sink += call.getAsInt();
            long c1 = THREADS.getCurrentThreadCpuTime();
            long b1 = THREADS.getThreadAllocatedBytes(tid);
            cpu[r] = (c1 - c0) / (double) calls / opsPerCall;
            bytes = Math.max(bytes, (b1 - b0) / (double) calls / opsPerCall);
        }
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT, "%-42s median %10.1f  lowest %10.1f  bytes/op %.3f%n", what, cpu[2], cpu[0], bytes);
    }
}
