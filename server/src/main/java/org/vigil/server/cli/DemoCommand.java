package org.vigil.server.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", description = "(being built)")
public final class DemoCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
