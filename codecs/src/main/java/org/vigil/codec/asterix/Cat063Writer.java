package org.vigil.codec.asterix;

/**
 * Writes CAT063 sensor status reports (edition 1.7) into a caller's buffer, allocation-free: what an
 * SDPS tells its users about each sensor it uses, next to its CAT062 tracks (docs/INTEROP.md "ASTERIX
 * CAT063 and CAT065"). Items: I063/010 the SDPS, /015 its service, /030 time of message, /050 the
 * sensor, /060 its configuration and status (first octet: CON and the PSR, SSR, MDS, ADS, MLT
 * GO/NOGO bits). Usage: {@link #startBlock}; per sensor {@link #report} then {@link #endRecord};
 * {@link #endBlock} patches LEN. The data-driven decoder (with {@link AsterixSpecs#edition}
 * {@code (63, "1.7")}) and Wireshark's dissector are the check (Cat063Cat065WriterTest).
 */
public final class Cat063Writer extends AsterixBlockWriter {
    /** I063/060 CON: the sensor's state as the SDPS sees it. */
    public static final int OPERATIONAL = 0, DEGRADED = 1, INITIALIZATION = 2, NOT_CONNECTED = 3;
    /** I063/060 technology bits, set when that part of the sensor is NOGO. */
    public static final int PSR_NOGO = 0x20, SSR_NOGO = 0x10, MDS_NOGO = 0x08, ADS_NOGO = 0x04, MLT_NOGO = 0x02;

    // FRN - 1 of the items written (UAP of edition 1.7)
    private static final int I010 = 0, I015 = 1, I030 = 2, I050 = 3, I060 = 4;
    private int service, sensor, status;

    public Cat063Writer() {
        super(63, 16);
    }

    public Cat063Writer startBlock(byte[] buf, int off) {
        begin(buf, off);
        return this;
    }

    /**
     * One sensor's status.
     *
     * @param todSeconds time of message, s since UTC midnight
     * @param con        {@link #OPERATIONAL}, {@link #DEGRADED}, {@link #INITIALIZATION} or {@link #NOT_CONNECTED}
     * @param nogo       the NOGO bits ({@link #PSR_NOGO} ...), 0 when all is GO
     */
    public Cat063Writer report(
            int sac, int sic, int serviceId, double todSeconds, int sensorSac, int sensorSic, int con, int nogo) {
        sacSic(sac, sic);
        this.service = serviceId & 0xFF;
        setTimeOfDay(todSeconds);
        this.sensor = packSacSic(sensorSac, sensorSic);
        this.status = ((con & 3) << 6) | (nogo & 0x3E); // FX 0: one octet
        set(I010);
        set(I015);
        set(I030);
        set(I050);
        set(I060);
        return this;
    }

    @Override
    protected void writeItem(int i) {
        switch (i) {
            case I010 -> putSacSic();
            case I015 -> put8(service);
            case I030 -> putTimeOfDay();
            case I050 -> put16(sensor);
            case I060 -> put8(status);
            default -> throw new IllegalStateException("item not written by this writer: FRN " + (i + 1));
        }
    }
}
