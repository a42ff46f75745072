package org.isnad.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.brief.BriefRequest;
import org.isnad.config.ConfigLoader;
import org.isnad.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "France 24" and "France24" are one outlet in what is stored, in the facets (/sources) and in filters. */
class OutletsAreOneTest {

    @TempDir
    Path dir;

    @Test
    void spellingsOfOneOutletAreStoredCountedAndFilteredAsOne() {
        try (Isnad isnad = Isnad.open(new ConfigLoader(Map.of()).load().withDataDir(dir.toString()))) {
            isnad.ingester().ingestDocuments(List.of(
                    new RawDocument("a", "Wheat prices rise in Egypt", "2024-03-01", "France24", null, "en",
                            "Wheat prices rose sharply in Egypt this week, traders said. Bakers expect higher bread prices.", "t:a"),
                    new RawDocument("b", "Egypt wheat imports grow", "2024-03-02", "france 24", null, "en",
                            "Egypt imported more wheat this month, the ministry said. Wheat stocks are at a record.", "t:b"),
                    new RawDocument("c", "Wheat harvest in Syria", "2024-03-03", "Reuters", null, "en",
                            "The wheat harvest in Syria fell this year, farmers said. Wheat prices in Syria rose.", "t:c")));
            // stored under the alias table's one name (config/isnad.yaml: "France 24": [France24, …])
            assertThat(isnad.index().document("a").orElseThrow().outlet()).isEqualTo("France 24");
            assertThat(isnad.index().document("b").orElseThrow().outlet()).isEqualTo("France 24");
            assertThat(isnad.index().stats().outlets()).containsExactlyInAnyOrderEntriesOf(Map.of("France 24", 2, "Reuters", 1));
            var briefing = isnad.briefer().brief(new BriefRequest("wheat", null, Language.EN, null, null, "FRANCE-24"));
            assertThat(briefing.points()).isNotEmpty();
            assertThat(briefing.points()).allSatisfy(p -> assertThat(p.citations())
                    .allSatisfy(c -> assertThat(c.docId()).isIn("a", "b")));
        }
    }
}
