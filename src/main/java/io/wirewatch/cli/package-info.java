/**
 * The {@code bin/wirewatch} command line: one class per command, flags as the contract lists them.
 */
package io.wirewatch.cli;
