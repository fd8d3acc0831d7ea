package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.vigil.server.feed.TcpListenerSource;
import picocli.CommandLine;

/** `vigil run`'s feed listeners: loopback unless told otherwise; allow-list and per-source limit from options. */
class RunListenOptionsTest {
    static RunCommand parse(String... args) {
        CommandLine cl = new CommandLine(new RunCommand());
        cl.parseArgs(args);
        return cl.getCommand();
    }

    @Test
    void feedListenersBindToLoopbackByDefault() throws Exception {
        RunCommand run = parse("--listen-beast", "30104");
        assertThat(run.listenAddress().isLoopbackAddress()).isTrue();
        assertThat(run.admission()).isEqualTo(TcpListenerSource.Admission.open());
        // the console's --bind does not open the feed ports to the network
        RunCommand console = parse("--listen-beast", "30104", "--bind", "0.0.0.0");
        assertThat(console.listenAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void allowListAndLimitsComeFromTheOptions() throws Exception {
        RunCommand run = parse(
                "--listen-beast",
                "30104",
                "--listen-bind",
                "0.0.0.0",
                "--listen-allow",
                "192.168.1.0/24,10.0.0.7",
                "--listen-max-per-source",
                "2");
        assertThat(run.listenAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
        TcpListenerSource.Admission a = run.admission();
        assertThat(a.maxPerSource()).isEqualTo(2);
        assertThat(a.allows(InetAddress.getByName("192.168.1.20"))).isTrue();
        assertThat(a.allows(InetAddress.getByName("10.0.0.7"))).isTrue();
        assertThat(a.allows(InetAddress.getByName("10.0.0.8"))).isFalse();
        assertThatThrownBy(() -> parse("--listen-allow", "feeder.example.org").admission())
                .isInstanceOf(CommandLine.ParameterException.class);
    }
}
