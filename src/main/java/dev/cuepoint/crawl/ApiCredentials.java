package dev.cuepoint.crawl;

import java.util.Objects;

/** How the crawler identifies itself to YouTube. Secrets never appear in {@code toString()}. */
public sealed interface ApiCredentials {
  /** An API key: enough for public playlists and videos, not for captions. */
  record ApiKey(String key) implements ApiCredentials {
    public ApiKey {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("API key must not be blank");
      }
    }

    @Override
    public String toString() {
      return "ApiKey[redacted]";
    }
  }

  /**
   * OAuth credentials of an installed app, as {@code cuepoint auth} stores them: every call carries
   * an access token got with the refresh token; this also allows {@code captions.*} for videos the
   * account may edit.
   */
  record OAuth(String clientId, String clientSecret, String refreshToken, String tokenUrl)
      implements ApiCredentials {
    public OAuth {
      for (String[] f :
          new String[][] {
            {"clientId", clientId}, {"clientSecret", clientSecret},
            {"refreshToken", refreshToken}, {"tokenUrl", tokenUrl}
          }) {
        if (f[1] == null || f[1].isBlank()) {
          throw new IllegalArgumentException("OAuth " + f[0] + " must not be blank");
        }
      }
    }

    /** The same credentials with another token endpoint (tests, proxies). */
    public OAuth withTokenUrl(String url) {
      return new OAuth(clientId, clientSecret, refreshToken, url);
    }

    @Override
    public String toString() {
      return "OAuth[clientId=" + clientId + ", tokenUrl=" + tokenUrl + ", secrets redacted]";
    }
  }

  /** Whether these credentials can list and download captions. */
  default boolean canReadCaptions() {
    return this instanceof OAuth;
  }
}
