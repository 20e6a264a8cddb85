package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds names that are in no knowledge base from capitalised runs and the evidence around them: an
 * organisation ends in a word like "Foundation" or "Union", follows "groups such as", or is an
 * unknown acronym; a person starts with a known first name, follows a role ("director") or a title
 * ("President"). A capitalised run with no such evidence is left alone: headings, headlines and
 * sentence starts are full of capitals that name nothing.
 */
final class NameRecognizer {

  private static final Set<String> LEADING_FUNCTION_WORDS =
      Set.of(
          "The",
          "A",
          "An",
          "This",
          "That",
          "These",
          "Those",
          "In",
          "On",
          "At",
          "For",
          "By",
          "With",
          "From",
          "And",
          "But",
          "Or",
          "As",
          "Of",
          "To",
          "After",
          "Before",
          "When",
          "While",
          "Under",
          "Amid",
          "Its",
          "His",
          "Her",
          "Their",
          "Our",
          "Both",
          "If",
          "Since",
          "Despite",
          "Former",
          "Then",
          "Now",
          "Meanwhile",
          "According",
          "Says",
          "Said");
  private static final Pattern NOT_A_LIST = Pattern.compile("[.;:!?\\n]");

  private final Lexicon lexicon;
  private final Pattern listCue;

  NameRecognizer(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.listCue =
        Pattern.compile(
            "\\b(?:"
                + String.join("|", lexicon.orgListCues().stream().map(Pattern::quote).toList())
                + ")\\s+(?:such as|including|like)\\s");
  }

  List<Span> recognize(
      String text, List<Token> tokens, List<Chunks.Chunk> chunks, List<Span> known) {
    Span[] knownAt = knownByToken(tokens, known);
    CueWords cues = new CueWords(text);
    List<Span> found = new ArrayList<>();
    int i = 0;
    while (i < chunks.size()) {
      Chunks.Chunk extended = Chunks.extend(text, tokens, chunks, i);
      int n = Chunks.count(chunks, i, extended);
      Span org = organisation(text, tokens, knownAt, extended);
      if (org != null) {
        found.add(org);
      } else {
        for (int k = i; k < i + n; k++) {
          Span other = person(text, tokens, knownAt, chunks.get(k));
          if (other == null) {
            other = listedOrAcronym(text, tokens, knownAt, chunks.get(k), cues);
          }
          if (other != null) {
            found.add(other);
          }
        }
      }
      i += n;
    }
    return found;
  }

  private Span organisation(String text, List<Token> tokens, Span[] knownAt, Chunks.Chunk c) {
    int from = skipLeading(tokens, c.from(), c.to());
    Token last = tokens.get(c.to() - 1);
    if (c.to() - from < 2 || last.headline() || !hasHead(tokens, from, c.to())) {
      return null;
    }
    int start = tokens.get(from).start();
    int end = last.end();
    Span tail = knownAt[c.to() - 1];
    if (tail != null && tail.end() == end && tail.start() >= start) {
      return null; // "Northern California American Civil Liberties Union" is the known union
    }
    return unknown(text, start, end, EntityType.ORGANIZATION);
  }

