package dev.cuepoint.search;

import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.opensearch.TestCluster;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** Every test of {@link MatchLabelsTest}, on a real two-node OpenSearch cluster. */
@Tag("opensearch")
class MatchLabelsOnOpenSearchTest extends MatchLabelsTest {
  @Override
  KeywordIndex openIndex(Path dir) throws IOException {
    return TestCluster.get().newIndex();
  }
}
