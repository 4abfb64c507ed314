/**
 * Queries and moments: the user query language, its translation into Lucene queries, ranking of
 * videos, and the moments (time, snippet, highlights) inside each; search by meaning over passage
 * vectors ({@link dev.cuepoint.search.SemanticSearch}), its fusion with keyword moments
 * ({@link dev.cuepoint.search.HybridSearch}), and {@link dev.cuepoint.search.ModeSearch}, which runs a
 * request in its mode. Depends on {@code index}; used by
 * {@code web} and {@code cli}.
 */
package dev.cuepoint.search;
