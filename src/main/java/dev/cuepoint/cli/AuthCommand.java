package dev.cuepoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.InstalledAppFlow;
import dev.cuepoint.crawl.OAuthStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cuepoint auth}: signs in once with Google (installed-app OAuth, loopback redirect) and
 * stores the refresh token in {@code <data>/state/oauth.json}, readable by the owner only, so
 * {@code cuepoint crawl} can download the captions of the account's videos.
 */
@Command(
    name = "auth",
    description = {
      "Sign in with Google once so 'cuepoint crawl' can download captions of your videos.",
      "Needs an OAuth client of type Desktop app from your Google Cloud project: --client-secrets FILE",
      "(the downloaded JSON), or --client-id with the secret in CUEPOINT_OAUTH_CLIENT_SECRET."
    },
    mixinStandardHelpOptions = true)
final class AuthCommand implements Callable<Integer> {
  static final String SECRET_ENV = "CUEPOINT_OAUTH_CLIENT_SECRET";

  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--client-secrets", paramLabel = "FILE", description = "client_secret_….json from Google Cloud")
  Path clientSecrets;

  @Option(names = "--client-id", paramLabel = "ID", description = "the OAuth client id (secret from " + SECRET_ENV + ")")
  String clientId;

  @Option(names = "--oauth-auth-url", paramLabel = "URL", defaultValue = "${env:CUEPOINT_OAUTH_AUTH_URL}",
      description = "the consent page (default: Google's, or the client file's)")
  String authUrl;

  @Option(names = "--oauth-token-url", paramLabel = "URL", defaultValue = "${env:CUEPOINT_OAUTH_TOKEN_URL}",
      description = "the token endpoint (default: Google's, or the client file's)")
  String tokenUrl;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "how long to wait for the browser; default: ${DEFAULT-VALUE}")
  long timeoutSeconds;

  private final Map<String, String> env;

  AuthCommand() {
    this(System.getenv());
  }

  AuthCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    InstalledAppFlow.Client client = client();
    ApiCredentials.OAuth granted =
        new InstalledAppFlow(client, Duration.ofSeconds(timeoutSeconds))
            .run(url -> {
              out.println("Open this URL in a browser on this machine, sign in with the account that owns");
              out.println("the videos, and allow access:");
              out.println();
              out.println("  " + url);
              out.println();
              out.println("Waiting for the browser…");
              out.flush();
            });
    OAuthStore store = new OAuthStore(data.state());
    store.save(granted);
    out.println("Signed in. Credentials stored in " + store.file() + " (readable by you only);");
    out.println("'cuepoint crawl' now downloads the captions of your videos.");
    return 0;
  }

  private InstalledAppFlow.Client client() throws IOException {
    String id = clientId;
    String secret = env.get(SECRET_ENV);
    String auth = authUrl;
    String token = tokenUrl;
    if (clientSecrets != null) {
      JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(clientSecrets));
      JsonNode c = root.has("installed") ? root.get("installed") : root.path("web");
      if (c.isMissingNode() || !c.hasNonNull("client_id") || !c.hasNonNull("client_secret")) {
        throw new Failures.UsageException(
            clientSecrets + " is not an OAuth client file: download it from Google Cloud console,"
                + " APIs & Services, Credentials, your Desktop app client");
      }
      id = c.get("client_id").asText();
      secret = c.get("client_secret").asText();
      auth = blank(auth) ? c.path("auth_uri").asText(null) : auth;
      token = blank(token) ? c.path("token_uri").asText(null) : token;
    }
    if (blank(id) || blank(secret)) {
      throw new Failures.UsageException(
          "no OAuth client: give --client-secrets FILE, or --client-id ID with the secret in " + SECRET_ENV);
    }
    return new InstalledAppFlow.Client(id, secret, auth, token);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
