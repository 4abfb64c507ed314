package dev.cuepoint.crawl;

import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.youtube.YouTube;
import com.google.api.services.youtube.YouTubeRequestInitializer;
import com.google.api.services.youtube.model.Caption;
import com.google.api.services.youtube.model.CaptionListResponse;
import com.google.api.services.youtube.model.Channel;
import com.google.api.services.youtube.model.ChannelListResponse;
import com.google.api.services.youtube.model.Playlist;
import com.google.api.services.youtube.model.PlaylistItemListResponse;
import com.google.api.services.youtube.model.PlaylistListResponse;
import com.google.api.services.youtube.model.Thumbnail;
import com.google.api.services.youtube.model.ThumbnailDetails;
import com.google.api.services.youtube.model.Video;
import com.google.api.services.youtube.model.VideoListResponse;
import dev.cuepoint.corpus.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place Cuepoint talks to the YouTube Data API, through Google's Java client. Everything it
 * returns is our own records; everything it throws is an {@link ApiException} (or {@link
 * QuotaExceededException}) whose message is safe to show: it never holds the API key or a token.
 *
 * <p>Calls that take an ETag send it as {@code If-None-Match} and return empty when YouTube answers
 * {@code 304 Not Modified}. Retrying is not done here but by the caller ({@link Retrier}), so the
 * pauses can be tested without waiting.
 */
public final class YouTubeApi {
  /** The Data API's root URL, as the client has it. */
  public static final String DEFAULT_ROOT_URL = YouTube.DEFAULT_ROOT_URL;

  /** Google's OAuth token endpoint. */
  public static final String DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token";

  /** Google's OAuth consent page. */
  public static final String DEFAULT_AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth";

  /** The scope {@code captions.list} and {@code captions.download} need. */
  public static final String CAPTIONS_SCOPE = "https://www.googleapis.com/auth/youtube.force-ssl";

  /** {@code maxResults} of list calls: the most YouTube allows. */
  static final long PAGE_SIZE = 50;

  private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

