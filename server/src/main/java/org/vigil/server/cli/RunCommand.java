package org.vigil.server.cli;

import picocli.CommandLine.Command;

@Command(name = "run", description = "(being built)")
public final class RunCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet");
    }
}
