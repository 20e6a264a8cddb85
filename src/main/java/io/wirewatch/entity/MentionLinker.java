package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one entity per referent in a text. A name found once is found everywhere it recurs (in the
 * headline too); a person's surname alone joins the nearest earlier person with that surname
 * ("Floyd" after "George Floyd"), and a new first name before a known surname is a new person
 * ("Philonise Floyd"); an unknown organisation's acronym joins it.
 */
final class MentionLinker {

  private final Lexicon lexicon;

  MentionLinker(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  List<Span> link(String text, List<Token> tokens, List<Chunks.Chunk> chunks, List<Span> spans) {
    List<Span> all = withoutShortForms(spans);
    boolean[] covered = new boolean[text.length()];
    all.forEach(s -> mark(covered, s));
    addRelatives(text, tokens, chunks, all, covered);
    Map<String, List<Span>> byForm = shortForms(text, all);
    List<String> forms = new ArrayList<>(byForm.keySet());
    forms.sort(Comparator.comparingInt(String::length).reversed());
    WordStarts starts = new WordStarts(text);
    for (String form : forms) {
      for (int at = starts.next(form, 0); at >= 0; at = starts.next(form, at + 1)) {
        int end = at + form.length();
        if (KnowledgeBase.isBoundary(text, end) && isFree(covered, at, end)) {
          Span referent = nearestBefore(byForm.get(form), at);
          Span mention = new Span(at, end, referent.id(), referent.name(), referent.type(), false);
          all.add(mention);
          mark(covered, mention);
        }
      }
    }
    all.sort(Comparator.comparingInt(Span::start));
    return all;
  }

  // A recogniser that tags "Ozer" alone, in a text about "Nicole Ozer", would make a second person;
  // left untagged, the short form joins its referent below.
  private List<Span> withoutShortForms(List<Span> spans) {
    List<Span> kept = new ArrayList<>(spans.size());
    for (Span s : spans) {
      if (s.known() || s.type() != EntityType.PERSON || s.name().indexOf(' ') >= 0) {
        kept.add(s);
        continue;
      }
      boolean shortForm = false;
      for (Span other : spans) {
        String[] words = other.name().split(" ");
        shortForm |=
            other.type() == EntityType.PERSON
                && words.length >= 2
                && (isSurnameForm(words, s.name()) || isFirstNameForm(words, s.name()));
      }
      if (!shortForm) {
        kept.add(s);
      }
    }
    return kept;
  }

  private boolean isSurnameForm(String[] words, String form) {
    String last = words[words.length - 1];
    return last.equals(form) && !lexicon.isCommonWord(last);
  }

  private boolean isFirstNameForm(String[] words, String form) {
    return words[0].equals(form)
        && lexicon.firstNames().contains(words[0])
        && !lexicon.isCommonWord(words[0]);
  }

  // "Philonise Floyd" in a text about "George Floyd": a new person, not yet found by any rule.
  private void addRelatives(
      String text,
      List<Token> tokens,
      List<Chunks.Chunk> chunks,
      List<Span> all,
      boolean[] covered) {
    Map<String, Span> surnames = new LinkedHashMap<>();
    for (Span s : all) {
      String[] words = s.name().split(" ");
      if (s.type() == EntityType.PERSON && words.length >= 2) {
        surnames.putIfAbsent(words[words.length - 1], s);
      }
    }
    for (Chunks.Chunk c : chunks) {
      int n = c.to() - c.from();
      Token first = tokens.get(c.from());
      Token last = tokens.get(c.to() - 1);
      if (n >= 2
          && n <= 3
          && surnames.containsKey(last.text())
          && !first.headline()
          && !lexicon.isCommonWord(first.text())
          && isFree(covered, first.start(), last.end())) {
        String name = text.substring(first.start(), last.end());
        Span person =
            new Span(
                first.start(),
                last.end(),
                EntityIds.unknown(EntityType.PERSON, name),
                name,
                EntityType.PERSON,
                false);
        all.add(person);
        mark(covered, person);
      }
    }
  }

  private Map<String, List<Span>> shortForms(String text, List<Span> spans) {
    Map<String, List<Span>> byForm = new LinkedHashMap<>();
    for (Span s : spans) {
      add(byForm, text.substring(s.start(), s.end()), s);
      add(byForm, s.name(), s);
      String[] words = s.name().split(" ");
      if (s.type() == EntityType.PERSON && words.length >= 2) {
        if (isSurnameForm(words, words[words.length - 1])) {
          add(byForm, words[words.length - 1], s);
        }
        if (isFirstNameForm(words, words[0])) {
          add(byForm, words[0], s);
        }
      }
      if (s.known() || s.type() != EntityType.ORGANIZATION || words.length < 3) {
        continue;
      }
      StringBuilder acronym = new StringBuilder();
      for (String w : words) {
        if (Character.isUpperCase(w.charAt(0))) {
          acronym.append(w.charAt(0));
        }
      }
      if (acronym.length() >= 3) {
        add(byForm, acronym.toString(), s);
      }
    }
    return byForm;
  }

  private static void add(Map<String, List<Span>> byForm, String form, Span s) {
    if (form.length() > 1) {
      byForm.computeIfAbsent(form, k -> new ArrayList<>()).add(s);
    }
  }

  // A short form refers to whoever was named last before it, or else to the first one named.
  private static Span nearestBefore(List<Span> referents, int at) {
    Span best = null;
    for (Span s : referents) {
      if (s.start() < at && (best == null || s.start() > best.start())) {
        best = s;
      }
    }
    if (best != null) {
      return best;
    }
    return referents.stream().min(Comparator.comparingInt(Span::start)).orElseThrow();
  }

  private static boolean isFree(boolean[] covered, int start, int end) {
    for (int i = start; i < end; i++) {
      if (covered[i]) {
        return false;
      }
    }
    return true;
  }

  private static void mark(boolean[] covered, Span s) {
    for (int i = s.start(); i < s.end(); i++) {
      covered[i] = true;
    }
  }
}
