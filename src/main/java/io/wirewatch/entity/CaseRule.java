package io.wirewatch.entity;

import java.util.Locale;

/**
 * Whether a written form may stand for a name: as the base spells it, or in capitals (headlines,
 * datelines such as "SAN FRANCISCO"); a name the base writes in lower case ("dpa") may also be
 * capitalised. So "IBM" matches but "ibm" does not, and "ring" the verb is not Ring the brand.
 */
final class CaseRule {

  private CaseRule() {}

  static boolean accepts(String form, String written) {
    String f = form.replace('’', '\'');
    String w = written.replace('’', '\'');
    if (w.equals(f)) {
      return true;
    }
    if (isAllCaps(w) && hasLetters(f) && w.equals(f.toUpperCase(Locale.ROOT))) {
      return w.codePointCount(0, w.length()) > 1;
    }
    return f.equals(f.toLowerCase(Locale.ROOT))
        && w.equals(Character.toUpperCase(f.charAt(0)) + f.substring(1));
  }

  private static boolean isAllCaps(String s) {
    return s.equals(s.toUpperCase(Locale.ROOT)) && hasLetters(s);
  }

  /** A plain loop: as a stream this took 2% of the stream threads' CPU in the bench's profile. */
  private static boolean hasLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      // by UTF-16 unit, as String.chars() gives them: a surrogate is no letter
      if (Character.isLetter((int) s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
