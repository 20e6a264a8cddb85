package io.wirewatch.cli;

import io.wirewatch.config.Home;
import io.wirewatch.config.WirewatchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's defaults ({@code config/wirewatch.properties}), then a file given on the command
 * line.
 */
final class ConfigFiles {

  static final Path DEFAULTS = Home.resolve("config/wirewatch.properties");

  private ConfigFiles() {}

  static WirewatchConfig load(String extraFile) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.exists(DEFAULTS)) {
      files.add(DEFAULTS);
    }
    if (extraFile != null) {
      Path extra = Path.of(extraFile);
      if (!Files.exists(extra)) {
        throw new Args.UsageException("no such config file: " + extraFile);
      }
      files.add(extra);
    }
    return WirewatchConfig.load(files, System.getenv());
  }
}