  // The head ends a run of capitals: "Union" in "Civil Liberties Union", "Center" in "Center for
  // ...".
  private boolean hasHead(List<Token> tokens, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      boolean endsRun = i + 1 == to || !tokens.get(i + 1).capitalised();
      if (endsRun && lexicon.orgHeads().contains(tokens.get(i).text())) {
        return true;
      }
    }
    return false;
  }

  private Span person(String text, List<Token> tokens, Span[] knownAt, Chunks.Chunk c) {
    int from = skipLeading(tokens, c.from(), c.to());
    boolean titled = false;
    while (from < c.to() && lexicon.personTitles().contains(tokens.get(from).text())) {
      titled = true;
      from++;
    }
    int n = c.to() - from;
    if (n < 1 || n > 4 || tokens.get(from).headline() || !namelike(tokens, knownAt, from, c.to())) {
      return null;
    }
    Token first = tokens.get(from);
    boolean byFirstName =
        n >= 2
            && lexicon.firstNames().contains(first.text())
            && !(first.weak() && lexicon.isCommonWord(first.text()));
    boolean byRole = n >= 2 && n <= 3 && afterRole(text, tokens, from);
    if (!titled && !byFirstName && !byRole) {
      return null;
    }
    int start = first.start();
    int end = tokens.get(c.to() - 1).end();
    String name = text.substring(start, end);
    return new Span(
        start, end, EntityIds.unknown(EntityType.PERSON, name), name, EntityType.PERSON, false);
  }

  private boolean namelike(List<Token> tokens, Span[] knownAt, int from, int to) {
    int unknown = 0;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      Span k = knownAt[i];
      if (k != null && k.type() != EntityType.LOCATION || lexicon.orgHeads().contains(t.text())) {
        return false;
      }
      if (!isNameSpelling(t.text())) {
        return false;
      }
      unknown += k == null ? 1 : 0;
    }
    return unknown > 0;
  }

  // A plain loop over UTF-16 units, as String.chars() gave them: the stream cost a twentieth of
  // the tagger's time.
  private static boolean isNameSpelling(String word) {
    for (int i = 0; i < word.length(); i++) {
      char ch = word.charAt(i);
      if (!(Character.isLetter(ch) || ch == '-' || ch == '\'' || ch == '’' || ch == '.')) {
        return false;
      }
    }
    return true;
  }

  private static boolean allLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean afterRole(String text, List<Token> tokens, int at) {
    if (at == 0 || !" ".equals(text.substring(tokens.get(at - 1).end(), tokens.get(at).start()))) {
      return false;
    }
    return lexicon.personRoles().contains(tokens.get(at - 1).text());
  }

  private Span listedOrAcronym(
      String text, List<Token> tokens, Span[] knownAt, Chunks.Chunk c, CueWords cues) {
    int from = skipLeading(tokens, c.from(), c.to());
    int n = c.to() - from;
    if (n < 1 || n > 4 || tokens.get(from).headline()) {
      return null;
    }
    for (int i = from; i < c.to(); i++) {
      if (knownAt[i] != null) {
        return null;
      }
    }
    Token first = tokens.get(from);
    Span dateline = dateline(text, tokens, from, c.to());
    if (dateline != null) {
      return dateline;
    }
    boolean acronym =
        n == 1
            && first.allCaps()
            && first.text().length() >= 3
            && allLetters(first.text())
            && !lexicon.isCommonWord(first.text());
    if (!acronym && !isListed(text, first.start(), cues)) {
      return null;
    }
    int start = first.start();
    int end = tokens.get(c.to() - 1).end();
    return unknown(text, start, end, EntityType.ORGANIZATION);
  }

  /** A name in no list: its id comes from the normalised name and type. */
  private static Span unknown(String text, int start, int end, EntityType type) {
    String name = text.substring(start, end);
    return new Span(start, end, EntityIds.unknown(type, name), name, type, false);
  }

  /**
   * "BEIJING, March 3 (Reuters) -": a capitalised run that opens a line and is followed by a comma
   * or a parenthesised agency is the place the story was filed from, not an acronym.
   */
  private static Span dateline(String text, List<Token> tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!tokens.get(i).allCaps()) {
        return null;
      }
    }
    int start = tokens.get(from).start();
    int end = tokens.get(to - 1).end();
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (!text.substring(lineStart, start).isBlank() || end >= text.length()) {
      return null;
    }
    String after = text.substring(end, Math.min(text.length(), end + 2));
    if (!after.startsWith(",") && !after.startsWith(" (")) {
      return null;
    }
    return unknown(text, start, end, EntityType.LOCATION);
  }

  // "organizations such as Thorn, the ... and Marinus Analytics": names in the list are
  // organisations.
  private boolean isListed(String text, int start, CueWords cues) {
    int from = Math.max(0, start - 200);
    // the cue's own words, looked for first: the alternation of every cue noun is slow to scan
    // (a fifth of the tagger's time in the end-to-end profile), though most text has no cue
    if (!cues.anyWithin(from, start)) {
      return false;
    }
    String before = text.substring(from, start);
    Matcher m = listCue.matcher(before);
    int cueEnd = -1;
    while (m.find()) {
      cueEnd = m.end();
    }
    return cueEnd >= 0 && !NOT_A_LIST.matcher(before.substring(cueEnd)).find();
  }

  private int skipLeading(List<Token> tokens, int from, int to) {
    while (from < to - 1 && LEADING_FUNCTION_WORDS.contains(tokens.get(from).text())) {
      from++;
    }
    return from;
  }

  private static Span[] knownByToken(List<Token> tokens, List<Span> known) {
    Span[] at = new Span[tokens.size()];
    int k = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      while (k < known.size() && known.get(k).end() <= t.start()) {
        k++;
      }
      if (k < known.size() && known.get(k).start() < t.end()) {
        at[i] = known.get(k);
      }
    }
    return at;
  }
}
