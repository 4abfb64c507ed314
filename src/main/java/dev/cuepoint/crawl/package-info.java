/**
 * Sources that produce corpus entries: a yt-dlp download folder or a folder of caption files ({@link
 * dev.cuepoint.crawl.YtDlpImporter}), and the YouTube crawler. Each turns what it finds into {@link
 * dev.cuepoint.corpus.Video} records and stores them with {@link dev.cuepoint.corpus.CorpusStore}.
 *
 * <p>Depends on {@code corpus} and the caption records; reads caption files only through {@link
 * dev.cuepoint.crawl.CaptionReader}, so the parsers are wired in by the CLI. Only the CLI and the
 * scheduler depend on this package.
 */
package dev.cuepoint.crawl;
