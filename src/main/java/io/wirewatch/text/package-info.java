/**
 * Text and URL normalisation shared by every stage: what makes two renderings of one article
 * compare equal (HTML, Unicode forms, typographic quotes and dashes, tracking parameters), and the
 * split into words that fingerprints and term statistics count.
 */
package io.wirewatch.text;
