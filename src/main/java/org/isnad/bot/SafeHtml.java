package org.isnad.bot;

/** A fragment of Telegram HTML built by the bot itself, so a template inserts it without escaping. */
public record SafeHtml(String html) {

    @Override
    public String toString() {
        return html;
    }
}
