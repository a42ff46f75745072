package org.isnad.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensOfMixedTextCarryExactOffsets() {
        String s = "وقال اشتية: “وجّهت روسيا الدعوة” to Moscow's #FreeGaza talks, 3.5% و٣٫٥ al-Quds!";
        List<Token> tokens = Tokens.tokenize(s);
        assertThat(tokens).extracting(Token::text).containsExactly("وقال", "اشتية", "وجّهت", "روسيا", "الدعوة", "to",
                "Moscow's", "FreeGaza", "talks", "3.5", "و٣٫٥", "al-Quds");
        for (Token t : tokens) {
            assertThat(s.substring(t.start(), t.end())).isEqualTo(t.text());
        }
    }

    @Test
    void arabicWordsStayWholeWithMarksAndTatweel() {
        assertThat(Tokens.tokenize("عالميًّا مـــوسكو")).extracting(Token::text).containsExactly("عالميًّا", "مـــوسكو");
    }

    @Test
    void punctuationEmojiAndNullGiveNoTokens() {
        assertThat(Tokens.tokenize("?! … 😀 — ،؛")).isEmpty();
        assertThat(Tokens.tokenize(null)).isEmpty();
    }

    @Test
    void trailingSeparatorsAreNotPartOfTokens() {
        assertThat(Tokens.tokenize("end. 1,000, rock-")).extracting(Token::text).containsExactly("end", "1,000", "rock");
    }
}
