/**
 * Text and URL normalisation shared by every stage: what makes two renderings of one article compare
 * equal (HTML, Unicode forms, typographic quotes and dashes, tracking parameters).
 */
package io.wirewatch.text;
