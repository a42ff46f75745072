package org.isnad.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.isnad.answer.Citation;
import org.isnad.archive.Document;
import org.isnad.index.ArchiveStore;

/** Checks shared by the briefing tests, written independently of the code under test. */
final class BriefChecks {

    private BriefChecks() {}

    /** ../shared/eval beside the repository (or beside the worktree folder a developer works in). */
    static Path newsAr() {
        Path p = Path.of("../shared/eval/news-ar/ant-multisource-ar-5000.jsonl");
        return Files.exists(p) ? p : Path.of("../../shared/eval/news-ar/ant-multisource-ar-5000.jsonl");
    }

    /** Every citation is the stored text's substring at its offsets. */
    static void allQuotesVerbatim(Briefing b, ArchiveStore index) {
        assertThat(b.citations()).isNotEmpty();
        for (Citation c : b.citations()) {
            Document d = index.document(c.docId()).orElseThrow();
            assertThat(d.text().substring(c.start(), c.end())).as("citation %d of %s", c.n(), c.docId()).isEqualTo(c.quote());
            assertThat(c.outlet()).isEqualTo(d.outlet());
            assertThat(c.date()).isEqualTo(d.date() == null ? null : d.date().toString());
        }
    }

    /** Word 3-shingles of the quote, letters folded crudely (alef forms, taa marbuta, yaa). */
    static Set<String> shingles(String quote) {
        String folded = quote.replaceAll("[أإآ]", "ا").replace('ة', 'ه').replace('ى', 'ي').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        List<String> w = List.of(folded.split(" "));
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= w.size(); i++) {
            out.add(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union.isEmpty() ? 0 : inter.size() / (double) union.size();
    }

    /** No two points carry the same news: every pair of quotes of different points shares few shingles. */
    static void noTwoPointsTheSameNews(Briefing b) {
        List<BriefPoint> ps = b.points();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                for (Citation x : ps.get(i).citations()) {
                    for (Citation y : ps.get(j).citations()) {
                        assertThat(jaccard(shingles(x.quote()), shingles(y.quote())))
                                .as("points %d and %d: «%s» vs «%s»", i + 1, j + 1, x.quote(), y.quote())
                                .isLessThan(0.3);
                        assertThat(x.docId().equals(y.docId()) && x.start() == y.start()).isFalse();
                    }
                }
            }
        }
    }
}
