package org.vigil.server.cli;

import picocli.CommandLine.Command;

@Command(name = "decode", description = "(being built)")
public final class DecodeCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
