package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Caption source 2: the caption tracks anyone can see, fetched the way youtube.com's own player
 * does ({@link YouTubeWeb}). Needs no credentials and no yt-dlp. Takes every track in the wanted
 * languages, people's and automatic (people's first), and asks YouTube nothing about a video whose
 * metadata is unchanged since its tracks were taken, so a second crawl downloads no track.
 *
 * <p>A block ends this source for the crawl: the video keeps what was fetched before it, {@link
 * #stop()} tells the crawler to stop, and the next crawl continues with the videos not yet asked.
 */
final class TimedTextCaptions implements CaptionSource {
  static final String SOURCE_PREFIX = "youtube-timedtext:";

  private final YouTubeWeb web;
  private final CrawlState state;
  private final CaptionTextParser parser;
  private final Set<String> languages;
  private final Clock clock;
  private YouTubeBlockedException stop;

  TimedTextCaptions(YouTubeWeb web, CrawlState state, CaptionTextParser parser, Set<String> languages, Clock clock) {
    this.web = web;
    this.state = state;
    this.parser = parser;
    this.languages = Set.copyOf(languages);
    this.clock = clock;
  }

  @Override
  public CaptionSourceKind kind() {
    return CaptionSourceKind.TIMEDTEXT;
  }

  @Override
  public Optional<IOException> stop() {
    return Optional.ofNullable(stop);
  }

  @Override
  public CaptionOutcome fetch(VideoMeta video, Optional<Video> stored) throws IOException {
    String id = video.id();
    String metadata = fingerprint(video);
    CrawlState.WebCaptions known = state.timedtext.get(id);
    if (known != null && known.metadata().equals(metadata)) {
      if (known.why().isEmpty() && !known.fetched().isEmpty() && known.fetched().stream().allMatch(s -> inCorpus(stored, s))) {
        return CaptionOutcome.unchanged();
      }
      Optional<NoTranscript> why = NoTranscript.named(known.why());
      if (why.isPresent() && !why.get().retry) {
        return outcome(why.get(), "");
      }
    }
    if (stop != null) {
      return outcome(NoTranscript.BLOCKED, "");
    }
    PlayerAnswer answer;
    try {
      answer = web.player(id);
    } catch (YouTubeBlockedException e) {
      stop = e;
      remember(id, metadata, List.of(), List.of(), NoTranscript.BLOCKED, known);
      return outcome(NoTranscript.BLOCKED, "");
    } catch (IOException e) {
      remember(id, metadata, List.of(), List.of(), NoTranscript.ERROR, known);
      return outcome(NoTranscript.ERROR, e.getMessage());
    }
    if (answer.why().isPresent()) {
      remember(id, metadata, List.of(), List.of(), answer.why().get(), known);
      return outcome(answer.why().get(), answer.why().get() == NoTranscript.UNPLAYABLE ? answer.detail() : "");
    }
    List<WebTrack> wanted = choose(answer.tracks());
    List<String> listed = answer.tracks().stream().map(WebTrack::vssId).toList();
    if (wanted.isEmpty()) {
      remember(id, metadata, listed, List.of(), NoTranscript.CAPTIONS_OFF, known);
      return CaptionOutcome.none(NoTranscript.CAPTIONS_OFF.label + " in " + new java.util.TreeSet<>(languages));
    }
    List<Transcript> fresh = new ArrayList<>();
    List<String> current = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int needToken = 0;
    boolean sameMetadata = known != null && known.metadata().equals(metadata);
    for (WebTrack t : wanted) {
      if (sameMetadata && inCorpus(stored, t.source())) {
        current.add(t.source()); // asked again after a block: only what is missing is downloaded
        continue;
      }
      if (t.needsToken()) {
        needToken++;
        continue;
      }
      try {
        String text = web.track(t);
        if (text.isBlank()) {
          needToken++; // what YouTube answers when it wants a proof-of-origin token
          continue;
        }
        List<Cue> cues = parser.parse(text, t.source());
        if (cues.isEmpty()) {
          problems.add("track " + t.vssId() + " has no cues");
        } else {
          fresh.add(new Transcript(t.language(), t.kind(), t.source(), cues));
        }
      } catch (YouTubeBlockedException e) {
        stop = e;
        break;
      } catch (CaptionException | IllegalArgumentException e) {
        problems.add("track " + t.vssId() + ": " + e.getMessage());
      } catch (IOException e) {
        problems.add(e.getMessage());
      }
    }
    if (needToken > 0) {
      problems.add(needToken + " of " + wanted.size() + " tracks " + NoTranscript.NEEDS_TOKEN.label);
    }
    List<String> sources = new ArrayList<>(current);
    fresh.forEach(t -> sources.add(t.source()));
    if (!fresh.isEmpty() || !current.isEmpty()) {
      // A track that needs a token does not make the video worth asking again (it would need one
      // next time too); a block mid-video does, and then only the missing tracks are downloaded.
      remember(id, metadata, listed, sources, stop != null ? NoTranscript.BLOCKED : null, known);
      return fresh.isEmpty() ? CaptionOutcome.unchanged() : CaptionOutcome.fetched(fresh, String.join("; ", problems));
    }
    NoTranscript why = stop != null ? NoTranscript.BLOCKED
        : needToken == wanted.size() ? NoTranscript.NEEDS_TOKEN : NoTranscript.ERROR;
    remember(id, metadata, listed, List.of(), why, known);
    return outcome(why, why == NoTranscript.ERROR ? String.join("; ", problems) : "");
  }

  /** Wanted tracks, people's before automatic ones of each language; one per vssId. */
  List<WebTrack> choose(List<WebTrack> tracks) {
    List<WebTrack> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (WebTrack t : tracks) {
      if (wanted(t.language()) && !keys.contains(t.key())) {
        keys.add(t.key());
        out.add(t);
      }
    }
    out.sort(Comparator.comparing(WebTrack::language).thenComparing(WebTrack::kind));
    return out;
  }

  /** {@code en} wants {@code en-GB} too; {@code en-GB} wants only itself. */
  private boolean wanted(String language) {
    int dash = language.indexOf('-');
    return languages.isEmpty() || languages.contains(language)
        || (dash > 0 && languages.contains(language.substring(0, dash)));
  }

  private static CaptionOutcome outcome(NoTranscript why, String detail) {
    String note = detail == null || detail.isBlank() ? why.label : why.label + ": " + detail;
    return why.failure ? CaptionOutcome.failed(note) : CaptionOutcome.none(note);
  }

  private void remember(String id, String metadata, List<String> tracks, List<String> fetched, NoTranscript why,
      CrawlState.WebCaptions known) {
    // A blocked video keeps its old check time, so the next crawl asks it among the first.
    String checked = why == NoTranscript.BLOCKED ? (known == null ? "" : known.checkedAt()) : clock.instant().toString();
    state.timedtext.put(id, new CrawlState.WebCaptions(metadata, checked, tracks, fetched, why == null ? "" : why.name()));
  }

  private static boolean inCorpus(Optional<Video> stored, String source) {
    return stored.isPresent() && stored.get().transcripts().stream().anyMatch(t -> t.source().equals(source));
  }

  /**
   * What makes a video worth asking again: its title, description, length or date changed, or the
   * languages wanted did.
   */
  String fingerprint(VideoMeta v) {
    return Integer.toHexString(Objects.hash(
        v.title(), v.description(), v.durationSeconds(), v.publishedAt(), new java.util.TreeSet<>(languages)));
  }
}
