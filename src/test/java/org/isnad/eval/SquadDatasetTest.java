package org.isnad.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.isnad.text.Language;
import org.junit.jupiter.api.Test;

class SquadDatasetTest {

    static final Path XQUAD_AR = SharedEval.path("xquad/xquad.ar.json");
    static final Path XQUAD_EN = SharedEval.path("xquad/xquad.en.json");
    static final Path XQUAD_R_AR = SharedEval.path("xquad-r/xquad-r.ar.json");

    @Test
    void loadsEveryXquadParagraphAndQuestionWithGoldOffsetsIntoTheContext() {
        SquadDataset ar = SquadDataset.load(XQUAD_AR);
        assertThat(ar.language()).isEqualTo(Language.AR);
        assertThat(ar.paragraphs()).hasSize(240);
        assertThat(ar.questionCount()).isEqualTo(1190);
        for (SquadDataset.Paragraph p : ar.paragraphs()) {
            for (SquadDataset.Question q : p.questions()) {
                SquadDataset.Gold g = q.answers().get(0);
                assertThat(p.context().substring(g.start(), g.start() + g.text().length())).isEqualTo(g.text());
            }
        }
        assertThat(SquadDataset.load(XQUAD_EN).language()).isEqualTo(Language.EN);
    }

    @Test
    void englishQuestionsMapOntoArabicParagraphsByIdKeepingArabicGoldAnswers() {
        SquadDataset ar = SquadDataset.load(XQUAD_AR);
        SquadDataset enOverAr = ar.withQuestionsFrom(SquadDataset.load(XQUAD_EN));
        assertThat(enOverAr.questionCount()).isEqualTo(1190);
        assertThat(enOverAr.language()).isEqualTo(Language.AR);
        SquadDataset.Question q = enOverAr.questions().stream()
                .filter(x -> x.id().equals("56beb4343aeaaa14008c925b")).findFirst().orElseThrow();
        assertThat(q.text()).isEqualTo("How many points did the Panthers defense surrender?");
        assertThat(q.answers().get(0).text()).isEqualTo("308");
        assertThat(enOverAr.paragraphs().get(0).context()).isEqualTo(ar.paragraphs().get(0).context());
    }

    @Test
    void xquadRParagraphsCarrySentenceBreaksThatCoverEveryGoldAnswer() {
        SquadDataset r = SquadDataset.load(XQUAD_R_AR);
        assertThat(r.paragraphs()).hasSize(240);
        assertThat(r.paragraphs().stream().mapToInt(p -> p.sentenceBreaks().size()).sum()).isEqualTo(1222);
        for (SquadDataset.Paragraph p : r.paragraphs()) {
            for (SquadDataset.Question q : p.questions()) {
                int start = q.answers().get(0).start();
                assertThat(p.sentenceBreaks()).anyMatch(b -> b[0] <= start && start < b[1]);
            }
        }
    }

    @Test
    void withholdingIsASeededFixedShareOfParagraphs() {
        SquadDataset ar = SquadDataset.load(XQUAD_AR);
        Set<String> a = SquadEval.withheld(ar, 0.2, 42);
        assertThat(a).hasSize(48).isEqualTo(SquadEval.withheld(ar, 0.2, 42));
        assertThat(SquadEval.withheld(ar, 0.2, 7)).isNotEqualTo(a);
        assertThat(SquadEval.withheld(ar, 0, 42)).isEmpty();
    }
}
