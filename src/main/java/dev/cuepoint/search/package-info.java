/**
 * Queries and moments: the user query language, its translation into Lucene queries, ranking of
 * videos, and the moments (time, snippet, highlights) inside each. Depends on {@code index}; used by
 * {@code web} and {@code cli}.
 */
package dev.cuepoint.search;
