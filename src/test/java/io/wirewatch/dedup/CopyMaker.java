package io.wirewatch.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Makes the edited copies the quality harness looks for, each edit of a known kind. */
public final class CopyMaker {

  public enum Edit {
    EXACT(DedupStatus.DUPLICATE),
    BOILERPLATE(DedupStatus.DUPLICATE),
    TYPOS(DedupStatus.DUPLICATE),
    NEW_INTRO_AND_CUT(DedupStatus.SYNDICATED);

    final DedupStatus expected;

    Edit(DedupStatus expected) {
      this.expected = expected;
    }
  }

  private static final String[] INTRO_OPENINGS = {
    "Readers following the market asked us to summarise the latest wire report on this subject.",
    "Here is what the news agencies reported overnight, with our own summary of the background.",
    "Our correspondents picked up the following report, which matters to many local producers.",
    "In case you missed it, the agency story below has drawn attention from traders this week.",
  };

  private static final String[][] SITE_BOILERPLATE = {
    {"Get the latest updates on your phone, subscribe to our alerts now.", "Share this article"},
    {"Advertisement", "This website uses cookies to improve your experience. Accept Read More"},
    {"Sign up for our free morning newsletter.", "Leave a reply. Your email will not be shown."},
  };

  private final Random random;

  public CopyMaker(Random random) {
    this.random = random;
  }

  static int boilerplateSites() {
    return SITE_BOILERPLATE.length;
  }

  public String copy(String text, Edit edit, int site) {
    return switch (edit) {
      case EXACT -> text;
      case BOILERPLATE -> withBoilerplate(text, site);
      case TYPOS -> withTypos(text);
      case NEW_INTRO_AND_CUT -> withNewIntroAndCut(text);
    };
  }

  static String withBoilerplate(String text, int site) {
    String[] lines = SITE_BOILERPLATE[site];
    return lines[0] + "\n\n" + text + "\n\n" + lines[1];
  }

  /** Edits up to 5% of the words: letters swapped or dropped, a word dropped or replaced. */
  String withTypos(String text) {
    String[] tokens = text.split(" ", -1);
    int edits = 1 + random.nextInt(Math.max(1, tokens.length / 20));
    for (int e = 0; e < edits; e++) {
      int i = random.nextInt(tokens.length);
      String t = tokens[i];
      if (t.length() < 3 || !Character.isLetter(t.charAt(0))) {
        continue;
      }
      int at = 1 + random.nextInt(t.length() - 2);
      tokens[i] =
          switch (random.nextInt(4)) {
            case 0 -> t.substring(0, at) + t.charAt(at + 1) + t.charAt(at) + t.substring(at + 2);
            case 1 -> t.substring(0, at) + t.substring(at + 1);
            case 2 -> "";
            default -> "very";
          };
    }
    return String.join(" ", Arrays.asList(tokens));
  }

  /** A new first paragraph in place of the agency's lead, and the last third or so cut. */
  String withNewIntroAndCut(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
    int keep = Math.max(2, (int) Math.round(lines.size() * (0.55 + 0.2 * random.nextDouble())));
    List<String> kept = new ArrayList<>(lines.subList(1, Math.min(keep, lines.size())));
    kept.add(0, INTRO_OPENINGS[random.nextInt(INTRO_OPENINGS.length)]);
    return String.join("\n", kept);
  }
}
