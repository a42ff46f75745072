package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isnad.archive.Document;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources that disagree are cited side by side, and agreement is not reported as a conflict. */
class ConflictsTest {

    @TempDir
    Path dir;

    @Test
    void differentNumbersForTheSameFactAreReportedAsAConflict() throws Exception {
        Path docs = dir.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("a.txt"), """
                حصيلة الزلزال في المدينة
                أعلنت وزارة الصحة أن عدد قتلى الزلزال في المدينة بلغ 120 قتيلا حتى مساء الأحد.
                وقال الدفاع المدني إن عدد قتلى الزلزال في المدينة بلغ 150 قتيلا وفق آخر حصيلة.
                """);
        try (IsnadIndex index = SampleIndex.build(dir, docs)) {
            Answer a = SampleIndex.service(index).ask(AskRequest.of("كم عدد قتلى الزلزال في المدينة؟"));
            assertThat(a.answered()).isTrue();
            assertThat(a.conflicts()).extracting(Conflict::about).containsExactly("number");
            assertThat(a.conflicts().get(0).citations()).containsExactly(1, 2);
            assertThat(a.answer()).contains("تختلف المصادر في العدد").contains("120").contains("150");
            for (Citation c : a.citations()) {
                String text = index.document(c.docId()).map(Document::text).orElseThrow();
                assertThat(text.substring(c.start(), c.end())).isEqualTo(c.quote());
            }
        }
    }

    @Test
    void oneDateStatedTwiceIsNotAConflict() throws Exception {
        Path docs = dir.resolve("docs2");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("b.txt"), """
                قمة الرياض
                تعقد القمة الاقتصادية في الرياض يوم 12 مارس 2024 بمشاركة عشرين دولة.
                وأكد المنظمون أن القمة الاقتصادية ستعقد في الرياض في 12 آذار/ مارس 2024.
                """);
        try (IsnadIndex index = SampleIndex.build(dir, docs)) {
            Answer a = SampleIndex.service(index).ask(AskRequest.of("When will the economic summit in Riyadh be held?"));
            assertThat(a.answered()).isTrue();
            assertThat(a.conflicts()).isEmpty();
            assertThat(a.answer()).contains("12 March 2024").doesNotContain("differ");
            assertThat(a.citations()).extracting(Citation::quote).allMatch(q -> q.contains("12"));
            assertThat(List.of(a.language())).containsExactly("en");
        }
    }
}
