package org.vigil.server.recording;

/**
 * A snapshot of the event store's counters (since this process opened it, except the sequence numbers).
 *
 * @param lastAssigned highest sequence number handed out
 * @param lastCommitted highest sequence number on disk
 * @param waiting machine events recorded but not yet committed
 * @param commitFailures failed commits (events stay waiting and are retried)
 * @param rowsDeleted rows removed by retention
 * @param spilled waiting events in the local spill file now (a database outage)
 * @param spilledTotal events ever spilled
 * @param peakWaitingInMemory most events ever waiting in memory (bounded by the spill limit)
 * @param reconnects writer connections replaced after a failure
 */
public record EventStoreStats(
        long lastAssigned,
        long lastCommitted,
        int waiting,
        long committedEvents,
        long operatorActions,
        long commitFailures,
        long rowsDeleted,
        long spilled,
        long spilledTotal,
        int peakWaitingInMemory,
        long reconnects) {}
