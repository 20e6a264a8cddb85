package io.wirewatch.cli;

import java.util.Arrays;

/** Entry point of {@code bin/wirewatch}. */
public final class Main {

  static final String USAGE =
      """
      usage: wirewatch <command> [options]
        demo    [--no-samples] [--kafka-port N] [--http-port N] [--data-dir DIR]
        run     --config FILE
        ingest  --bootstrap-servers H:P [--topic T] [FILE|DIR|-]...
        consume --bootstrap-servers H:P --topic T [--from-beginning] [--max N] [--timeout S]
        rules   list|add|remove --bootstrap-servers H:P ...
        bench   [--articles N] [--rules R] [--entities E] [--duplicates F] [--json FILE]
                [--warmup N]
      """;

  private Main() {}

  public static void main(String[] argv) {
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help")) {
      System.out.print(USAGE);
      System.exit(argv.length == 0 ? 2 : 0);
    }
    int rc;
    try {
      rc =
          switch (argv[0]) {
            case "demo" -> DemoCommand.run(argv);
            case "run" -> RunCommand.run(argv);
            case "ingest" -> IngestCommand.run(argv);
            case "consume" -> ConsumeCommand.run(argv);
            case "rules" -> RulesCommand.run(argv);
            case "bench" -> BenchCommand.run(argv);
            default -> throw new Args.UsageException("unknown command " + argv[0]);
          };
    } catch (Args.UsageException e) {
      System.err.println("wirewatch: " + e.getMessage());
      System.err.print(USAGE);
      rc = 2;
    } catch (Exception e) {
      System.err.println("wirewatch " + argv[0] + ": " + e.getMessage());
      if (Boolean.getBoolean("wirewatch.debug")) {
        e.printStackTrace();
      }
      rc = 1;
    }
    System.out.flush();
    if (!Arrays.asList("demo", "run").contains(argv[0]) || rc != 0) {
      System.exit(rc);
    }
  }
}
