package org.vigil.codec.asterix;

/**
 * Writes CAT034 (edition 1.29) north markers and sector crossings into a caller's buffer,
 * allocation-free: items I034/010, /000, /030, /020 and /041, like the CroatiaControl capture's
 * FSPEC F0/F8 records. Each call writes one complete block holding one record and returns its
 * length (-1 when the buffer is too small).
 */
public final class Cat034Writer {
    /** A north marker: 010, 000 = 1, 030, and 041 when the rotation period is known (>0). */
    public int northMarker(
            byte[] buf, int off, int sac, int sic, double timeOfDaySeconds, double rotationPeriodSeconds) {
        boolean period = rotationPeriodSeconds > 0;
        int len = 3 + 1 + 2 + 1 + 3 + (period ? 2 : 0);
        if (off + len > buf.length) return -1;
        int p = header(buf, off, len);
        buf[p++] = (byte) (period ? 0xE8 : 0xE0); // FRN 1 010, 2 000, 3 030, 5 041
        p = common(buf, p, sac, sic, 1, timeOfDaySeconds);
        if (period) {
            long r = Math.max(0, Math.min(0xFFFF, Math.round(rotationPeriodSeconds * 128)));
            buf[p++] = (byte) (r >>> 8);
            buf[p] = (byte) r;
        }
        return len;
    }

    /** A sector crossing: 010, 000 = 2, 030, 020 (azimuth in 360/256° steps, rounded down to the sector). */
    public int sectorCrossing(byte[] buf, int off, int sac, int sic, double timeOfDaySeconds, double sectorAzimuthDeg) {
        int len = 3 + 1 + 2 + 1 + 3 + 1;
        if (off + len > buf.length) return -1;
        int p = header(buf, off, len);
        buf[p++] = (byte) 0xF0; // FRN 1..4: 010, 000, 030, 020
        p = common(buf, p, sac, sic, 2, timeOfDaySeconds);
        double a = sectorAzimuthDeg % 360.0;
        if (a < 0) a += 360.0;
        buf[p] = (byte) ((int) Math.floor(a / 360.0 * 256) & 0xFF);
        return len;
    }

    private static int header(byte[] buf, int off, int len) {
        buf[off] = 34;
        buf[off + 1] = (byte) (len >>> 8);
        buf[off + 2] = (byte) len;
        return off + 3;
    }

    private static int common(byte[] buf, int p, int sac, int sic, int type, double tod) {
        buf[p++] = (byte) sac;
        buf[p++] = (byte) sic;
        buf[p++] = (byte) type;
        int t = (int) (Math.round(tod * 128) & 0xFFFFFF);
        buf[p++] = (byte) (t >>> 16);
        buf[p++] = (byte) (t >>> 8);
        buf[p++] = (byte) t;
        return p;
    }
}
