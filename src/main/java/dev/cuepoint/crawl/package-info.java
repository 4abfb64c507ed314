/**
 * Sources that produce corpus entries: a yt-dlp download folder or a folder of caption files ({@link
 * dev.cuepoint.crawl.YtDlpImporter}), and the YouTube crawler ({@link dev.cuepoint.crawl.Crawler}).
 * Each turns what it finds into {@link dev.cuepoint.corpus.Video} records and stores them with
 * {@link dev.cuepoint.corpus.CorpusStore}; both merge through the same code, so they agree.
 *
 * <p>{@link dev.cuepoint.crawl.YouTubeApi} is the only class that imports Google's client; it hands
 * out our own records ({@link dev.cuepoint.crawl.PlaylistItemPage}, {@link
 * dev.cuepoint.crawl.VideoMeta}, {@link dev.cuepoint.crawl.CaptionTrack}) and exceptions ({@link
 * dev.cuepoint.crawl.ApiException}, {@link dev.cuepoint.crawl.QuotaExceededException}). Crawl state
 * (ETags, caption versions, quota per Pacific day, last run) lives in {@code <data>/state/crawl.json},
 * OAuth credentials in {@code <data>/state/oauth.json}.
 *
 * <p>Caption sources ({@link dev.cuepoint.crawl.CaptionSource}) are tried per video: the Data API
 * ({@code ApiCaptions}, owner only), youtube.com's own player ({@code TimedTextCaptions} through
 * {@code YouTubeWeb}, with {@code java.net.http}: the public tracks, politely paced, stopping at the
 * first block), a yt-dlp folder, yt-dlp itself, and last Cuepoint's own speech recognition of the
 * audio yt-dlp fetches ({@code AsrCaptions}). Each says per video why it has no transcript.
 *
 * <p>The importer also takes recordings: grouped with their info.json or as videos of their own
 * ({@code StableIds}), transcribed when no caption file is beside them, through {@link
 * dev.cuepoint.crawl.Transcriber}, which loads the recogniser ({@code dev.cuepoint.asr}) only when a
 * file first needs it.
 *
 * <p>Depends on {@code corpus}, the caption records and the {@code asr} contract; reads caption files only through {@link
 * dev.cuepoint.crawl.CaptionReader}, so the parsers are wired in by the CLI. Only the CLI and the
 * scheduler depend on this package.
 */
package dev.cuepoint.crawl;
