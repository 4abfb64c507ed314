package dev.cuepoint.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Google's OAuth flow for installed apps, once, for {@code cuepoint auth}: shows the consent URL,
 * waits for the browser's redirect to a one-shot server on 127.0.0.1 (a loopback redirect, as
 * Google asks of desktop apps), checks its {@code state}, and trades the code (with its PKCE
 * verifier) for a refresh token at the token endpoint.
 */
public final class InstalledAppFlow {
  /**
   * The app's OAuth client, from the user's Google Cloud project (type "Desktop app").
   *
   * @param authUrl the consent page
   * @param tokenUrl the token endpoint
   */
  public record Client(String clientId, String clientSecret, String authUrl, String tokenUrl) {
    public Client {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("OAuth client id must not be blank");
      }
      if (clientSecret == null || clientSecret.isBlank()) {
        throw new IllegalArgumentException("OAuth client secret must not be blank");
      }
      authUrl = authUrl == null || authUrl.isBlank() ? YouTubeApi.DEFAULT_AUTH_URL : authUrl;
      tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? YouTubeApi.DEFAULT_TOKEN_URL : tokenUrl;
    }

    @Override
    public String toString() {
      return "Client[clientId=" + clientId + ", secret redacted]";
    }
  }

  private final Client client;
  private final Duration timeout;
  private final SecureRandom random = new SecureRandom();

  public InstalledAppFlow(Client client, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Runs the flow.
   *
   * @param showUrl told the consent URL to open in a browser
   * @return credentials with the refresh token, ready for {@link OAuthStore#save}
   */
  public ApiCredentials.OAuth run(Consumer<String> showUrl) throws IOException {
    String state = token(16);
    String verifier = token(32);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String redirect = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
    server.createContext("/", ex -> receive(ex, state, answer));
    server.start();
    Map<String, String> params;
    try {
      showUrl.accept(consentUrl(redirect, state, challenge(verifier)));
      params = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          "no answer from the browser within " + timeout.toSeconds() + " s: run 'cuepoint auth' again and"
              + " open the URL on this machine",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the browser");
    } catch (ExecutionException e) {
      throw new IOException("the OAuth redirect failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      server.stop(0);
    }
    if (params.containsKey("error")) {
      throw new IOException(
          "Google did not grant access (" + params.get("error") + "): run 'cuepoint auth' again and"
              + " allow access, with the account that owns the videos");
    }
    String refresh =
        YouTubeApi.exchangeCode(
            client.tokenUrl(), client.clientId(), client.clientSecret(), params.get("code"), redirect, verifier);
    return new ApiCredentials.OAuth(client.clientId(), client.clientSecret(), refresh, client.tokenUrl());
  }

  private String consentUrl(String redirect, String state, String challenge) {
    String sep = client.authUrl().contains("?") ? "&" : "?";
    return client.authUrl() + sep
        + "client_id=" + enc(client.clientId())
        + "&redirect_uri=" + enc(redirect)
        + "&response_type=code"
        + "&scope=" + enc(YouTubeApi.CAPTIONS_SCOPE)
        + "&access_type=offline&prompt=consent"
        + "&state=" + enc(state)
        + "&code_challenge=" + enc(challenge) + "&code_challenge_method=S256";
  }

  /** Takes the redirect with our state; anything else (a favicon, a stray request) gets a 404. */
  private static void receive(HttpExchange ex, String state, CompletableFuture<Map<String, String>> answer)
      throws IOException {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    boolean ours = state.equals(q.get("state")) && (q.containsKey("code") || q.containsKey("error"));
    String body =
        ours
            ? "<!doctype html><title>Cuepoint</title><p>Cuepoint "
                + (q.containsKey("code") ? "has access now" : "was not given access")
                + ". You can close this tab."
            : "<!doctype html><title>Cuepoint</title><p>Not an OAuth answer for this run.";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(ours ? 200 : 404, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
    if (ours) {
      answer.complete(q);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String challenge(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
