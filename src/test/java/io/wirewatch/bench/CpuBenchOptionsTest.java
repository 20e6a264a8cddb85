package io.wirewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuBenchOptionsTest {

  @Test
  void shouldMeasureEverythingInThisJvmAsBeforeWhenGivenNoFlags() {
    CpuBenchOptions none = CpuBenchOptions.parse(List.of());
    assertEquals(new CpuBenchOptions(3, 0, CpuParts.ALL, Optional.empty(), false), none);
    assertEquals(1.5, CpuBenchOptions.parse(List.of("1.5")).seconds());
  }

  @Test
  void shouldTakeFlagsInAnyOrderAroundTheSeconds() {
    CpuBenchOptions options =
        CpuBenchOptions.parse(
            List.of("--only", "whole", "3", "--json", "docs/bench/x.json", "--forks", "5"));
    assertEquals(
        new CpuBenchOptions(3, 5, CpuParts.WHOLE, Optional.of(Path.of("docs/bench/x.json")), false),
        options);
    assertEquals(CpuParts.STEP, CpuBenchOptions.parse(List.of("--only", "STEP")).only());
  }

  @Test
  void shouldStartForksWithTheRoundsAndPartsAndNothingToWrite() {
    CpuBenchOptions options =
        CpuBenchOptions.parse(List.of("2", "--forks", "3", "--only", "whole", "--json", "x.json"));
    List<String> forkArgs = options.forkArguments();
    assertEquals(List.of("--fork-child", "2.0", "--only", "whole"), forkArgs);
    CpuBenchOptions fork = CpuBenchOptions.parse(forkArgs);
    assertTrue(fork.forkChild());
    assertEquals(0, fork.forks());
    assertEquals(2.0, fork.seconds());
    assertEquals(CpuParts.WHOLE, fork.only());
  }

  @Test
  void shouldRefuseBadArgumentsNamingThem() {
    assertMessage("unknown option --fork", "--fork", "3");
    assertMessage("unknown option --forks=3", "--forks=3");
    assertMessage("--forks needs a value", "--forks");
    assertMessage("--forks needs a value", "--forks", "--only", "whole");
    assertMessage("--forks takes a whole number: many", "--forks", "many");
    assertMessage("--forks must be at least 1: 0", "--forks", "0");
    assertMessage("--only takes whole, step or all, not wholeArticle", "--only", "wholeArticle");
    assertMessage("--json sums up forks", "--json", "x.json");
    assertMessage("seconds per round must be a number, not three", "three");
    assertMessage("seconds per round must be a positive number", "0");
    assertMessage("seconds per round must be a positive number", "-1");
    assertMessage("seconds per round must be a positive number", "NaN");
    assertMessage("seconds given twice", "3", "4");
    assertMessage("--only given twice", "--only", "whole", "--only", "all");
    assertMessage("a fork does not start forks", "--fork-child", "--forks", "2");
    assertMessage("--json: no directory", "--forks", "2", "--json", "no-such-dir/x.json");
  }

  @Test
  void shouldMeasureOnlyWhatTheChoiceNames() {
    assertFalse(CpuParts.WHOLE.step());
    assertFalse(CpuParts.WHOLE.fingerprint());
    assertFalse(CpuParts.WHOLE.boilerplate());
    assertTrue(CpuParts.WHOLE.wholeArticle());
    assertTrue(CpuParts.STEP.step());
    assertFalse(CpuParts.STEP.wholeArticle());
    assertTrue(CpuParts.ALL.boilerplate() && CpuParts.ALL.step() && CpuParts.ALL.wholeArticle());
  }

  private static void assertMessage(String start, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CpuBenchOptions.parse(List.of(args)));
    assertTrue(e.getMessage().startsWith(start), () -> e.getMessage() + " for " + List.of(args));
  }
}
