package org.isnad.bot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML parse mode as the real Bot API checks it (core.telegram.org/bots/api#html-style):
 * only the supported tags, properly nested; every {@code <}, {@code >} and {@code &} outside a tag
 * escaped; only named entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones. Returns the
 * problem in Telegram's words, or null when the text is valid. Test code: the strict fake uses it.
 */
final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "a", "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[a-zA-Z-]+(?:=\"[^\"<>]*\"|='[^'<>]*'|=[^\\s\"'<>]+)?)*)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private TelegramHtml() {}

    static String problem(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html);
                m.region(i, html.length());
                if (!m.lookingAt()) {
                    return "Unsupported start tag or unescaped \"<\" at byte offset " + i;
                }
                String name = m.group(2).toLowerCase();
                if (!TAGS.contains(name)) {
                    return "Unsupported start tag \"" + name + "\" at byte offset " + i;
                }
                if (m.group(1).isEmpty()) {
                    open.push(name);
                } else {
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        return "Unmatched end tag at byte offset " + i + ", expected \"</" + open.peek() + ">\", found \"</" + name + ">\"";
                    }
                    open.pop();
                }
                i = m.end();
            } else if (c == '>') {
                return "Unescaped \">\" at byte offset " + i;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html);
                m.region(i, html.length());
                if (!m.lookingAt()) {
                    return "Unsupported entity or unescaped \"&\" at byte offset " + i;
                }
                i = m.end();
            } else {
                i++;
            }
        }
        if (!open.isEmpty()) {
            return "Can't find end tag corresponding to start tag \"" + open.peek() + "\"";
        }
        return null;
    }
}
