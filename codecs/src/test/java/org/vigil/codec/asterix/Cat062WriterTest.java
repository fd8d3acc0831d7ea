package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.Callsigns;

/**
 * CAT062 written by {@link Cat062Writer}, read back by Vigil's spec-driven decoder and by Wireshark's
 * ASTERIX dissector (Debian's tshark, in a pcap of UDP datagrams to port 8600): every field equal, 0
 * malformed packets. Without tshark on the PATH that half is skipped, saying so (`./vigil test`
 * installs it).
 */
class Cat062WriterTest {
    @TempDir
    Path dir;

    /** Three tracks: a full one, one without Mode S (primary radar), one far south-west, descending. */
    private static int block(byte[] buf) {
        Cat062Writer w = new Cat062Writer().startBlock(buf, 0);
        w.dataSource(25, 100, 1)
                .timeOfTrack(36000.5)
                .position(44.123456, 30.654321)
                .cartesian(12345.5, -6789.0)
                .velocity(120.25, -80.5)
                .mode3A(07700)
                .callsign(Callsigns.pack("THY1TK  "))
                .address(0x4BA9C1)
                .track(42, false, false)
                .trackAge(0.75)
                .flightLevel(350.25)
                .rateOfClimb(1500)
                .accuracy(75.5, 80);
        assertThat(w.endRecord()).isPositive();
        // primary radar only: no Mode S items, no height
        w.dataSource(25, 100, 1)
                .timeOfTrack(36000.5)
                .position(43.5, 31.25)
                .cartesian(-1000, 2000)
                .velocity(0, 150)
                .track(4095, true, true)
                .trackAge(12.5);
        assertThat(w.endRecord()).isPositive();
        w.dataSource(25, 100, 1)
                .timeOfTrack(86399.99)
                .position(-33.5, -70.25)
                .cartesian(-400000, -300000)
                .velocity(-250.5, 3.25)
                .mode3A(01234)
                .callsign(Callsigns.pack("LAN800  "))
                .address(0xE80123)
                .track(65535, false, false)
                .trackAge(0)
                .flightLevel(-5.25)
                .rateOfClimb(-3000);
        assertThat(w.endRecord()).isPositive();
        return w.endBlock();
    }

    @Test
    void vigilsDecoderReadsEveryField() {
        byte[] buf = new byte[512];
        int len = block(buf);
        Cat062Record v = new Cat062Record();
        List<String> seen = new ArrayList<>();
        int decoded = new AsterixDecoder().decode(buf, 0, len, r -> {
            v.wrap(r);
            seen.add(v.trackNumber() + "");
            assertThat(v.sac()).isEqualTo(25);
            assertThat(v.sic()).isEqualTo(100);
            assertThat(v.serviceId()).isEqualTo(1);
            if (v.trackNumber() == 42) {
                assertThat(v.timeOfTrackSeconds()).isEqualTo(36000.5);
                assertThat(v.latitudeDeg()).isCloseTo(44.123456, within(180.0 / (1 << 25)));
                assertThat(v.longitudeDeg()).isCloseTo(30.654321, within(180.0 / (1 << 25)));
                assertThat(v.xMetres()).isEqualTo(12345.5);
                assertThat(v.yMetres()).isEqualTo(-6789.0);
                assertThat(v.vxMps()).isEqualTo(120.25);
                assertThat(v.vyMps()).isEqualTo(-80.5);
                assertThat(v.mode3A()).isEqualTo(07700);
                assertThat(Callsigns.unpack(v.callsign()).trim()).isEqualTo("THY1TK");
                assertThat(v.callsignSource()).isZero();
                assertThat(v.address()).isEqualTo(0x4BA9C1);
                assertThat(v.tentative()).isZero();
                assertThat(v.monosensor()).isZero();
                assertThat(v.measuredFlightLevel()).isEqualTo(350.25);
                assertThat(v.rateOfClimbMps()).isCloseTo(1500 * 0.3048 / 60, within(6.25 * 0.3048 / 60));
                assertThat(FieldRef.resolve(AsterixSpecs.current(62), "500", "APC", "X")
                                .value(r))
                        .isEqualTo(75.5);
                assertThat(FieldRef.resolve(AsterixSpecs.current(62), "500", "APC", "Y")
                                .value(r))
                        .isEqualTo(80);
                assertThat(FieldRef.resolve(AsterixSpecs.current(62), "290", "TRK")
                                .value(r))
                        .isEqualTo(0.75);
            } else if (v.trackNumber() == 4095) {
                assertThat(v.tentative()).isEqualTo(1);
                assertThat(v.monosensor()).isEqualTo(1);
                assertThat(v.callsign()).isZero();
                assertThat(v.vyMps()).isEqualTo(150);
            } else {
                assertThat(v.trackNumber()).isEqualTo(65535);
                assertThat(v.latitudeDeg()).isCloseTo(-33.5, within(180.0 / (1 << 25)));
                assertThat(v.longitudeDeg()).isCloseTo(-70.25, within(180.0 / (1 << 25)));
                assertThat(v.xMetres()).isEqualTo(-400000);
                assertThat(v.measuredFlightLevel()).isEqualTo(-5.25);
                assertThat(v.timeOfTrackSeconds()).isCloseTo(86399.99, within(1 / 128.0));
            }
        });
        assertThat(seen).containsExactly("42", "4095", "65535");
        assertThat(decoded).isEqualTo(3);
    }

