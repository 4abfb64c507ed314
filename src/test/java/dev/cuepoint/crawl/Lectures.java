package dev.cuepoint.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One small course, served two ways from the same data: as the fake YouTube API has it, and as
 * yt-dlp would have downloaded it ({@code Title [ID].info.json} beside {@code Title [ID].<lang>.vtt}).
 */
public final class Lectures {
  public static final String PLAYLIST = "PLcuepointCourse0001";
  static final String TITLE = "Neuroscience for machine learners";
  static final String CHANNEL = "Cuepoint Lab";

  record Caption(String trackId, String language, boolean auto, String lastUpdated, String vtt) {}

  record Lecture(String id, String title, String description, String publishedAt, String isoDuration,
      String language, List<Caption> captions) {}

  static final Lecture NEURONS = new Lecture(
      "lecNeurons1", "Lecture 1: Neurons",
      "What a neuron computes.\n\n0:00 Introduction\n0:04 Spikes\n",
      "2024-03-01T10:00:00Z", "PT12M5S", "en",
      List.of(new Caption("trkNeuronsEn", "en", false, "2024-03-02T08:00:00Z", """
          WEBVTT

          00:00:00.000 --> 00:00:02.500
          Neurons fire action potentials.

          00:00:04.000 --> 00:00:06.000
          A spike is all or nothing.
          """)));

  static final Lecture SYNAPSES = new Lecture(
      "lecSynapse2", "Lecture 2: Synapses", "Chemical and electrical synapses.",
      "2024-03-08T10:00:00Z", "PT1H2M3S", "en",
      List.of(
          new Caption("trkSynapseEn", "en", false, "2024-03-09T08:00:00Z", """
              WEBVTT

              00:00:01.000 --> 00:00:03.000
              Synapses pass signals between neurons.
              """),
          new Caption("trkSynapseDe", "de", false, "2024-03-10T08:00:00Z", """
              WEBVTT

              00:00:01.000 --> 00:00:03.000
              Synapsen übertragen Signale zwischen Neuronen.
              """)));

  static final Lecture PLASTICITY = new Lecture(
      "lecPlastic3", "Lecture 3: Plasticity", "Hebbian learning.",
      "2024-03-15T10:00:00Z", "PT45M", "en",
      List.of(new Caption("trkPlasticAsr", "en", true, "2024-03-15T12:00:00Z", """
          WEBVTT
          Kind: captions
          Language: en

          00:00:00.320 --> 00:00:02.750 align:start position:0%
          cells<00:00:00.800><c> that</c><00:00:01.200><c> fire</c><00:00:01.600><c> together</c>

          00:00:02.750 --> 00:00:02.760 align:start position:0%
          cells that fire together
           

          00:00:02.760 --> 00:00:05.000 align:start position:0%
          cells that fire together
          wire<00:00:03.100><c> together</c>
          """)));

  /** Listed in the playlist but private: reported and skipped. */
  static final String PRIVATE = "lecPrivate4";

  static final List<Lecture> ALL = List.of(NEURONS, SYNAPSES, PLASTICITY);

  private Lectures() {}

  /** The course on the fake API: every lecture public, plus one private item. */
  public static void serve(FakeYouTube fake) {
    for (Lecture l : ALL) {
      fake.video(l.id(), l.title(), l.description(), CHANNEL, l.publishedAt(), l.isoDuration(), l.language());
      for (Caption c : l.captions()) {
        fake.track(l.id(), new FakeYouTube.Track(c.trackId(), c.language(), c.auto() ? "asr" : "standard", c.lastUpdated(), c.vtt()));
      }
    }
    fake.video(PRIVATE, "Lecture 4: Secret", "", CHANNEL, "2024-03-22T10:00:00Z", "PT10M", "en");
    fake.playlist(PLAYLIST, TITLE, CHANNEL, NEURONS.id(), SYNAPSES.id(), PRIVATE, PLASTICITY.id());
    fake.playlists.get(PLAYLIST).privateIds().add(PRIVATE);
  }

  /** The same course as yt-dlp writes it, for {@code cuepoint import}. */
  public static void writeYtDlpFolder(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> order = List.of(NEURONS.id(), SYNAPSES.id(), PRIVATE, PLASTICITY.id());
    Files.createDirectories(dir);
    for (Lecture l : ALL) {
      String base = l.title().replace(":", " -") + " [" + l.id() + "]";
      ObjectNode info = json.createObjectNode();
      info.put("_type", "video").put("id", l.id()).put("title", l.title()).put("description", l.description());
      info.put("channel", CHANNEL).put("channel_id", "UCfakeChannel000000000000").put("uploader", CHANNEL);
      info.put("timestamp", Instant.parse(l.publishedAt()).getEpochSecond());
      info.put("duration", Duration.parse(l.isoDuration()).toSeconds());
      info.put("thumbnail", "https://i.ytimg.com/vi/" + l.id() + "/maxresdefault.jpg");
      info.put("language", l.language());
      info.put("playlist_id", PLAYLIST).put("playlist_title", TITLE).put("playlist_channel", CHANNEL);
      info.put("playlist_index", order.indexOf(l.id()) + 1);
      ObjectNode subs = info.putObject("subtitles");
      ObjectNode auto = info.putObject("automatic_captions");
      for (Caption c : l.captions()) {
        (c.auto() ? auto : subs).putArray(c.language()).addObject().put("ext", "vtt").put("url", "https://example.invalid/");
        Files.writeString(dir.resolve(base + "." + c.language() + ".vtt"), c.vtt());
      }
      Files.writeString(dir.resolve(base + ".info.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(info));
    }
  }
}
