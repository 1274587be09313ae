package dev.bazaar.stream.export;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export command's options: what it accepts, and a clear refusal of what it does not. */
class ExportCommandTest {

    @Test
    void the_output_folder_alone_exports_everything_in_files_of_100000() {
        var options = ExportCommand.parse(new String[] {"--out", "/tmp/x"});

        assertThat(options).isEqualTo(new ExportCommand.Options(Path.of("/tmp/x"), 0, Long.MAX_VALUE, 100_000));
    }

    @Test
    void a_range_and_a_file_size_are_taken_in_any_order() {
        var options = ExportCommand.parse(new String[] {"--per-file", "500", "--through", "9000", "--after", "41",
            "--out", "out"});

        assertThat(options).isEqualTo(new ExportCommand.Options(Path.of("out"), 41, 9_000, 500));
    }

    @Test
    void missing_values_unknown_options_bad_numbers_and_empty_ranges_are_refused_by_name() {
        assertThatThrownBy(() -> ExportCommand.parse(new String[] {"--after", "5"}))
                .hasMessageContaining("--out DIR is required");
        assertThatThrownBy(() -> ExportCommand.parse(new String[] {"--out", "x", "--after"}))
                .hasMessageContaining("every option takes a value");
        assertThatThrownBy(() -> ExportCommand.parse(new String[] {"--out", "x", "--since", "5"}))
                .hasMessageContaining("unknown option --since");
        assertThatThrownBy(() -> ExportCommand.parse(new String[] {"--out", "x", "--after", "five"}))
                .hasMessageContaining("--after takes a whole number, not 'five'");
        assertThatThrownBy(() -> ExportCommand.parse(new String[] {"--out", "x", "--per-file", "0"}))
                .hasMessageContaining("--per-file must be at least 1");
        assertThatThrownBy(() -> ExportCommand.parse(new String[] {"--out", "x", "--after", "10", "--through", "10"}))
                .hasMessageContaining("must be after --after");
    }

}
