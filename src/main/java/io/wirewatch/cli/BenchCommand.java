package io.wirewatch.cli;

/** {@code wirewatch bench}: the benchmark workload (issue 7); refuses clearly until it exists. */
final class BenchCommand {

  private BenchCommand() {}

  static int run(String[] argv) {
    System.err.println("wirewatch bench: the benchmark workload is not built yet");
    return 3;
  }
}
