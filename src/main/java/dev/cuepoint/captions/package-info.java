/**
 * Caption files in, clean timed text out: one parser per format (WebVTT, SRT, YouTube srv1/srv2/srv3
 * and json3, TTML, SBV), detection by content, and the cleaning of YouTube's rolling auto-captions.
 * No I/O beyond the stream handed in (the {@code Captions} facade opens files). Depends on nothing
 * else in Cuepoint; everything else may depend on it.
 */
package dev.cuepoint.captions;