    @Test
    void wiresharksDissectorReadsItWithoutMalformedPackets() throws Exception {
        Assumptions.assumeTrue(works("tshark", "--version"), "tshark (Debian package tshark) is not on the PATH");
        byte[] buf = new byte[512];
        int len = block(buf);
        Path pcap = dir.resolve("cat062.pcap");
        Files.write(pcap, pcap(buf, len, 3));
        String malformed = run("tshark", "-r", pcap.toString(), "-Y", "_ws.malformed || _ws.expert.severity >= 6");
        assertThat(malformed.trim()).as("malformed or error packets").isEmpty();
        String fields = run("tshark", "-r", pcap.toString(), "-V", "-Y", "asterix");
        // Wireshark's own reading equals what was written (and Vigil's decoder read, above)
        assertThat(fields)
                .contains("Category: 62")
                .contains("SAC, System Area Code: 0x19 (25)")
                .contains("SIC, System Identification Code: 0x64 (100)")
                .contains("Time Of Track Information, [s]: 36000.5")
                .contains("X, X Coordinate, [m]: 12345.5")
                .contains("Y, Y Coordinate, [m]: -6789")
                .contains("VX, Velocity (X-component), [m/s]: 120.25")
                .contains("VY, Velocity (Y-component), [m/s]: -80.5")
                .contains("Mode-3/A Reply in Octal Representation: 07700")
                .contains("Defining Target Identification: THY1TK")
                .contains("Target Address: 0x4ba9c1")
                .contains("Track Number: 0x002a (42)")
                .contains("Track Number: 0x0fff (4095)")
                .contains("CNF: Tentative track (1)")
                .contains("MON: Monosensor track (1)")
                .contains("Track Age, [s]: 12.5")
                .contains("Measured Flight Level, [FL]: 350.25")
                .contains("Measured Flight Level, [FL]: -5.25")
                .contains("Calculated Rate of Climb/Descent, [ft/min]: 1500")
                .contains("X, X Coordinate, [m]: -400000");
        var lat = java.util.regex.Pattern.compile("LAT, Latitude, \\[°\\]: (-?[0-9.]+)")
                .matcher(fields);
        assertThat(lat.find()).isTrue();
        assertThat(Double.parseDouble(lat.group(1))).isCloseTo(44.123456, within(180.0 / (1 << 25)));
        assertThat(fields.split("Asterix message, #", -1)).hasSize(3 * 3 + 1); // 3 copies x 3 records
        assertThat(fields).doesNotContain("Malformed");
    }

    /** A little-endian pcap (Ethernet) of {@code copies} IPv4/UDP datagrams to port 8600 carrying the block. */
    static byte[] pcap(byte[] block, int len, int copies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(1);
        out.writeBytes(h.array());
        for (int c = 0; c < copies; c++) {
            int udpLen = 8 + len, ipLen = 20 + udpLen, frameLen = 14 + ipLen;
            ByteBuffer f = ByteBuffer.allocate(16 + frameLen);
            f.order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(1_700_000_000 + c)
                    .putInt(0)
                    .putInt(frameLen)
                    .putInt(frameLen);
            f.order(ByteOrder.BIG_ENDIAN);
            f.put(new byte[] {1, 0, 0x5e, 0, 0, 1, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            int ipStart = f.position();
            f.put((byte) 0x45)
                    .put((byte) 0)
                    .putShort((short) ipLen)
                    .putShort((short) c)
                    .putShort((short) 0);
            f.put((byte) 1).put((byte) 17).putShort((short) 0);
            f.put(new byte[] {10, 0, 0, 1}).put(new byte[] {(byte) 239, 0, 0, 1});
            int sum = 0;
            for (int i = ipStart; i < ipStart + 20; i += 2) sum += ((f.get(i) & 0xff) << 8) | (f.get(i + 1) & 0xff);
            while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
            f.putShort(ipStart + 10, (short) ~sum);
            f.putShort((short) 8600)
                    .putShort((short) 8600)
                    .putShort((short) udpLen)
                    .putShort((short) 0);
            f.put(block, 0, len);
            out.writeBytes(f.array());
        }
        return out.toByteArray();
    }

    static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        // stderr (tshark's notes on running as root) is not part of the answer
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