  /**
   * @param rootUrl where every Data API call goes; a trailing slash is added when missing, as the
   *     client needs one
   * @param credentials an API key or stored OAuth credentials
   */
  public record Settings(
      String rootUrl, ApiCredentials credentials, Duration connectTimeout, Duration readTimeout) {
    public Settings {
      rootUrl = rootUrl == null || rootUrl.isBlank() ? DEFAULT_ROOT_URL : rootUrl;
      if (!rootUrl.startsWith("http://") && !rootUrl.startsWith("https://")) {
        throw new IllegalArgumentException(
            "YouTube API root must be an http(s) URL like https://youtube.googleapis.com/, got '"
                + rootUrl
                + "'");
      }
      rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
      Objects.requireNonNull(credentials, "credentials");
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(20) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    public Settings(String rootUrl, ApiCredentials credentials) {
      this(rootUrl, credentials, null, null);
    }
  }

  private final YouTube youtube;
  private final String secret;
  private final boolean canReadCaptions;

  public YouTubeApi(Settings settings) {
    NetHttpTransport transport = new NetHttpTransport();
    Credential credential =
        settings.credentials() instanceof ApiCredentials.OAuth o ? credential(transport, o) : null;
    int connect = (int) settings.connectTimeout().toMillis();
    int read = (int) settings.readTimeout().toMillis();
    HttpRequestInitializer init =
        request -> {
          request.setConnectTimeout(connect);
          request.setReadTimeout(read);
          if (credential != null) {
            credential.initialize(request); // adds the token, refreshes it on expiry or a 401
          }
        };
    YouTube.Builder builder =
        new YouTube.Builder(transport, JSON, init)
            .setRootUrl(settings.rootUrl())
            .setApplicationName("cuepoint");
    if (settings.credentials() instanceof ApiCredentials.ApiKey k) {
      builder.setYouTubeRequestInitializer(new YouTubeRequestInitializer(k.key()));
      secret = k.key();
    } else {
      secret = ((ApiCredentials.OAuth) settings.credentials()).refreshToken();
    }
    this.youtube = builder.build();
    this.canReadCaptions = settings.credentials().canReadCaptions();
  }

  /** Whether the credentials allow {@code captions.list} and {@code captions.download}. */
  public boolean canReadCaptions() {
    return canReadCaptions;
  }

  private static Credential credential(NetHttpTransport transport, ApiCredentials.OAuth o) {
    return new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
        .setTransport(transport)
        .setJsonFactory(JSON)
        .setTokenServerUrl(new GenericUrl(o.tokenUrl()))
        .setClientAuthentication(new ClientParametersAuthentication(o.clientId(), o.clientSecret()))
        .build()
        .setRefreshToken(o.refreshToken());
  }

  /**
   * The signed-in account's channel id ({@code channels.list mine=true}); empty when it has none.
   */
  public Optional<String> myChannelId() throws ApiException {
    String call = "channels.list mine";
    try {
      ChannelListResponse r = youtube.channels().list(List.of("id")).setMine(true).execute();
      if (r.getItems() == null || r.getItems().isEmpty()) {
        return Optional.empty();
      }
      return Optional.ofNullable(r.getItems().get(0).getId()).filter(id -> !id.isBlank());
    } catch (IOException e) {
      throw translate(call, e);
    }
  }

  /**
   * A channel's uploads playlist ({@code channels.list}); empty when there is no such channel.
   *
   * @param channelId a channel id ({@code UC…}) or a handle ({@code @name})
   */
  public Optional<String> uploadsPlaylist(String channelId) throws ApiException {
    String call = "channels.list " + channelId;
    try {
      ChannelListResponse r =
          channelId.startsWith("@")
              ? youtube.channels().list(List.of("contentDetails")).setForHandle(channelId).execute()
              : youtube.channels().list(List.of("contentDetails")).setId(List.of(channelId)).execute();
      if (r.getItems() == null || r.getItems().isEmpty()) {
        return Optional.empty();
      }
      Channel c = r.getItems().get(0);
      return Optional.ofNullable(c.getContentDetails())
          .map(d -> d.getRelatedPlaylists())
          .map(p -> p.getUploads())
          .filter(u -> !u.isBlank());
    } catch (IOException e) {
      throw translate(call, e);
    }
  }

  /**
   * A playlist's title and channel ({@code playlists.list}); empty when unchanged since {@code
   * etag}.
   *
   * @throws ApiException with reason {@code playlistNotFound} when there is no such playlist
   */
  public Optional<PlaylistInfo> playlist(String playlistId, String etag) throws ApiException {
    String call = "playlists.list " + playlistId;
    try {
      YouTube.Playlists.List req = youtube.playlists().list(List.of("snippet")).setId(List.of(playlistId));
      Optional<PlaylistListResponse> r = execute(req, etag);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      List<Playlist> items = r.get().getItems();
      if (items == null || items.isEmpty()) {
        throw new ApiException(
            "playlist " + playlistId + " not found: check the id, and that the playlist is public or"
                + " yours",
            404, "playlistNotFound", null);
      }
      var s = items.get(0).getSnippet();
      return Optional.of(
          new PlaylistInfo(
              playlistId, s == null ? "" : s.getTitle(), s == null ? "" : s.getChannelTitle(),
              r.get().getEtag()));
    } catch (ApiException e) {
      throw e;
    } catch (IOException e) {
      throw translate(call, e);
    }
  }

  /** One page of a playlist's items; empty when unchanged since {@code etag}. */
  public Optional<PlaylistItemPage> playlistItems(String playlistId, String pageToken, String etag)
      throws ApiException {
    String call = "playlistItems.list " + playlistId;
    try {
      YouTube.PlaylistItems.List req =
          youtube
              .playlistItems()
              .list(List.of("snippet", "contentDetails", "status"))
              .setPlaylistId(playlistId)
              .setMaxResults(PAGE_SIZE);
      if (pageToken != null && !pageToken.isEmpty()) {
        req.setPageToken(pageToken);
      }
      Optional<PlaylistItemListResponse> r = execute(req, etag);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      List<PlaylistItem> items = new ArrayList<>();
      if (r.get().getItems() != null) {
        for (var i : r.get().getItems()) {
          var s = i.getSnippet();
          String videoId =
              i.getContentDetails() != null && i.getContentDetails().getVideoId() != null
                  ? i.getContentDetails().getVideoId()
                  : s != null && s.getResourceId() != null ? s.getResourceId().getVideoId() : null;
          if (videoId == null) {
            continue; // not a video (YouTube puts only videos in playlists today)
          }
          long position = s == null || s.getPosition() == null ? items.size() : s.getPosition();
          String privacy = i.getStatus() == null ? "" : i.getStatus().getPrivacyStatus();
          items.add(new PlaylistItem(videoId, position, privacy, s == null ? "" : s.getTitle()));
        }
      }
      return Optional.of(new PlaylistItemPage(items, r.get().getNextPageToken(), r.get().getEtag()));
    } catch (IOException e) {
      throw translate(call, e);
    }
  }

  /**
   * Metadata of up to 50 videos ({@code videos.list}); videos YouTube does not return (private,
   * deleted) are missing from the result.
   */
  public List<VideoMeta> videos(List<String> ids) throws ApiException {
    if (ids.size() > PAGE_SIZE) {
      throw new IllegalArgumentException("videos.list takes at most 50 ids, got " + ids.size());
    }
    String call = "videos.list (" + ids.size() + " videos)";
    try {
      VideoListResponse r =
          youtube
              .videos()
              .list(List.of("snippet", "contentDetails"))
              .setId(ids)
              .setMaxResults(PAGE_SIZE)
              .execute();
      List<VideoMeta> out = new ArrayList<>();
      if (r.getItems() != null) {
        for (Video v : r.getItems()) {
          out.add(meta(v));
        }
      }
      return out;
    } catch (IOException e) {
      throw translate(call, e);
    }
  }

  private static VideoMeta meta(Video v) throws ApiException {
    var s = v.getSnippet();
    var d = v.getContentDetails();
    String language = s == null ? null : s.getDefaultLanguage();
    if (language == null || language.isBlank()) {
      language = s == null ? null : s.getDefaultAudioLanguage();
    }
    return new VideoMeta(
        v.getId(),
        s == null ? "" : s.getTitle(),
        s == null ? "" : s.getDescription(),
        s == null ? "" : s.getChannelTitle(),
        s == null ? "" : s.getChannelId(),
        s == null ? null : instant(s.getPublishedAt()),
        d == null ? 0 : seconds(v.getId(), d.getDuration()),
        s == null ? "" : largest(s.getThumbnails()),
        language);
  }

  private static long seconds(String id, String iso) throws ApiException {
    if (iso == null || iso.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Duration.parse(iso).toSeconds());
    } catch (DateTimeParseException e) {
      throw new ApiException(
          "video " + id + ": duration '" + iso + "' is not ISO 8601 like PT1H2M3S", 200, "badData", e);
    }
  }

