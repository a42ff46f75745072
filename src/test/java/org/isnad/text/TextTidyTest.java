package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTidyTest {

    @Test
    void leadingByteOrderMarkIsDropped() {
        assertThat(TextTidy.tidy("\uFEFFفبراير ۲۰، ۲۰۲٤\nنص")).isEqualTo("فبراير ۲۰، ۲۰۲٤\nنص");
    }

    @Test
    void strayByteOrderMarksAndLinesMadeOfThemDisappear() {
        assertThat(TextTidy.tidy("فيما يلي مختارات من تلك الصور.\n\uFEFF\uFEFF\n\uFEFF\nPhotos are copyright."))
                .isEqualTo("فيما يلي مختارات من تلك الصور.\nPhotos are copyright.");
    }

    @Test
    void lineEndingsOfEveryKindBecomeNewlines() {
        assertThat(TextTidy.tidy("a\r\nb\rc\u2028d\u2029e\u0085f")).isEqualTo("a\nb\nc\nd\ne\nf");
    }

    @Test
    void spaceRunsInsideALineCollapseAndLinesAreTrimmed() {
        assertThat(TextTidy.tidy("  وقال \t\u00A0 اشتية:\u202F“نعم”  \n\n   \n Putin\u2003said  "))
                .isEqualTo("وقال اشتية: “نعم”\nPutin said");
    }

    @Test
    void emptyLinesAreDroppedAndBlankInputIsEmpty() {
        assertThat(TextTidy.tidy("\n\n a \n\n\n b\n")).isEqualTo("a\nb");
        assertThat(TextTidy.tidy(" \t\n\r\n ")).isEmpty();
        assertThat(TextTidy.tidy(null)).isEmpty();
    }

    @Test
    void everythingButWhiteSpaceStaysVerbatim() {
        String s = "يدعو بوتين حماس لإجراء محادثات في موسكو بينما تتخذ الحرب منحىً عالميًّا\n#FreeGaza @france24 3.5%";
        assertThat(TextTidy.tidy(s)).isEqualTo(s);
    }

    @Test
    void tidyingIsIdempotent() {
        String once = TextTidy.tidy("\uFEFF a  b \r\n\r\n c\t\td ");
        assertThat(TextTidy.tidy(once)).isEqualTo(once);
    }
}
