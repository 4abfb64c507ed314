package dev.cuepoint.web;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import java.time.Instant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The videos the web tests search: held in memory, given to the index as a corpus snapshot and to the
 * server as its {@link VideoSource}.
 */
final class Library implements CorpusSnapshot, VideoSource {
  static final String PLAYLIST = "PLtestCourse";
  static final String HOSTILE_TITLE = "<script>alert(1)</script> Hostile <img src=x onerror=alert(1)> title";
  static final String HOSTILE_CUE = "Beware <script>alert(1)</script> and <img src=x onerror=alert(1)> in captions";

  final Map<String, Video> videos = new LinkedHashMap<>();
  final List<Playlist> playlists = new ArrayList<>();

  /** The standard test library: three English lectures, one German one, one with hostile text. */
  static Library standard() {
    Library l = new Library();
    List<Cue> stdp = new ArrayList<>(List.of(
        new Cue(1_000, 4_000, "Today we talk about spike timing"),
        new Cue(4_000, 8_000, "dependent plasticity, or STDP for short."),
        new Cue(30_000, 33_000, "A neuron fires when its membrane potential crosses threshold."),
        new Cue(90_000, 93_000, "STDP again: the timing of spikes decides the sign of the change.")));
    for (int i = 0; i < 60; i++) {
      long start = 100_000 + i * 5_000L;
      stdp.add(new Cue(start, start + 4_000, "Filler line " + i + " about synapses and dendrites."));
    }
    stdp.add(new Cue(500_000, 504_000, "To sum up, STDP is Hebbian learning with timing."));
    l.add(new Video("stdpLecture", "Spike-timing-dependent plasticity", "Lecture 7", "Cuepoint tests", "UCtest",
        Instant.parse("2021-03-01T12:00:00Z"), 3_725, "/test/thumb-1.svg", "en",
        List.of(new Chapter(0, "Introduction"), new Chapter(90_000, "Timing windows")),
        List.of(entry(7)),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", stdp))));
    l.add(new Video("hebbLecture", "Hebbian learning", "", "Cuepoint tests", "UCtest",
        Instant.parse("2023-05-01T12:00:00Z"), 1_800, "/test/thumb-2.svg", "en", List.of(), List.of(entry(8)),
        List.of(new Transcript("en", Transcript.Kind.AUTO, "test", List.of(
            new Cue(10_000, 14_000, "hebbian learning says cells that fire together",
                List.of(new Word(10_000, "hebbian"), new Word(10_400, "learning"), new Word(11_000, "says"),
                    new Word(11_500, "cells"), new Word(12_200, "that"), new Word(12_600, "fire"),
                    new Word(13_100, "together"))),
            new Cue(14_000, 16_000, "wire together, as with spike timing",
                List.of(new Word(14_100, "wire"), new Word(15_000, "together,"), new Word(15_300, "as"),
                    new Word(15_500, "with"), new Word(15_700, "spike"), new Word(16_000, "timing"))))))));
    l.add(new Video("germanVideo", "Schrödinger und die Quanten", "", "Cuepoint tests", "UCtest",
        Instant.parse("2020-01-15T12:00:00Z"), 600, "/test/thumb-3.svg", "de", List.of(), List.of(entry(9)),
        List.of(new Transcript("de", Transcript.Kind.MANUAL, "test", List.of(
            new Cue(5_000, 9_000, "Die Schrödinger Gleichung beschreibt Wellen."))),
            new Transcript("en", Transcript.Kind.AUTO, "test", List.of(
            new Cue(20_000, 24_000, "The Schrodinger equation describes waves."))))));
    l.add(new Video("hostileVid1", HOSTILE_TITLE, "", "Cuepoint tests", "UCtest",
        Instant.parse("2022-02-02T12:00:00Z"), 120, "/test/thumb-4.svg", "en", List.of(), List.of(entry(10)),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", List.of(
            new Cue(3_000, 7_000, HOSTILE_CUE),
            new Cue(8_000, 12_000, "Hostile text must stay text."))))));
    l.playlists.add(new Playlist(PLAYLIST, "Neuroscience for machine learners", "Cuepoint tests",
        List.copyOf(l.videos.keySet())));
    return l;
  }

  private static PlaylistEntry entry(int position) {
    return new PlaylistEntry(PLAYLIST, "Neuroscience for machine learners", position);
  }

  Library add(Video v) {
    videos.put(v.id(), v);
    return this;
  }

  @Override
  public Map<String, String> fingerprints() throws IOException {
    return CorpusSnapshot.inMemory(videos).fingerprints();
  }

  @Override
  public Video load(String id) throws IOException {
    return CorpusSnapshot.inMemory(videos).load(id);
  }

  @Override
  public Optional<Video> video(String id) {
    return Optional.ofNullable(videos.get(id));
  }

  @Override
  public List<Playlist> playlists() {
    return List.copyOf(playlists);
  }
}
