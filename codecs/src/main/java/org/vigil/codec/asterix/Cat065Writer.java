package org.vigil.codec.asterix;

/**
 * Writes CAT065 SDPS service status messages (edition 1.6) into a caller's buffer, allocation-free:
 * the SDPS's own status and the end of each batch of CAT062 tracks, as ARTAS-like trackers send them
 * (docs/INTEROP.md "ASTERIX CAT063 and CAT065"). Items: I065/010 the SDPS, /000 message type, /015
 * service, /030 time of message, /020 batch number (end of batch), /040 SDPS configuration and status
 * (SDPS status), /050 service status report. Usage: {@link #startBlock}; per message one of
 * {@link #sdpsStatus}, {@link #endOfBatch}, {@link #serviceStatus} then {@link #endRecord};
 * {@link #endBlock} patches LEN. The data-driven decoder (with {@link AsterixSpecs#edition}
 * {@code (65, "1.6")}) and Wireshark's dissector are the check (Cat063Cat065WriterTest).
 */
public final class Cat065Writer extends AsterixBlockWriter {
    /** I065/040 NOGO: the SDPS's state. */
    public static final int OPERATIONAL = 0, DEGRADED = 1, NOT_CONNECTED = 2, UNKNOWN = 3;

    private static final int SDPS_STATUS = 1, END_OF_BATCH = 2, SERVICE_STATUS = 3;
    // FRN - 1 of the items written (UAP of edition 1.6)
    private static final int I010 = 0, I000 = 1, I015 = 2, I030 = 3, I020 = 4, I040 = 5, I050 = 6;
    private int type, service, batch, status, report;

    public Cat065Writer() {
        super(65, 16);
    }

    public Cat065Writer startBlock(byte[] buf, int off) {
        begin(buf, off);
        return this;
    }

    private Cat065Writer common(int sac, int sic, int serviceId, double todSeconds, int type) {
        sacSic(sac, sic);
        this.service = serviceId & 0xFF;
        setTimeOfDay(todSeconds);
        this.type = type;
        set(I010);
        set(I000);
        set(I015);
        set(I030);
        return this;
    }

    /**
     * An SDPS status message (I065/040).
     *
     * @param nogo     {@link #OPERATIONAL}, {@link #DEGRADED}, {@link #NOT_CONNECTED} or {@link #UNKNOWN}
     * @param overload the SDPS is overloaded (OVL)
     * @param renumbered the STTN toggle bit: flips whenever the SDPS restarts its track numbering
     */
    public Cat065Writer sdpsStatus(
            int sac, int sic, int serviceId, double todSeconds, int nogo, boolean overload, boolean renumbered) {
        common(sac, sic, serviceId, todSeconds, SDPS_STATUS);
        status = ((nogo & 3) << 6) | (overload ? 0x20 : 0) | (renumbered ? 0x02 : 0); // TSV 0, PSS 0
        set(I040);
        return this;
    }

    /** The end of batch {@code batch} (0 .. N-1) of a processing cycle (I065/020). */
    public Cat065Writer endOfBatch(int sac, int sic, int serviceId, double todSeconds, int batch) {
        common(sac, sic, serviceId, todSeconds, END_OF_BATCH);
        this.batch = batch & 0xFF;
        set(I020);
        return this;
    }

    /** A service status report (I065/050: 1 service degradation, 2 degradation ended, ...). */
    public Cat065Writer serviceStatus(int sac, int sic, int serviceId, double todSeconds, int report) {
        common(sac, sic, serviceId, todSeconds, SERVICE_STATUS);
        this.report = report & 0xFF;
        set(I050);
        return this;
    }

    @Override
    protected void writeItem(int i) {
        switch (i) {
            case I010 -> putSacSic();
            case I000 -> put8(type);
            case I015 -> put8(service);
            case I030 -> putTimeOfDay();
            case I020 -> put8(batch);
            case I040 -> put8(status);
            case I050 -> put8(report);
            default -> throw new IllegalStateException("item not written by this writer: FRN " + (i + 1));
        }
    }
}
