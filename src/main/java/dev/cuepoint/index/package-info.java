/**
 * The Lucene index: field names ({@link dev.cuepoint.index.Fields}), analysis, one document per video
 * with per-language transcript text and offset-to-time maps, and the incremental sync from the corpus;
 * for semantic search, transcripts cut into passages ({@link dev.cuepoint.index.Passages}), their
 * sentence-embedding vectors ({@link dev.cuepoint.index.Embedder}, cached by text hash in
 * {@link dev.cuepoint.index.EmbeddingCache}) in a second Lucene index with an HNSW graph
 * ({@link dev.cuepoint.index.PassageIndex}). Only {@link dev.cuepoint.index.OnnxEmbedder} imports the
 * embedding library.
 * Depends on {@code captions} and {@code corpus} records; used by {@code search}, {@code web} and
 * {@code cli}. Only this package and {@code search} import Lucene.
 */
package dev.cuepoint.index;
