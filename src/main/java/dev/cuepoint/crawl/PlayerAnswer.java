package dev.cuepoint.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuepoint.corpus.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the player endpoint ({@code youtubei/v1/player}) says about one video: its caption tracks,
 * or why there are none. Reads only {@code playabilityStatus} and {@code
 * captions.playerCaptionsTracklistRenderer.captionTracks}.
 *
 * @param tracks the tracks listed (empty when {@code why} is set)
 * @param why why the video has no tracks, if so
 * @param detail YouTube's own words for it (the playability {@code reason}), or empty
 */
record PlayerAnswer(List<WebTrack> tracks, Optional<NoTranscript> why, String detail) {
  PlayerAnswer {
    tracks = List.copyOf(tracks);
    detail = detail == null ? "" : detail;
  }

  static PlayerAnswer of(JsonNode root) {
    JsonNode playability = root.path("playabilityStatus");
    String status = playability.path("status").asText("");
    String reason = playability.path("reason").asText("");
    if (!status.isEmpty() && !status.equals("OK")) {
      return new PlayerAnswer(List.of(), Optional.of(classify(status, reason)), reason + subreasons(playability));
    }
    List<WebTrack> tracks = new ArrayList<>();
    for (JsonNode t : root.path("captions").path("playerCaptionsTracklistRenderer").path("captionTracks")) {
      String url = t.path("baseUrl").asText("");
      if (url.isEmpty()) {
        continue;
      }
      tracks.add(new WebTrack(
          t.path("languageCode").asText(""),
          t.path("kind").asText("").equals("asr") ? Transcript.Kind.AUTO : Transcript.Kind.MANUAL,
          t.path("vssId").asText(""),
          text(t.path("name")),
          url));
    }
    if (tracks.isEmpty()) {
      return new PlayerAnswer(List.of(), Optional.of(NoTranscript.CAPTIONS_OFF), "");
    }
    return new PlayerAnswer(tracks, Optional.empty(), "");
  }

  /**
   * LOGIN_REQUIRED means two different things: the bot check (this address is blocked) or an age
   * gate (this video needs an adult's account). Only the reason text tells them apart.
   */
  private static NoTranscript classify(String status, String reason) {
    String r = reason.toLowerCase(java.util.Locale.ROOT);
    if (r.contains("not a bot")) {
      return NoTranscript.BLOCKED;
    }
    return switch (status) {
      case "LOGIN_REQUIRED" ->
          r.contains("inappropriate") || r.contains("age") ? NoTranscript.AGE_RESTRICTED : NoTranscript.UNPLAYABLE;
      case "ERROR" -> NoTranscript.UNAVAILABLE;
      default -> NoTranscript.UNPLAYABLE;
    };
  }

  private static String subreasons(JsonNode playability) {
    JsonNode runs = playability.path("errorScreen").path("playerErrorMessageRenderer").path("subreason").path("runs");
    List<String> parts = new ArrayList<>();
    runs.forEach(r -> parts.add(r.path("text").asText("")));
    parts.removeIf(String::isBlank);
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  /** {@code {"simpleText": …}} or {@code {"runs": [{"text": …}…]}}. */
  private static String text(JsonNode n) {
    if (n.has("simpleText")) {
      return n.path("simpleText").asText("");
    }
    StringBuilder s = new StringBuilder();
    n.path("runs").forEach(r -> s.append(r.path("text").asText("")));
    return s.toString();
  }
}
