package io.wirewatch.entity;

/**
 * One word of a text, possessive "'s" cut off.
 *
 * @param weak at a sentence start or in a headline, where capitals say nothing about names
 * @param headline in a title-case line, where the recogniser does not look for names
 */
record Token(String text, int start, int end, boolean weak, boolean headline) {

  boolean capitalised() {
    return Character.isUpperCase(text.charAt(0));
  }

  boolean allCaps() {
    boolean letters = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }
}
