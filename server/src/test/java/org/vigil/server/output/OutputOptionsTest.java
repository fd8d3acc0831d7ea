package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.server.cli.DemoCommand;
import org.vigil.server.cli.RunCommand;
import picocli.CommandLine;

/** Every output is off unless asked for, in both `vigil run` and `vigil demo`. */
class OutputOptionsTest {
    static final List<String> OPTIONS = List.of(
            "--metrics",
            "--aircraft-json",
            "--write-json",
            "--net-bo-port",
            "--net-sbs-port",
            "--cot-tcp-port",
            "--cot-tls-port",
            "--cot-udp",
            "--asterix-out");

    @Test
    void runAndDemoOfferEveryOutputOffByDefault() {
        for (Object command : List.of(new RunCommand(), new DemoCommand())) {
            CommandLine c = new CommandLine(command);
            c.parseArgs();
            for (String name : OPTIONS) {
                var option = c.getCommandSpec().findOption(name);
                assertThat(option).as("%s %s", command, name).isNotNull();
                Object v = option.getValue();
                assertThat(v == null
                                || Boolean.FALSE.equals(v)
                                || Integer.valueOf(0).equals(v))
                        .as("%s %s off by default, was %s", command, name, v)
                        .isTrue();
            }
        }
    }

    @Test
    void optionsParse() {
        CommandLine demo = new CommandLine(new DemoCommand());
        demo.parseArgs("--metrics", "--net-bo-port", "30005", "--net-sbs-port", "30003", "--write-json", "/tmp/x");
        assertThat((Boolean) demo.getCommandSpec().findOption("--metrics").getValue())
                .isTrue();
        assertThat((Integer) demo.getCommandSpec().findOption("--net-bo-port").getValue())
                .isEqualTo(30005);
        assertThat((Integer) demo.getCommandSpec().findOption("--net-sbs-port").getValue())
                .isEqualTo(30003);
    }

    @Test
    void asterixSensorsAreTheirOwnDataSources() {
        CommandLine run = new CommandLine(new RunCommand());
        run.parseArgs("--asterix-sensor", "Varna=10/2", "--asterix-sensor", "Sofia Vitosha=10/1");
        java.util.Map<String, String> given =
                run.getCommandSpec().findOption("--asterix-sensor").getValue();
        assertThat(OutputOptions.sensorIds(given))
                .containsEntry("Varna", 10 << 8 | 2)
                .containsEntry("Sofia Vitosha", 10 << 8 | 1);
        assertThat(OutputOptions.sensorIds(null)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> OutputOptions.sensorIds(java.util.Map.of("Varna", "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--asterix-sensor Varna=10");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> OutputOptions.sensorIds(java.util.Map.of("Varna", "10/256")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
