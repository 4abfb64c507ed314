/**
 * The Lucene index: field names ({@link dev.cuepoint.index.Fields}), analysis, one document per video
 * with per-language transcript text and offset-to-time maps, and the incremental sync from the corpus.
 * Depends on {@code captions} and {@code corpus} records; used by {@code search}, {@code web} and
 * {@code cli}. Only this package and {@code search} import Lucene.
 */
package dev.cuepoint.index;