  private static Instant instant(DateTime t) {
    return t == null ? null : Instant.ofEpochMilli(t.getValue());
  }

  private static String largest(ThumbnailDetails t) {
    if (t == null) {
      return "";
    }
    for (Thumbnail th :
        new Thumbnail[] {t.getMaxres(), t.getStandard(), t.getHigh(), t.getMedium(), t.getDefault()}) {
      if (th != null && th.getUrl() != null) {
        return th.getUrl();
      }
    }
    return "";
  }

  /** A video's caption tracks ({@code captions.list}); empty when unchanged since {@code etag}. */
  public Optional<CaptionTrackList> captions(String videoId, String etag) throws ApiException {
    String call = "captions.list " + videoId;
    try {
      Optional<CaptionListResponse> r =
          execute(youtube.captions().list(List.of("snippet"), videoId), etag);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      List<CaptionTrack> tracks = new ArrayList<>();
      if (r.get().getItems() != null) {
        for (Caption c : r.get().getItems()) {
          track(c).ifPresent(tracks::add);
        }
      }
      return Optional.of(new CaptionTrackList(tracks, r.get().getEtag()));
    } catch (IOException e) {
      throw translate(call, e);
    }
  }

  private static Optional<CaptionTrack> track(Caption c) {
    var s = c.getSnippet();
    if (c.getId() == null || c.getId().isBlank() || s == null) {
      return Optional.empty();
    }
    String kind = s.getTrackKind() == null ? "standard" : s.getTrackKind();
    boolean asr = kind.equalsIgnoreCase("asr");
    boolean usable =
        !kind.equalsIgnoreCase("forced")
            && !Boolean.TRUE.equals(s.getIsDraft())
            && (s.getStatus() == null || s.getStatus().equals("serving"));
    return Optional.of(
        new CaptionTrack(
            c.getId(),
            s.getLanguage(),
            asr ? Transcript.Kind.AUTO : Transcript.Kind.MANUAL,
            s.getLastUpdated() == null ? "" : s.getLastUpdated().toStringRfc3339(),
            c.getEtag(),
            usable));
  }

  /**
   * Downloads a caption track ({@code captions.download}) as text.
   *
   * @param format {@code vtt} or {@code srt}
   * @throws ApiException {@link ApiException#forbidden()} when the account may not edit the video
   */
  public String download(String captionId, String format) throws ApiException {
    String call = "captions.download " + captionId;
    try (InputStream in =
        youtube.captions().download(captionId).setTfmt(format).executeMediaAsInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw translate(call, e);
    }
  }

