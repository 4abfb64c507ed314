/**
 * Speech recognition on this machine: media files in (decoded by ffmpeg), timed words and
 * sentence-sized cues out, for videos nobody captioned and for local lecture recordings. Depends on
 * {@code captions} for the cue model; the importer and the crawler use it through {@link
 * dev.cuepoint.asr.SpeechToText}.
 */
package dev.cuepoint.asr;
