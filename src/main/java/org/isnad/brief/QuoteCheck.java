package org.isnad.brief;

import org.isnad.answer.Citation;

/**
 * The verbatim check every briefing quote passes before it is shown: the stored text's
 * {@code substring(start, end)} equals the quote. (To be replaced by the answer package's
 * QuoteVerifier, the one verifier of every quote, when it lands.)
 */
final class QuoteCheck {

    private QuoteCheck() {}

    static boolean verified(Citation c, String documentText) {
        return documentText != null && c.quote() != null && !c.quote().isBlank()
                && c.start() >= 0 && c.end() <= documentText.length() && c.start() < c.end()
                && documentText.substring(c.start(), c.end()).equals(c.quote());
    }
}
