/**
 * The dashboard's HTTP server (the JDK's built-in server: no framework): the live page, the JSON
 * API and rule management. Article text is untrusted, so every response is JSON or a static page
 * that inserts text as text, under a strict Content-Security-Policy; changing rules needs the API
 * token.
 */
package io.wirewatch.http;
