package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Caption source 1: {@code captions.list} and {@code captions.download} (needs OAuth, and works for
 * videos the account may edit). Per language it takes the manual track, else the automatic one, and
 * downloads a track only when its id, {@code lastUpdated} or ETag differs from the version in the
 * corpus. A failed download leaves the stored transcript alone.
 */
final class ApiCaptions implements CaptionSource {
  /** How a transcript names a track fetched here: {@code youtube-api:<captionId>}. */
  static final String SOURCE_PREFIX = "youtube-api:";

  static final String NOT_OWNER = "not a video of the signed-in channel (captions.list answers only the owner)";

  private final ApiCalls calls;
  private final CrawlState state;
  private final CaptionTextParser parser;
  private final Set<String> languages;
  private final Clock clock;
  /** The signed-in account's channel, asked once per crawl; null until asked. */
  private Optional<String> owner;

  /**
   * @param languages the languages to fetch; empty: every language the video has
   */
  ApiCaptions(ApiCalls calls, CrawlState state, CaptionTextParser parser, Set<String> languages, Clock clock) {
    this.calls = calls;
    this.state = state;
    this.parser = parser;
    this.languages = Set.copyOf(languages);
    this.clock = clock;
  }

  @Override
  public CaptionSourceKind kind() {
    return CaptionSourceKind.API;
  }

  @Override
  public CaptionOutcome fetch(VideoMeta video, Optional<Video> stored) throws IOException {
    String id = video.id();
    if (owner == null) {
      try {
        owner = calls.myChannel();
      } catch (ApiException e) {
        if (stops(e)) {
          throw e;
        }
        owner = Optional.empty(); // unknown: ask captions.list as before rather than skip them all
      }
    }
    if (owner.isPresent() && !video.channelId().isEmpty() && !owner.get().equals(video.channelId())) {
      // captions.list and captions.download answer only the owner: 250 units to learn "forbidden"
      return CaptionOutcome.none(NOT_OWNER);
    }
    CrawlState.VideoCaptions cached = state.captions.get(id);
    Optional<CaptionTrackList> listed;
    try {
      listed = calls.captions(id, cached == null ? "" : cached.etag());
    } catch (ApiException e) {
      if (stops(e)) {
        throw e;
      }
      return e.forbidden()
          ? CaptionOutcome.none("captions.list not allowed (only for videos the account may edit)")
          : CaptionOutcome.failed(e.getMessage());
    }
    List<CaptionTrack> tracks = listed.map(CaptionTrackList::tracks).orElse(cached == null ? List.of() : cached.tracks());
    String etag = listed.map(CaptionTrackList::etag).orElse(cached == null ? "" : cached.etag());
    Map<String, CaptionTrack> fetched = new HashMap<>(cached == null ? Map.of() : cached.fetched());
    List<String> forbidden = new ArrayList<>(cached == null ? List.of() : cached.forbidden());
    if (listed.isPresent()) {
      forbidden.retainAll(tracks.stream().map(CaptionTrack::id).toList()); // a new version: try again
    }
    List<CaptionTrack> chosen = choose(tracks);
    List<Transcript> fresh = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int current = 0;
    int refused = 0;
    try {
      for (CaptionTrack t : chosen) {
        String key = key(t.language(), t.kind());
        if (t.sameVersion(fetched.get(key)) && inCorpus(stored, t)) {
          current++;
          continue;
        }
        if (forbidden.contains(t.id())) {
          refused++;
          continue;
        }
        try {
          String text = calls.download(t.id(), "vtt");
          String source = SOURCE_PREFIX + t.id();
          List<Cue> cues = parser.parse(text, source);
          if (cues.isEmpty()) {
            problems.add("track " + t.id() + " (" + key + ") has no cues");
            continue;
          }
          fresh.add(new Transcript(t.language(), t.kind(), source, cues));
          fetched.put(key, t);
        } catch (ApiException e) {
          if (stops(e)) {
            throw e;
          }
          if (e.forbidden()) {
            forbidden.add(t.id());
            refused++;
          } else {
            problems.add(e.getMessage());
          }
        } catch (CaptionException | IllegalArgumentException e) {
          problems.add("track " + t.id() + " (" + key + "): " + e.getMessage());
        }
      }
    } finally {
      // Remember what was downloaded even when the crawl stops here: the corpus write follows, and
      // a track missing from the corpus is downloaded again whatever this says.
      state.captions.put(
          id,
          new CrawlState.VideoCaptions(etag, clock.instant().toString(), tracks, fetched, forbidden));
    }
    String note = String.join("; ", problems);
    if (!fresh.isEmpty()) {
      return CaptionOutcome.fetched(fresh, note);
    }
    if (!problems.isEmpty()) {
      return CaptionOutcome.failed(note);
    }
    if (chosen.isEmpty()) {
      return CaptionOutcome.none("no caption tracks on YouTube" + (languages.isEmpty() ? "" : " in " + languages));
    }
    if (current == 0 && refused > 0) {
      return CaptionOutcome.none("captions.download not allowed (only for videos the account may edit)");
    }
    return CaptionOutcome.unchanged();
  }

  /** Per language, the newest usable manual track, else the newest automatic one. */
  List<CaptionTrack> choose(List<CaptionTrack> tracks) {
    Map<String, CaptionTrack> best = new LinkedHashMap<>();
    for (CaptionTrack t : tracks) {
      if (!t.usable() || (!languages.isEmpty() && !languages.contains(t.language()))) {
        continue;
      }
      CaptionTrack b = best.get(t.language());
      if (b == null
          || (b.kind() == Transcript.Kind.AUTO && t.kind() == Transcript.Kind.MANUAL)
          || (b.kind() == t.kind() && t.lastUpdated().compareTo(b.lastUpdated()) > 0)) {
        best.put(t.language(), t);
      }
    }
    return List.copyOf(best.values());
  }

  private static boolean inCorpus(Optional<Video> stored, CaptionTrack t) {
    return stored.isPresent()
        && stored.get().transcripts().stream()
            .anyMatch(
                x -> x.language().equals(t.language())
                    && x.kind() == t.kind()
                    && x.source().equals(SOURCE_PREFIX + t.id()));
  }

  static String key(String language, Transcript.Kind kind) {
    return language + "/" + kind;
  }

  /** Failures that end the crawl, not just this video's captions. */
  static boolean stops(ApiException e) {
    return e instanceof QuotaExceededException || e.credentialsRejected();
  }
}
