package org.vigil.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Parsing of the small structured option values shared by several commands, with clear errors. */
final class Args {
    private Args() {}

    /** "LAT,LON" in degrees. */
    static double[] latLon(CommandSpec spec, String option, String text) {
        String[] p = text.split(",");
        try {
            if (p.length == 2) {
                double lat = Double.parseDouble(p[0].trim());
                double lon = Double.parseDouble(p[1].trim());
                if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) return new double[] {lat, lon};
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new CommandLine.ParameterException(
                spec.commandLine(), option + " expects LAT,LON in degrees (e.g. 42.70,23.41), got '" + text + "'");
    }

    /** "HOST:PORT" → {host, port}. */
    static String[] hostPort(CommandSpec spec, String option, String text) {
        int i = text.lastIndexOf(':');
        if (i > 0 && i < text.length() - 1) {
            try {
                int port = Integer.parseInt(text.substring(i + 1));
                if (port >= 1 && port <= 65535) return new String[] {text.substring(0, i), Integer.toString(port)};
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), option + " expects HOST:PORT, got '" + text + "'");
    }

    static int port(CommandSpec spec, int port) {
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "port out of range 1..65535: " + port);
        }
        return port;
    }
}