  /**
   * Trades an authorization code from the consent page for a refresh token (the installed-app flow
   * with PKCE).
   *
   * @return the refresh token
   */
  public static String exchangeCode(
      String tokenUrl,
      String clientId,
      String clientSecret,
      String code,
      String redirectUri,
      String codeVerifier)
      throws ApiException {
    try {
      TokenResponse r =
          new AuthorizationCodeTokenRequest(
                  new NetHttpTransport(), JSON, new GenericUrl(tokenUrl), code)
              .setRedirectUri(redirectUri)
              .setClientAuthentication(new ClientParametersAuthentication(clientId, clientSecret))
              .set("code_verifier", codeVerifier)
              .execute();
      if (r.getRefreshToken() == null || r.getRefreshToken().isBlank()) {
        throw new ApiException(
            "the token endpoint gave no refresh token: remove Cuepoint's access at"
                + " https://myaccount.google.com/permissions, then run 'cuepoint auth' again",
            200, "noRefreshToken", null);
      }
      return r.getRefreshToken();
    } catch (ApiException e) {
      throw e;
    } catch (IOException e) {
      throw toApiException("OAuth code exchange", e);
    }
  }

  /** Runs a list request with {@code If-None-Match}; empty on {@code 304 Not Modified}. */
  private static <T> Optional<T> execute(AbstractGoogleClientRequest<T> req, String etag)
      throws IOException {
    if (etag != null && !etag.isEmpty()) {
      req.setRequestHeaders(new HttpHeaders().setIfNoneMatch(etag));
    }
    try {
      return Optional.of(req.execute());
    } catch (HttpResponseException e) {
      if (e.getStatusCode() == 304) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Our exception for what the client threw, with advice, and without secrets. */
  private ApiException translate(String call, IOException e) {
    return redacted(toApiException(call, e), secret);
  }

  private static ApiException toApiException(String call, IOException e) {
    if (e instanceof ApiException a) {
      return a;
    }
    if (e instanceof TokenResponseException t) {
      String error = t.getDetails() == null ? "" : t.getDetails().getError();
      int status = t.getStatusCode();
      String advice =
          status >= 400 && status < 500
              ? ": the stored OAuth grant was refused; run 'cuepoint auth' again"
              : "";
      return new ApiException(
          call + ": OAuth token endpoint answered HTTP " + status + " " + error + advice,
          status, error == null || error.isEmpty() ? "authError" : error, e);
    }
    if (e instanceof GoogleJsonResponseException g) {
      GoogleJsonError d = g.getDetails();
      String reason = "";
      String message = g.getStatusMessage();
      if (d != null) {
        if (d.getErrors() != null && !d.getErrors().isEmpty() && d.getErrors().get(0).getReason() != null) {
          reason = d.getErrors().get(0).getReason();
        } else if (d.get("status") instanceof String status) {
          reason = status;
        }
        message = d.getMessage() == null ? message : d.getMessage();
      }
      if (reason.equals("quotaExceeded")) {
        return new QuotaExceededException(
            call + ": YouTube says the project's daily quota is spent (quotaExceeded); what was"
                + " fetched is kept, and a crawl after midnight Pacific time resumes",
            e);
      }
      return new ApiException(
          call + " failed: HTTP " + g.getStatusCode() + (reason.isEmpty() ? "" : " " + reason)
              + (message == null ? "" : ": " + message) + advice(g.getStatusCode(), reason),
          g.getStatusCode(), reason, e);
    }
    if (e instanceof HttpResponseException h) {
      return new ApiException(
          call + " failed: HTTP " + h.getStatusCode() + " " + h.getStatusMessage()
              + advice(h.getStatusCode(), ""),
          h.getStatusCode(), "", e);
    }
    return new ApiException(
        call + " failed: no answer from YouTube (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
        0, ApiException.NETWORK, e);
  }

  private static String advice(int status, String reason) {
    if (status == 401 || reason.startsWith("key") || reason.equals("API_KEY_INVALID")) {
      return " (check CUEPOINT_YOUTUBE_API_KEY, or run 'cuepoint auth' again)";
    }
    if (reason.equals("accessNotConfigured")) {
      return " (enable the YouTube Data API v3 in the Google Cloud project of the key)";
    }
    return "";
  }

  /** The same exception with any occurrence of the secret masked, in case a server echoed it. */
  private static ApiException redacted(ApiException e, String secret) {
    if (secret == null || e.getMessage() == null || !e.getMessage().contains(secret)) {
      return e;
    }
    String m = e.getMessage().replace(secret, "[redacted]");
    return e instanceof QuotaExceededException
        ? new QuotaExceededException(m, null)
        : new ApiException(m, e.status(), e.reason(), null);
  }
}
