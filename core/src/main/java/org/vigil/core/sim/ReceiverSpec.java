package org.vigil.core.sim;

/**
 * A simulated 1090 MHz ADS-B ground receiver.
 *
 * @param name     operator name, also the output file name
 * @param lat      antenna latitude
 * @param lon      antenna longitude
 * @param heightM  antenna height above sea level, metres
 * @param rangeNm  range limit (the radio horizon also applies)
 * @param loss     probability that a frame in range is lost (0..1)
 */
public record ReceiverSpec(String name, double lat, double lon, double heightM, double rangeNm, double loss) {}
