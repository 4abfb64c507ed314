package dev.cuepoint.cli;

import dev.cuepoint.opensearch.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * The running app on a cluster ({@code CUEPOINT_BACKEND=opensearch}): every test of {@link
 * RefreshUnderLoadTest} over HTTP — searches never fail and never see a half-updated index during a
 * refresh, new videos appear after it, a failed refresh changes nothing, the admin token guards it.
 */
@Tag("opensearch")
class RefreshUnderLoadOnOpenSearchTest extends RefreshUnderLoadTest {
  @Override
  Map<String, String> env() {
    TestCluster cluster = TestCluster.get();
    return Map.of("CUEPOINT_BACKEND", "opensearch",
        "CUEPOINT_OPENSEARCH_URLS", String.join(",", cluster.urls()),
        "CUEPOINT_OPENSEARCH_INDEX", cluster.settings().alias());
  }
}
