package org.isnad.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.isnad.Isnad;
import org.isnad.config.ConfigLoader;
import org.isnad.ingest.RawDocument;
import org.isnad.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A briefing's points are each about the whole topic (the coverage standard the answers use), and
 * its key facts name people and organizations, never the outlet that reported them.
 */
class BriefingsStayOnTopicTest {

    @TempDir
    Path dir;

    @Test
    void aPointMustHoldTheWholeTopicAndAnOutletIsNoKeyFact() {
        try (Isnad isnad = Isnad.open(new ConfigLoader(Map.of()).load().withDataDir(dir.toString()))) {
            isnad.ingester().ingestDocuments(List.of(
                    doc("m1", "Peru beat Scotland in a friendly", "Peru beat Scotland 2-0 in a friendly in Lima on Saturday. "
                            + "The Peru coach praised his players. Scotland will play Peru again next year, BBC Sport said."),
                    doc("m2", "Peru draw with Denmark", "Peru drew with Denmark in the group stage. Peru missed a penalty. "
                            + "Denmark and Peru meet again in June."),
                    doc("c1", "Wi-fi reaches farmers in Peru", "The scheme in the Huaral Valley, 80 kilometres north of the capital Lima, "
                            + "offers farmers market prices. Farmers in Peru share news with colleagues across Peru.")));
            Briefing b = isnad.briefer().brief(BriefRequest.topic("Peru capital").inLanguage(Language.EN));
            assertThat(b.found()).isTrue();
            assertThat(b.points()).isNotEmpty().allSatisfy(p -> assertThat(p.citations())
                    .allSatisfy(c -> assertThat(c.quote()).containsIgnoringCase("capital")));
            Briefing peru = isnad.briefer().brief(BriefRequest.topic("Peru").inLanguage(Language.EN));
            assertThat(peru.points().size()).isGreaterThan(b.points().size());
            assertThat(peru.facts().who()).doesNotContain("BBC", "BBC News", "BBC Sport");
        }
    }

    private static RawDocument doc(String id, String title, String text) {
        return new RawDocument(id, title, "2018-06-01", "BBC News", null, "en", text, "t:" + id);
    }
}
