package org.isnad.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isnad.text.Language;

/**
 * Every text the bot shows, per language, from {@code prompts/<ar|en>/bot.v1.txt} on the classpath.
 * The file is split into sections by lines {@code ### key}; text before the first section is a note for
 * translators. A section is Telegram HTML; {@code {{name}}} placeholders are filled by {@link #html},
 * which escapes every value unless it is {@link SafeHtml}, and isolates values whose direction differs.
 */
public final class BotTexts {

    private static final Pattern SECTION = Pattern.compile("(?m)^### +([\\w.-]+) *$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final Map<Language, Map<String, String>> sections = new EnumMap<>(Language.class);

    private BotTexts() {}

    /** Loads the Arabic and English texts; throws when a file is missing or their keys differ. */
    public static BotTexts load() {
        BotTexts texts = new BotTexts();
        for (Language language : new Language[] {Language.AR, Language.EN}) {
            texts.sections.put(language, parse(read("prompts/" + language.code() + "/bot.v1.txt")));
        }
        if (!texts.sections.get(Language.AR).keySet().equals(texts.sections.get(Language.EN).keySet())) {
            throw new IllegalStateException("prompts/ar/bot.v1.txt and prompts/en/bot.v1.txt have different sections");
        }
        return texts;
    }

    private static String read(String resource) {
        try (InputStream in = BotTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bot texts missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static Map<String, String> parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(body);
        String name = null;
        int from = 0;
        while (m.find()) {
            if (name != null) {
                out.put(name, body.substring(from, m.start()).strip());
            }
            name = m.group(1);
            from = m.end();
        }
        if (name != null) {
            out.put(name, body.substring(from).strip());
        }
        return out;
    }

    /** Arabic for Arabic, English for everything else. */
    public static Language supported(Language language) {
        return language == Language.AR ? Language.AR : Language.EN;
    }

    public boolean has(Language language, String key) {
        return sections.get(supported(language)).containsKey(key);
    }

    /** The section as Telegram HTML with its placeholders filled (values escaped and isolated). */
    public String html(Language language, String key, Map<String, ?> values) {
        Language lang = supported(language);
        String template = sections.get(lang).get(key);
        if (template == null) {
            throw new IllegalStateException("bot text missing: " + lang.code() + "/" + key);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            Object value = values.get(m.group(1));
            String replacement;
            if (value == null) {
                replacement = "";
            } else if (value instanceof SafeHtml safe) {
                replacement = safe.html();
            } else {
                replacement = Html.text(String.valueOf(value), lang);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String html(Language language, String key) {
        return html(language, key, Map.of());
    }

    /** A section as plain text (button labels, callback notices): no markup is interpreted there. */
    public String plain(Language language, String key, Map<String, ?> values) {
        return Html.parsedText(html(language, key, values));
    }
}
