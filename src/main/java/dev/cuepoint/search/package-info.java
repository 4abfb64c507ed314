/**
 * Queries and moments: the user query language, its translation into the index's engine-neutral
 * queries ({@link dev.cuepoint.index.SearchQuery}), ranking of videos, and the moments (time, snippet,
 * highlights) inside each, from the matched spans the index gives back; search by meaning over passage
 * vectors ({@link dev.cuepoint.search.SemanticSearch}), its fusion with keyword moments
 * ({@link dev.cuepoint.search.HybridSearch}), and {@link dev.cuepoint.search.ModeSearch}, which runs a
 * request in its mode. Depends on {@code index} ({@link dev.cuepoint.index.KeywordIndex},
 * {@link dev.cuepoint.index.PassageIndex}), never on Lucene or another engine directly
 * ({@code EngineNeutralTest}); used by {@code web} and {@code cli}.
 */
package dev.cuepoint.search;
