/**
 * wirewatch's settings: every key is a constant with its type, default and documentation, read from
 * {@code config/wirewatch.properties}, a {@code --config} file and {@code WIREWATCH_*} environment
 * variables, in that order of precedence (last wins).
 */
package io.wirewatch.config;
