/**
 * The optional statistical name finder: Stanford CoreNLP's CRF tagger behind the core's {@link
 * io.wirewatch.entity.NameFinder}. This module is GPL-3.0 because CoreNLP is; the core is
 * Apache-2.0 and runs without it.
 */
package io.wirewatch.corenlp;
