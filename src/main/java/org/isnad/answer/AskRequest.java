package org.isnad.answer;

import org.isnad.text.Language;

/**
 * A question as a door received it. {@code forcedLanguage} (nullable) overrides the language the
 * answer is framed in; otherwise the question's script decides.
 */
public record AskRequest(String question, Language forcedLanguage) {

    public static AskRequest of(String question) {
        return new AskRequest(question, null);
    }
}
