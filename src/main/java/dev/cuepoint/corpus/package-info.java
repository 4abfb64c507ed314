/**
 * The corpus: what Cuepoint knows about each video (records {@link dev.cuepoint.corpus.Video},
 * {@link dev.cuepoint.corpus.Transcript}, {@link dev.cuepoint.corpus.Playlist}…) and how it is kept on
 * disk ({@link dev.cuepoint.corpus.CorpusStore}: one JSON file per video under {@code <data>/corpus/}).
 * The corpus is the source of truth the Lucene index is rebuilt from.
 *
 * <p>Depends only on the caption records ({@code dev.cuepoint.captions}) and Jackson. Sources that
 * fill the corpus ({@code crawl}), the index and the web layer depend on it, never the other way.
 */
package dev.cuepoint.corpus;
