/**
 * The Lucene index: field names ({@link dev.cuepoint.index.Fields}), analysis, one document per video
 * with per-language transcript text and offset-to-time maps, and the incremental sync from the corpus;
 * for semantic search, transcripts cut into passages ({@link dev.cuepoint.index.Passages}), their
 * sentence-embedding vectors ({@link dev.cuepoint.index.Embedder}, cached by text hash in
 * {@link dev.cuepoint.index.EmbeddingCache}) in a second Lucene index with an HNSW graph
 * ({@link dev.cuepoint.index.PassageIndex}). Only {@link dev.cuepoint.index.OnnxEmbedder} imports the
 * embedding library.
 * The keyword index behind an engine-neutral interface ({@link dev.cuepoint.index.KeywordIndex}): the
 * search layer's query model ({@link dev.cuepoint.index.SearchQuery}) in, hits, {@link
 * dev.cuepoint.index.StoredValues} and matched spans out; {@link
 * dev.cuepoint.index.LuceneQueryTranslator} is the embedded engine's adapter (and finds the spans of
 * the OpenSearch backend's hits). Passage search by vector and filters: {@link
 * dev.cuepoint.index.PassageIndex#nearest}.
 * Depends on {@code captions} and {@code corpus} records; used by {@code search}, {@code web} and
 * {@code cli}. Only this package and {@code opensearch} import Lucene ({@code cli} to pick a backend).
 */
package dev.cuepoint.index;
