package org.isnad.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.isnad.index.IsnadIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameMatcherTest {

    @TempDir
    Path dir;

    @Test
    void englishAndArabicSpellingsShareAConsonantSkeleton() {
        assertThat(NameMatcher.latinSkeleton("Skripal")).isEqualTo(NameMatcher.latinSkeleton("skrybal"));
        assertThat(NameMatcher.latinSkeleton("Zefzafi")).isEqualTo(NameMatcher.latinSkeleton("zfzafy"));
        assertThat(NameMatcher.latinSkeleton("Philippe")).isEqualTo(NameMatcher.latinSkeleton("fylyb"));
        // Tesla and توصل share "tsl": three consonants alone are too coarse to be used
        assertThat(NameMatcher.usable(NameMatcher.latinSkeleton("Tesla"), 1)).isFalse();
        assertThat(NameMatcher.usable(NameMatcher.latinSkeleton("Skripal"), 1)).isTrue();
    }

    @Test
    void aLatinNameAbsentFromTheGlossaryIsFoundInArabicTextByTransliteration() {
        try (IsnadIndex index = SampleIndex.build(dir)) {
            Answer a = SampleIndex.service(index).ask(AskRequest.of("What did Philippe Turle say about Russia's motives?"));
            assertThat(a.answered()).isTrue();
            assertThat(a.citations()).anyMatch(c -> c.quote().contains("فيليب تورل") && c.quote().contains("دوافع روسيا"));
        }
    }
}
